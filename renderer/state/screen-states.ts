import type { AppState } from './app-state'
import { ContactEditorState } from './contact-editor.svelte'
import { ContactPicker } from './contact-picker.svelte'
import { StatusPanelState } from './status-panel.svelte'
import { contextSlot } from './context-slot'

/**
 * States of the main screen's parts that act only once the user does (picking a call or
 * transfer target, editing a contact, opening my status's panel). The main screen builds them, so their code is in its
 * chunk and none of it loads before "Registered" (issue 14). They live as long as the main
 * screen: a change of layout keeps them, signing out drops them.
 */
export interface ScreenStates {
  /** The contact search as a place to pick call and transfer targets. */
  picker: ContactPicker
  /** The contact editor's dialog and its draft (it outlives a change of layout). */
  contactEditor: ContactEditorState
  /** My status's panel and schedule dialog: open or not, what is typed (outlives a layout change). */
  statusPanel: StatusPanelState
}

export function createScreenStates(app: AppState): ScreenStates {
  const { contacts, calls, transfer, ui, language, colleagues, status } = app
  const statusPanel = new StatusPanelState(status)
  // In compact the status control sits in the header's menu: an open panel keeps it open.
  ui.layout.holdsMenuOpen(statusPanel)
  return {
    picker: new ContactPicker(
      contacts,
      calls,
      transfer,
      ui,
      () => language.language,
      (contactId, number) => colleagues.isInCallAt(contactId, number),
    ),
    contactEditor: new ContactEditorState((id) => contacts.contacts.positionOf(id) >= 0),
    statusPanel,
  }
}

const screenStatesSlot = contextSlot<ScreenStates>('Screen states', 'MainScreen')

export const provideScreenStates = screenStatesSlot.provide
export const useScreenStates = screenStatesSlot.use
