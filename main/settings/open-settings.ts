import { message, type Message } from '../../contract/i18n'
import type { Logger } from '../log/logger'
import { MemorySettingsBackend, type SettingsBackend } from './backend'
import { setAsideIfUnreadable, setAsideNotice } from './settings-file'

export interface OpenedSettings {
  backend: SettingsBackend
  notices: Message[]
}

/**
 * Open the settings file the safe way: a non-JSON file is set aside first; if the file still
 * cannot be opened (permissions, a folder in its place, a full disk), Parley runs on settings
 * kept in memory and says that changes will not be saved, instead of failing to start.
 */
export function openSettings(
  path: string,
  open: () => SettingsBackend,
  logger: Logger,
  now: Date = new Date(),
): OpenedSettings {
  const notices: Message[] = []
  try {
    const notice = setAsideNotice(setAsideIfUnreadable(path, now), path)
    if (notice) notices.push(notice)
    return { backend: open(), notices }
  } catch (error) {
    logger.error(`Settings file ${path} could not be opened`, error)
    // The system's error code (EACCES…) helps support; the exception's English text is logged above.
    const code = (error as NodeJS.ErrnoException).code ?? ''
    notices.push(message('notice.settings-unopenable', { path, code }))
    return { backend: new MemorySettingsBackend(), notices }
  }
}
