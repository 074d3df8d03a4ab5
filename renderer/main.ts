import { keepEarlyEvents } from './lifecycle/early-events'
import { ipcLog, logWindowErrors } from './log/log'
import { request } from './state/api'
import { languageHint, startCatalogue } from './state/one-catalogue'
import { readSavedAccount } from './state/saved-account'
import { openSavedAccountSocket } from './state/saved-socket'
import { nextTask } from './state/tasks'

/**
 * The window's entry, kept tiny: it asks main for the saved account and the preferences first
 * (and opens the account's SIP WebSocket once they are in), then loads the renderer in steps,
 * registration first (issue 14; docs/architecture.md "Start-up order"): the phone (SIP.js and
 * the adapter, phone-start.ts), which connects as soon as the account is in; the start view (start-view.ts: the registration indicator, in the
 * user's language only); and once that shows the answer, the app (boot.ts: the state, the rest
 * of the UI, both catalogues). The phone's and the start view's files are fetched with the entry
 * (build/preload-start-up.ts); the app's only after.
 */
// User Timing marks (parley:*) show the start-up's steps in a trace (DevTools, the bench).
performance.mark('parley:entry')
const api = window.parley
// Every error the renderer does not show ends up in main's log file, once (renderer/log).
const log = ipcLog(api)
logWindowErrors(window, log)
const savedAccount = readSavedAccount(api)
// The saved account's SIP WebSocket opens as soon as main has answered, before SIP.js is
// evaluated: the phone's first connection adopts it (state/saved-socket.ts).
const earlySocket = openSavedAccountSocket(savedAccount, log)
const preferences = request(api, 'preferences:get')
// Main's events that the app's code, loaded later, must not miss: self-healing's (sleep, the
// headset) and a click-to-call link opened at launch.
const healingApi = keepEarlyEvents(api, ['power', 'headset'])
const appApi = keepEarlyEvents(api, ['dial-request'])
// The user's language and its catalogue only (the other loads with the app), fetched while the
// phone's code is evaluated: the language the window spoke last is guessed at once. Started
// once main's account answer is in, right after the early socket (it waits on the same answer,
// asked first): a cold window's first localStorage read takes up to 25 ms, and the socket's
// handshake should not wait for it. Preload has the answer ready before the entry runs.
const speaking = savedAccount.then(() =>
  startCatalogue(
    preferences,
    languageHint(window.localStorage, navigator.languages),
    navigator.languages,
    log.failed('window', 'the catalogue guessed for the start could not load'),
  ),
)
// The start view (plain DOM, a few kB, no SIP.js) is asked for now, beside the phone: Vite's loader
// first links its style sheet and waits for it, then runs it. Asked for only once the phone was
// evaluated, those steps came after the REGISTER's 200 OK in most loads, and "Registered" waited
// for them (issue 14).
const startViewCode = import('./start-view')
import('./phone-start')
  .then(async ({ startPhone, loadUi }) => {
    const started = startPhone(api, log, savedAccount, earlySocket)
    // With its socket open, the phone's first REGISTER leaves in this task's microtasks: the
    // start view is built in the next task, after it, not in the REGISTER's way.
    await nextTask()
    const { showStartView } = await startViewCode
    const start = showStartView({ api, ...started, ...(await speaking) })
    await start.answered
    const { boot } = await loadUi()
    await boot({ api: appApi, healingApi, log, ...started, start, preferences })
  })
  .catch(log.failed('window', 'the window could not start'))
