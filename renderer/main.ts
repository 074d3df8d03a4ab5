import { ipcLog, logWindowErrors } from './log/log'
import { readSavedAccount } from './state/saved-account'

/**
 * The window's entry, kept tiny: it asks main for the saved account first, then loads the
 * rest of the renderer (SIP.js, Svelte, the app; boot.ts). The answer travels while that code
 * is fetched and evaluated instead of after it, which is what "Registered" waits for (issue 14).
 */
// User Timing marks (parley:*) show the start-up's steps in a trace (DevTools, the bench).
performance.mark('parley:entry')
const api = window.parley
const savedAccount = readSavedAccount(api)
// Every error the renderer does not show ends up in main's log file, once (renderer/log).
const log = ipcLog(api)
logWindowErrors(window, log)
import('./boot')
  .then(({ boot }) => boot({ api, log, savedAccount }))
  .catch(log.failed('window', 'the window could not start'))
