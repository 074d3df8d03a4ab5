import { Registerer, RegistererState, UserAgent } from 'sip.js'

/**
 * The bench's yardstick: the least a browser phone can do before it shows "Registered" — one
 * SIP.js UserAgent and one Registerer, nothing else. Account from the query string
 * (?ws=…&user=…&domain=…&password=…). It writes its status where Parley's bench watcher looks
 * (role=status, name Registration), so both pages are timed by the same code.
 */
const params = new URLSearchParams(location.search)
const status = document.querySelector('[role="status"]')
const show = (text: string) => {
  if (status) status.textContent = text
}

const uri = UserAgent.makeURI(`sip:${params.get('user') ?? ''}@${params.get('domain') ?? ''}`)
if (!uri) throw new Error('minimal phone: bad account in the query string')
const userAgent = new UserAgent({
  uri,
  authorizationUsername: params.get('user') ?? '',
  authorizationPassword: params.get('password') ?? '',
  transportOptions: { server: params.get('ws') ?? '' },
  logBuiltinEnabled: false,
})
const registerer = new Registerer(userAgent)
registerer.stateChange.addListener((state) => {
  if (state === RegistererState.Registered) show('Registered')
})
userAgent
  .start()
  .then(() => registerer.register())
  .catch((error: unknown) => show(`Failed: ${error instanceof Error ? error.message : String(error)}`))
