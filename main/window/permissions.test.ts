import { describe, expect, it } from 'vitest'
import { createTrustedPageCheck, decidePermission, installPermissionHandlers } from './permissions'

const isTrusted = createTrustedPageCheck({ rendererUrl: 'app://parley/index.html' })
const page = 'app://parley/index.html'

describe('decidePermission', () => {
  it('allows audio capture requested by the app page', () => {
    expect(
      decidePermission({ permission: 'media', mediaTypes: ['audio'], requestingUrl: page }, isTrusted),
    ).toBe(true)
    // The permission check reports the origin alone.
    expect(
      decidePermission({ permission: 'media', mediaType: 'audio', requestingUrl: 'app://parley' }, isTrusted),
    ).toBe(true)
    const devServer = createTrustedPageCheck({ rendererUrl: 'http://localhost:5173/' })
    expect(
      decidePermission(
        { permission: 'media', mediaTypes: ['audio'], requestingUrl: 'http://localhost:5173/' },
        devServer,
      ),
    ).toBe(true)
  })

  it.each([
    ['video only', { mediaTypes: ['video'] }],
    ['audio together with video', { mediaTypes: ['audio', 'video'] }],
    ['no media type', { mediaTypes: [] }],
    ['an unknown media type check', { mediaType: 'unknown' }],
    ['a video check', { mediaType: 'video' }],
  ])('refuses media with %s', (_label, details) => {
    expect(decidePermission({ permission: 'media', requestingUrl: page, ...details }, isTrusted)).toBe(false)
  })

  it.each([
    'notifications',
    'geolocation',
    'display-capture',
    'clipboard-read',
    'clipboard-sanitized-write',
    'fullscreen',
    'midi',
    'midiSysex',
    'openExternal',
    'pointerLock',
    'keyboardLock',
    'speaker-selection',
    'usb',
    'hid',
    'serial',
    'fileSystem',
    'storage-access',
    'window-management',
    'idle-detection',
    'mediaKeySystem',
    'unknown',
  ])('refuses %s', (permission) => {
    expect(
      decidePermission(
        { permission, mediaTypes: ['audio'], mediaType: 'audio', requestingUrl: page },
        isTrusted,
      ),
    ).toBe(false)
  })

  it('refuses audio capture for any other page', () => {
    for (const url of [
      'https://evil.example/',
      'file:///tmp/evil.html',
      'file:///',
      'app://evil/index.html',
      'app:///index.html',
      'http://parley/index.html',
      'http://localhost:5173/',
      'data:text/html,x',
      '',
    ]) {
      expect(
        decidePermission({ permission: 'media', mediaTypes: ['audio'], requestingUrl: url }, isTrusted),
      ).toBe(false)
    }
  })
})

describe('installPermissionHandlers', () => {
  it('wires both Electron handlers and refuses device permissions', () => {
    const installed: Record<string, (...args: never[]) => unknown> = {}
    const session = {
      setPermissionRequestHandler: (handler: never) => void (installed.request = handler),
      setPermissionCheckHandler: (handler: never) => void (installed.check = handler),
      setDevicePermissionHandler: (handler: never) => void (installed.device = handler),
    }
    installPermissionHandlers(session as never, isTrusted)

    const answers: boolean[] = []
    const request = installed.request as unknown as (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: object,
    ) => void
    request(null, 'media', (granted) => answers.push(granted), {
      mediaTypes: ['audio'],
      requestingUrl: page,
      isMainFrame: true,
    })
    request(null, 'media', (granted) => answers.push(granted), {
      mediaTypes: ['video'],
      requestingUrl: page,
      isMainFrame: true,
    })
    request(null, 'notifications', (granted) => answers.push(granted), {
      requestingUrl: page,
      isMainFrame: true,
    })
    expect(answers).toEqual([true, false, false])

    const check = installed.check as unknown as (
      wc: unknown,
      permission: string,
      origin: string,
      details: object,
    ) => boolean
    expect(check(null, 'media', 'app://parley', { mediaType: 'audio', isMainFrame: true })).toBe(true)
    expect(check(null, 'media', 'file:///', { mediaType: 'audio', isMainFrame: true })).toBe(false)
    expect(check(null, 'media', 'app://parley', { mediaType: 'video', isMainFrame: true })).toBe(false)
    expect(check(null, 'notifications', 'app://parley', { isMainFrame: true })).toBe(false)
    expect((installed.device as unknown as () => boolean)()).toBe(false)
  })
})
