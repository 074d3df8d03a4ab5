import type { PhoneStatus } from '../../contract/schemas'

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

const registrationText: Record<PhoneStatus['registration'], string> = {
  registered: 'Registered',
  connecting: 'Connecting…',
  failed: 'Not registered (failed)',
  unregistered: 'Not registered',
}

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

function callText(status: PhoneStatus): string | null {
  if (status.ringing) return status.calls > 1 ? `Incoming call (${status.calls} calls)` : 'Incoming call'
  if (status.calls === 0) return null
  return status.calls === 1 ? 'In a call' : `${status.calls} calls`
}

export function trayModel(status: PhoneStatus, missedUnseen: number): TrayView {
  const lines = [registrationText[status.registration]]
  const calls = callText(status)
  if (calls) lines.push(calls)
  if (missedUnseen > 0) lines.push(missedUnseen === 1 ? '1 missed call' : `${missedUnseen} missed calls`)
  return {
    tooltip: `Parley: ${lines.join(' · ')}`,
    iconName: iconFor(status),
    menu: [
      ...lines.map((label): TrayMenuItem => ({ kind: 'label', label })),
      { kind: 'separator' },
      { kind: 'action', id: 'show', label: 'Show Parley' },
      { kind: 'action', id: 'quit', label: 'Quit Parley' },
    ],
  }
}

/** Before the renderer reports anything. */
export const initialPhoneStatus: PhoneStatus = { registration: 'unregistered', calls: 0, ringing: false }
