/** What the SIP adapter reports (registration, calls, transfers), in English. */

const callStatus: Record<number, string> = {
  404: 'Number not found',
  408: 'No answer',
  480: 'Not available',
  484: 'Incomplete number',
  486: 'Busy',
  488: 'Call could not be set up (media)',
  600: 'Busy',
  603: 'Declined',
}
const transferStatus: Record<number, string> = {
  404: 'number not found',
  408: 'no answer',
  480: 'not available',
  486: 'busy',
  487: 'cancelled',
  600: 'busy',
  603: 'declined',
}
const withDetail = (text: string, detail: string) => (detail ? `${text}: ${detail}` : text)

export const enPhone = {
  'registration.account-unusable': (p: { detail: string }) =>
    withDetail('Account settings are not usable', p.detail),
  'registration.closed': 'Connection closed',
  'registration.unreachable': 'Server unreachable',
  'registration.wrong-password': (p: { code: number }) => `Wrong password (${p.code})`,
  'registration.refused': (p: { code: number; reason: string }) =>
    `Registration refused (${p.code}${p.reason ? ` ${p.reason}` : ''})`,
  'registration.lost': 'Registration lost',
  'account.sip-address-invalid': 'The SIP address must look like user@domain',

  'registration.label-registered': 'Registered',
  'registration.label-connecting': 'Connecting…',
  'registration.label-unregistered': 'Not registered',
  'registration.label-wrong-password': 'Wrong password',
  'registration.ready': 'Ready to make and take calls',
  'registration.connecting': 'Connecting to the phone server',
  'registration.attempt': (p: { attempt: number }) => `Attempt ${p.attempt}`,
  'registration.not-connected': 'Not connected to the phone server',
  'registration.retrying-in': (p: { seconds: number }) => `retrying in ${p.seconds} s`,
  'registration.retrying-now': 'retrying now',
  'registration.could-not-connect': 'Could not connect.',

  'call.phase-dialing': 'Calling…',
  'call.phase-alerting': 'Ringing',
  'call.phase-ringing': 'Incoming call',
  'call.phase-active': 'Connected',
  'call.phase-held': 'On hold',
  'call.phase-ended': 'Ended',
  'call.ended-busy': 'Busy',
  'call.ended-declined': 'Declined',
  'call.ended-no-answer': 'No answer',
  'call.ended-transferred': 'Transferred',
  'call.failed': 'Call failed',
  'call.session-expired': 'The call was lost: the other side stopped confirming it',
  'call.failed-status': (p: { code: number; reason: string }) =>
    `${callStatus[p.code] ?? (p.reason || 'Call failed')} (${p.code})`,
  'call.place-failed': (p: { detail: string }) => withDetail('The call could not be placed', p.detail),
  'call.answer-failed': (p: { detail: string }) => withDetail('The call could not be answered', p.detail),
  'call.reject-failed': (p: { detail: string }) => withDetail('The call could not be rejected', p.detail),
  'call.hold-failed': (p: { code: number }) => `Hold failed (${p.code})`,
  'call.resume-failed': (p: { code: number }) => `Resume failed (${p.code})`,
  'call.hold-needs-connected': 'Only a connected call can be put on hold',
  'call.resume-needs-held': 'Only a held call can be resumed',
  'call.answer-needs-ringing': 'Only a ringing incoming call can be answered',
  'call.reject-needs-ringing': 'Only a ringing incoming call can be rejected',
  'call.gone': 'That call no longer exists',
  'call.signed-out': 'Signed out',
  'call.computer-asleep': 'The computer went to sleep',
  'call.reconnecting': 'Connection lost, reconnecting…',
  'call.connection-lost': 'Call ended: the connection to the server was lost',
  'call.audio-lost': 'Call ended: the audio connection was lost',
  'call.not-recovered': 'Call ended: the network changed and the call could not be recovered',
  'call.remote-hung-up-while-away': 'The other side hung up while the connection was down',
  'call.refused-unreadable': (p: { code: number }) =>
    `Missed call: the caller's phone system sent a call Parley could not read (${p.code})`,
  'call.refused-offer': (p: { reason: string; code: number }) =>
    `Missed call: it could not be taken (${p.reason}, ${p.code})`,
  'call.offer-not-sdp': 'the call offered something other than audio',
  'call.offer-invalid': "the call's audio offer was unreadable",
  'call.offer-no-audio': 'the call offered no audio',
  'dial.not-signed-in': 'Not signed in: sign in before calling',
  'dial.not-callable': (p: { target: string }) => `Cannot call “${p.target}”: not a number or SIP address`,
  'dial.failed': (p: { detail: string }) => withDetail('Cannot call', p.detail),
  'dtmf.not-a-key': (p: { key: string }) => `“${p.key}” is not a keypad key`,
  'dtmf.needs-connected': 'Keypad tones need a connected call',
  'dtmf.failed': (p: { detail: string }) => withDetail('Keypad tones could not be sent', p.detail),
  'transfer.needs-connected': 'Only a connected call can be transferred',
  'transfer.not-callable': (p: { target: string }) =>
    `Cannot transfer to “${p.target}”: not a number or SIP address`,
  'transfer.to-itself': 'A call cannot be transferred to itself',
  'transfer.target-not-answered':
    'The transfer target has not answered yet: wait, cancel, or transfer without announcing',
  'transfer.failed': (p: { detail: string }) => withDetail('Transfer failed', p.detail),
  'transfer.failed-status': (p: { code: number; reason: string }) =>
    `Transfer failed: ${transferStatus[p.code] ?? (p.reason || 'failed')} (${p.code})`,
  'transfer.failed-call-ended': 'Transfer failed: the call ended',
  'transfer.failed-timeout': 'Transfer failed: no answer (timeout)',
  'transfer.incoming-failed': 'The transferred call could not be connected',
  'sip.unexpected': (p: { detail: string }) => withDetail('Something went wrong', p.detail),
}
