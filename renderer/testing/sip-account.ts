import type { SipAccount } from '../sip/types'

/** The account the SIP adapter's unit tests sign in with (a fake stack: the server is never dialled). */
export const aliceSipAccount: SipAccount = {
  displayName: 'Alice',
  sipAddress: 'alice@pbx.example',
  authUser: '',
  password: 'secret',
  wsServer: 'ws://127.0.0.1:5066',
  outboundProxy: '',
  iceServers: [],
}
