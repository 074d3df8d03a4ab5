import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import afterPack from './after-pack.mjs'

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const wire = (states: string) => Buffer.concat([Buffer.from('bin'), Buffer.from(SENTINEL), Buffer.from([1, states.length]), Buffer.from(states)])

describe('afterPack hook', () => {
  let dir = ''
  afterEach(async () => {
    vi.restoreAllMocks()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  async function packedApp(fileName: string, states: string) {
    dir = await mkdtemp(join(tmpdir(), 'parley-after-pack-'))
    await writeFile(join(dir, fileName), wire(states))
    return dir
  }

  it("flips the fuses in the Windows exe electron-builder produced", async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const appOutDir = await packedApp('Parley.exe', '10110001')
    await afterPack({ electronPlatformName: 'win32', arch: 1, appOutDir, packager: { appInfo: { productFilename: 'Parley' } } })

    const fuses = (await getCurrentFuseWire(join(appOutDir, 'Parley.exe'))) as unknown as Record<number, number>
    expect(fuses[FuseV1Options.RunAsNode]).toBe(48)
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(49)
  })

  it('fails the build when the Electron binary lacks a fuse Parley relies on', async () => {
    // An old wire with 4 fuses: no asar integrity, no asar-only switch to flip.
    const appOutDir = await packedApp('parley', '1011')
    await expect(
      afterPack({
        electronPlatformName: 'linux',
        arch: 1,
        appOutDir,
        packager: { appInfo: { productFilename: 'Parley' }, executableName: 'parley' },
      }),
    ).rejects.toThrow(/EnableEmbeddedAsarIntegrityValidation/)
  })
})
