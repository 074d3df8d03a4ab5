import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { accountFor } from '../../e2e/harness/app'
import { TestPeer } from '../../e2e/harness/peer'
import { startTestBed, type TestBed } from '../../e2e/harness/test-bed'
import { createHeadlessMain, type HeadlessMain } from '../../main/headless'
import { startDemoServer, type DemoServer } from './demo-server'

/** You, and the colleagues the demo gives you (SIP.js phones in headless Chromium). */
export const demoUser = { user: '9900', displayName: 'You (demo)' }
export const demoColleagues = {
  answers: { user: '9901', name: 'Astrid Berg' },
  callsYou: { user: '9902', name: 'Johan Lind' },
  busy: { user: '9903', name: 'Maria Ek' },
} as const

/** How long after you are registered Johan calls you. */
export const callYouAfterMs = 5_000

export interface Demo {
  url: string
  main: HeadlessMain
  bed: TestBed
  stop(): Promise<void>
}

/**
 * `npm run demo` without the terminal: the e2e test bed (Kamailio and rtpengine on loopback,
 * the built renderer), the real main handlers headless with you signed in, three colleagues in
 * the contacts (Astrid answers and her phone plays a tone, Johan calls you a few seconds
 * after you are registered, Maria is busy: 486), and the page served for any browser.
 */
export async function startDemo(log: (line: string) => void = console.log): Promise<Demo> {
  const stops: (() => Promise<unknown> | void)[] = []
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    // Every step runs even when one fails (a browser already gone), and each failure is said.
    for (const step of stops.reverse())
      await Promise.resolve()
        .then(step)
        .catch((error: unknown) => log(`[demo] stopping: ${String(error)}`))
  }
  try {
    const bed = await startTestBed(log)
    stops.push(() => bed.stop())
    if (bed.rendererBuildError) throw new Error(bed.rendererBuildError)
    const server = await startDemoServer(bed.baseUrl)
    stops.push(() => server.stop())
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-demo-'))
    stops.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const main = await createHeadlessMain({
      dataDir,
      rendererUrl: server.base,
      logDir: join(dataDir, 'logs'),
    })
    stops.push(() => main.stop())
    await signIn(main, bed)
    const peers = await startColleagues(bed)
    stops.push(...peers.map((peer) => () => peer.close()))
    callWhenRegistered(server, main, peers[1] as TestPeer, `sip:${demoUser.user}@${bed.pbx.info.domain}`, log)
    return { url: server.url, main, bed, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

async function signIn(main: HeadlessMain, bed: TestBed): Promise<void> {
  const { pbx } = bed
  const saved = await main.dispatch('account:save', {
    account: accountFor(demoUser, pbx.info),
    password: pbx.info.password,
  })
  if (!saved.ok) throw new Error(`the demo account could not be stored: ${saved.error.message}`)
  for (const colleague of Object.values(demoColleagues)) {
    await main.dispatch('contacts:save', {
      id: `demo-${colleague.user}`,
      name: colleague.name,
      numbers: [{ kind: 'extension', value: colleague.user }],
    })
  }
}

async function startColleagues(bed: TestBed): Promise<TestPeer[]> {
  const { answers, callsYou, busy } = demoColleagues
  const start = (colleague: { user: string; name: string }) =>
    TestPeer.start(colleague.user, bed.pbx.info, bed.baseUrl, colleague.name)
  const peers = await Promise.all([start(answers), start(callsYou), start(busy)])
  // Chromium's fake microphone beeps: Astrid's answer is a tone you hear.
  await peers[0]?.setAutoAnswer(true, 1500)
  await peers[2]?.setRejectIncoming(486)
  return peers
}

/** Johan calls once, a few seconds after the window first reports it is registered. */
function callWhenRegistered(
  server: DemoServer,
  main: HeadlessMain,
  caller: TestPeer,
  target: string,
  log: (line: string) => void,
): void {
  let called = false
  server.attach(main, (channel, request) => {
    const registered = (request as { registration?: string } | undefined)?.registration === 'registered'
    if (called || channel !== 'phone:status' || !registered) return
    called = true
    setTimeout(() => {
      log(`[demo] ${demoColleagues.callsYou.name} calls you now`)
      caller.call(target).catch((error: unknown) => log(`[demo] the call to you failed: ${String(error)}`))
    }, callYouAfterMs)
  })
}
