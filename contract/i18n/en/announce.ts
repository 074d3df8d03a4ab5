import { plural } from '../language'

/** What the state classes say in the live region (and alerts), in English. */
export const enAnnounce = {
  'say.ready-to-call': (p: { target: string }) => `Ready to call ${p.target}. Press Enter to call.`,
  'say.calling': (p: { target: string }) => `Calling ${p.target}`,
  'say.mic-on': 'Microphone on',
  'say.mic-muted': 'Microphone muted',
  'say.headset-answer': (p: { party: string }) => `Headset button: answering ${p.party}`,
  'say.headset-hangup': (p: { party: string }) => `Headset button: hanging up the call with ${p.party}`,
  'say.headset-resume': (p: { party: string }) => `Headset button: resuming the call with ${p.party}`,
  'say.headset-reject': (p: { party: string }) => `Headset button: rejecting the call from ${p.party}`,
  'say.headset-none': 'Headset button: no call to answer, hang up or resume',
  'say.incoming': (p: { party: string }) => `Incoming call from ${p.party}`,
  'say.incoming-via': (p: { party: string; via: string }) => `Incoming call from ${p.party} via ${p.via}`,
  'say.call-ended': (p: { party: string }) => `Call with ${p.party} ended`,
  'say.call-missed': (p: { party: string }) => `Missed call from ${p.party}`,
  'say.call-busy': (p: { party: string }) => `${p.party} is busy`,

  'say.pick-no-match': 'No contact or number matches what you typed.',
  'say.pick-no-number': 'That contact has no number.',
  'say.drop-type-first': 'Type a number or a name in the search field first, then drop the call on it.',
  'say.contact-no-number': (p: { name: string }) => `${p.name} has no number to transfer to.`,

  'say.contact-not-saved': (p: { reason: string }) => `The contact was not saved: ${p.reason}`,
  'say.contact-saved': (p: { name: string }) => `Saved ${p.name}`,
  'say.contact-not-deleted': (p: { reason: string }) => `The contact was not deleted: ${p.reason}`,
  'say.contact-deleted': (p: { name: string }) => `Deleted ${p.name}`,
  'say.contact-deleted-unnamed': 'Contact deleted',
  'say.import-choose-file': 'Choose a vCard (.vcf) or CSV (.csv) file to import.',
  'say.imported': (p: { imported: number; skipped: number }) =>
    plural('en', p.imported, {
      one: `Imported ${p.imported} contact`,
      other: `Imported ${p.imported} contacts`,
    }) + (p.skipped ? `, skipped ${p.skipped}.` : '.'),
  'say.call-not-recorded': (p: { party: string; reason: string }) =>
    `The call with ${p.party} could not be saved in the history: ${p.reason}`,
  'say.import-nothing': (p: { reason: string }) => `Nothing was imported: ${p.reason}`,

  'say.history-no-number': 'This call has no number to call back.',
  'say.history-not-deleted': (p: { reason: string }) => `The entry was not deleted: ${p.reason}`,
  'say.history-deleted': 'History entry deleted',
  'say.history-not-cleared': (p: { reason: string }) => `The history was not cleared: ${p.reason}`,
  'say.history-cleared': 'History cleared',
  'say.history-not-exported': (p: { reason: string }) => `The history could not be exported: ${p.reason}`,
  'say.history-exported': 'History exported',

  'say.dnd': 'Do not disturb',
  'say.dnd-on': 'Do not disturb is on: incoming calls are turned away as busy.',
  'say.dnd-off': 'Do not disturb is off.',
  'say.tray': 'Keep running in the tray',
  'say.tray-on': 'Parley keeps running in the tray when its window is closed.',
  'say.tray-off': 'Parley quits when its window is closed.',
}
