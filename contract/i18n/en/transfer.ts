/** What the transfer controller says while an operator transfers a call, in English. */
export const enTransfer = {
  'transfer.choose-target': (p: { party: string }) =>
    `Transfer ${p.party}: type a name or number. Enter transfers now, Shift+Enter calls first, Escape cancels.`,
  'transfer.bad-target': (p: { target: string; reason: string }) =>
    `Cannot transfer to “${p.target}”: ${p.reason}`,
  'transfer.transferring-party': (p: { party: string; target: string }) =>
    `Transferring ${p.party} to ${p.target}…`,
  'transfer.transferring': (p: { target: string }) => `Transferring to ${p.target}…`,
  'transfer.ringing': (p: { target: string }) => `${p.target} is ringing…`,
  'transfer.done': (p: { target: string }) => `Transferred to ${p.target}.`,
  'transfer.not-started': (p: { target: string }) => `The transfer to ${p.target} could not be started.`,
  'transfer.not-through': (p: { target: string }) => `The transfer to ${p.target} did not go through.`,
  'transfer.consulting': (p: { target: string }) => `Calling ${p.target}. The caller is on hold.`,
  'transfer.could-not-call': (p: { target: string }) => `Could not call ${p.target}.`,
  'transfer.caller-back': (p: { reason: string }) => `${p.reason} The caller is back on the line.`,
  'transfer.not-answered-yet': (p: { target: string }) =>
    `${p.target} has not answered yet. Wait, cancel, or transfer now without announcing.`,
  'transfer.completing': (p: { target: string }) => `Completing transfer to ${p.target}…`,
  'transfer.blind-instead': (p: { target: string }) => `Transferring to ${p.target} without announcing…`,
  'transfer.cancelled-back': 'Transfer cancelled. You are back with the caller.',
  'transfer.cancelled': 'Transfer cancelled.',
  'transfer.caller-hung-up': 'The caller hung up while on hold.',
  'transfer.target-hung-up': (p: { target: string }) =>
    `${p.target} hung up before the transfer. The caller is back on the line.`,
  'transfer.target-declined': (p: { target: string }) =>
    `${p.target} did not take the call. The caller is back on the line.`,
  'transfer.call-ended-first': 'The call ended before the transfer finished.',
}
