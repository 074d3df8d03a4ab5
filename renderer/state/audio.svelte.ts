import { ipcLog, type Failed, type Log } from '../log/log'
import { message, type Message } from '../../contract/i18n'
import type { Say } from './ui.svelte'
import type { ParleyApi } from '../../contract/ipc'
import type { Phone } from '../sip/types'
import { displayName, type AudioDevice, type AudioRole } from '../audio/device-match'
import { DeviceManager, type AudioSnapshot, type MediaDevicesPort } from '../audio/device-manager'
import { lazyMicMeter, type LevelMeter } from '../audio/lazy-mic-meter'
import type { MicMeterDeps } from '../audio/mic-meter'
import { Ringer, type RingerDeps, type TestTarget } from '../audio/ringer'

/**
 * Audio settings state: the device lists, the three choices, what is really in use, notices,
 * the microphone level. Intents: choose, testTone, startMeter/stopMeter. The device manager
 * does the work; this class only mirrors it into runes for the components.
 */

export interface DeviceOption {
  /** deviceId; '' is "System default". */
  value: string
  /** Device names as the OS gives them; our own words ("System default") as messages. */
  label: Say
  connected: boolean
}

const emptySnapshot: AudioSnapshot = {
  inputs: [],
  outputs: [],
  labelsKnown: false,
  defaultInputName: '',
  defaultOutputName: '',
  preferences: { microphone: null, speaker: null, ringtone: null },
  effective: { microphone: null, speaker: null, ringtone: null },
  routing: { inputDeviceId: '', outputDeviceId: '' },
  ringtoneSinkId: '',
  notices: [],
}

const unnamed = (role: AudioRole, index: number): Message =>
  message(role === 'microphone' ? 'audio.unnamed-microphone' : 'audio.unnamed-speaker', { index })

const chosen = (role: AudioRole): Message =>
  message(role === 'microphone' ? 'audio.chosen-microphone' : 'audio.chosen-speaker')

/** Option labels people can tell apart: OS decorations dropped, duplicates numbered, blanks named. */
export function optionsFor(role: AudioRole, snapshot: AudioSnapshot): DeviceOption[] {
  const devices = role === 'microphone' ? snapshot.inputs : snapshot.outputs
  const defaultName = role === 'microphone' ? snapshot.defaultInputName : snapshot.defaultOutputName
  const automatic =
    role === 'ringtone' && snapshot.preferences.ringtone === null ? snapshot.effective.ringtone : null
  const defaultLabel = automatic
    ? message('audio.system-default-rings-on', { name: displayName(automatic.label) })
    : defaultName
      ? message('audio.system-default-named', { name: defaultName })
      : message('audio.system-default')
  const options: DeviceOption[] = [{ value: '', label: defaultLabel, connected: true }]
  // A plain record, not reactive state: it lives only for this computation.
  const seen: Record<string, number> = {}
  devices.forEach((device, index) => {
    const name = displayName(device.label)
    if (!name) {
      options.push({ value: device.deviceId, label: unnamed(role, index + 1), connected: true })
      return
    }
    const count = (seen[name] ?? 0) + 1
    seen[name] = count
    options.push({ value: device.deviceId, label: count > 1 ? `${name} (${count})` : name, connected: true })
  })
  const preference = snapshot.preferences[role]
  if (
    preference &&
    snapshot.effective[role] === null &&
    preference.deviceId !== '' &&
    !devices.some((d) => d.deviceId === preference.deviceId)
  ) {
    const name = displayName(preference.label) || chosen(role)
    options.push({
      value: preference.deviceId,
      label: message('audio.not-connected', { name }),
      connected: false,
    })
  }
  return options
}

/** The option to show as selected: the device in use, or the remembered one that is missing. */
export function selectedFor(role: AudioRole, snapshot: AudioSnapshot): string {
  const preference = snapshot.preferences[role]
  if (!preference) return ''
  return snapshot.effective[role]?.deviceId ?? preference.deviceId
}

export class AudioState {
  snapshot = $state.raw<AudioSnapshot>(emptySnapshot)
  micLevel = $state(0)
  metering = $state(false)
  meterMessage = $state<Message | null>(null)
  testing = $state<TestTarget | null>(null)

  readonly notices: Message[] = $derived([
    ...this.snapshot.notices,
    ...(this.meterMessage ? [this.meterMessage] : []),
  ])
  readonly microphoneOptions = $derived(optionsFor('microphone', this.snapshot))
  readonly speakerOptions = $derived(optionsFor('speaker', this.snapshot))
  readonly ringtoneOptions = $derived(optionsFor('ringtone', this.snapshot))
  readonly microphone = $derived(selectedFor('microphone', this.snapshot))
  readonly speaker = $derived(selectedFor('speaker', this.snapshot))
  readonly ringtone = $derived(selectedFor('ringtone', this.snapshot))

  private unsubscribe: (() => void) | null = null

  constructor(
    readonly devices: DeviceManager,
    readonly ringer: Ringer,
    private readonly meter: LevelMeter,
  ) {}

  async start(): Promise<void> {
    this.unsubscribe ??= this.devices.subscribe((snapshot) => {
      this.snapshot = snapshot
    })
    await this.devices.start()
    this.snapshot = this.devices.snapshot()
  }

  stop(): void {
    this.stopMeter()
    this.unsubscribe?.()
    this.unsubscribe = null
    this.devices.stop()
    void this.ringer.stop()
  }

  /** The user picked an option ('' = System default). Picking the missing device keeps it. */
  async choose(role: AudioRole, deviceId: string): Promise<void> {
    const list = role === 'microphone' ? this.snapshot.inputs : this.snapshot.outputs
    const device: AudioDevice | undefined = list.find((candidate) => candidate.deviceId === deviceId)
    if (deviceId !== '' && !device) return
    await this.devices.choose(role, device ?? null)
    if (role === 'microphone' && this.metering) await this.startMeter()
  }

  async testTone(target: TestTarget): Promise<void> {
    this.testing = target
    try {
      await this.ringer.testTone(target)
    } catch {
      this.meterMessage = message('audio.test-failed')
    } finally {
      this.testing = null
    }
  }

  /** Starts the level meter on the microphone in use; also unlocks device names (permission). */
  async startMeter(): Promise<void> {
    const hadLabels = this.snapshot.labelsKnown
    try {
      await this.meter.start(this.snapshot.routing.inputDeviceId, (level) => {
        this.micLevel = level
      })
      this.metering = true
      this.meterMessage = null
      if (!hadLabels) await this.devices.refresh()
    } catch (error) {
      this.metering = false
      this.micLevel = 0
      const denied =
        error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'SecurityError')
      this.meterMessage = message(denied ? 'audio.mic-denied' : 'audio.mic-failed')
    }
  }

  stopMeter(): void {
    this.meter.stop()
    this.metering = false
    this.micLevel = 0
  }
}

export interface BrowserAudioDeps {
  api: ParleyApi
  phone: Pick<Phone, 'setAudioRouting'>
  mediaDevices: MediaDevicesPort & Pick<MediaDevices, 'getUserMedia'>
  /** Defaults to the real WebAudio / <audio> / animation-frame functions. */
  ringer?: RingerDeps
  meter?: MicMeterDeps
  /** Main's log; defaults to one over `api`. */
  log?: Log
}

/** Builds the audio state with the browser's real devices. Call start() once afterwards. */
export function createAudioState(deps: BrowserAudioDeps): AudioState {
  const failed: Failed = (what) => (deps.log ?? ipcLog(deps.api)).failed('audio', what)
  const ringer = new Ringer(
    deps.ringer ?? {
      createContext: () => new AudioContext(),
      createAudioElement: () => new Audio(),
      failed,
    },
  )
  const meter = lazyMicMeter(
    deps.meter ?? {
      getUserMedia: (constraints) => deps.mediaDevices.getUserMedia(constraints),
      createContext: () => new AudioContext(),
      requestFrame: (callback) => requestAnimationFrame(callback),
      cancelFrame: (id) => cancelAnimationFrame(id),
      failed,
    },
  )
  const devices = new DeviceManager({
    mediaDevices: deps.mediaDevices,
    api: deps.api,
    phone: deps.phone,
    ringer,
    failed,
  })
  return new AudioState(devices, ringer, meter)
}
