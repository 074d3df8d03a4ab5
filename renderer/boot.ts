import type { ParleyApi } from '../contract/ipc'
import { mount } from 'svelte'
import { message } from '../contract/i18n'
import App from './App.svelte'
import { followCallsWithRinger } from './audio/ring-follower'
import type { Log } from './log/log'
import type { StartedPhone } from './phone-start'
import type { ShownStartView } from './start-view'
import type { Preferences } from '../contract/schemas'
import type { Outcome } from './state/api'
import { createAppState } from './state/app-state'
import { createAudioState } from './state/audio.svelte'
import { afterNextFrame, nextTask } from './state/tasks'

// This module and what it imports (Svelte, the state, the components) are evaluated.
performance.mark('parley:boot-evaluated')

export interface BootDeps extends StartedPhone {
  api: ParleyApi
  /** The api self-healing listens on: main's sleep and headset events kept from the entry on. */
  healingApi: ParleyApi
  log: Log
  /** The start view showing the registration status (plain DOM): the app takes its place. */
  start: ShownStartView
  /** Main's answer to `preferences:get`, asked by the entry. */
  preferences: Promise<Outcome<Preferences>>
}

/**
 * The UI's composition root: audio and state built once around the phone phone-start.ts built
 * (usually registered by now), wired, started, mounted in the start view's place. Loaded once
 * the start view shows signing in's answer (issue 14). The sign-in state adopts the connection
 * under way and follows the phone's registration status from its current one (the phone tells
 * a new listener its last status at once: nothing between the start view and it is lost).
 */
export async function boot(deps: BootDeps): Promise<void> {
  const { api, healingApi, log, phone, signIn, traceWantedBy, windowShown, start, preferences } = deps
  const audio = navigator.mediaDevices
    ? createAudioState({ api, phone, mediaDevices: navigator.mediaDevices, log })
    : null
  let rendered = () => {}
  const firstRender = new Promise<void>((resolve) => (rendered = resolve))
  // Loaded once the start view's answer is drawn, or once its time ran out (then not drawn).
  const answerShown = await start.answered
  const state = createAppState(phone, api, {
    audio,
    log,
    systemLocales: navigator.languages,
    signIn,
    preferences,
    firstRender,
    answerShown,
  })
  traceWantedBy(() => state.sipTrace.wanted)
  // The calls code loads once the main screen (or the login form) is shown (phone-start.ts).
  void state.afterMainScreen.then(windowShown)

  if (audio) {
    followCallsWithRinger(phone, audio.ringer, {
      silenceIncoming: () => state.dnd.enabled,
      failed: (what) => log.failed('audio', what),
      afterCallShown: (start) => void nextTask().then(start),
    })
    void audio.start()
  }
  // Self-healing is not needed to show "Registered": its code loads once signing in has an answer
  // (issue 14: the bytes before "Registered"). Nothing it needs is lost by starting then: it
  // reads whether the window is online, the phone tells it the registration status reached,
  // and main's sleep and headset events from before are kept for it (the entry's healingApi).
  void state.afterSignIn
    .then(() => import('./lifecycle/self-healing'))
    .then(({ startSelfHealing }) =>
      startSelfHealing({
        phone,
        api: healingApi,
        log,
        devices: audio?.devices ?? { refresh: async () => undefined },
        window,
        onNetworkChange: (online) => state.ui.announce(message(online ? 'network.back' : 'network.gone')),
      }),
    )
    .catch(log.failed('window', 'self-healing could not start'))

  // Tasks, none long: building, then starting (the sign-in state adopts the connection the
  // phone began, or shows why there is none), then the first render. The state runs for the
  // window's lifetime: nothing stops it.
  await nextTask()
  state.start()
  performance.mark('parley:started')
  await nextTask()
  const target = document.getElementById('app')
  if (!target) throw new Error('#app is missing from index.html')
  // In the same task as the start view goes: "Registered" stays where it was painted.
  start.close()
  mount(App, { target, props: { state } })
  performance.mark('parley:mounted')
  void afterNextFrame().then(rendered)
}
