import { describe, expect, it } from 'vitest'
import { PresenceStatus } from '../../contract/presence/status'
import { LampKind } from './lamp'
import { lampText } from './lamp-text'

const now = new Date(2026, 10, 30, 9, 0).getTime()
const oneOClock = new Date(2026, 10, 30, 13, 0).toISOString()

describe('lampText', () => {
  it('says a status with its until time and note, in both languages', () => {
    const lamp = { kind: LampKind.Status, status: PresenceStatus.Lunch, until: oneOClock, note: 'back soon' }
    expect(lampText(lamp, 'en', now)).toBe('Lunch until 13:00 – back soon')
    expect(lampText(lamp, 'sv', now)).toBe('Lunch till 13:00 – back soon')
  })

  it('names calls, keeping a status next to "in a call"', () => {
    expect(lampText({ kind: LampKind.Ringing, status: PresenceStatus.Available }, 'en', now)).toBe('Ringing')
    expect(lampText({ kind: LampKind.InCall, status: PresenceStatus.Available }, 'sv', now)).toBe('I samtal')
    expect(lampText({ kind: LampKind.InCall, status: PresenceStatus.Meeting, note: 'x' }, 'en', now)).toBe(
      'In a call (Meeting)',
    )
  })

  it('says offline, unknown and available', () => {
    expect(lampText({ kind: LampKind.Offline, status: PresenceStatus.Available }, 'en', now)).toBe('Offline')
    expect(lampText({ kind: LampKind.Unknown, status: PresenceStatus.Available }, 'sv', now)).toBe(
      'Okänd status',
    )
    expect(
      lampText({ kind: LampKind.Available, status: PresenceStatus.Available, note: 'desk 4' }, 'en', now),
    ).toBe('Available – desk 4')
  })
})
