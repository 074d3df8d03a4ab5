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
