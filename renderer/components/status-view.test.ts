import { afterAll, beforeAll, expect, it } from 'vitest'
import { render } from '../../contract/i18n'
import { PresenceStatus } from '../../contract/presence/status'
import { statusLabel } from './status-view'

const zoneBefore = process.env.TZ
beforeAll(() => {
  process.env.TZ = 'Europe/Stockholm'
})
afterAll(() => {
  process.env.TZ = zoneBefore
})

it('shows "Lunch until 13:00" in English and "Lunch till 13:00" in Swedish, the note apart', () => {
  const now = new Date(2026, 10, 30, 11).getTime()
  const value = {
    status: PresenceStatus.Lunch,
    until: new Date(2026, 10, 30, 13).toISOString(),
    note: 'Kantinen',
  }
  expect(render('en', statusLabel(value, now, 'en').text)).toBe('Lunch until 13:00')
  expect(render('sv', statusLabel(value, now, 'sv').text)).toBe('Lunch till 13:00')
  expect(statusLabel(value, now, 'sv').note).toBe('Kantinen')
  expect(render('sv', statusLabel({ status: PresenceStatus.DoNotDisturb }, now, 'sv').text)).toBe('Stör ej')
})
