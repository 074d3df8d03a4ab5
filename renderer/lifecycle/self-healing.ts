import { ipcLog, type Log } from '../log/log'
import type { ParleyApi } from '../../contract/ipc'
import type { Phone } from '../sip/types'
import {
  defaultHealingConfig,
  healingStep,
  initialHealingState,
  type HealingAction,
  type HealingConfig,
  type HealingInput,
  type HealingState,
} from './healing-policy'

/**
 * Wires the events that matter for self-healing to the healing policy and carries out its
 * actions: sleep/wake and lock/unlock from main's power service, USB headset attach/detach
 * from main's headset service, the browser's online/offline, and the phone's registration.
 */

export interface WindowPort {
  addEventListener(type: 'online' | 'offline', listener: () => void): void
  removeEventListener(type: 'online' | 'offline', listener: () => void): void
  readonly navigator: { readonly onLine: boolean }
  setTimeout(handler: () => void, ms: number): number
  clearTimeout(id: number): void
}

export interface DeviceRefresher {
  refresh(options?: { reapply?: boolean }): Promise<void>
}

export type HealingPhone = Pick<Phone, 'on' | 'reconnect' | 'suspend' | 'wake'>

export interface SelfHealingOptions {
  phone: HealingPhone
  api: ParleyApi
  /** Main's log; defaults to one over `api`. */
  log?: Log
  devices: DeviceRefresher
  window: WindowPort
  /** Told when the network goes away or comes back (for an indicator). */
  onNetworkChange?: (online: boolean) => void
  now?: () => number
  config?: Partial<HealingConfig>
  /**
   * Extra device re-reads after a headset event or a wake-up: the OS audio endpoint of a USB
   * headset shows up a moment after the USB device does, and Chromium may miss the
   * devicechange across sleep.
   */
  followUpRefreshMs?: readonly number[]
}

export const defaultFollowUpRefreshMs: readonly number[] = [1_000, 3_000]

/** Starts self-healing; returns the function that stops it and removes every listener. */
export function startSelfHealing(options: SelfHealingOptions): () => void {
  const { phone, api, devices, window: win } = options
  const now = options.now ?? (() => Date.now())
  const config: HealingConfig = { ...defaultHealingConfig, ...options.config }
  const followUps = options.followUpRefreshMs ?? defaultFollowUpRefreshMs
  const failed = (what: string) => (options.log ?? ipcLog(api)).failed('healing', what)
  let state: HealingState = initialHealingState(win.navigator.onLine)
  let stopped = false
  const timers = new Set<number>()

  const clearFollowUps = () => {
    for (const id of timers) win.clearTimeout(id)
    timers.clear()
  }

  const refreshDevices = (reapply: boolean) => {
    devices.refresh({ reapply }).catch(failed('re-reading the audio devices failed'))
    clearFollowUps()
    for (const delay of followUps) {
      const id = win.setTimeout(() => {
        timers.delete(id)
        if (!stopped) devices.refresh().catch(failed('re-reading the audio devices failed'))
      }, delay)
      timers.add(id)
    }
  }

  const perform = (action: HealingAction) => {
    switch (action.type) {
      case 'suspend-phone':
        phone.suspend().catch(failed('signing off before sleep failed'))
        return
      case 'reconnect': {
        // After our own sign-off for sleep the phone wakes with the account it had.
        const attempt = action.afterSleep ? phone.wake() : phone.reconnect(action.reason)
        attempt.then(
          () => dispatch({ type: 'reconnect-settled', ok: true }),
          () => dispatch({ type: 'reconnect-settled', ok: false }),
        )
        return
      }
      case 'refresh-devices':
        refreshDevices(action.reapply)
        return
      case 'network':
        options.onNetworkChange?.(action.online)
        return
    }
  }

  function dispatch(input: HealingInput): void {
    if (stopped) return
    const step = healingStep(state, input, now(), config)
    state = step.state
    for (const action of step.actions) perform(action)
  }

  const onOnline = () => dispatch({ type: 'online' })
  const onOffline = () => dispatch({ type: 'offline' })
  win.addEventListener('online', onOnline)
  win.addEventListener('offline', onOffline)

  const unsubscribers = [
    () => win.removeEventListener('online', onOnline),
    () => win.removeEventListener('offline', onOffline),
    phone.on('registration', (status) => dispatch({ type: 'registration', state: status.state })),
    api.on('power', (event) => {
      switch (event.kind) {
        case 'suspend':
          return dispatch({ type: 'suspend' })
        case 'resume':
          return dispatch({ type: 'resume' })
        case 'lock-screen':
          return dispatch({ type: 'lock' })
        case 'unlock-screen':
          return dispatch({ type: 'unlock' })
      }
    }),
    api.on('headset', () => {
      if (!stopped) refreshDevices(false)
    }),
  ]

  return () => {
    if (stopped) return
    stopped = true
    clearFollowUps()
    for (const unsubscribe of unsubscribers) unsubscribe()
  }
}
