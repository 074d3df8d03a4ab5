import { message, textIdentity, type Message } from '../../contract/i18n'
import type { ParleyApi } from '../../contract/ipc'
import type { AudioDevicePreference, Preferences } from '../../contract/schemas'
import type { Failed } from '../log/log'
import type { AudioRouting, Phone } from '../sip/types'
import { request } from '../state/api'
import {
  automaticRingtoneDevice,
  displayName,
  labelsKnown,
  physicalDevices,
  preferenceFor,
  resolvePreference,
  roleWord,
  systemDefaultName,
  type AudioDevice,
  type AudioRole,
  type Resolution,
} from './device-match'

/**
 * Keeps the audio devices in use equal to what the user chose, whatever happens to the
 * hardware. It re-reads the device list when told to (devicechange here; headset and resume
 * events through the self-healing wiring), resolves each saved choice against the list, and
 * applies the result to the phone (microphone + call audio, also mid-call) and to the ringer.
 * Pure TypeScript with injected ports: no Svelte, no DOM globals.
 */

export const audioRoles: readonly AudioRole[] = ['microphone', 'speaker', 'ringtone']

export interface MediaDevicesPort {
  enumerateDevices(): Promise<readonly AudioDevice[]>
  addEventListener(type: 'devicechange', listener: () => void): void
  removeEventListener(type: 'devicechange', listener: () => void): void
}

/** Where the ringer plays: the ringtone device for rings, the call device for call waiting. */
export interface RingerSinks {
  setRingtoneSink(sinkId: string): Promise<void> | void
  setCallSink(sinkId: string): Promise<void> | void
}

export type AudioPreferences = Pick<Preferences, AudioRole>

export interface AudioSnapshot {
  inputs: AudioDevice[]
  outputs: AudioDevice[]
  /** False until the user grants microphone access: names are hidden until then. */
  labelsKnown: boolean
  /** Names behind "System default", e.g. "Jabra Evolve2 65" ('' when unknown). */
  defaultInputName: string
  defaultOutputName: string
  preferences: AudioPreferences
  /** The device really in use per role; null = the system default. */
  effective: Record<AudioRole, AudioDevice | null>
  routing: AudioRouting
  ringtoneSinkId: string
  /** What to tell the user (catalogue messages), without repeats. */
  notices: Message[]
}

export interface DeviceManagerDeps {
  mediaDevices: MediaDevicesPort
  api: ParleyApi
  phone: Pick<Phone, 'setAudioRouting'>
  ringer: RingerSinks
  /** Writes a failure's technical words to the log (the user reads the catalogue's sentence). */
  failed?: Failed
}

export interface RefreshOptions {
  /** Apply routing even when nothing changed (after sleep a track or sink may be dead). */
  reapply?: boolean
}

const noPreferences: AudioPreferences = { microphone: null, speaker: null, ringtone: null }

function sameRouting(a: AudioRouting | null, b: AudioRouting): boolean {
  return a !== null && a.inputDeviceId === b.inputDeviceId && a.outputDeviceId === b.outputDeviceId
}

/** The same messages once each, in order. */
function distinct(messages: readonly Message[]): Message[] {
  const seen = new Set<string>()
  return messages.filter((said) => {
    const key = textIdentity(said)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export class DeviceManager {
  private devices: readonly AudioDevice[] = []
  private preferences: AudioPreferences = noPreferences
  private resolutions: Record<AudioRole, Resolution> | null = null
  private appliedRouting: AudioRouting | null = null
  /** Which physical devices the OS called "default" when the routing was last applied. */
  private appliedDefaults = { input: '', output: '' }
  private appliedRingtoneSink: string | null = null
  private appliedCallSink: string | null = null
  private notices: Message[] = []
  private transientNotices: Message[] = []
  /** Messages raised outside a refresh, shown with the next one. */
  private carried: Message[] = []
  private readonly listeners = new Set<(snapshot: AudioSnapshot) => void>()
  private unsubscribers: Array<() => void> = []
  private running: Promise<void> | null = null
  private rerun = false
  private pendingReapply = false
  private started = false
  private readonly onDeviceChange = () => void this.refresh()

  constructor(private readonly deps: DeviceManagerDeps) {}

  private logFailure(what: string, error: unknown): void {
    this.deps.failed?.(what)(error)
  }

  /** Loads the saved choices, reads the devices and applies them; then follows changes. */
  async start(): Promise<void> {
    if (this.started) return
    this.started = true
    this.deps.mediaDevices.addEventListener('devicechange', this.onDeviceChange)
    this.unsubscribers.push(() =>
      this.deps.mediaDevices.removeEventListener('devicechange', this.onDeviceChange),
    )
    this.unsubscribers.push(
      this.deps.api.on('preferences-changed', (preferences) => {
        this.preferences = pickAudio(preferences)
        void this.refresh()
      }),
    )
    const loaded = await request(this.deps.api, 'preferences:get')
    if (loaded.ok) this.preferences = pickAudio(loaded.value)
    else this.carried.push(message('audio.choices-not-loaded', { reason: loaded.message }))
    await this.refresh({ reapply: true })
  }

  stop(): void {
    this.started = false
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe()
  }

  subscribe(listener: (snapshot: AudioSnapshot) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Re-reads the device list and re-applies. Calls that arrive while one is running are
   * folded into a single follow-up run, so a burst of devicechange events costs two reads.
   */
  refresh(options: RefreshOptions = {}): Promise<void> {
    this.pendingReapply ||= options.reapply ?? false
    if (this.running) {
      this.rerun = true
      return this.running
    }
    this.running = (async () => {
      do {
        this.rerun = false
        const reapply = this.pendingReapply
        this.pendingReapply = false
        await this.readAndApply(reapply)
      } while (this.rerun)
    })().finally(() => {
      this.running = null
    })
    return this.running
  }

  /** The user picked a device (null = System default): remember it, use it now. */
  async choose(role: AudioRole, device: AudioDevice | null): Promise<void> {
    const preference = preferenceFor(device)
    this.preferences = { ...this.preferences, [role]: preference }
    const saved = await request(this.deps.api, 'preferences:update', { [role]: preference })
    await this.refresh()
    if (!saved.ok) {
      this.transientNotices.push(
        message('audio.choice-not-saved', { role: roleWord(role), reason: saved.message }),
      )
      this.publish()
    }
  }

  snapshot(): AudioSnapshot {
    const effective = {
      microphone: this.resolutions?.microphone.device ?? null,
      speaker: this.resolutions?.speaker.device ?? null,
      ringtone: this.resolutions?.ringtone.device ?? null,
    }
    return {
      inputs: physicalDevices(this.devices, 'audioinput'),
      outputs: physicalDevices(this.devices, 'audiooutput'),
      labelsKnown: labelsKnown(this.devices, 'audioinput') || labelsKnown(this.devices, 'audiooutput'),
      defaultInputName: systemDefaultName(this.devices, 'audioinput'),
      defaultOutputName: systemDefaultName(this.devices, 'audiooutput'),
      preferences: { ...this.preferences },
      effective,
      routing: this.appliedRouting ?? routingFor(effective),
      ringtoneSinkId: effective.ringtone?.deviceId ?? '',
      notices: distinct([...this.notices, ...this.transientNotices]),
    }
  }

  private async readAndApply(reapply: boolean): Promise<void> {
    const messages: Message[] = this.carried.splice(0)
    try {
      this.devices = (await this.deps.mediaDevices.enumerateDevices()).map(plainDevice)
    } catch (error) {
      this.logFailure('listing the audio devices failed', error)
      messages.push(message('audio.list-failed'))
    }
    const previous = this.resolutions
    const next = {
      microphone: resolvePreference(this.preferences.microphone, this.devices, 'microphone'),
      speaker: resolvePreference(this.preferences.speaker, this.devices, 'speaker'),
      ringtone: this.resolveRingtone(),
    }
    this.resolutions = next
    for (const role of audioRoles) {
      const before = previous?.[role]
      const now = next[role]
      if (before?.missing && !now.missing && now.device) {
        const name = displayName(now.device.label)
        messages.push(
          name ? message('audio.back-named', { name }) : message('audio.back-role', { role: roleWord(role) }),
        )
      }
    }
    messages.push(...(await this.apply(next, reapply)))
    this.notices = distinct(audioRoles.map((role) => next[role].notice).filter((n) => n !== null))
    // Messages about the previous run (errors, "is back") are replaced by this run's.
    this.transientNotices = messages
    this.publish()
  }

  /** No choice made: ring on the computer speakers when the default output is a headset. */
  private resolveRingtone(): Resolution {
    const resolution = resolvePreference(this.preferences.ringtone, this.devices, 'ringtone')
    if (this.preferences.ringtone !== null || resolution.device !== null) return resolution
    return { ...resolution, device: automaticRingtoneDevice(this.devices) }
  }

  private async apply(resolutions: Record<AudioRole, Resolution>, reapply: boolean): Promise<Message[]> {
    const messages: Message[] = []
    const effective = {
      microphone: resolutions.microphone.device,
      speaker: resolutions.speaker.device,
      ringtone: resolutions.ringtone.device,
    }
    const defaults = {
      input: defaultDeviceKey(this.devices, 'audioinput'),
      output: defaultDeviceKey(this.devices, 'audiooutput'),
    }
    const wanted = routingFor(effective)
    const before = this.appliedRouting
    const routing: AudioRouting = {
      inputDeviceId: spellDefault(
        wanted.inputDeviceId,
        before?.inputDeviceId,
        defaults.input,
        reapply || defaults.input !== this.appliedDefaults.input,
      ),
      outputDeviceId: spellDefault(
        wanted.outputDeviceId,
        before?.outputDeviceId,
        defaults.output,
        reapply || defaults.output !== this.appliedDefaults.output,
      ),
    }
    if (reapply || !sameRouting(before, routing)) {
      try {
        await this.deps.phone.setAudioRouting(routing)
        this.appliedRouting = routing
        this.appliedDefaults = defaults
      } catch (error) {
        this.appliedRouting = null
        this.logFailure('switching the call audio failed', error)
        messages.push(message('audio.switch-call-failed'))
      }
    }
    const ringtoneSink = effective.ringtone?.deviceId ?? ''
    if (reapply || this.appliedRingtoneSink !== ringtoneSink) {
      try {
        await this.deps.ringer.setRingtoneSink(ringtoneSink)
        this.appliedRingtoneSink = ringtoneSink
      } catch (error) {
        this.appliedRingtoneSink = null
        this.logFailure('switching the ringtone device failed', error)
        messages.push(message('audio.switch-ringtone-failed'))
      }
    }
    if (reapply || this.appliedCallSink !== routing.outputDeviceId) {
      try {
        await this.deps.ringer.setCallSink(routing.outputDeviceId)
        this.appliedCallSink = routing.outputDeviceId
      } catch {
        // Only the call-waiting beep plays there; the ringer falls back to the default itself.
        this.appliedCallSink = null
      }
    }
    return messages
  }

  private publish(): void {
    const snapshot = this.snapshot()
    for (const listener of this.listeners) listener(snapshot)
  }
}

/** Identity of the device the OS currently calls the default ('' when the list has no "default"). */
function defaultDeviceKey(devices: readonly AudioDevice[], kind: AudioDevice['kind']): string {
  const pseudo = devices.find((device) => device.kind === kind && device.deviceId === 'default')
  return pseudo ? `${pseudo.groupId}|${pseudo.label}` : ''
}

/**
 * The system default has two spellings: '' and Chromium's "default" device. A call using the
 * default keeps the device it opened when the OS default changes (headset unplugged → the
 * track dies), and the SIP adapter only re-opens when the id changes; so when the default
 * moved (or after sleep) we switch spelling, which makes the adapter open the new default.
 */
function spellDefault(
  wanted: string,
  before: string | undefined,
  defaultKey: string,
  defaultMoved: boolean,
): string {
  if (wanted !== '' || before === undefined || defaultKey === '') return wanted
  if (before !== '' && before !== 'default') return ''
  if (!defaultMoved) return before
  return before === '' ? 'default' : ''
}

function routingFor(effective: Record<AudioRole, AudioDevice | null>): AudioRouting {
  return {
    inputDeviceId: effective.microphone?.deviceId ?? '',
    outputDeviceId: effective.speaker?.deviceId ?? '',
  }
}

function pickAudio(preferences: Preferences): AudioPreferences {
  return {
    microphone: preferences.microphone ?? null,
    speaker: preferences.speaker ?? null,
    ringtone: preferences.ringtone ?? null,
  }
}

/** MediaDeviceInfo's fields are getters on a prototype: copy them into a plain object. */
function plainDevice(device: AudioDevice): AudioDevice {
  return { deviceId: device.deviceId, label: device.label, groupId: device.groupId, kind: device.kind }
}

export type { AudioDevice, AudioDevicePreference, AudioRole }
