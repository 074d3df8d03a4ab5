import { plural } from '../language'

/** Message waiting (RFC 3842): the count on the Voicemail button, in the tray and on the badge. */
export const enVoicemailWaiting = {
  'mwi.new': (p: { count: number }) =>
    plural('en', p.count, { one: '1 new voicemail message', other: `${p.count} new voicemail messages` }),
  'mwi.waiting': 'New voicemail',
  'mwi.field-mailbox': 'Voicemail mailbox',
  'mwi.field-watch': 'New voicemail indicator',
}
