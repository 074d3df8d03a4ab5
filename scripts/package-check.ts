// Proves on a Linux machine without the Electron binary what can be proved about packaging:
// the electron-builder config is valid and says what the installers promise, the app builds,
// electron-builder packs it (with a placeholder Electron via `electronDist`) into an app.asar
// holding the built main/preload/renderer and nothing else, and the afterPack hook flips the
// fuses. Everything happens in a private copy of the project under the temp dir (node_modules
// hard-linked), so a teammate's concurrent build of out/ cannot pull files from under it.
// Run: `npx tsx scripts/package-check.ts [--skip-build]` (--skip-build packs the existing out/).
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { extractFile, getRawHeader } from '@electron/asar'
import { getCurrentFuseWire } from '@electron/fuses'
import { Packager } from 'electron-builder'
import { parleyFuseConfig } from '../build/fuse-config.mjs'
// The checks themselves are pure (unit-tested in package-check-lib.test.ts); this script runs them.
import * as lib from './package-check-lib'

const projectDir = resolve(import.meta.dirname, '..')
const skipBuild = process.argv.includes('--skip-build')
const problems: string[] = []

function step(title: string): void {
  console.log(`\n▶ ${title}`)
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env })
  if (result.status !== 0) {
    console.error(
      `\n✗ package-check: \`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal})`,
    )
    process.exit(1)
  }
}

step('Validating electron-builder.yml')
// electron-builder's public API: the Packager reads electron-builder.yml and checks it against its schema.
const packager = new Packager({ projectDir })
await packager.validateConfig()
const config = packager.config
const entitlements = readFileSync(join(projectDir, 'build/entitlements.mac.plist'), 'utf8')
const configProblems = lib.checkBuilderConfig(config as unknown as Record<string, unknown>, entitlements)
problems.push(...configProblems.map((problem) => `config: ${problem}`))
console.log(
  configProblems.length === 0
    ? '  config valid (schema + Parley installer rules)'
    : `  ${configProblems.length} config problem(s):`,
)
for (const problem of configProblems) console.log(`  - ${problem}`)

const workDir = mkdtempSync(join(tmpdir(), 'parley-package-check-'))
const stageDir = join(workDir, 'project')
step(`Staging a private copy of the project in ${stageDir}`)
for (const item of ['package.json', 'package-lock.json', 'electron-builder.yml', 'build', 'resources']) {
  if (existsSync(join(projectDir, item)))
    cpSync(join(projectDir, item), join(stageDir, item), { recursive: true })
}
// Hard links: instant and no extra disk; electron-builder only reads node_modules.
const linked = spawnSync('cp', ['-al', join(projectDir, 'node_modules'), join(stageDir, 'node_modules')])
if (linked.status !== 0)
  cpSync(join(projectDir, 'node_modules'), join(stageDir, 'node_modules'), {
    recursive: true,
    verbatimSymlinks: true,
  })

if (skipBuild) {
  step('Using the existing out/ (--skip-build)')
  if (!existsSync(join(projectDir, 'out/main/index.js'))) {
    console.error('✗ package-check: no built app in out/ (run `npm run build` first, or drop --skip-build)')
    process.exit(1)
  }
  cpSync(join(projectDir, 'out'), join(stageDir, 'out'), { recursive: true })
} else {
  step('Building main, preload and renderer (electron-vite build)')
  run('npx', ['electron-vite', 'build', '--outDir', join(stageDir, 'out')], projectDir)
}

step('Packing linux-unpacked with electron-builder and a placeholder Electron')
const electronDist = join(workDir, 'electron-dist')
mkdirSync(join(electronDist, 'resources'), { recursive: true })
mkdirSync(join(electronDist, 'locales'), { recursive: true })
writeFileSync(join(electronDist, 'electron'), lib.fakeElectronBinary())
chmodSync(join(electronDist, 'electron'), 0o755)
const outputDir = join(workDir, 'dist')
run(
  'npx',
  [
    'electron-builder',
    '--linux',
    'dir',
    '--x64',
    '--publish',
    'never',
    `-c.electronDist=${electronDist}`,
    `-c.directories.output=${outputDir}`,
  ],
  stageDir,
  // A placeholder feed on the reserved .invalid domain: real builds set their own server.
  { ...process.env, PARLEY_UPDATE_URL: process.env.PARLEY_UPDATE_URL ?? 'https://updates.parley.invalid/' },
)

const appOutDir = join(outputDir, 'linux-unpacked')
const asarPath = join(appOutDir, 'resources', 'app.asar')
if (!existsSync(asarPath)) {
  console.error(`✗ package-check: electron-builder produced no ${asarPath}`)
  process.exit(1)
}

step('Inspecting app.asar')
const entries = lib.flattenAsarHeader(getRawHeader(asarPath).header)
const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
  devDependencies?: Record<string, string>
}
const contentProblems = lib.checkAsarContents(entries, Object.keys(manifest.devDependencies ?? {}))
problems.push(...contentProblems.map((problem) => `asar: ${problem}`))
for (const entry of entries.filter((item) => !item.path.startsWith('node_modules/'))) {
  console.log(`  ${entry.path}  ${lib.formatBytes(entry.size)}`)
}
if (contentProblems.length === 0) {
  const html = extractFile(asarPath, 'out/renderer/index.html').toString('utf8')
  problems.push(...lib.checkBuiltRendererHtml(html).map((problem) => `renderer: ${problem}`))
  // Will the packaged code find its modules? Main resolves from the asar's node_modules; the
  // sandboxed preload can only require what Electron polyfills.
  const shipped = new Set(entries.map((entry) => lib.packageOf(entry.path)).filter((name) => name !== null))
  const mainCode = extractFile(asarPath, 'out/main/index.js').toString('utf8')
  problems.push(
    ...lib
      .checkMainImports(lib.runtimeSpecifiers(mainCode), shipped, builtinModules)
      .map((p) => `main: ${p}`),
  )
  const preloadCode = extractFile(asarPath, 'out/preload/index.cjs').toString('utf8')
  problems.push(...lib.checkSandboxedPreload(lib.runtimeSpecifiers(preloadCode)).map((p) => `preload: ${p}`))
}
const sizes = lib.summarizeSizes(entries)
console.log(
  `  + ${entries.filter((item) => item.path.startsWith('node_modules/')).length} files from runtime dependencies:`,
)
for (const { name, size } of sizes.packages.slice(0, 12)) console.log(`    ${name}  ${lib.formatBytes(size)}`)

step('Checking the fuses the afterPack hook flipped')
const wire = (await getCurrentFuseWire(join(appOutDir, 'parley'))) as unknown as Record<string, number>
const wanted = parleyFuseConfig({ platform: 'linux', arch: 'x64' }) as unknown as Record<string, unknown>
for (const [index, value] of Object.entries(wanted).filter(([key]) => /^\d+$/.test(key))) {
  const actual = wire[index] === 49 ? true : wire[index] === 48 ? false : undefined
  if (actual !== value) problems.push(`fuse ${index}: wanted ${String(value)}, binary has ${String(actual)}`)
}
const updateYml = readFileSync(join(appOutDir, 'resources', 'app-update.yml'), 'utf8')
if (!/provider: generic/.test(updateYml)) problems.push('app-update.yml does not use the generic provider')

const asarBytes = statSync(asarPath).size
console.log('\n── package-check summary ──')
console.log(
  `  app.asar: ${lib.formatBytes(asarBytes)} on disk, ${entries.length} files (app code ${lib.formatBytes(sizes.app)}, dependencies ${lib.formatBytes(sizes.total - sizes.app)}; unpacked native files ${lib.formatBytes(sizes.unpacked)})`,
)
console.log(
  `  fuses: ${problems.some((p) => p.startsWith('fuse')) ? 'NOT as configured' : 'flipped as configured'}`,
)
if (problems.length > 0) {
  console.log(`✗ package-check failed (${problems.length}):`)
  for (const problem of problems) console.log(`  - ${problem}`)
  console.log(`  (kept ${workDir} for inspection)`)
  process.exit(1)
}
rmSync(workDir, { recursive: true, force: true })
console.log(
  `✓ package-check passed: config valid, app.asar ${lib.formatBytes(asarBytes)} holds out/main, out/preload, out/renderer, package.json and runtime dependencies only`,
)
