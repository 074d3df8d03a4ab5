import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import type { TestProject } from 'vitest/node'
import { build } from 'vite'
import { TestPbx, type PbxInfo } from './harness/pbx'
import { serveStatic } from './harness/static-server'

const root = resolve(import.meta.dirname, '..')

declare module 'vitest' {
  export interface ProvidedContext {
    pbx: PbxInfo
    baseUrl: string
    artifactsDir: string
    rendererBuildError: string
  }
}

/** Newest modification time under `dir` (recursively), 0 when missing. */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/**
 * Once per e2e run: build what is stale (renderer, peer page), start Kamailio on free ports
 * with its own runtime dir, serve the pages on 127.0.0.1, and stop it all afterwards.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const rendererOut = join(root, 'out/renderer')
  const rendererStale =
    !existsSync(join(rendererOut, 'index.html')) ||
    Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'contract'))) > statSync(join(rendererOut, 'index.html')).mtimeMs
  // A renderer that does not build fails the app tests with this message; the PBX smoke test
  // still runs, so a broken test bed and a broken app are told apart.
  let rendererBuildError = ''
  if (rendererStale) {
    console.log('[e2e] building the renderer (out/renderer is missing or older than its sources)')
    try {
      // The renderer alone, as electron-vite builds it (same root, plugin, relative base).
      await build({
        configFile: false,
        root: join(root, 'renderer'),
        base: './',
        plugins: [svelte()],
        logLevel: 'warn',
        build: { outDir: rendererOut, emptyOutDir: true },
      })
    } catch (error) {
      rendererBuildError = `renderer build failed: ${error instanceof Error ? error.message : String(error)}`
      console.error(`[e2e] ${rendererBuildError}`)
    }
  }

  const runDir = mkdtempSync(join(tmpdir(), 'parley-e2e-'))
  const peerOut = join(runDir, 'peer')
  await build({
    configFile: false,
    root: join(root, 'e2e/peer'),
    base: './',
    logLevel: 'warn',
    build: { outDir: peerOut, emptyOutDir: true, minify: false, sourcemap: true },
  })

  const pbx = await TestPbx.create(join(runDir, 'pbx'))
  await pbx.start()
  const { server, port } = await serveStatic({ '/': rendererOut, '/peer/': peerOut })

  const artifactsDir = join(root, 'e2e-artifacts')
  mkdirSync(artifactsDir, { recursive: true })
  project.provide('pbx', pbx.info)
  project.provide('baseUrl', `http://127.0.0.1:${port}`)
  project.provide('artifactsDir', artifactsDir)
  project.provide('rendererBuildError', rendererBuildError)
  console.log(`[e2e] kamailio ws://127.0.0.1:${pbx.info.wsPort} udp ${pbx.info.udpPort}; pages http://127.0.0.1:${port}; run dir ${runDir}`)

  return async () => {
    await new Promise<void>((r) => server.close(() => r()))
    await pbx.stop()
    if (process.env.PARLEY_E2E_KEEP_RUN_DIR) console.log(`[e2e] kept ${runDir}`)
    else rmSync(runDir, { recursive: true, force: true })
  }
}
