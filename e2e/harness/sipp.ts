import { spawn } from 'node:child_process'
import { createSocket } from 'node:dgram'
import { resolve } from 'node:path'
import { freeUdpPort } from './ports'
import type { PbxInfo } from './pbx'

const scenarios = resolve(import.meta.dirname, '../sipp')

export interface SippRun {
  /** The UDP port SIPp listens on (a fake registrar's address is 127.0.0.1:sipPort). */
  sipPort: number
  /** SIPp's exit: 0 when the scenario completed (the call went as scripted). */
  done: Promise<{ code: number | null; output: string }>
  stop(): void
}

/**
 * Sends crafted SIP with SIPp over UDP to the test PBX (127.0.0.1 only), for what a browser
 * phone cannot send: hostile display names, extra headers such as Diversion, odd framing.
 * Scenario files live in e2e/sipp/; `keys` fill their [keyword]s.
 */
export async function runSipp(
  pbx: PbxInfo,
  options: {
    scenario: string
    service: string
    keys: Record<string, string>
    timeoutS?: number
    /** Calls to run (one after another) before SIPp exits; 1 by default. */
    calls?: number
    /** Every message SIPp sends and receives goes to this file (see sipp-messages.ts). */
    messageFile?: string
  },
): Promise<SippRun> {
  const sipPort = await freeUdpPort()
  const mediaPort = await freeUdpPort()
  const args = [
    `127.0.0.1:${pbx.udpPort}`,
    '-sf',
    resolve(scenarios, options.scenario),
    '-s',
    options.service,
    '-i',
    '127.0.0.1',
    '-p',
    String(sipPort),
    '-mi',
    '127.0.0.1',
    '-mp',
    String(mediaPort),
    '-m',
    String(options.calls ?? 1),
    '-l',
    '1',
    '-timeout',
    `${options.timeoutS ?? 60}s`,
    '-timeout_error',
    '-nostdin',
    '-key',
    'domain',
    pbx.domain,
    ...Object.entries(options.keys).flatMap(([key, value]) => ['-key', key, value]),
    // PARLEY_E2E_SIPP_TRACE=<folder>: every message SIPp saw, one file per run, for debugging
    ...(options.messageFile
      ? ['-trace_msg', '-message_file', options.messageFile]
      : process.env.PARLEY_E2E_SIPP_TRACE
        ? ['-trace_msg', '-message_file', resolve(process.env.PARLEY_E2E_SIPP_TRACE, `sipp-${sipPort}.log`)]
        : []),
  ]
  const child = spawn('sipp', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TERM: 'dumb' },
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const done = new Promise<{ code: number | null; output: string }>((resolveDone) => {
    child.once('exit', (code) => resolveDone({ code, output }))
    child.once('error', (error) => resolveDone({ code: -1, output: `${output}\n${error.message}` }))
  })
  return { sipPort, done, stop: () => void child.kill('SIGTERM') }
}

/**
 * Binds `user` at the test PBX to a SIPp UAS listening on `sipPort` (the PBX trusts UDP from
 * loopback, so no digest), so calls to `user` reach that SIPp. Called twice with two ports, the
 * user is registered twice and the PBX forks its calls. `expires: 0` removes the binding.
 */
export async function bindUserToSipp(
  pbx: PbxInfo,
  user: string,
  sipPort: number,
  expires = 120,
): Promise<void> {
  const socket = createSocket('udp4')
  await new Promise<void>((resolveBind) => socket.bind(0, '127.0.0.1', () => resolveBind()))
  const port = socket.address().port
  const callId = `bind-${user}-${sipPort}-${Date.now()}@127.0.0.1`
  const request = [
    `REGISTER sip:${pbx.domain} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:${port};rport;branch=z9hG4bK${Math.random().toString(36).slice(2)}`,
    `From: <sip:${user}@${pbx.domain}>;tag=${sipPort}`,
    `To: <sip:${user}@${pbx.domain}>`,
    `Call-ID: ${callId}`,
    'CSeq: 1 REGISTER',
    `Contact: <sip:${user}@127.0.0.1:${sipPort};transport=udp>;expires=${expires}`,
    'Max-Forwards: 70',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n')
  try {
    const answered = new Promise<string>((resolveAnswer, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to REGISTER ${user}`)), 5_000)
      socket.on('message', (data) => {
        const text = data.toString()
        if (!text.includes(callId) || /^SIP\/2\.0 1\d\d/.test(text)) return
        clearTimeout(timer)
        resolveAnswer(text.split('\r\n')[0] ?? '')
      })
    })
    socket.send(request, pbx.udpPort, '127.0.0.1')
    const status = await answered
    if (!status.startsWith('SIP/2.0 200')) throw new Error(`REGISTER ${user} got "${status}"`)
  } finally {
    socket.close()
  }
}
