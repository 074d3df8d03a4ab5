import { mount } from 'svelte'
import { message } from '../contract/i18n'
import App from './App.svelte'
import { followCallsWithRinger } from './audio/ring-follower'
import { startSelfHealing } from './lifecycle/self-healing'
import { ipcLog, logWindowErrors } from './log/log'
import { ipcSipTrace } from './log/sip-trace'
import { createSipPhone } from './sip'
import { createAppState } from './state/app-state'
import { createAudioState } from './state/audio.svelte'
import { nextTask } from './state/tasks'
import './styles/app.css'

// Composition root of the renderer: build the phone, audio and state once, wire them, mount.
const api = window.parley
// Every error the renderer does not show ends up in main's log file, once (renderer/log).
const log = ipcLog(api)
logWindowErrors(window, log)
const sipLog = (message: string) => log.write('warn', 'sip', message)
const phone = createSipPhone({ log: sipLog, trace: ipcSipTrace(api, sipLog) })
const audio = navigator.mediaDevices
  ? createAudioState({ api, phone, mediaDevices: navigator.mediaDevices, log })
  : null
const state = createAppState(phone, api, { audio, log, systemLocales: navigator.languages })

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

const target = document.getElementById('app')
if (!target) throw new Error('#app is missing from index.html')
mount(App, { target, props: { state } })
