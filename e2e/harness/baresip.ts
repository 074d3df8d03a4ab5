import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect, createServer, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PbxInfo } from './pbx'
import { freeTcpPort, freeUdpPort } from './ports'
import { NetstringReader, netstring } from './netstring'

/** An event baresip's ctrl_tcp module reported (its JSON, the fields tests use). */
export interface BaresipEvent {
  type: string
  param?: string
  peeruri?: string
  id?: string
  raw?: Record<string, unknown>
  /** Wall-clock ms when the harness read it. */
  at: number
}

/** RTP packet counters of baresip's current call, as its own RTP stack counts them. */
export interface BaresipRtp {
  packetsSent: number
  packetsReceived: number
}

interface CtrlResponse {
  ok: boolean
  data: string
}

/**
 * baresip 1.0 (a plain SIP phone: UDP, RTP, no WebRTC) registered to the test PBX over UDP and
 * driven over its ctrl_tcp socket (JSON in netstrings). Its microphone is a 440 Hz sine
 * (`ausine`), its speaker a null player, so it needs no sound card. Every port is picked at
 * run time; its media reach a browser only through rtpengine.
 */
export class TestBaresip {
  readonly events: BaresipEvent[] = []
  private socket: Socket | null = null
  private readonly pending = new Map<string, (response: CtrlResponse) => void>()
  private nextToken = 1

  private constructor(
    readonly user: string,
    private readonly pbx: PbxInfo,
    private readonly dir: string,
    private readonly child: ChildProcess,
  ) {}

  get uri(): string {
    return `sip:${this.user}@${this.pbx.domain}`
  }

  static async start(user: string, pbx: PbxInfo): Promise<TestBaresip> {
    const dir = mkdtempSync(join(tmpdir(), `parley-e2e-baresip-${user}-`))
    const sipPort = await freeSipPort()
    const ctrlPort = await freeTcpPort()
    const rtpMin = 40_000 + Math.floor(Math.random() * 100) * 100
    writeFileSync(join(dir, 'config'), configText({ sipPort, ctrlPort, rtpMin }))
    writeFileSync(
      join(dir, 'accounts'),
      `<sip:${user}@${pbx.domain}>;auth_pass=${pbx.password};` +
        `outbound="sip:127.0.0.1:${pbx.udpPort};transport=udp";regint=600;answermode=manual\n`,
    )
    writeFileSync(join(dir, 'contacts'), '')
    const out = openSync(join(dir, 'baresip.log'), 'a')
    const child = spawn('baresip', ['-f', dir], { stdio: ['ignore', out, out], detached: true })
    closeSync(out)
    const phone = new TestBaresip(user, pbx, dir, child)
    try {
      await phone.connectCtrl(ctrlPort)
      await phone.waitRegistered()
    } catch (error) {
      await phone.close()
      throw error
    }
    return phone
  }

  /** Polls `reginfo` (the REGISTER may be answered before the control socket is connected). */
  private async waitRegistered(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const info = await this.command('reginfo')
      if (/\bOK\b/.test(info)) return
      if (Date.now() > deadline) throw new Error(`baresip ${this.user} did not register:\n${info}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  private async connectCtrl(port: number): Promise<void> {
    const deadline = Date.now() + 10_000
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`baresip exited:\n${this.logTail()}`)
      try {
        this.socket = await new Promise<Socket>((resolve, reject) => {
          const socket = connect(port, '127.0.0.1')
          socket.once('connect', () => resolve(socket))
          socket.once('error', reject)
        })
        break
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`baresip ctrl_tcp not reachable: ${String(error)}`)
        await new Promise((r) => setTimeout(r, 100))
      }
    }
    const reader = new NetstringReader()
    this.socket.on('data', (chunk: Buffer) => {
      for (const message of reader.push(chunk)) this.receive(message)
    })
    this.socket.on('error', () => undefined)
  }

  private receive(message: string): void {
    const parsed = JSON.parse(message) as Record<string, unknown>
    if (parsed.response) {
      const settle = this.pending.get(String(parsed.token))
      this.pending.delete(String(parsed.token))
      // Menu output is coloured for a terminal; tests read plain text.
      const data = String(parsed.data ?? '').replace(/\x1b\[[0-9;]*m/g, '')
      settle?.({ ok: parsed.ok === true, data })
    } else if (parsed.event) {
      this.events.push({
        type: String(parsed.type),
        at: Date.now(),
        ...(typeof parsed.param === 'string' ? { param: parsed.param } : {}),
        ...(typeof parsed.peeruri === 'string' ? { peeruri: parsed.peeruri } : {}),
        ...(typeof parsed.id === 'string' ? { id: parsed.id } : {}),
        raw: parsed,
      })
    }
  }

  /** Runs one menu command (`dial`, `accept`, `hangup`, `callstat`, …) and returns its output. */
  async command(command: string, params = ''): Promise<string> {
    const socket = this.socket
    if (!socket) throw new Error('baresip is not connected')
    const token = String(this.nextToken++)
    const response = await new Promise<CtrlResponse>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`baresip: no answer to ${command}`)), 5000)
      this.pending.set(token, (r) => {
        clearTimeout(timer)
        resolve(r)
      })
      socket.write(netstring(JSON.stringify({ command, params, token })))
    })
    if (!response.ok) throw new Error(`baresip ${command} ${params}: ${response.data}`)
    return response.data
  }

  dial(uri: string): Promise<string> {
    return this.command('dial', uri)
  }

  answer(): Promise<string> {
    return this.command('accept')
  }

  hangup(): Promise<string> {
    return this.command('hangup')
  }

  /** Waits for an event of `type` after the first `since` events; returns it. */
  async waitForEvent(type: string, timeoutMs = 15_000, since = 0): Promise<BaresipEvent> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = this.events.slice(since).find((event) => event.type === type)
      if (found) return found
      if (Date.now() > deadline) {
        const seen = this.events.map((event) => event.type).join(', ')
        throw new Error(`baresip ${this.user}: no ${type} within ${timeoutMs} ms (saw: ${seen})`)
      }
      await new Promise((r) => setTimeout(r, 50))
    }
  }

  /** The DTMF keys baresip recognised after the first `since` events (its CALL_DTMF_START). */
  receivedDigits(since = 0): string {
    return this.events
      .slice(since)
      .filter((event) => event.type === 'CALL_DTMF_START')
      .map((event) => event.param ?? '?')
      .join('')
  }

  /**
   * RTP packets baresip sent and received on its call, from its newest RTCP report event
   * (ctrl_tcp's CALL_RTCP carries baresip's own RTP counters; `callstat` prints none in 1.0).
   */
  rtp(since = 0): BaresipRtp | undefined {
    const report = this.events
      .slice(since)
      .filter((event) => event.type === 'CALL_RTCP')
      .at(-1)?.raw?.rtcp_stats as { tx?: { sent?: number }; rx?: { sent?: number } } | undefined
    if (!report) return undefined
    return { packetsSent: Number(report.tx?.sent ?? 0), packetsReceived: Number(report.rx?.sent ?? 0) }
  }

  /**
   * Resolves once two of baresip's RTCP reports (sent every few seconds) show its RTP packets
   * sent and received both growing.
   */
  async waitForMediaFlowing(timeoutMs = 20_000): Promise<{ before: BaresipRtp; after: BaresipRtp }> {
    const deadline = Date.now() + timeoutMs
    const since = this.events.length
    let before: BaresipRtp | undefined
    for (;;) {
      const now = this.rtp(since)
      if (now && !before) before = now
      if (
        now &&
        before &&
        now.packetsSent > before.packetsSent &&
        now.packetsReceived > before.packetsReceived
      )
        return { before, after: now }
      if (Date.now() > deadline)
        throw new Error(`baresip ${this.user}: media not flowing: ${JSON.stringify({ before, now })}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  logText(): string {
    return readFileSync(join(this.dir, 'baresip.log'), 'utf8')
  }

  logTail(lines = 40): string {
    return this.logText().split('\n').slice(-lines).join('\n')
  }

  async close(): Promise<void> {
    this.socket?.destroy()
    const child = this.child
    if (child.pid && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      process.kill(-child.pid, 'SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))])
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL')
    }
    if (!process.env.PARLEY_E2E_KEEP_RUN_DIR) rmSync(this.dir, { recursive: true, force: true })
  }
}

function configText(ports: { sipPort: number; ctrlPort: number; rtpMin: number }): string {
  return [
    'poll_method epoll',
    `sip_listen 127.0.0.1:${ports.sipPort}`,
    // Names are never resolved: the account has a numeric outbound proxy. A lookup that still
    // happens must not leave the machine.
    'dns_server 127.0.0.1:53',
    'audio_player alsa,null',
    // A 440 Hz sine as microphone; ausine makes 48 kHz stereo only, so baresip resamples.
    'audio_source ausine,440',
    'audio_alert alsa,null',
    'ausrc_srate 48000',
    'ausrc_channels 2',
    'auplay_srate 48000',
    'auplay_channels 1',
    `rtp_ports ${ports.rtpMin}-${ports.rtpMin + 99}`,
    'module_path /usr/lib/baresip/modules',
    'module g711.so',
    'module opus.so',
    'module ausine.so',
    'module alsa.so',
    'module_app account.so',
    'module_app menu.so',
    'module_app ctrl_tcp.so',
    `ctrl_tcp_listen 127.0.0.1:${ports.ctrlPort}`,
    '',
  ].join('\n')
}

/** baresip listens for SIP on UDP and TCP at the port and for SIP over TLS one above it. */
async function freeSipPort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await freeUdpPort()
    if ((await tcpFree(port)) && (await tcpFree(port + 1))) return port
  }
  throw new Error('no free SIP port for baresip')
}

function tcpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}
