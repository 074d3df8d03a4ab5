import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  checkAsarContents,
  checkBuilderConfig,
  checkBuiltRendererHtml,
  checkMainImports,
  checkSandboxedPreload,
  fakeElectronBinary,
  flattenAsarHeader,
  packageOf,
  runtimeSpecifiers,
  summarizeSizes,
  type AsarEntry,
} from './package-check-lib'

const file = (path: string, size = 10, unpacked = false): AsarEntry => ({ path, size, unpacked })
const goodApp = [
  file('out/main/index.js'),
  file('out/preload/index.cjs'),
  file('out/renderer/index.html'),
  file('package.json'),
  file('node_modules/zod/index.js'),
]

describe('checkAsarContents', () => {
  it('accepts the built app with its runtime dependencies', () => {
    expect(checkAsarContents(goodApp, ['vitest', 'electron'])).toEqual([])
  })

  it('names every required file that is missing', () => {
    expect(checkAsarContents([file('package.json')], [])).toEqual([
      'missing out/main/index.js',
      'missing out/preload/index.cjs',
      'missing out/renderer/index.html',
    ])
  })

  it('accepts the run-time PNG images but nothing else from resources/', () => {
    expect(
      checkAsarContents([...goodApp, file('resources/tray/registered.png'), file('resources/icon.svg')], []),
    ).toEqual(['only PNG images may ship from resources/: resources/icon.svg'])
  })

  it('refuses sources, tests and configs from the repository', () => {
    const problems = checkAsarContents(
      [
        ...goodApp,
        file('main/index.ts'),
        file('out/main/chunk.test.js'),
        file('out/renderer/App.svelte'),
        file('vitest.config.ts'),
      ],
      [],
    )
    expect(problems).toEqual([
      'unexpected file outside out/ and node_modules/: main/index.ts',
      'test file shipped: out/main/chunk.test.js',
      'source file shipped: out/renderer/App.svelte',
      'unexpected file outside out/ and node_modules/: vitest.config.ts',
    ])
  })

  it('refuses a devDependency, scoped or not', () => {
    const problems = checkAsarContents(
      [...goodApp, file('node_modules/vitest/index.js'), file('node_modules/@electron/fuses/dist/index.js')],
      ['vitest', '@electron/fuses', 'svelte'],
    )
    expect(problems).toEqual([
      'devDependency shipped: node_modules/vitest',
      'devDependency shipped: node_modules/@electron/fuses',
    ])
  })
})

describe('asar header helpers', () => {
  it('flattens the archive tree into paths with sizes and unpacked flags', () => {
    const header = {
      files: {
        out: { files: { main: { files: { 'index.js': { size: 5 } } } } },
        'a.node': { size: 7, unpacked: true },
      },
    }
    expect(flattenAsarHeader(header)).toEqual([file('out/main/index.js', 5), file('a.node', 7, true)])
  })

  it('attributes node_modules files to their top-level package', () => {
    expect(packageOf('node_modules/@scope/pkg/lib/x.js')).toBe('@scope/pkg')
    expect(packageOf('node_modules/zod/v4/index.js')).toBe('zod')
    expect(packageOf('out/main/index.js')).toBeNull()
  })

  it('sums app code, dependencies and unpacked native files separately', () => {
    const sizes = summarizeSizes([
      file('out/main/index.js', 100),
      file('node_modules/zod/a.js', 300),
      file('node_modules/sip.js/b.js', 50),
      file('node_modules/usb/x.node', 999, true),
    ])
    expect(sizes).toEqual({
      total: 450,
      app: 100,
      unpacked: 999,
      packages: [
        { name: 'zod', size: 300 },
        { name: 'sip.js', size: 50 },
      ],
    })
  })
})

describe('checkBuilderConfig', () => {
  const entitlements = readFileSync(join(import.meta.dirname, '../build/entitlements.mac.plist'), 'utf8')
  const valid = {
    appId: 'app.parley.softphone',
    productName: 'Parley',
    asar: true,
    files: [{ filter: ['out/**', 'package.json', '!**/*.map'] }],
    afterPack: './build/after-pack.mjs',
    beforePack: './build/before-pack.mjs',
    protocols: [{ schemes: ['tel'] }, { schemes: ['sip'] }, { schemes: ['callto'] }],
    win: { target: ['nsis', 'msi'] },
    msi: {
      perMachine: true,
      upgradeCode: '26FCEB14-0955-421F-93C1-324C341A797F',
      createStartMenuShortcut: true,
    },
    nsis: { perMachine: false, include: 'build/installer.nsh' },
    msiProjectCreated: './build/msi-project.mjs',
    mac: {
      target: ['dmg', 'zip'],
      hardenedRuntime: true,
      extendInfo: { NSMicrophoneUsageDescription: 'calls' },
    },
    publish: { provider: 'generic', url: '${env.PARLEY_UPDATE_URL}' },
  }

  it('accepts a config that keeps every installer promise', () => {
    expect(checkBuilderConfig(valid, entitlements)).toEqual([])
  })

  it('catches a per-machine MSI without a fixed upgrade code', () => {
    expect(
      checkBuilderConfig({ ...valid, msi: { ...valid.msi, upgradeCode: undefined } }, entitlements),
    ).toEqual(['msi.upgradeCode must be a fixed GUID'])
  })

  it('catches a config without the release check before packing', () => {
    expect(checkBuilderConfig({ ...valid, beforePack: undefined }, entitlements)).toEqual([
      'beforePack must run build/before-pack.mjs (https feed, signing identity, pinned publisher)',
    ])
  })

  it('catches a platform files list that would ship the source tree', () => {
    expect(
      checkBuilderConfig({ ...valid, linux: { files: [{ filter: ['main/**'] }] } }, entitlements),
    ).toEqual(['linux.files may only exclude'])
  })

  it('catches a committed update host, a missing protocol and a missing microphone text', () => {
    const broken = {
      ...valid,
      publish: { provider: 'generic', url: 'https://updates.example.com' },
      protocols: [{ schemes: ['tel'] }],
      mac: { ...valid.mac, extendInfo: {} },
    }
    expect(checkBuilderConfig(broken, entitlements)).toEqual([
      'protocols must register sip:',
      'protocols must register callto:',
      'mac.extendInfo needs NSMicrophoneUsageDescription',
      'publish.url must come from PARLEY_UPDATE_URL, never a committed host',
    ])
  })

  it('catches entitlements without audio input', () => {
    expect(
      checkBuilderConfig(valid, entitlements.replace('com.apple.security.device.audio-input', 'x')),
    ).toEqual(['entitlements need device.audio-input'])
  })
})

describe('fakeElectronBinary', () => {
  it('carries a version-1 fuse wire with Electron defaults after the sentinel', () => {
    const bytes = fakeElectronBinary()
    const at = bytes.indexOf('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX') + 32
    expect(at).toBeGreaterThan(32)
    expect([bytes[at], bytes[at + 1]]).toEqual([1, 8])
    expect(bytes.subarray(at + 2).toString()).toBe('10110001')
  })
})

describe('checkBuiltRendererHtml', () => {
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'">`
  it('accepts a page with only external module scripts and no policy of its own', () => {
    expect(
      checkBuiltRendererHtml(
        `<head><script type="module" crossorigin src="./assets/index.js"></script></head>`,
      ),
    ).toEqual([])
  })

  it('catches a CSP meta tag, an inline script and a handler attribute', () => {
    expect(
      checkBuiltRendererHtml(`<head>${csp}<script>boot()</script></head><body onload="x()"></body>`),
    ).toEqual([
      'out/renderer/index.html carries a CSP meta tag (the policy is the app:// header)',
      'inline script in the packaged page: <script>boot()</script>',
      'inline event-handler attribute in the packaged page',
    ])
  })
})

describe('run-time module checks', () => {
  it('finds the bare specifiers a bundle loads, ignoring relative chunks', () => {
    const code = [
      'import { app } from "electron";',
      'import Store from "electron-store";',
      "import './chunk.js';",
      'export { x } from "zod/v4";',
      'const usb = await import("usb");',
      'const { ipcRenderer } = require("electron");',
    ].join('\n')
    expect(runtimeSpecifiers(code).sort()).toEqual(['electron', 'electron-store', 'usb', 'zod/v4'])
  })

  it('accepts built-ins and shipped packages in main, and names what would fail to load', () => {
    const shipped = new Set(['zod', '@scope/lib'])
    expect(
      checkMainImports(['electron', 'node:fs', 'path', 'zod/v4', '@scope/lib/x'], shipped, ['path']),
    ).toEqual([])
    expect(checkMainImports(['vite'], shipped, [])).toEqual([
      'out/main loads "vite", which is not in the packaged node_modules',
    ])
  })

  it('lets a sandboxed preload require only what Electron polyfills', () => {
    expect(checkSandboxedPreload(['electron', 'events'])).toEqual([])
    expect(checkSandboxedPreload(['electron', 'zod'])).toEqual([
      'out/preload requires "zod", which a sandboxed preload cannot load (only electron, events, timers, url): bundle it into the preload or stop importing it',
    ])
  })
})
