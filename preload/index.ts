import { contextBridge, ipcRenderer } from 'electron'
import { eventChannels, invokeChannels, startUpChannels, startUpKeepMs } from '../contract/channels'
// Types only: contract/ipc pulls in zod, which must not be bundled into the sandboxed preload.
import type { ParleyApi } from '../contract/ipc'

// A mechanical projection of the contract: only listed channels pass, and ipcRenderer
// itself never reaches the page. Every listener returns its own unsubscribe.
const allowedInvoke = new Set<string>(invokeChannels)
const allowedEvents = new Set<string>(eventChannels)

// The contract's start-up answers, asked now, as the document starts: the entry's first ask of
// each finds its answer here, settled (issue 14). Main's handlers exist before the window
// loads, and its sender check already sees this document's app:// frame. Each is kept as an
// outcome, so a refusal waits for its first ask without being an unhandled rejection.
type Answer = ReturnType<typeof ipcRenderer.invoke>
type Outcome = { value: Awaited<Answer> } | { error: unknown }
const startUpAnswers = new Map<string, Promise<Outcome>>()
for (const channel of startUpChannels) {
  const answer = ipcRenderer.invoke(channel).then(
    (value: Awaited<Answer>) => ({ value }),
    (error: unknown) => ({ error }),
  )
  startUpAnswers.set(channel, answer)
}
// Dropped when nobody asked in time: the password must not linger here (startUpKeepMs).
setTimeout(dropStartUpAnswers, startUpKeepMs)

/**
 * Drops the kept answers. A refusal nobody took is reported once, on the console: main, which
 * keeps the log file, is what did not answer (the page reports one it took the same way).
 */
function dropStartUpAnswers(): void {
  for (const [channel, answer] of startUpAnswers)
    void answer.then((outcome) => {
      if ('error' in outcome) console.warn(`preload: main did not answer ${channel} at start`, outcome.error)
    })
  startUpAnswers.clear()
}

/** The kept answer for the page's first ask of a start-up channel (with no request), handed over once. */
function takeStartUpAnswer(channel: string, request: unknown): Answer | undefined {
  const kept = request === undefined ? startUpAnswers.get(channel) : undefined
  if (!kept) return undefined
  startUpAnswers.delete(channel)
  return kept.then((outcome) => ('error' in outcome ? Promise.reject(outcome.error) : outcome.value))
}

const api: ParleyApi = {
  invoke(channel, request) {
    if (!allowedInvoke.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'forbidden', message: `Unknown channel ${String(channel)}` },
      })
    }
    const kept = takeStartUpAnswer(channel, request)
    if (kept) return kept
    // Once the page has asked main itself, what main said at the start may be out of date.
    dropStartUpAnswers()
    return ipcRenderer.invoke(channel, request)
  },
  on(event, listener) {
    if (!allowedEvents.has(event)) return () => undefined
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload as never)
    ipcRenderer.on(event, wrapped)
    return () => ipcRenderer.removeListener(event, wrapped)
  },
}

contextBridge.exposeInMainWorld('parley', api)
