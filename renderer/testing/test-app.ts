import { vi } from 'vitest'
import { render, type Language } from '../../contract/i18n'
import type { AccountState } from '../../contract/ipc'
import type { Contact, HistoryEntry, Preferences } from '../../contract/schemas'
import { createAppState, type AppState } from '../state/app-state'
import type { Say } from '../state/ui.svelte'
import { defaultPreferences } from './audio'
import { FakeApi } from './fake-api'
import { FakePhone } from './fake-phone'

/** The preferences a fresh install has, in English. */
export const testPreferences: Preferences = { ...defaultPreferences, language: 'en' }

export interface TestApp {
  app: AppState
  phone: FakePhone
  api: FakeApi
  /** What the app alerted and announced so far, in English. */
  alerts(): string[]
  announcements(): string[]
  /** The same in another language (a text that is not from the catalogue stays as it was). */
  alertsIn(language: Language): string[]
  announcementsIn(language: Language): string[]
  /** Stops what start() started. */
  stop(): void
}

/**
 * The real renderer state (createAppState, as boot.ts builds it) on a FakePhone and a FakeApi
 * that answers every channel start() uses, for state tests that need the classes wired
 * together. Tests add or override handlers on `api` and move calls along on `phone`.
 */
export async function createTestApp(
  options: {
    contacts?: Contact[]
    /** What main's account:get adds (e.g. the admin's transferAllowlist); signed out otherwise. */
    account?: Partial<AccountState>
  } = {},
): Promise<TestApp> {
  const phone = new FakePhone()
  const api = new FakeApi()
    .handle('account:get', () => ({
      account: null,
      hasPassword: false,
      complete: false,
      locked: [],
      notices: [],
      ...options.account,
    }))
    .handle('preferences:get', () => testPreferences)
    .handle('contacts:list', () => options.contacts ?? [])
    .handle('history:query', () => ({ entries: [], total: 0, missedUnseen: 0 }))
    .handle('history:record', (entry) => entry as HistoryEntry)
    .handle('phone:status', () => true)
    .handle('status:get', () => ({ record: {}, schedule: [], hidden: [], scheduleLocked: false }))
    .handle('phone:incoming-notice', () => true)
    .handle('voicemail:waiting', () => true)
  const app = createAppState(phone, api, { systemLocales: ['en'] })
  const said: { alerts: Say[]; announcements: Say[] } = { alerts: [], announcements: [] }
  const { alert, announce } = app.ui
  app.ui.alert = (message) => {
    said.alerts.push(message)
    alert.call(app.ui, message)
  }
  app.ui.announce = (message) => {
    said.announcements.push(message)
    announce.call(app.ui, message)
  }
  const stop = app.start()
  await app.contacts.load()
  // start() loads the account in the background (with a lazily imported module): let it finish.
  await vi.waitFor(() => {
    if (app.session.stage === 'loading') throw new Error('the account is still loading')
  })
  const inLanguage = (language: Language) => (message: Say) =>
    typeof message === 'string' ? message : render(language, message)
  return {
    app,
    phone,
    api,
    alerts: () => said.alerts.map(inLanguage('en')),
    announcements: () => said.announcements.map(inLanguage('en')),
    alertsIn: (language) => said.alerts.map(inLanguage(language)),
    announcementsIn: (language) => said.announcements.map(inLanguage(language)),
    stop: () => {
      stop()
      for (const toast of app.ui.toasts) app.ui.dismissToast(toast.id)
    },
  }
}
