import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses'
import { electronBinaryPath, parleyFuseConfig } from './fuse-config.mjs'

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const ENABLED = 49
const DISABLED = 48

/** A stand-in binary holding an Electron-style fuse wire with Electron's default states. */
function fakeElectronBinary(): Buffer {
  const defaults = '10110001' // RunAsNode, Cookie, NodeOptions, Inspect, Integrity, OnlyAsar, V8, File
  return Buffer.concat([Buffer.from('ELF-ish padding'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from(defaults)])
}

describe('parleyFuseConfig', () => {
  it('turns off every way to run the binary as plain Node or attach a debugger', () => {
    const config = parleyFuseConfig({ platform: 'win32', arch: 'x64' })
    expect(config.version).toBe(FuseVersion.V1)
    expect(config[FuseV1Options.RunAsNode]).toBe(false)
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false)
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false)
  })

  it('loads the app only from an integrity-checked asar and encrypts cookies', () => {
    const config = parleyFuseConfig({ platform: 'darwin', arch: 'x64' })
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true)
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
    expect(config[FuseV1Options.EnableCookieEncryption]).toBe(true)
  })

  it('takes the extra file:// privileges away (the renderer comes from app://), on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'])
      expect(parleyFuseConfig({ platform, arch: 'x64' })[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false)
  })

  it('re-signs ad hoc only on Apple Silicon', () => {
    expect(parleyFuseConfig({ platform: 'darwin', arch: 'arm64' }).resetAdHocDarwinSignature).toBe(true)
    expect(parleyFuseConfig({ platform: 'darwin', arch: 'x64' }).resetAdHocDarwinSignature).toBe(false)
    expect(parleyFuseConfig({ platform: 'win32', arch: 'arm64' }).resetAdHocDarwinSignature).toBe(false)
  })
})

describe('electronBinaryPath', () => {
  const app = { appOutDir: '/out/x-unpacked', productFilename: 'Parley', executableName: 'parley' }
  it('points at the exe on Windows, the .app bundle on macOS and the executable on Linux', () => {
    expect(electronBinaryPath({ ...app, platform: 'win32' })).toBe('/out/x-unpacked/Parley.exe')
    expect(electronBinaryPath({ ...app, platform: 'darwin' })).toBe('/out/x-unpacked/Parley.app')
    expect(electronBinaryPath({ ...app, platform: 'linux' })).toBe('/out/x-unpacked/parley')
  })
})

describe('flipping the configured fuses into a fuse wire', () => {
  let dir = ''
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('writes exactly the configured states and keeps the rest of the wire', async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-fuses-'))
    const binary = join(dir, 'parley')
    await writeFile(binary, fakeElectronBinary())

    await flipFuses(binary, parleyFuseConfig({ platform: 'linux', arch: 'x64' }))

    const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>
    expect(wire[FuseV1Options.RunAsNode]).toBe(DISABLED)
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ENABLED)
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLED)
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLED)
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLED)
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLED)
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(DISABLED)
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(DISABLED)
    expect((await readFile(binary)).subarray(0, 15).toString()).toBe('ELF-ish padding')
  })
})
