import { describe, expect, it } from 'vitest'
import { render } from '../../contract/i18n'
import { builtInVoicemailKeys, isVoicemailCall, voicemailButtons } from './voicemail'

describe('voicemail keys', () => {
  it('knows the mailbox menu and the keys while a message plays', () => {
    const keysOf = (during: string) =>
      builtInVoicemailKeys
        .filter((button) => button.during === during)
        .map((button) => button.key)
        .join('')
    expect(keysOf('menu')).toBe('24560*')
    expect(keysOf('playback')).toBe('1237')
    const saved = builtInVoicemailKeys[0]?.label
    expect(typeof saved === 'string' ? saved : render('sv', saved!)).toBe('Sparade meddelanden')
  })

  it("uses the admin's list instead of the built-in one when the policy names keys", () => {
    const policy = [{ key: '9', label: 'Lyssna', during: 'menu' as const }]
    expect(voicemailButtons(policy)).toEqual(policy)
    expect(voicemailButtons(undefined)).toBe(builtInVoicemailKeys)
    expect(voicemailButtons([])).toBe(builtInVoicemailKeys)
  })

  it('recognises a call we placed to 555 or to the account voicemail number', () => {
    expect(isVoicemailCall({ direction: 'outgoing', remoteNumber: '555' }, '8000')).toBe(true)
    expect(isVoicemailCall({ direction: 'outgoing', remoteNumber: '8000' }, '8000')).toBe(true)
    expect(isVoicemailCall({ direction: 'outgoing', remoteNumber: '5550' }, '555')).toBe(false)
    expect(isVoicemailCall({ direction: 'incoming', remoteNumber: '555' }, '555')).toBe(false)
    expect(isVoicemailCall({ direction: 'outgoing', remoteNumber: '' }, '')).toBe(false)
  })
})
