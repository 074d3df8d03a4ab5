import { describe, expect, it } from 'vitest'
import type { ParleyApi } from '../../contract/ipc'
import { ipcLog, logMessage, logWindowErrors } from './log'

function recordingApi(answer: (line: unknown) => Promise<unknown> = async () => ({ ok: true, value: true })) {
  const sent: unknown[] = []
  const api = {
    invoke: (channel: string, line: unknown) => {
      sent.push({ channel, line })
      return answer(line)
    },
  } as unknown as Pick<ParleyApi, 'invoke'>
  return { api, sent }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('renderer log', () => {
  it('sends lines to main over log:write with level, scope and the error described', () => {
    const { api, sent } = recordingApi()
    const log = ipcLog(api)
    log.failed('audio', 'Closing the audio context failed')(new DOMException('gone', 'InvalidStateError'))
    log.write('info', 'session', 'Signed in')
    expect(sent).toEqual([
      {
        channel: 'log:write',
        line: {
          level: 'warn',
          scope: 'audio',
          message: 'Closing the audio context failed: InvalidStateError: gone',
        },
      },
      { channel: 'log:write', line: { level: 'info', scope: 'session', message: 'Signed in' } },
    ])
  })

  it('keeps messages within the contract bound', () => {
    expect(logMessage('x'.repeat(5000))).toHaveLength(2000)
  })

  it('falls back to the console when main refuses or cannot be reached, never throwing', async () => {
    const warned: string[] = []
    const refusing = recordingApi(async () => ({
      ok: false,
      error: { code: 'invalid-input', message: 'no' },
    }))
    ipcLog(refusing.api, { warn: (text: string) => warned.push(text) }).write('warn', 'sip', 'a')
    const rejecting = recordingApi(async () => Promise.reject(new Error('no preload')))
    ipcLog(rejecting.api, { warn: (text: string) => warned.push(text) }).write('warn', 'sip', 'b')
    await settle()
    expect(warned).toEqual(['[sip] a', '[sip] b'])
  })

  it('logs uncaught errors and unhandled rejections of the window until stopped', () => {
    const { api, sent } = recordingApi()
    const target = new EventTarget()
    const stop = logWindowErrors(target as unknown as Window, ipcLog(api))
    target.dispatchEvent(Object.assign(new Event('error'), { error: new TypeError('x is undefined') }))
    target.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: 'boom' }))
    stop()
    target.dispatchEvent(Object.assign(new Event('error'), { error: new Error('after stop') }))
    expect(sent.map((entry) => (entry as { line: { message: string } }).line.message)).toEqual([
      'Uncaught error: TypeError: x is undefined',
      'Unhandled rejection: boom',
    ])
  })
})
