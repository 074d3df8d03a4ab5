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
// loads, and its sender check already sees this document's app:// frame.
const startUpAnswers = new Map<string, ReturnType<typeof ipcRenderer.invoke>>()
for (const channel of startUpChannels) {
  const answer = ipcRenderer.invoke(channel)
  // A refusal is kept like an answer and reaches the first ask as it would have; one nobody
  // takes is dropped with the answers (that ask, made later, goes to main and gets its own).
  answer.catch(() => undefined)
  startUpAnswers.set(channel, answer)
}
// Dropped when nobody asked in time: the password must not linger here (startUpKeepMs).
setTimeout(() => startUpAnswers.clear(), startUpKeepMs)

/** The kept answer for the page's first ask of a start-up channel, handed over once. */
function takeStartUpAnswer(channel: string, request: unknown) {
  const kept = startUpAnswers.get(channel)
  startUpAnswers.delete(channel)
  return request === undefined ? kept : undefined
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
    startUpAnswers.clear()
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
