import { spawn, execFileSync } from 'node:child_process'
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { connect } from 'node:net'
import { join, resolve } from 'node:path'
import { TLS_HOST } from './certs'
import { assertTcpPortFree, assertUdpPortFree, freeTcpPort, freeUdpPort } from './ports'

/** Everything a test needs to reach (and restart) the PBX; plain data so it can be `provide`d. */
export interface PbxInfo {
  wsPort: number
  udpPort: number
  runDir: string
  logFile: string
  pidFile: string
  configFile: string
  domain: string
  password: string
  /** The presence modules' db_text database (a per-run copy of Debian's empty tables). */
  dbDir: string
  /** ng port of the rtpengine that anchors WebSocket ↔ UDP calls; absent: no anchoring. */
  rtpengineNgPort?: number
  /** wss:// listeners and the Kamailio TLS config naming each one's certificate. */
  tls?: PbxTls
}

export interface PbxTls {
  configFile: string
  /** The test CA that signed the `trusted` certificate (the test browser trusts it). */
  caFile: string
  /** Port per listener name (e.g. `trusted`, `expired`), all on 127.0.0.1. */
  ports: Record<string, number>
}

export const TEST_DOMAIN = 'parley.test'
export const TEST_PASSWORD = 'parley-test-secret'
const configFile = resolve(import.meta.dirname, '../pbx/kamailio.cfg')

export function wsUrl(info: PbxInfo): string {
  return `ws://127.0.0.1:${info.wsPort}`
}

/** The wss:// address of the listener that shows certificate `kind` (see certs.ts). */
export function wssUrl(info: PbxInfo, kind: string): string {
  const port = info.tls?.ports[kind]
  if (!port) throw new Error(`the test PBX has no wss:// listener "${kind}"`)
  return `wss://${TLS_HOST}:${port}`
}

/**
 * Kamailio for one test run: own runtime dir, own ports, log to a file in that dir. The pid
 * lives in a file so any process (the global setup, or a test that restarts it) can stop the
 * current instance.
 */
export class TestPbx {
  constructor(readonly info: PbxInfo) {}

  static async create(
    runDir: string,
    extras: Pick<PbxInfo, 'rtpengineNgPort' | 'tls'> = {},
  ): Promise<TestPbx> {
    mkdirSync(runDir, { recursive: true })
    const info: PbxInfo = {
      wsPort: await freeTcpPort(),
      udpPort: await freeUdpPort(),
      runDir,
      logFile: join(runDir, 'kamailio.log'),
      pidFile: join(runDir, 'kamailio.harness.pid'),
      configFile,
      domain: TEST_DOMAIN,
      password: TEST_PASSWORD,
      dbDir: join(runDir, 'db'),
      ...extras,
    }
    return new TestPbx(info)
  }

  async start(): Promise<void> {
    const { info } = this
    // A system Kamailio (Debian starts one on install) or a previous instance must not hold them.
    await assertTcpPortFree(info.wsPort)
    await assertUdpPortFree(info.udpPort)
    prepareDatabase(info.dbDir)
    const out = openSync(info.logFile, 'a')
    const child = spawn(
      'kamailio',
      [
        '-f',
        info.configFile,
        '-DD',
        '-E',
        '-Y',
        info.runDir,
        '-w',
        info.runDir,
        '-m',
        '64',
        '-M',
        '8',
        '-l',
        `udp:127.0.0.1:${info.udpPort}`,
        '-l',
        `tcp:127.0.0.1:${info.wsPort}`,
        '-A',
        `TEST_PASSWORD="${info.password}"`,
        '-A',
        `TEST_DOMAIN="${info.domain}"`,
        '-A',
        `DB_URL="text://${info.dbDir}"`,
        // pua_dialoginfo's PUBLISHes go to this instance itself, over UDP (trusted, no auth)
        '-A',
        `PRESENCE_SERVER="sip:127.0.0.1:${info.udpPort}"`,
        ...optionalArgs(info),
      ],
      { stdio: ['ignore', out, out], detached: true },
    )
    closeSync(out)
    child.unref()
    if (!child.pid) throw new Error('kamailio did not start (is it installed?)')
    writeFileSync(info.pidFile, String(child.pid))
    let exited: number | null = null
    child.once('exit', (code) => (exited = code ?? -1))
    const deadline = Date.now() + 15_000
    while (!(await canConnect(info.wsPort))) {
      if (exited !== null)
        throw new Error(`kamailio exited with ${exited}; see ${info.logFile}:\n${this.logTail()}`)
      if (Date.now() > deadline)
        throw new Error(`kamailio did not listen on ${info.wsPort}; see ${info.logFile}`)
      await new Promise((r) => setTimeout(r, 50))
    }
  }

  /** Stops the instance named in the pid file (the whole process group: main + workers). */
  async stop(): Promise<void> {
    if (!existsSync(this.info.pidFile)) return
    const pid = Number(readFileSync(this.info.pidFile, 'utf8'))
    if (!pid) return
    signalGroup(pid, 'SIGTERM')
    const deadline = Date.now() + 5000
    while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    if (isAlive(pid)) signalGroup(pid, 'SIGKILL')
    writeFileSync(this.info.pidFile, '')
    // The listening sockets close with the workers; wait until the port is really free.
    while ((await canConnect(this.info.wsPort)) && Date.now() < deadline + 5000) {
      await new Promise((r) => setTimeout(r, 50))
    }
  }

  /** Asks the instance to stop at once, synchronously (a process that is exiting cannot wait). */
  terminateNow(): void {
    const pid = existsSync(this.info.pidFile) ? Number(readFileSync(this.info.pidFile, 'utf8')) : 0
    if (pid) signalGroup(pid, 'SIGTERM')
  }

  /** Hard stop, as if the PBX crashed or its host rebooted. */
  async kill(): Promise<void> {
    const pid = Number(readFileSync(this.info.pidFile, 'utf8'))
    if (pid) signalGroup(pid, 'SIGKILL')
    while (pid && isAlive(pid)) await new Promise((r) => setTimeout(r, 20))
    writeFileSync(this.info.pidFile, '')
  }

  async restart(): Promise<void> {
    await this.stop()
    await this.start()
  }

  logText(): string {
    return existsSync(this.info.logFile) ? readFileSync(this.info.logFile, 'utf8') : ''
  }

  logTail(lines = 40): string {
    return this.logText().split('\n').slice(-lines).join('\n')
  }

  /** PARLEY-TAP lines the config writes for every INVITE received ("rx") and sent ("tx"). */
  inviteTaps(): InviteTap[] {
    const taps: InviteTap[] = []
    const pattern = /PARLEY-TAP (rx|tx) INVITE t=(\d+)\.(\d+) ci=(\S+) fu=(\S*) ru=(\S*)/
    for (const line of this.logText().split('\n')) {
      const m = pattern.exec(line)
      if (!m) continue
      const [, way, sec, usec, callId, fromUser, ruriUser] = m
      taps.push({
        way: way as 'rx' | 'tx',
        at: Number(sec) * 1000 + Number(usec) / 1000,
        callId: callId ?? '',
        fromUser: fromUser ?? '',
        ruriUser: ruriUser ?? '',
      })
    }
    return taps
  }

  /** PARLEY-TAP lines for every PUBLISH and SUBSCRIBE the presence service received, in order. */
  presenceTaps(): PresenceTap[] {
    const pattern =
      /PARLEY-TAP presence (PUBLISH|SUBSCRIBE) ev=(\S*) fu=(\S*) ru=(\S*) exp=(\S*) if-match=(\S*)/
    const taps: PresenceTap[] = []
    for (const line of this.logText().split('\n')) {
      const m = pattern.exec(line)
      if (!m) continue
      const [, method, event, fromUser, ruriUser, expires, ifMatch] = m
      taps.push({
        method: method as PresenceTap['method'],
        event: event ?? '',
        fromUser: fromUser ?? '',
        ruriUser: ruriUser ?? '',
        expires: expires ?? '',
        // Kamailio writes <null> for a header that is not there
        ifMatch: ifMatch && ifMatch !== '<null>' ? ifMatch : undefined,
      })
    }
    return taps
  }
}

export interface PresenceTap {
  method: 'PUBLISH' | 'SUBSCRIBE'
  event: string
  fromUser: string
  ruriUser: string
  expires: string
  ifMatch: string | undefined
}

/** When the PBX received each 183 it relayed ("PARLEY-TAP rx 183" lines), wall-clock ms. */
export function progressTaps(logText: string): Array<{ at: number; callId: string }> {
  const taps: Array<{ at: number; callId: string }> = []
  for (const m of logText.matchAll(/PARLEY-TAP rx 183 t=(\d+)\.(\d+) ci=(\S+)/g))
    taps.push({ at: Number(m[1]) * 1000 + Number(m[2]) / 1000, callId: m[3] ?? '' })
  return taps
}

/** A SUBSCRIBE the presence server took ("PARLEY-TAP rx SUBSCRIBE"); `initial`: no To tag yet. */
export interface SubscribeTap {
  at: number
  event: string
  fromUser: string
  ruriUser: string
  initial: boolean
}

export function subscribeTaps(logText: string): SubscribeTap[] {
  const taps: SubscribeTap[] = []
  for (const m of logText.matchAll(
    /PARLEY-TAP rx SUBSCRIBE t=(\d+)\.(\d+) ev=(\S*) fu=(\S*) ru=(\S*) tt=(\S*)/g,
  ))
    taps.push({
      at: Number(m[1]) * 1000 + Number(m[2]) / 1000,
      event: m[3] ?? '',
      fromUser: m[4] ?? '',
      ruriUser: m[5] ?? '',
      initial: m[6] === '<null>' || m[6] === '',
    })
  return taps
}

export interface InviteTap {
  way: 'rx' | 'tx'
  /** Wall-clock ms since the epoch, microsecond precision. */
  at: number
  callId: string
  fromUser: string
  ruriUser: string
}

/** Debian's empty db_text tables (kamailio package) the presence modules use. */
const DBTEXT_SCHEMA = '/usr/share/kamailio/dbtext/kamailio'
const PRESENCE_TABLES = ['version', 'presentity', 'active_watchers', 'watchers', 'xcap', 'pua']

/**
 * The presence modules' database for one run: fresh copies of the empty tables, made before each
 * start when missing (a restart keeps what the PBX stored, as a real one would).
 */
function prepareDatabase(dir: string): void {
  mkdirSync(dir, { recursive: true })
  for (const table of PRESENCE_TABLES) {
    const target = join(dir, table)
    if (!existsSync(target)) copyFileSync(join(DBTEXT_SCHEMA, table), target)
  }
}

/** Command-line arguments for the optional parts: media anchoring and wss:// listeners. */
function optionalArgs(info: PbxInfo): string[] {
  const args: string[] = []
  if (info.rtpengineNgPort) {
    args.push('-A', 'WITH_RTPENGINE', '-A', `RTPENGINE_SOCK="udp:127.0.0.1:${info.rtpengineNgPort}"`)
  }
  if (info.tls) {
    args.push('-A', 'WITH_TLS', '-A', `TLS_CONFIG="${info.tls.configFile}"`)
    for (const port of Object.values(info.tls.ports)) args.push('-l', `tls:127.0.0.1:${port}`)
  }
  return args
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    try {
      process.kill(pid, signal)
    } catch {
      /* already gone */
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/** True when `kamailio` is on PATH. */
export function kamailioInstalled(): boolean {
  try {
    execFileSync('kamailio', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
