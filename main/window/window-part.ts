import { defineHandlers } from '../ipc/handlers'

/** What the renderer may ask of the window. Electron's adapter and the headless fake implement it. */
export interface WindowControls {
  /** Show, restore and focus the window; false when there is no window to show. */
  show(): boolean
}

export const windowHandlers = (controls: WindowControls) =>
  defineHandlers({
    'window:show': () => controls.show(),
  })
