import { render, type Message } from '../../contract/i18n/catalogue'

/**
 * An expected failure whose reason the user reads: `text` is a catalogue code the window
 * renders in its language; the Error's own message is its English rendering, for the log.
 */
export class ReasonError extends Error {
  constructor(readonly text: Message) {
    super(render('en', text))
  }
}
