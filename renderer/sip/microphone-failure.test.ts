import { describe, expect, it } from 'vitest'
import { render } from '../../contract/i18n'
import { microphoneFailure } from './microphone-failure'

const failure = (name: string, text = 'Permission denied by system') =>
  Object.assign(new Error(text), { name })

describe('a call whose microphone would not open', () => {
  it('is worded by the error name, never by the browser’s text', () => {
    expect(microphoneFailure(failure('NotAllowedError')).key).toBe('call.microphone-denied')
    expect(microphoneFailure(failure('SecurityError')).key).toBe('call.microphone-denied')
    expect(microphoneFailure(failure('NotFoundError')).key).toBe('call.microphone-missing')
    expect(microphoneFailure(failure('OverconstrainedError')).key).toBe('call.microphone-missing')
    expect(microphoneFailure(failure('NotReadableError')).key).toBe('call.microphone-busy')
    expect(microphoneFailure(failure('AbortError')).key).toBe('call.microphone-busy')
    expect(microphoneFailure(failure('TypeError')).key).toBe('call.microphone-failed')
    expect(microphoneFailure('not even an error').key).toBe('call.microphone-failed')
  })

  it('reads in Swedish with nothing of the exception in it', () => {
    const said = render('sv', microphoneFailure(failure('NotReadableError', 'Could not start audio source')))
    expect(said).toBe('Samtalet avslutades: mikrofonen används av ett annat program eller fungerar inte')
    expect(said).not.toContain('Could not start')
  })
})
