/**
 * Decides whether to reload the page after its renderer process died. A crash (or the OS
 * killing it for memory) should not leave a blank window that no longer rings; a page that
 * crashes again and again must not be reloaded in a tight loop either.
 */
export class CrashRecovery {
  private readonly reloads: number[] = []

  constructor(
    private readonly maxReloads = 3,
    private readonly windowMs = 60_000,
  ) {}

  shouldReload(reason: string, now: number): boolean {
    // 'clean-exit' is the window closing normally; nothing to recover.
    if (reason === 'clean-exit') return false
    while (this.reloads.length > 0 && now - (this.reloads[0] as number) > this.windowMs) this.reloads.shift()
    if (this.reloads.length >= this.maxReloads) return false
    this.reloads.push(now)
    return true
  }
}
