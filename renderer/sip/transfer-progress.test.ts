import { describe, expect, it } from 'vitest'
import { isFinal, progressFromSipfrag, progressFromStatus } from './transfer-progress'
import { message, render } from '../../contract/i18n'

describe('progressFromSipfrag', () => {
  it('maps the NOTIFY sipfrag status lines', () => {
    expect(progressFromSipfrag('SIP/2.0 100 Trying')).toEqual({ state: 'trying' })
    expect(progressFromSipfrag('SIP/2.0 180 Ringing\r\n')).toEqual({ state: 'ringing' })
    expect(progressFromSipfrag('SIP/2.0 183 Session Progress')).toEqual({ state: 'ringing' })
    expect(progressFromSipfrag('SIP/2.0 200 OK')).toEqual({ state: 'done' })
    expect(progressFromSipfrag('SIP/2.0 202 Accepted')).toEqual({ state: 'done' })
  })

  it('turns every final failure into a failed progress with a plain message', () => {
    const busy = progressFromSipfrag('SIP/2.0 486 Busy Here')
    expect(busy).toEqual({
      state: 'failed',
      message: message('transfer.failed-status', { code: 486 }),
    })
    expect(busy?.state === 'failed' && render('en', busy.message)).toBe('Transfer failed: busy (486)')
    expect(busy?.state === 'failed' && render('sv', busy.message)).toBe(
      'Kopplingen misslyckades: upptaget (486)',
    )
    const declined = progressFromSipfrag('SIP/2.0 603 Decline')
    expect(declined?.state).toBe('failed')
    const odd = progressFromSipfrag('SIP/2.0 499 Something Odd')
    // the server's own phrase never reaches the user: the code's class words it
    expect(odd?.state === 'failed' && render('en', odd.message)).toBe('Transfer failed: refused (499)')
    expect(odd?.state === 'failed' && render('sv', odd.message)).toBe(
      'Kopplingen misslyckades: nekades (499)',
    )
    expect(progressFromSipfrag('SIP/2.0 302 Moved')?.state).toBe('failed')
  })

  it('reads only the status line of a longer sipfrag', () => {
    expect(progressFromSipfrag('SIP/2.0 180 Ringing\r\nContact: <sip:x@y>\r\n\r\n')).toEqual({
      state: 'ringing',
    })
  })

  it('ignores bodies it cannot use', () => {
    for (const body of [
      undefined,
      '',
      'hello',
      'SIP/2.0 abc',
      'SIP/2.0 99 Low',
      'SIP/2.0 700 High',
      'HTTP/1.1 200 OK',
    ]) {
      expect(progressFromSipfrag(body)).toBeNull()
    }
  })

  it('keeps a hostile reason phrase short', () => {
    const progress = progressFromSipfrag(`SIP/2.0 499 ${'x'.repeat(5000)}`)
    expect(progress?.state).toBe('failed')
    expect(progress && 'message' in progress ? render('en', progress.message).length : 0).toBeLessThan(120)
  })
})

describe('progressFromStatus / isFinal', () => {
  it('classifies REFER responses and finals', () => {
    expect(progressFromStatus(202)).toEqual({ state: 'done' })
    expect(progressFromStatus(405)?.state).toBe('failed')
    expect(isFinal({ state: 'done' })).toBe(true)
    expect(isFinal({ state: 'failed', message: message('transfer.failed-timeout') })).toBe(true)
    expect(isFinal({ state: 'ringing' })).toBe(false)
    expect(isFinal({ state: 'trying' })).toBe(false)
  })
})
