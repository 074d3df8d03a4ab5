import { ipcLog, logWindowErrors } from './log/log'
import { readSavedAccount } from './state/saved-account'

/**
 * The window's entry, kept tiny: it asks main for the saved account first, then loads the
 * renderer in two steps, registration first (issue 14): the phone (SIP.js and the adapter,
 * phone-start.ts), which connects as soon as the answer is in, then the UI (Svelte, the state
 * and the components, boot.ts), whose evaluation and first render overlap the network waits.
 * Both steps' files are fetched with the entry (build/preload-start-up.ts).
 */
// User Timing marks (parley:*) show the start-up's steps in a trace (DevTools, the bench).
performance.mark('parley:entry')
const api = window.parley
const savedAccount = readSavedAccount(api)
// Every error the renderer does not show ends up in main's log file, once (renderer/log).
const log = ipcLog(api)
logWindowErrors(window, log)
import('./phone-start')
  .then(async ({ startPhone, loadUi }) => {
    const started = startPhone(api, log, savedAccount)
    const { boot } = await loadUi()
    await boot({ api, log, ...started })
  })
  .catch(log.failed('window', 'the window could not start'))
