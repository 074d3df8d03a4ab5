import { message, type Message } from '../../contract/i18n'
import type { AudioDevicePreference } from '../../contract/schemas'

/**
 * Finds a remembered audio device in today's device list. Device ids change across replugs,
 * reboots and browser profile resets, so an id alone is not enough: we fall back on the
 * label, then on the label without the decorations the OS adds, then on the group id. When
 * nothing matches, the system default is used and the user is told so in plain words; the
 * preference itself is never overwritten, which is what makes "switch back when it returns"
 * happen by itself on the next resolve.
 */

/** The subset of MediaDeviceInfo we rely on (keeps the module testable without a DOM). */
export interface AudioDevice {
  deviceId: string
  label: string
  groupId: string
  kind: 'audioinput' | 'audiooutput' | 'videoinput'
}

export type AudioRole = 'microphone' | 'speaker' | 'ringtone'

export type MatchedBy = 'id' | 'label' | 'normalised-label' | 'group' | 'default'

export interface Resolution {
  /** The device to use; null means the system default ('' as a device or sink id). */
  device: AudioDevice | null
  matchedBy: MatchedBy
  /** A preference exists and its device is not in the list (fallback to the default is in use). */
  missing: boolean
  /** What to tell the user (a catalogue message), or null when there is nothing to say. */
  notice: Message | null
}

/** Chromium's pseudo-devices that follow the OS choice rather than name a physical device. */
const pseudoDeviceIds = new Set(['default', 'communications'])

export function isPseudoDevice(device: Pick<AudioDevice, 'deviceId'>): boolean {
  return pseudoDeviceIds.has(device.deviceId)
}

export function deviceKindFor(role: AudioRole): 'audioinput' | 'audiooutput' {
  return role === 'microphone' ? 'audioinput' : 'audiooutput'
}

const decorationPrefix = /^\s*(default|communications)\s*-\s*/i
const usbIdSuffix = /\s*\(\s*[0-9a-f]{4}\s*:\s*[0-9a-f]{4}\s*\)\s*$/i

/** "Default - Jabra Evolve2 65 (0b0e:24db)" → "Jabra Evolve2 65": the name a person would use. */
export function displayName(label: string): string {
  let name = label
  while (decorationPrefix.test(name)) name = name.replace(decorationPrefix, '')
  return name.replace(usbIdSuffix, '').replace(/\s+/g, ' ').trim()
}

/** Comparison key: the display name, case-folded. */
export function normaliseLabel(label: string): string {
  return displayName(label).toLocaleLowerCase()
}

/** The physical devices of one kind, in list order (pseudo-devices left out). */
export function physicalDevices(devices: readonly AudioDevice[], kind: AudioDevice['kind']): AudioDevice[] {
  return devices.filter((device) => device.kind === kind && !isPseudoDevice(device))
}

/** Without microphone permission Chromium hides labels (and often ids): we cannot tell what is missing. */
export function labelsKnown(devices: readonly AudioDevice[], kind: AudioDevice['kind']): boolean {
  return devices.some((device) => device.kind === kind && device.label.trim() !== '')
}

/** Among several candidates with the same name, the one from the same physical device wins. */
function pickAmong(candidates: AudioDevice[], preference: AudioDevicePreference): AudioDevice | undefined {
  if (candidates.length <= 1) return candidates[0]
  return (
    candidates.find((device) => preference.groupId !== '' && device.groupId === preference.groupId) ??
    candidates[0]
  )
}

function usingDefault(): Resolution {
  return { device: null, matchedBy: 'default', missing: false, notice: null }
}

/** How a notice names a role's device when it has no name: "the microphone", "the ringtone device". */
export const roleWord = (role: AudioRole): Message => message(`audio.role-${role}`)

export function missingNotice(preference: AudioDevicePreference, role: AudioRole): Message {
  const name = displayName(preference.label)
  if (name !== '') return message('audio.missing-named', { name })
  return message('audio.missing-role', { role: roleWord(role) })
}

export function resolvePreference(
  preference: AudioDevicePreference | null,
  devices: readonly AudioDevice[],
  role: AudioRole,
): Resolution {
  if (preference === null) return usingDefault()
  if (preference.deviceId === '' && preference.label === '' && preference.groupId === '')
    return usingDefault()
  const kind = deviceKindFor(role)

  // A remembered pseudo-device ("communications") is honoured while the OS still offers it;
  // "default" is the system default by definition.
  if (isPseudoDevice(preference)) {
    const pseudo = devices.find((device) => device.kind === kind && device.deviceId === preference.deviceId)
    if (pseudo && preference.deviceId !== 'default')
      return { device: pseudo, matchedBy: 'id', missing: false, notice: null }
    return usingDefault()
  }

  const candidates = physicalDevices(devices, kind)
  const byId = candidates.find(
    (device) => preference.deviceId !== '' && device.deviceId === preference.deviceId,
  )
  if (byId) return { device: byId, matchedBy: 'id', missing: false, notice: null }

  // No labels yet (no permission): an absent id proves nothing, so stay quiet on the default.
  if (!labelsKnown(devices, kind)) return usingDefault()

  if (preference.label !== '') {
    const byLabel = pickAmong(
      candidates.filter((device) => device.label === preference.label),
      preference,
    )
    if (byLabel) return { device: byLabel, matchedBy: 'label', missing: false, notice: null }

    const wanted = normaliseLabel(preference.label)
    if (wanted !== '') {
      const byName = pickAmong(
        candidates.filter((device) => normaliseLabel(device.label) === wanted),
        preference,
      )
      if (byName) return { device: byName, matchedBy: 'normalised-label', missing: false, notice: null }
    }
  }

  if (preference.groupId !== '') {
    const byGroup = candidates.find((device) => device.groupId === preference.groupId)
    if (byGroup) return { device: byGroup, matchedBy: 'group', missing: false, notice: null }
  }

  return { device: null, matchedBy: 'default', missing: true, notice: missingNotice(preference, role) }
}

/** What to remember when the user picks a device; "System default" is remembered as null. */
export function preferenceFor(device: AudioDevice | null): AudioDevicePreference | null {
  if (device === null || device.deviceId === '' || device.deviceId === 'default') return null
  return { deviceId: device.deviceId, label: device.label, groupId: device.groupId }
}

/** The name behind "System default", e.g. "Jabra Evolve2 65", from Chromium's "Default - …" entry. */
export function systemDefaultName(devices: readonly AudioDevice[], kind: AudioDevice['kind']): string {
  const pseudo = devices.find((device) => device.kind === kind && device.deviceId === 'default')
  return pseudo ? displayName(pseudo.label) : ''
}

const headsetWords =
  /headset|headphone|earphone|hands-?free|jabra|plantronics|\bpoly\b|blackwire|voyager|savi|\bepos\b|sennheiser|yealink|evolve|logitech\s+h\d|zone\s+(wired|wireless|vibe)|airpods|bluetooth/i
const speakerWords =
  /speaker|built-?in|internal|realtek|high definition audio|lautsprecher|högtalare|haut-parleur|altavoces/i

export function looksLikeHeadset(device: Pick<AudioDevice, 'label'>): boolean {
  return headsetWords.test(device.label)
}

/**
 * Where to ring when no ringtone device was chosen: the computer's speakers if the system
 * default output is a headset (a ring in a headset on the desk is not heard), else the
 * system default. Null = the system default.
 */
export function automaticRingtoneDevice(devices: readonly AudioDevice[]): AudioDevice | null {
  const outputs = devices.filter((device) => device.kind === 'audiooutput')
  const systemDefault = outputs.find((device) => device.deviceId === 'default')
  if (!systemDefault || !looksLikeHeadset(systemDefault)) return null
  return (
    physicalDevices(outputs, 'audiooutput').find(
      (device) => speakerWords.test(device.label) && !looksLikeHeadset(device),
    ) ?? null
  )
}
