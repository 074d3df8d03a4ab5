import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { rendererBuildConfig } from '../../build/renderer-build'
import { contentSecurityPolicy } from '../../main/window/csp'
import { build } from 'vite'
import { certificateKinds, kamailioTlsConfig, makeTestCertificates, type CertificateKind } from './certs'
import { freeTcpPort } from './ports'
import { TestPbx } from './pbx'
import { TestRtpengine } from './rtpengine'
import { serveStatic } from './static-server'

const root = resolve(import.meta.dirname, '../..')
export const rendererOut = join(root, 'out/renderer')

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
 * Puts the renderer the tests will load into `target`: a copy of out/renderer when that is
 * newer than its sources (the test command builds it just before), else a fresh build (a
 * developer running the e2e suite alone after editing). The suite serves its own copy, so
 * another build of out/renderer during the run cannot pull files from under a page. Returns
 * an error message instead of throwing, so the PBX smoke test still runs.
 */
export async function prepareRenderer(
  target: string,
  log: (line: string) => void = console.log,
): Promise<string> {
  const index = join(rendererOut, 'index.html')
  // build/ too: how the renderer is chunked and what index.html asks for are written there.
  const sources = Math.max(...['renderer', 'contract', 'build'].map((dir) => newestMtime(join(root, dir))))
  if (existsSync(index) && statSync(index).mtimeMs >= sources) {
    cpSync(rendererOut, target, { recursive: true })
    return ''
  }
  log('[test-bed] building the renderer (out/renderer is missing or older than its sources)')
  try {
    // The renderer alone, as electron-vite builds it (same root, plugins, build options, relative base).
    const renderer = rendererBuildConfig()
    await build({
      configFile: false,
      root: join(root, 'renderer'),
      base: './',
      plugins: renderer.plugins,
      logLevel: 'error',
      build: { ...renderer.build, outDir: target, emptyOutDir: true },
    })
    return ''
  } catch (error) {
    return `renderer build failed: ${error instanceof Error ? error.message : String(error)}`
  }
}

export interface TestBed {
  pbx: TestPbx
  rtpengine: TestRtpengine
  baseUrl: string
  runDir: string
  rendererBuildError: string
  stop(): Promise<void>
  /** SIGTERM to Kamailio and rtpengine now, synchronously: for a process about to exit. */
  terminateNow(): void
}

/**
 * Everything the e2e suite and the bench run against: Kamailio on free loopback ports with its
 * own runtime dir, the built renderer at `/` and the test peer page at `/peer/` on 127.0.0.1.
 */
export async function startTestBed(log: (line: string) => void = console.log): Promise<TestBed> {
  const runDir = mkdtempSync(join(tmpdir(), 'parley-e2e-'))
  const rendererDir = join(runDir, 'renderer')
  const rendererBuildError = await prepareRenderer(rendererDir, log)
  if (rendererBuildError) log(`[test-bed] ${rendererBuildError}`)
  const peerOut = join(runDir, 'peer')
  await build({
    configFile: false,
    root: join(root, 'e2e/peer'),
    base: './',
    logLevel: 'warn',
    build: { outDir: peerOut, emptyOutDir: true, minify: false, sourcemap: true },
  })

  const rtpengine = await TestRtpengine.create(runDir)
  await rtpengine.start()
  const certs = makeTestCertificates(join(runDir, 'tls'))
  const tlsPorts = {} as Record<CertificateKind, number>
  for (const kind of certificateKinds) tlsPorts[kind] = await freeTcpPort()
  const tlsConfigFile = join(certs.dir, 'kamailio-tls.cfg')
  writeFileSync(tlsConfigFile, kamailioTlsConfig(certs, tlsPorts))
  const pbx = await TestPbx.create(join(runDir, 'pbx'), {
    rtpengineNgPort: rtpengine.info.ngPort,
    tls: { configFile: tlsConfigFile, ports: tlsPorts, caFile: certs.caFile },
  })
  await pbx.start()
  // The renderer's CSP as a header, as Electron's main sends it (the page has no meta tag).
  const { server, port } = await serveStatic({ '/': rendererDir, '/peer/': peerOut }, 0, {
    '/': { 'content-security-policy': contentSecurityPolicy },
  })
  const baseUrl = `http://127.0.0.1:${port}`
  log(
    `[test-bed] kamailio ws://127.0.0.1:${pbx.info.wsPort} udp ${pbx.info.udpPort}; rtpengine ng ${rtpengine.info.ngPort}; pages ${baseUrl}; run dir ${runDir}`,
  )

  return {
    pbx,
    rtpengine,
    baseUrl,
    runDir,
    rendererBuildError,
    terminateNow() {
      pbx.terminateNow()
      rtpengine.terminateNow()
    },
    async stop() {
      await new Promise<void>((r) => server.close(() => r()))
      await pbx.stop()
      await rtpengine.stop()
      if (process.env.PARLEY_E2E_KEEP_RUN_DIR) log(`[test-bed] kept ${runDir}`)
      else rmSync(runDir, { recursive: true, force: true })
    },
  }
}
