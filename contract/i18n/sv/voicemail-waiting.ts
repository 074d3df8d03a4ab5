import type { enVoicemailWaiting } from '../en/voicemail-waiting'
import { plural } from '../language'

/** Meddelande väntar: antalet på knappen Röstbrevlåda, i systemfältet och på ikonen. */
export const svVoicemailWaiting: typeof enVoicemailWaiting = {
  'mwi.new': (p) =>
    plural('sv', p.count, { one: '1 nytt röstmeddelande', other: `${p.count} nya röstmeddelanden` }),
  'mwi.waiting': 'Nytt röstmeddelande',
  'mwi.field-mailbox': 'Röstbrevlåda att bevaka',
  'mwi.field-watch': 'Visa nya röstmeddelanden',
}
