// Pure checks behind scripts/package-check.ts: what the builder config must say and what the
// packaged app.asar may and may not contain.

export interface AsarEntry {
  /** Path inside the archive, without a leading slash: `out/main/index.js`. */
  path: string
  size: number
  unpacked: boolean
}

interface AsarFile {
  size?: number
  unpacked?: boolean
  link?: string
}
interface AsarDirectory {
  files: Record<string, AsarDirectory | AsarFile>
}

export function flattenAsarHeader(directory: AsarDirectory, prefix = ''): AsarEntry[] {
  const entries: AsarEntry[] = []
  for (const [name, node] of Object.entries(directory.files)) {
    const path = prefix ? `${prefix}/${name}` : name
    if ('files' in node) entries.push(...flattenAsarHeader(node as AsarDirectory, path))
    else entries.push({ path, size: node.size ?? 0, unpacked: node.unpacked === true })
  }
  return entries
}

export const REQUIRED_IN_ASAR = [
  'out/main/index.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
  'package.json',
]
const ALLOWED_TOP_LEVEL = new Set(['out', 'node_modules', 'package.json', 'resources'])
const ALLOWED_FILE_PATTERNS = ['out/**', 'package.json', 'resources/icon.png', 'resources/tray/*.png']
const SOURCE_FILE = /\.(ts|mts|cts|svelte)$/
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]s$/

/** Everything wrong with the archive's contents; empty when it is right. */
export function checkAsarContents(entries: AsarEntry[], devDependencies: string[]): string[] {
  const problems: string[] = []
  const paths = new Set(entries.map((entry) => entry.path))
  for (const required of REQUIRED_IN_ASAR) {
    if (!paths.has(required)) problems.push(`missing ${required}`)
  }
  for (const { path } of entries) {
    const top = path.split('/')[0] ?? path
    if (!ALLOWED_TOP_LEVEL.has(top)) problems.push(`unexpected file outside out/ and node_modules/: ${path}`)
    else if (top === 'resources' && !path.endsWith('.png'))
      problems.push(`only PNG images may ship from resources/: ${path}`)
    else if (top === 'out' && SOURCE_FILE.test(path) && !path.endsWith('.d.ts'))
      problems.push(`source file shipped: ${path}`)
    else if (top === 'out' && TEST_FILE.test(path)) problems.push(`test file shipped: ${path}`)
    else if (top === 'out' && path.endsWith('.map')) problems.push(`source map shipped: ${path}`)
  }
  const shippedPackages = new Set(
    entries.map((entry) => packageOf(entry.path)).filter((name) => name !== null),
  )
  for (const dev of devDependencies) {
    if (shippedPackages.has(dev)) problems.push(`devDependency shipped: node_modules/${dev}`)
  }
  return problems
}

/** `node_modules/@scope/name/...` → `@scope/name`; top-level only, nested copies belong to their parent. */
export function packageOf(path: string): string | null {
  const parts = path.split('/')
  if (parts[0] !== 'node_modules' || parts.length < 2) return null
  const first = parts[1] ?? ''
  return first.startsWith('@') ? `${first}/${parts[2] ?? ''}` : first
}

export interface SizeReport {
  total: number
  app: number
  unpacked: number
  packages: { name: string; size: number }[]
}

export function summarizeSizes(entries: AsarEntry[]): SizeReport {
  const bySize = new Map<string, number>()
  let total = 0
  let app = 0
  let unpacked = 0
  for (const entry of entries) {
    if (entry.unpacked) {
      unpacked += entry.size
      continue
    }
    total += entry.size
    const name = packageOf(entry.path)
    if (name === null) app += entry.size
    else bySize.set(name, (bySize.get(name) ?? 0) + entry.size)
  }
  const packages = [...bySize].map(([name, size]) => ({ name, size })).sort((a, b) => b.size - a.size)
  return { total, app, unpacked, packages }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`
}

type Json = Record<string, unknown>
const asObject = (value: unknown): Json =>
  value !== null && typeof value === 'object' ? (value as Json) : {}
/** electron-builder normalises `files` to `[{ filter: [...] }]`; the raw YAML is a string list. */
function filePatterns(files: unknown): string[] {
  const list: unknown[] = Array.isArray(files) ? files : files === undefined || files === null ? [] : [files]
  return list.flatMap((item) => {
    if (typeof item === 'string') return [item]
    const filter = asObject(item).filter
    return Array.isArray(filter) ? filter.map(String) : typeof filter === 'string' ? [filter] : []
  })
}

const GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i

/** What Parley's installers promise (issue 6), checked against the resolved builder config. */
export function checkBuilderConfig(config: Json, entitlementsPlist: string): string[] {
  const problems: string[] = []
  const expect = (ok: boolean, message: string) => {
    if (!ok) problems.push(message)
  }
  expect(config.appId === 'app.parley.softphone', 'appId must be app.parley.softphone')
  expect(config.productName === 'Parley', 'productName must be Parley')
  expect(config.asar !== false, 'asar must be on (OnlyLoadAppFromAsar needs it)')
  const files = filePatterns(config.files)
  expect(
    files.includes('out/**') && files.includes('package.json'),
    'files must list out/** and package.json',
  )
  expect(
    files
      .filter((pattern) => !pattern.startsWith('!'))
      .every((pattern) => ALLOWED_FILE_PATTERNS.includes(pattern)),
    `files may only include ${ALLOWED_FILE_PATTERNS.join(', ')} (anything else only as an exclusion)`,
  )
  for (const platform of ['win', 'mac', 'linux']) {
    const extra = filePatterns(asObject(config[platform]).files)
    expect(
      extra.every((pattern) => pattern.startsWith('!')),
      `${platform}.files may only exclude`,
    )
  }
  expect(
    typeof config.afterPack === 'string' && config.afterPack.includes('after-pack'),
    'afterPack must run build/after-pack.mjs (fuses)',
  )
  expect(
    typeof config.beforePack === 'string' && config.beforePack.includes('before-pack'),
    'beforePack must run build/before-pack.mjs (https feed, signing identity, pinned publisher)',
  )

  const schemes = (Array.isArray(config.protocols) ? config.protocols : []).flatMap((protocol) => {
    const list = asObject(protocol).schemes
    return Array.isArray(list) ? list.map(String) : []
  })
  for (const scheme of ['tel', 'sip', 'callto'])
    expect(schemes.includes(scheme), `protocols must register ${scheme}:`)

  const win = asObject(config.win)
  const winTargets = JSON.stringify(win.target ?? [])
  expect(winTargets.includes('msi') && winTargets.includes('nsis'), 'win.target must build msi and nsis')
  const msi = asObject(config.msi)
  expect(msi.perMachine === true, 'msi.perMachine must be true')
  expect(
    typeof msi.upgradeCode === 'string' && GUID.test(msi.upgradeCode),
    'msi.upgradeCode must be a fixed GUID',
  )
  expect(msi.createStartMenuShortcut !== false, 'msi must create a Start-menu shortcut')
  expect(asObject(config.nsis).perMachine !== true, 'nsis must install per user')
  expect(
    String(config.msiProjectCreated ?? '').includes('msi-project') &&
      String(asObject(config.nsis).include ?? '').includes('installer.nsh'),
    'Windows installers must register the link capabilities and (MSI) create the locked policy folder (msiProjectCreated: build/msi-project.mjs + nsis.include)',
  )

  const mac = asObject(config.mac)
  const macTargets = JSON.stringify(mac.target ?? [])
  expect(
    macTargets.includes('dmg') && macTargets.includes('zip'),
    'mac.target must build dmg and zip (zip feeds updates)',
  )
  expect(mac.hardenedRuntime !== false, 'mac.hardenedRuntime must stay on')
  expect(
    typeof asObject(mac.extendInfo).NSMicrophoneUsageDescription === 'string',
    'mac.extendInfo needs NSMicrophoneUsageDescription',
  )
  expect(
    entitlementsPlist.includes('com.apple.security.device.audio-input'),
    'entitlements need device.audio-input',
  )
  expect(
    entitlementsPlist.includes('com.apple.security.cs.allow-jit'),
    'entitlements need cs.allow-jit for V8',
  )
  expect(
    !entitlementsPlist.includes('disable-library-validation'),
    'entitlements must not disable library validation',
  )

  const publish = asObject(Array.isArray(config.publish) ? config.publish[0] : config.publish)
  expect(publish.provider === 'generic', 'publish must use the generic provider')
  expect(
    publish.url === '${env.PARLEY_UPDATE_URL}',
    'publish.url must come from PARLEY_UPDATE_URL, never a committed host',
  )
  const secrets = JSON.stringify(config).match(
    /"(APPLE_[A-Z_]*PASSWORD|password|cscKeyPassword|CSC_KEY_PASSWORD)"\s*:/gi,
  )
  expect(secrets === null, 'no signing or notarization secret may be committed in the config')
  return problems
}

// The fuse wire as Electron lays it out (see @electron/fuses): sentinel, version, length,
// then one ASCII '0'/'1' per fuse. Electron's shipped defaults, in FuseV1Options order.
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
export const ELECTRON_DEFAULT_FUSES = '10110001'

/** A placeholder "electron" executable carrying a fuse wire, so the afterPack hook has bytes to flip. */
export function fakeElectronBinary(): Buffer {
  return Buffer.concat([
    Buffer.from('#!/bin/sh\necho "Parley package-check placeholder, not Electron" >&2\nexit 1\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]),
    Buffer.from(ELECTRON_DEFAULT_FUSES),
  ])
}

/**
 * The packaged renderer page carries no inline script of its own and no CSP meta tag: its policy
 * is the app:// handler's header (main/window/csp.ts), and a meta tag turns off Chromium's
 * preload scanner (every start-up file asked for late).
 */
export function checkBuiltRendererHtml(html: string): string[] {
  const problems: string[] = []
  if (/http-equiv\s*=\s*["']?Content-Security-Policy/i.test(html))
    problems.push('out/renderer/index.html carries a CSP meta tag (the policy is the app:// header)')
  for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
    if (!/\bsrc=/.test(tag) || !/>\s*<\/script>$/.test(tag))
      problems.push(`inline script in the packaged page: ${tag.slice(0, 60)}`)
  }
  if (/\son[a-z]+\s*=/i.test(html)) problems.push('inline event-handler attribute in the packaged page')
  return problems
}

/** Module specifiers a built bundle loads at run time: static/dynamic imports and require calls. */
export function runtimeSpecifiers(code: string): string[] {
  const found = new Set<string>()
  const patterns = [
    /^\s*import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["']/gm,
    /^\s*export\s+[^'"]*?\s+from\s+["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ]
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1] as string)
  return [...found].filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('/'))
}

const packageName = (specifier: string) =>
  specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : (specifier.split('/')[0] ?? specifier)

/** The main bundle may load Node built-ins, electron, and packages that ship in the asar. */
export function checkMainImports(
  specifiers: string[],
  shippedPackages: Set<string>,
  builtins: readonly string[],
): string[] {
  return specifiers
    .filter(
      (specifier) =>
        specifier !== 'electron' && !specifier.startsWith('node:') && !builtins.includes(specifier),
    )
    .filter((specifier) => !shippedPackages.has(packageName(specifier)))
    .map((specifier) => `out/main loads "${specifier}", which is not in the packaged node_modules`)
}

// Electron's sandboxed preload has a require() polyfill that knows only these modules.
const SANDBOXED_PRELOAD_MODULES = [
  'electron',
  'events',
  'timers',
  'url',
  'node:events',
  'node:timers',
  'node:url',
]

export function checkSandboxedPreload(specifiers: string[]): string[] {
  return specifiers
    .filter((specifier) => !SANDBOXED_PRELOAD_MODULES.includes(specifier))
    .map(
      (specifier) =>
        `out/preload requires "${specifier}", which a sandboxed preload cannot load (only ${SANDBOXED_PRELOAD_MODULES.slice(0, 4).join(', ')}): bundle it into the preload or stop importing it`,
    )
}
