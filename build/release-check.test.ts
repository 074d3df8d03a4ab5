import { join } from 'node:path'
import { Packager } from 'electron-builder'
import { describe, expect, it } from 'vitest'
import { PUBLISHER_PLACEHOLDER, releaseProblems } from './release-check.mjs'

const signedWin = {
  forceCodeSigning: true,
  win: { signtoolOptions: { publisherName: ['Example Corp AB'] } },
}
const feed = { PARLEY_UPDATE_URL: 'https://updates.example.com/parley/' }
const winCert = { CSC_LINK: '/secure/parley.pfx', CSC_KEY_PASSWORD: 'x' }

describe('releaseProblems', () => {
  it('passes a signed Windows build with the publisher pinned and an https feed', () => {
    expect(releaseProblems({ platform: 'win32', env: { ...feed, ...winCert }, config: signedWin })).toEqual([])
  })

  it('fails a Windows or macOS build without a signing identity', () => {
    expect(releaseProblems({ platform: 'win32', env: feed, config: signedWin })).toEqual([
      expect.stringMatching(/^no Windows signing identity/),
    ])
    expect(releaseProblems({ platform: 'darwin', env: feed, config: { forceCodeSigning: true } })).toEqual([
      expect.stringMatching(/^no macOS signing identity/),
    ])
    expect(
      releaseProblems({ platform: 'darwin', env: { ...feed, CSC_NAME: 'Developer ID Application: Parley' }, config: { forceCodeSigning: true } }),
    ).toEqual([])
  })

  it('fails when forceCodeSigning is off (signing could fail silently)', () => {
    expect(
      releaseProblems({ platform: 'win32', env: { ...feed, ...winCert }, config: { ...signedWin, forceCodeSigning: false } }),
    ).toEqual([expect.stringMatching(/^forceCodeSigning must be true/)])
  })

  it('fails a Windows build without a pinned publisher, or with update signature checks off', () => {
    const env = { ...feed, ...winCert }
    expect(releaseProblems({ platform: 'win32', env, config: { forceCodeSigning: true, win: {} } })).toEqual([
      expect.stringMatching(/publisherName must pin/),
    ])
    expect(
      releaseProblems({ platform: 'win32', env, config: { ...signedWin, win: { ...signedWin.win, verifyUpdateCodeSignature: false } } }),
    ).toEqual(['win.verifyUpdateCodeSignature must not be false'])
  })

  it('fails a Windows build still pinned to the placeholder publisher', () => {
    const config = { ...signedWin, win: { signtoolOptions: { publisherName: [PUBLISHER_PLACEHOLDER] } } }
    expect(releaseProblems({ platform: 'win32', env: { ...feed, ...winCert }, config })).toEqual([
      expect.stringMatching(/still the placeholder "Parley team".*certificate's subject CN/),
    ])
  })

  it('fails any platform without an https feed', () => {
    for (const url of [undefined, 'http://updates.example.com/', 'not a url', 'file:///srv/updates'])
      expect(releaseProblems({ platform: 'linux', env: { PARLEY_UPDATE_URL: url }, config: {} })).toHaveLength(1)
    expect(releaseProblems({ platform: 'linux', env: feed, config: {} })).toEqual([])
  })

  it("holds for this project's electron-builder.yml as electron-builder reads it", async () => {
    const packager = new Packager({ projectDir: join(import.meta.dirname, '..') })
    await packager.validateConfig()
    const config = packager.config as unknown as Record<string, unknown>
    // The shipped file pins the placeholder: a Windows release must set the real subject first.
    expect(releaseProblems({ platform: 'win32', env: { ...feed, ...winCert }, config })).toEqual([
      expect.stringMatching(/still the placeholder/),
    ])
    const pinned = { ...config, win: { ...(config.win as object), signtoolOptions: { publisherName: ['Example Corp AB'] } } }
    expect(releaseProblems({ platform: 'win32', env: { ...feed, ...winCert }, config: pinned })).toEqual([])
    expect(releaseProblems({ platform: 'win32', env: feed, config: pinned })).toEqual([
      expect.stringMatching(/^no Windows signing identity/),
    ])
    expect(releaseProblems({ platform: 'linux', env: feed, config })).toEqual([])
    expect(config.beforePack).toBe('./build/before-pack.mjs')
  })
})
