import { render, type Message } from '../../contract/i18n'

/** What an English user reads for notices main hands over as catalogue messages. */
export const inEnglish = (notices: readonly (Message | string)[]): string[] =>
  notices.map((notice) => (typeof notice === 'string' ? notice : render('en', notice)))

/** The same in Swedish. */
export const inSwedish = (notices: readonly (Message | string)[]): string[] =>
  notices.map((notice) => (typeof notice === 'string' ? notice : render('sv', notice)))
