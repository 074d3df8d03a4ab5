import { describe, expect, it } from 'vitest'
import { CrashRecovery } from './crash-recovery'

describe('CrashRecovery', () => {
  it('reloads after a crash, at most three times a minute, and never after a clean exit', () => {
    const recovery = new CrashRecovery()
    expect(recovery.shouldReload('clean-exit', 0)).toBe(false)
    expect([1, 2, 3, 4].map((second) => recovery.shouldReload('crashed', second * 1000))).toEqual([
      true,
      true,
      true,
      false,
    ])
    expect(recovery.shouldReload('oom', 62_000)).toBe(true)
  })
})
