import type { enAudio } from '../en/audio'

/** Ljudinställningar: enheter, testljud, nivåmätaren och vad som hände med en enhet, på svenska. */
export const svAudio: typeof enAudio = {
  'audio.title': 'Ljud',
  'audio.microphone': 'Mikrofon',
  'audio.mic-level': 'Mikrofonnivå',
  'audio.check-mic': 'Testa mikrofonen',
  'audio.speaker': 'Högtalare',
  'audio.ringtone-device': 'Enhet för ringsignal',
  'audio.test': 'Testa',
  'audio.test-speaker': 'Testa högtalaren',
  'audio.test-ringtone': 'Testa ringsignalen',
  'audio.speaker-hint': 'Samtalsljud: ditt headset eller dina högtalare.',
  'audio.ringtone-hint': 'Välj datorns högtalare för att höra samtal när du inte har headsetet på dig.',
  'audio.system-default': 'Systemets standard',
  'audio.system-default-named': (p) => `Systemets standard (${p.name})`,
  'audio.system-default-rings-on': (p) => `Systemets standard (ringer i ${p.name})`,
  'audio.unnamed-microphone': (p) => `Mikrofon ${p.index}`,
  'audio.unnamed-speaker': (p) => `Högtalare ${p.index}`,
  'audio.chosen-microphone': 'Vald mikrofon',
  'audio.chosen-speaker': 'Vald högtalare',
  'audio.not-connected': (p) => `${p.name} (inte ansluten)`,
  'audio.role-microphone': 'mikrofonen',
  'audio.role-speaker': 'högtalaren eller headsetet',
  'audio.role-ringtone': 'enheten för ringsignal',
  'audio.missing-named': (p) => `${p.name} är inte ansluten – systemets standard används`,
  'audio.missing-role': (p) => `Den valda ${p.role} är inte ansluten – systemets standard används`,
  'audio.back-named': (p) => `${p.name} är tillbaka – används igen`,
  'audio.back-role': (p) => `Den valda ${p.role} är tillbaka – används igen`,
  'audio.choices-not-loaded': (p) =>
    `Dina ljudval kunde inte läsas in, så systemets standard används: ${p.reason}`,
  'audio.choice-not-saved': (p) => `Ditt val för ${p.role} används nu men kunde inte sparas: ${p.reason}`,
  'audio.list-failed': 'Parley kunde inte läsa av ljudenheterna; de nuvarande behålls.',
  'audio.switch-call-failed': 'Parley kunde inte byta enhet för samtalsljudet.',
  'audio.switch-ringtone-failed': 'Parley kunde inte byta enhet för ringsignalen.',
  'audio.test-failed': 'Testljudet kunde inte spelas upp på den enheten.',
  'audio.mic-denied':
    'Parley får inte använda mikrofonen. Tillåt det i systeminställningarna för att höra och höras.',
  'audio.mic-failed':
    'Mikrofonen kunde inte öppnas. Används den av ett annat program eller är den urkopplad?',
}
