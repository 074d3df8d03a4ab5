import { spawn, type ChildProcess } from 'node:child_process'
import { createSocket, type Socket } from 'node:dgram'
import { appendFileSync, closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { freeUdpPort } from './ports'

/** What tests need to know about the media relay; plain data so it can be `provide`d. */
export interface RtpengineInfo {
  ngPort: number
  logFile: string
  /** One JSON object per line: every RFC 4733 event rtpengine relayed (its --dtmf-log-dest). */
  dtmfLogFile: string
}

/** One RFC 4733 event as rtpengine reports it: which digit, and whether a tone was played. */
export interface RelayedDtmf {
  event: number
  digit: string
  durationMs: number
  /** Wall-clock ms when the harness received the report. */
  at: number
  callId: string
}

const EVENT_DIGITS = '0123456789*#ABCD'

/**
 * rtpengine in userspace (`--table=-1`) on 127.0.0.1: the media relay Kamailio uses between a
 * WebSocket phone (ICE + DTLS-SRTP) and a plain-RTP UDP phone (baresip). Its ng port, RTP port
 * range and DTMF report socket are chosen at run time; the reports are appended to a file, so
 * test files in other processes can read what was relayed.
 */
export class TestRtpengine {
  private child: ChildProcess | null = null
  private dtmfSocket: Socket | null = null

  private constructor(readonly info: RtpengineInfo) {}

  static async create(runDir: string): Promise<TestRtpengine> {
    const info: RtpengineInfo = {
      ngPort: await freeUdpPort(),
      logFile: join(runDir, 'rtpengine.log'),
      dtmfLogFile: join(runDir, 'rtpengine-dtmf.jsonl'),
    }
    writeFileSync(info.dtmfLogFile, '')
    return new TestRtpengine(info)
  }

  async start(): Promise<void> {
    const { info } = this
    const socket = createSocket('udp4')
    socket.on('message', (message) => appendFileSync(info.dtmfLogFile, `${dtmfLine(message)}\n`))
    const dtmfPort = await new Promise<number>((resolve) =>
      socket.bind(0, '127.0.0.1', () => resolve(socket.address().port)),
    )
    this.dtmfSocket = socket
    // Its own 400-port range somewhere above the ephemeral ports others pick; rtpengine skips
    // ports that are taken, so a clash with another test bed costs nothing.
    const portMin = 20_000 + Math.floor(Math.random() * 40) * 250
    const out = openSync(info.logFile, 'a')
    const child = spawn(
      'rtpengine',
      [
        '--foreground',
        '--log-stderr',
        '--table=-1',
        '--config-file=none',
        '--interface=127.0.0.1',
        `--listen-ng=127.0.0.1:${info.ngPort}`,
        `--port-min=${portMin}`,
        `--port-max=${portMin + 249}`,
        '--no-redis-required',
        '--num-threads=1',
        '--log-level=6',
        `--dtmf-log-dest=127.0.0.1:${dtmfPort}`,
      ],
      { stdio: ['ignore', out, out], detached: true },
    )
    closeSync(out)
    this.child = child
    let exited: number | null = null
    child.once('exit', (code) => (exited = code ?? -1))
    const deadline = Date.now() + 10_000
    while (!(await answersPing(info.ngPort))) {
      if (exited !== null) throw new Error(`rtpengine exited with ${exited}:\n${this.logTail()}`)
      if (Date.now() > deadline) throw new Error(`rtpengine did not answer on ng:\n${this.logTail()}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  /** Asks rtpengine to stop at once, synchronously (a process that is exiting cannot wait). */
  terminateNow(): void {
    const child = this.child
    if (!child?.pid || child.exitCode !== null) return
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch (error) {
      // ESRCH: its group is already gone, which is what we want; anything else is worth a line
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') console.warn(`rtpengine: ${String(error)}`)
    }
  }

  async stop(): Promise<void> {
    this.dtmfSocket?.close()
    this.dtmfSocket = null
    const child = this.child
    this.child = null
    if (!child?.pid || child.exitCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    process.kill(-child.pid, 'SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL')
  }

  logTail(lines = 30): string {
    return existsSync(this.info.logFile)
      ? readFileSync(this.info.logFile, 'utf8').split('\n').slice(-lines).join('\n')
      : ''
  }
}

/** Turns one rtpengine DTMF report (JSON) into a log line with the digit spelled out. */
function dtmfLine(message: Buffer): string {
  const at = Date.now()
  try {
    const report = JSON.parse(message.toString('utf8')) as {
      callid?: string
      event?: number
      duration?: number
    }
    const event = Number(report.event)
    const relayed: RelayedDtmf = {
      event,
      digit: EVENT_DIGITS[event] ?? '?',
      durationMs: Number(report.duration ?? 0),
      at,
      callId: String(report.callid ?? ''),
    }
    return JSON.stringify(relayed)
  } catch {
    return JSON.stringify({ event: -1, digit: '?', durationMs: 0, at, callId: '', raw: message.toString() })
  }
}

/** Every DTMF event rtpengine reported so far in this run (read by any test process). */
export function relayedDtmf(info: RtpengineInfo): RelayedDtmf[] {
  return readFileSync(info.dtmfLogFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RelayedDtmf)
}

/** Sends an ng "ping" (bencoded) and resolves true on "pong". */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4')
    const done = (ok: boolean) => {
      clearTimeout(timer)
      socket.close()
      resolve(ok)
    }
    const timer = setTimeout(() => done(false), 300)
    socket.on('message', (reply) => done(reply.toString().includes('pong')))
    socket.on('error', () => done(false))
    socket.send(Buffer.from('harness d7:command4:pinge'), port, '127.0.0.1')
  })
}
