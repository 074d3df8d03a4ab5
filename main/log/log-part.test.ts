import { describe, expect, it } from 'vitest'
import { LogRateLimiter, logPart } from './log-part'
import { MemoryLogger } from './logger'

const line = { level: 'warn', scope: 'audio', message: 'Closing the audio context failed' } as const

describe('log part (log:write)', () => {
  it('writes the renderer line at its level, tagged with its scope', async () => {
    const logger = new MemoryLogger()
    const part = logPart(logger)
    expect(await part.handlers['log:write']?.(line, { sender: { frameUrl: '', isMainFrame: true } })).toBe(
      true,
    )
    expect(logger.lines).toEqual([
      { level: 'warn', message: 'renderer/audio: Closing the audio context failed', details: [] },
    ])
  })

  it('refuses a flood beyond the burst, then reports how many it dropped once lines flow again', () => {
    let now = 0
    const logger = new MemoryLogger()
    const part = logPart(logger, new LogRateLimiter({ burst: 3, perMinute: 60 }, () => now))
    const write = () => part.handlers['log:write']?.(line, { sender: { frameUrl: '', isMainFrame: true } })
    const results = Array.from({ length: 10 }, write)
    expect(results).toEqual([true, true, true, false, false, false, false, false, false, false])
    now += 1000 // one token back (60 a minute)
    expect(write()).toBe(true)
    expect(logger.lines.map((entry) => entry.message)).toContain(
      'renderer: 7 log lines dropped (too many at once)',
    )
    expect(logger.lines).toHaveLength(5)
  })
})
