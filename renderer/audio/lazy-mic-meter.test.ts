import { describe, expect, it } from 'vitest'
import { quietMeterParts } from '../testing/audio'
import { lazyMicMeter } from './lazy-mic-meter'

function fakeDeps() {
  const asked: MediaStreamConstraints[] = []
  const stopped: string[] = []
  const deps = {
    getUserMedia: async (constraints: MediaStreamConstraints) => {
      asked.push(constraints)
      return { getTracks: () => [{ stop: () => stopped.push('track') }] } as unknown as MediaStream
    },
    ...quietMeterParts,
  }
  return { deps, asked, stopped }
}

describe('lazyMicMeter', () => {
  it('loads the meter when first started, opens the chosen microphone, and stops it', async () => {
    const { deps, asked, stopped } = fakeDeps()
    const meter = lazyMicMeter(deps)
    meter.stop()
    expect(asked).toEqual([])
    await meter.start('usb-2', () => undefined)
    expect(asked).toHaveLength(1)
    expect(JSON.stringify(asked[0])).toContain('usb-2')
    meter.stop()
    await Promise.resolve()
    await Promise.resolve()
    expect(stopped).toEqual(['track'])
  })

  it('a stop asked while the code loads stops what the start opened', async () => {
    const { deps, stopped } = fakeDeps()
    const meter = lazyMicMeter(deps)
    const starting = meter.start('', () => undefined)
    meter.stop()
    await starting
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(stopped).toEqual(['track'])
  })
})
