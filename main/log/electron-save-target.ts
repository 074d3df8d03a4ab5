import { join } from 'node:path'
import type { BrowserWindow, Dialog } from 'electron'

/** "Save diagnostics…": the system save dialog, over the window when there is one. */
export function electronSaveTarget(
  dialog: Dialog,
  getWindow: () => BrowserWindow | null,
  folder: string,
  /** The dialog's title in the user's language (from the message catalogue). */
  title: () => string,
) {
  return async (defaultName: string): Promise<string | null> => {
    const options = {
      title: title(),
      defaultPath: join(folder, defaultName),
      filters: [{ name: 'Text', extensions: ['txt'] }],
    }
    const window = getWindow()
    const result = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options)
    return result.canceled || !result.filePath ? null : result.filePath
  }
}
