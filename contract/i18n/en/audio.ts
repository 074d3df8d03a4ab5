/** Audio settings: devices, test sounds, the level meter and what happened to a device, in English. */
export const enAudio = {
  'audio.title': 'Audio',
  'audio.microphone': 'Microphone',
  'audio.mic-level': 'Microphone level',
  'audio.check-mic': 'Check microphone',
  'audio.speaker': 'Speaker',
  'audio.ringtone-device': 'Ringtone device',
  'audio.test': 'Test',
  'audio.test-speaker': 'Test the speaker',
  'audio.test-ringtone': 'Test the ringtone device',
  'audio.speaker-hint': 'Call audio: your headset or speakers.',
  'audio.ringtone-hint': "Choose the computer's speakers to hear calls with the headset off.",
  'audio.system-default': 'System default',
  'audio.system-default-named': (p: { name: string }) => `System default (${p.name})`,
  'audio.system-default-rings-on': (p: { name: string }) => `System default (rings on ${p.name})`,
  'audio.unnamed-microphone': (p: { index: number }) => `Microphone ${p.index}`,
  'audio.unnamed-speaker': (p: { index: number }) => `Speaker ${p.index}`,
  'audio.chosen-microphone': 'Chosen microphone',
  'audio.chosen-speaker': 'Chosen speaker',
  'audio.not-connected': (p: { name: string }) => `${p.name} (not connected)`,
  'audio.role-microphone': 'microphone',
  'audio.role-speaker': 'speaker or headset',
  'audio.role-ringtone': 'ringtone device',
  'audio.missing-named': (p: { name: string }) => `${p.name} is not connected — using the system default`,
  'audio.missing-role': (p: { role: string }) =>
    `The chosen ${p.role} is not connected — using the system default`,
  'audio.back-named': (p: { name: string }) => `${p.name} is back — using it again`,
  'audio.back-role': (p: { role: string }) => `The ${p.role} is back — using it again`,
  'audio.choices-not-loaded': (p: { reason: string }) =>
    `Your audio choices could not be loaded, so the system defaults are used: ${p.reason}`,
  'audio.choice-not-saved': (p: { role: string; reason: string }) =>
    `Your ${p.role} choice is used now but could not be saved: ${p.reason}`,
  'audio.list-failed': (p: { detail: string }) =>
    `Parley could not list the audio devices${p.detail ? ` (${p.detail})` : ''}; keeping the current ones.`,
  'audio.switch-call-failed': (p: { detail: string }) =>
    `Parley could not switch the call audio${p.detail ? ` (${p.detail})` : ''}.`,
  'audio.switch-ringtone-failed': (p: { detail: string }) =>
    `Parley could not switch the ringtone device${p.detail ? ` (${p.detail})` : ''}.`,
  'audio.test-failed': 'The test sound could not be played on that device.',
  'audio.mic-denied':
    'Parley may not use the microphone. Allow it in your system settings to hear and be heard.',
  'audio.mic-failed': 'The microphone could not be opened. Is it in use by another program or unplugged?',
}
