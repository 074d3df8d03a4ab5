/** The call card and its buttons, in English (button names are what the e2e tests press). */
export const enCallCard = {
  'call.unknown-caller': 'Unknown caller',
  'registration.indicator': 'Registration',
  'card.call-with': (p: { party: string }) => `Call with ${p.party}`,
  'card.dragging': (p: { party: string }) =>
    `Moving the call with ${p.party}. Drop it on a contact or a number to transfer it.`,
  'card.join-how':
    'To join two calls, first call the person from the contact list (the caller is held), then drop the held call on that call.',
  'card.transfer-choose': 'Transfer: choose a contact or type a number in the contact search.',
  'card.transfer-ringing': (p: { target: string }) => `Transferring to ${p.target}: ringing…`,
  'card.held-while-consulting': (p: { target: string }) => `Held while you talk to ${p.target}.`,
  'card.announce-then-complete': 'Announce the caller, then complete the transfer.',
  'card.consult-not-answered': (p: { target: string }) =>
    `${p.target} has not answered yet. Wait, cancel, or transfer now.`,
  'card.via': 'via',
  'card.transferred-by': 'transferred by',
  'card.call-time': 'Call time',
  'card.muted': 'Microphone muted',
  'card.remote-hold': 'They put you on hold',
  'card.answer': 'Answer',
  'card.reject': 'Reject',
  'card.hold': 'Hold',
  'card.resume': 'Resume',
  'card.mute': 'Mute',
  'card.unmute': 'Unmute',
  'card.transfer': 'Transfer',
  'card.complete-transfer': 'Complete transfer',
  'card.transfer-now': 'Transfer now',
  'card.cancel-transfer': 'Cancel transfer',
  'card.hang-up': 'Hang up',
  'card.dismiss': 'Dismiss',
  'card.transfer-request': (p: { by: string; target: string }) =>
    `${p.by} wants to transfer you to ${p.target}`,
  'card.transfer-request-label': 'Transfer request',
  'card.transfer-request-accept': 'Accept transfer',
  'card.transfer-request-decline': 'Decline transfer',
}
