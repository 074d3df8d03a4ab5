import type { ParleyApi } from '../../contract/ipc'
import type { LanguageState } from './language.svelte'
import { CataloguedSwitch } from './preference-switch.svelte'

/**
 * Keep on top, the `keepOnTop` preference: main keeps the window above other windows so a
 * softphone docked beside the user's work stays in view; an admin may preset or lock it.
 */
export const keepOnTopSwitch = (
  api: ParleyApi,
  notifier: ConstructorParameters<typeof CataloguedSwitch>[1],
  language: LanguageState,
): CataloguedSwitch =>
  new CataloguedSwitch(api, notifier, language, 'keepOnTop', {
    name: 'settings.keep-on-top',
    on: 'settings.keep-on-top-on',
    off: 'settings.keep-on-top-off',
  })
