import type { ParleyApi } from '../contract/ipc'
import { mount } from 'svelte'
import { message } from '../contract/i18n'
import App from './App.svelte'
import { followCallsWithRinger } from './audio/ring-follower'
import { startSelfHealing } from './lifecycle/self-healing'
import type { Log } from './log/log'
import { ipcSipTrace } from './log/sip-trace'
import { createSipPhone } from './sip'
import { createAppState } from './state/app-state'
import { createAudioState } from './state/audio.svelte'
import type { SavedAccount } from './state/saved-account'
import { nextTask } from './state/tasks'
import './styles/app.css'

// This module and what it imports (SIP.js, Svelte, the state) are evaluated: see main.ts's mark.
performance.mark('parley:boot-evaluated')

export interface BootDeps {
  api: ParleyApi
  log: Log
  savedAccount: Promise<SavedAccount>
}

/**
 * Composition root of the renderer: build the phone, audio and state once, wire them, start
 * them, mount. main.ts (the entry) has already asked main for the saved account; its answer
 * comes in. Signing in starts before the first render, and the window renders while the
 * socket connects (issue 14).
 */
export async function boot({ api, log, savedAccount }: BootDeps): Promise<void> {
  const sipLog = (message: string) => log.write('warn', 'sip', message)
  // The trace is wanted until the state that knows the preference exists (see below).
  let traceWanted = () => true
  const phone = createSipPhone({ log: sipLog, trace: ipcSipTrace(api, sipLog, () => traceWanted()) })
  const audio = navigator.mediaDevices
    ? createAudioState({ api, phone, mediaDevices: navigator.mediaDevices, log })
    : null
  const state = createAppState(phone, api, {
    audio,
    log,
    systemLocales: navigator.languages,
    savedAccount,
  })
  traceWanted = () => state.sipTrace.wanted

  if (audio) {
    followCallsWithRinger(phone, audio.ringer, {
      silenceIncoming: () => state.dnd.enabled,
      failed: (what) => log.failed('audio', what),
      afterCallShown: (start) => void nextTask().then(start),
    })
    void audio.start()
  }
  startSelfHealing({
    phone,
    api,
    log,
    devices: audio?.devices ?? { refresh: async () => undefined },
    window,
    onNetworkChange: (online) => state.ui.announce(message(online ? 'network.back' : 'network.gone')),
  })

  // Three tasks, none long: building, then starting (signing in sets up the UserAgent and opens
  // the WebSocket as soon as the saved account is in), then the first render. The state runs
  // for the window's lifetime: nothing stops it.
  await nextTask()
  state.start()
  performance.mark('parley:started')
  await nextTask()
  const target = document.getElementById('app')
  if (!target) throw new Error('#app is missing from index.html')
  mount(App, { target, props: { state } })
  performance.mark('parley:mounted')
}
