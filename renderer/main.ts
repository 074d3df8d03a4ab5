import { mount } from 'svelte'
import { message } from '../contract/i18n'
import App from './App.svelte'
import { followCallsWithRinger } from './audio/ring-follower'
import { startSelfHealing } from './lifecycle/self-healing'
import { createSipPhone } from './sip'
import { createAppState } from './state/app-state'
import { createAudioState } from './state/audio.svelte'
import './styles/app.css'

// Composition root of the renderer: build the phone, audio and state once, wire them, mount.
const api = window.parley
const phone = createSipPhone()
const audio = navigator.mediaDevices
  ? createAudioState({ api, phone, mediaDevices: navigator.mediaDevices })
  : null
const state = createAppState(phone, api, { audio, systemLocales: navigator.languages })

if (audio) {
  followCallsWithRinger(phone, audio.ringer, { silenceIncoming: () => state.dnd.enabled })
  void audio.start()
}
startSelfHealing({
  phone,
  api,
  devices: audio?.devices ?? { refresh: async () => undefined },
  window,
  onNetworkChange: (online) => state.ui.announce(message(online ? 'network.back' : 'network.gone')),
})

const target = document.getElementById('app')
if (!target) throw new Error('#app is missing from index.html')
mount(App, { target, props: { state } })
