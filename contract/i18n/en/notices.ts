/**
 * What main says about its files and the keychain (shown on the sign-in screen or above the
 * history), and the note on a call do not disturb turned away, in English.
 */
export const enNotices = {
  'notice.secret-password': 'password',
  'notice.secret-turn': 'TURN server password',
  'notice.keychain-locked': (p: { secret: string }) =>
    `Your saved ${p.secret} cannot be unlocked because the system keychain is not available. Please enter it again; it will be kept only until Parley closes.`,
  'notice.secret-unreadable': (p: { secret: string }) =>
    `Your saved ${p.secret} could not be unlocked (the system keychain may have changed). Please enter it again.`,
  'notice.secret-memory-only': (p: { secret: string }) =>
    `The system keychain is not available, so your ${p.secret} is kept only until Parley closes and you will be asked again next time.`,
  'notice.secret-not-saved': (p: { secret: string }) =>
    `Your ${p.secret} could not be saved securely, so it is kept only until Parley closes and you will be asked again next time.`,
  'notice.reason-not-json': 'it is not valid JSON',
  'notice.reason-not-object': 'it does not hold a settings object',
  'notice.settings-set-aside': (p: { path: string; reason: string; movedTo: string }) =>
    `Your settings file ${p.path} could not be used because ${p.reason}. It was kept as ${p.movedTo} and Parley started with fresh settings; please enter your account again.`,
  'notice.settings-unopenable': (p: { path: string; code: string }) =>
    `Your settings file ${p.path} could not be opened${p.code ? ` (${p.code})` : ''}. Parley is running with settings that will not be saved when it closes.`,
  'notice.account-unreadable': (p: { path: string }) =>
    `The account in ${p.path} was not readable and was ignored; please enter it again.`,
  'notice.account-field-cleared': (p: { field: string }) =>
    `“${p.field}” in your settings file was not valid and was cleared; the rest of your account was kept.`,
  'notice.preferences-unreadable': (p: { path: string }) =>
    `Your preferences in ${p.path} were not readable; the defaults are used.`,
  'notice.preference-reset': (p: { field: string }) =>
    `“${p.field}” in your settings file was not valid; the default is used.`,
  'notice.field-ice-servers': 'ICE servers',
  'notice.field-voicemail': 'Voicemail number',
  'notice.field-history-limit': 'Call history limit',
  'notice.history-unreadable':
    'Your call history could not be read, so it is not shown. The file was left untouched; new calls are still recorded.',
  'notice.history-damaged': (p: { lines: string; keptAs: string; count: number }) =>
    `Your call history file was damaged (${p.lines} could not be read). The original was kept as ${p.keptAs}; a fresh file was started with the ${p.count} calls that could be read.`,
  'notice.history-line': (p: { line: number }) => `line ${p.line}`,
  'notice.history-lines': (p: { count: number; first: number }) =>
    `${p.count} lines (first: line ${p.first})`,
  'history.note-dnd': 'Do not disturb',
}
