import { contextBridge, ipcRenderer } from 'electron'
import { eventChannels, invokeChannels } from '../contract/channels'
// Types only: contract/ipc pulls in zod, which must not be bundled into the sandboxed preload.
import type { ParleyApi } from '../contract/ipc'

// A mechanical projection of the contract: only listed channels pass, and ipcRenderer
// itself never reaches the page. Every listener returns its own unsubscribe.
const allowedInvoke = new Set<string>(invokeChannels)
const allowedEvents = new Set<string>(eventChannels)

const api: ParleyApi = {
  invoke(channel, request) {
    if (!allowedInvoke.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'forbidden', message: `Unknown channel ${String(channel)}` },
      })
    }
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
