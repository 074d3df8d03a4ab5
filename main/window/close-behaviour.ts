/**
 * What closing the window means. With close-to-tray on AND a tray icon present, the window
 * hides and the phone keeps ringing; otherwise closing quits. Without a tray, hiding would
 * leave the user no way back, so the tray owner must call setTrayAvailable(true).
 */
export class CloseBehaviour {
  private trayAvailable = false
  private quitting = false

  constructor(private readonly closeToTrayPreferred: () => boolean) {}

  /** Hook for the tray: call with true once the tray icon exists, false when it is removed. */
  setTrayAvailable(available: boolean): void {
    this.trayAvailable = available
  }

  /** The app is quitting for real (menu Quit, OS shutdown): closing must not be intercepted. */
  beginQuit(): void {
    this.quitting = true
  }

  onCloseRequested(): 'hide' | 'close' {
    if (this.quitting) return 'close'
    return this.trayAvailable && this.closeToTrayPreferred() ? 'hide' : 'close'
  }
}
