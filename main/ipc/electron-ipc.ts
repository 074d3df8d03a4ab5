import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { invokeChannels } from '../../contract/ipc'
import type { Dispatch } from './dispatcher'
import type { IpcSender } from './handlers'

/** The frame that sent a request. A frame that is gone or navigated away counts as untrusted. */
export function senderOf(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): IpcSender {
  try {
    const frame = event.senderFrame
    if (!frame) return { frameUrl: '', isMainFrame: false }
    return { frameUrl: frame.url, isMainFrame: frame.parent === null }
  } catch {
    return { frameUrl: '', isMainFrame: false }
  }
}

/** Thin Electron transport: one ipcMain.handle per contract channel, all through the dispatcher. */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
): () => void {
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, (event, payload: unknown) => dispatch(channel, payload, senderOf(event)))
  }
  return () => {
    for (const channel of invokeChannels) ipcMain.removeHandler(channel)
  }
}
