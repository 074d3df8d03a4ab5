/**
 * The channel names of the IPC contract, and nothing else. The sandboxed preload imports only
 * this module, so it must import nothing (no schemas, no validator library): whatever it pulls
 * in is bundled into the preload of every window. contract/ipc.ts proves at compile time that
 * these lists hold exactly the channels of `invokeSchemas` and `EventMap`, so a channel added
 * there without being listed here (or the other way round) fails the type check.
 */

export const invokeChannels = [
  'account:get',
  'account:save',
  'account:password',
  'account:sign-out',
  'preferences:get',
  'preferences:update',
  'contacts:list',
  'contacts:save',
  'contacts:delete',
  'contacts:import',
  'contacts:notices',
  'history:query',
  'history:record',
  'history:delete',
  'history:clear',
  'history:mark-seen',
  'history:export-csv',
  'phone:status',
  'phone:incoming-notice',
  'voicemail:waiting',
  'window:show',
  'log:write',
  'sip-trace:write',
  'diagnostics:save',
  'status:get',
  'status:save',
  'tls:explain',
] as const

export const eventChannels = [
  'power',
  'headset',
  'headset-watch-unavailable',
  'dial-request',
  'notification-action',
  'preferences-changed',
  'headset-button',
  'contacts-import-progress',
] as const

/**
 * The start-up answers: channels preload asks main for itself as the document starts, before
 * the window's entry has been fetched and run, so the entry's first ask of each finds the
 * answer settled instead of waiting behind the evaluation of the phone's code (issue 14). Only
 * channels that take no request belong here (contract/channels.test.ts checks it): preload asks
 * them exactly as the page would. Preload hands each answer to the page's first ask of that
 * channel only; every other ask goes to main.
 */
export const startUpChannels = [
  'account:get',
  'account:password',
  'preferences:get',
] as const satisfies readonly (typeof invokeChannels)[number][]

/**
 * How long preload keeps a start-up answer nobody has asked for (ms). The entry asks within a
 * tenth of a second of the document's start here, within seconds on a slow cold start; an ask
 * after this goes to main as any other, only slower. Short, because one answer is the password:
 * it must not sit in preload's memory longer than the start needs.
 */
export const startUpKeepMs = 5000
