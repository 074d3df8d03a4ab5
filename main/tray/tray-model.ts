import { translate, type Language, type MessageKey } from '../../contract/i18n'
import type { PhoneStatus, VoicemailWaiting } from '../../contract/schemas'

/**
 * What the tray shows for a phone state: pure, so every state is unit-tested without Electron.
 * The icon tells the most urgent thing first: ringing, then in a call, then registration.
 */

export type TrayIconName = 'ringing' | 'in-call' | 'registered' | 'connecting' | 'failed' | 'offline'

export type TrayMenuId = 'show' | 'quit'

export type TrayMenuItem =
  { kind: 'label'; label: string } | { kind: 'action'; id: TrayMenuId; label: string } | { kind: 'separator' }

export interface TrayView {
  tooltip: string
  iconName: TrayIconName
  menu: TrayMenuItem[]
}

const registrationText = {
  registered: 'tray.registered',
  connecting: 'tray.connecting',
  failed: 'tray.failed',
  unregistered: 'tray.unregistered',
} as const satisfies Record<PhoneStatus['registration'], MessageKey>

function iconFor(status: PhoneStatus): TrayIconName {
  if (status.ringing) return 'ringing'
  if (status.calls > 0) return 'in-call'
  switch (status.registration) {
    case 'registered':
      return 'registered'
    case 'connecting':
      return 'connecting'
    case 'failed':
      return 'failed'
    case 'unregistered':
      return 'offline'
  }
}

function callText(status: PhoneStatus, language: Language): string | null {
  if (status.ringing)
    return status.calls > 1
      ? translate(language, 'tray.incoming-several', { count: status.calls })
      : translate(language, 'tray.incoming')
  if (status.calls === 0) return null
  return translate(language, 'tray.calls', { count: status.calls })
}

/** The message-waiting line: the count of new messages, or just that some wait; null: none. */
export function voicemailText(voicemail: VoicemailWaiting | null, language: Language): string | null {
  if (!voicemail) return null
  if (voicemail.newCount) return translate(language, 'mwi.new', { count: voicemail.newCount })
  return voicemail.waiting && voicemail.newCount === null ? translate(language, 'mwi.waiting') : null
}

export function trayModel(
  status: PhoneStatus,
  missedUnseen: number,
  language: Language,
  voicemail: VoicemailWaiting | null = null,
): TrayView {
  const lines = [translate(language, registrationText[status.registration])]
  const calls = callText(status, language)
  if (calls) lines.push(calls)
  if (missedUnseen > 0) lines.push(translate(language, 'history.missed-count', { count: missedUnseen }))
  const waiting = voicemailText(voicemail, language)
  if (waiting) lines.push(waiting)
  return {
    tooltip: translate(language, 'tray.tooltip', { status: lines.join(' · ') }),
    iconName: iconFor(status),
    menu: [
      ...lines.map((label): TrayMenuItem => ({ kind: 'label', label })),
      { kind: 'separator' },
      { kind: 'action', id: 'show', label: translate(language, 'tray.show') },
      { kind: 'action', id: 'quit', label: translate(language, 'tray.quit') },
    ],
  }
}

/** Before the renderer reports anything. */
export const initialPhoneStatus: PhoneStatus = { registration: 'unregistered', calls: 0, ringing: false }
