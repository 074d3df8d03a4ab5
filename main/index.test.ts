import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { invokeChannels } from '../contract/ipc'

// The composition root against a fake Electron: proves the real wiring (IPC on every channel
// through the dispatcher, hardened window, permission handlers, click-to-call, graceful quit).
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown
  const emitter = () => {
    const listeners = new Map<string, Listener[]>()
    return {
      listeners,
      on(event: string, listener: Listener) {
        listeners.set(event, [...(listeners.get(event) ?? []), listener])
        return this
      },
      once(event: string, listener: Listener) {
        return this.on(event, listener)
      },
      emit(event: string, ...args: unknown[]) {
        for (const listener of listeners.get(event) ?? []) listener(...args)
      },
    }
  }
  const state = {
    userData: '',
    quitCalls: 0,
    ipcHandlers: new Map<string, Listener>(),
    windows: [] as {
      options: Record<string, unknown>
      window: ReturnType<typeof emitter> & Record<string, unknown>
      contents: ReturnType<typeof emitter> & Record<string, unknown>
      instance: { show: ReturnType<typeof vi.fn>; setAlwaysOnTop: ReturnType<typeof vi.fn> }
    }[],
    /** The tray's latest context menu (Menu.buildFromTemplate passes the template through). */
    trayMenu: [] as { label?: string; click?: () => void }[],
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    sent: [] as [string, unknown][],
    switches: [] as [string, string][],
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
    loadedUrls: [] as string[],
    /** The IPC channels main handled when each page load began. */
    handledAtLoad: [] as string[][],
  }
  const app = Object.assign(emitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getPath: () => state.userData,
    getName: () => 'Parley',
    getLocale: () => 'sv-SE',
    quit: () => {
      state.quitCalls++
    },
    setAsDefaultProtocolClient: () => true,
    // the missed-calls badge is set at start (0): without it every test logged a TypeError
    setBadgeCount: () => true,
    exit: () => expect.fail('a development run must not exit'),
    commandLine: {
      appendSwitch: (name: string, value?: string) => state.switches.push([name, value ?? '']),
    },
  })
  class BrowserWindow {
    readonly webContents: ReturnType<typeof emitter> & Record<string, unknown>
    private readonly events = emitter()
    constructor(readonly options: Record<string, unknown>) {
      const contents = Object.assign(emitter(), {
        openHandler: null as Listener | null,
        setWindowOpenHandler(handler: Listener) {
          contents.openHandler = handler
        },
        send: (channel: string, payload: unknown) => state.sent.push([channel, payload]),
        isDestroyed: () => false,
      })
      this.webContents = contents
      app.emit('web-contents-created', {}, contents)
      state.windows.push({ options, window: this.events as never, contents, instance: this as never })
    }
    on(event: string, listener: (...args: unknown[]) => unknown) {
      this.events.on(event, listener)
      return this
    }
    once(event: string, listener: (...args: unknown[]) => unknown) {
      return this.on(event, listener)
    }
    loadFile = vi.fn(() => Promise.resolve())
    loadURL = vi.fn((url: string) => {
      state.loadedUrls.push(url)
      state.handledAtLoad.push([...state.ipcHandlers.keys()])
      return Promise.resolve()
    })
    show = vi.fn()
    hide = vi.fn()
    focus = vi.fn()
    restore = vi.fn()
    isMinimized = () => false
    isDestroyed = () => false
    bounds = { x: 0, y: 0, width: 1100, height: 720 }
    getNormalBounds = () => this.bounds
    isMaximized = () => false
    maximize = vi.fn()
    setAlwaysOnTop = vi.fn()
  }
  const display = {
    id: 1,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  }
  const screen = {
    getAllDisplays: () => [display],
    getPrimaryDisplay: () => display,
    getDisplayMatching: () => display,
  }
  class Tray {
    on() {
      return this
    }
    setImage() {}
    setToolTip() {}
    setContextMenu(menu: { label?: string; click?: () => void }[]) {
      state.trayMenu = menu
    }
    destroy() {}
  }
  const module = {
    app,
    Tray,
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => undefined },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privilegedSchemes.push(...schemes),
    },
    nativeImage: { createFromBitmap: () => ({}) },
    dialog: { showErrorBox: () => undefined },
    BrowserWindow,
    screen,
    ipcMain: {
      handle: (channel: string, handler: Listener) => state.ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => state.ipcHandlers.delete(channel),
    },
    safeStorage: {
      isEncryptionAvailable: () => false,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: () => {
        throw new Error('unavailable')
      },
      decryptString: () => {
        throw new Error('unavailable')
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (state.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Listener) => (state.permissionCheck = handler),
        setDevicePermissionHandler: () => undefined,
        webRequest: { onHeadersReceived: () => undefined },
        protocol: {
          handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) =>
            state.protocolHandlers.set(scheme, handler),
        },
      },
    },
  }
  /** A fresh fake Electron (same objects, so the module mock stays valid) for the next boot. */
  const reset = (userData: string) => {
    Object.assign(state, {
      userData,
      quitCalls: 0,
      windows: [],
      trayMenu: [],
      permissionRequest: null,
      permissionCheck: null,
      sent: [],
      switches: [],
      privilegedSchemes: [],
      loadedUrls: [],
      handledAtLoad: [],
    })
    state.ipcHandlers.clear()
    state.protocolHandlers.clear()
    app.listeners.clear()
  }
  return { state, module, app, reset }
})

vi.mock('electron', () => ({ ...fake.module, default: fake.module }))
vi.mock('electron-updater', () => ({ default: { autoUpdater: {} } }))
vi.mock('electron-store', async () => {
  const { JsonFileSettingsBackend } = await import('./settings/backend')
  return {
    default: class {
      private readonly backend: InstanceType<typeof JsonFileSettingsBackend>
      constructor(options: { cwd: string; name: string }) {
        this.backend = new JsonFileSettingsBackend(join(options.cwd, `${options.name}.json`))
      }
      get path() {
        return this.backend.path
      }
      get(key: string) {
        return this.backend.get(key)
      }
      set(key: string, value: unknown) {
        this.backend.set(key, value)
      }
    },
  }
})

const userDataDirs: string[] = []
afterAll(() => userDataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const rendererPage = 'app://parley/index.html'
const invoke = (channel: string, payload: unknown, frame: { url: string; parent: unknown } | null) =>
  (fake.state.ipcHandlers.get(channel) as (event: unknown, payload: unknown) => Promise<unknown>)(
    { senderFrame: frame },
    payload,
  )

type FakeWindow = (typeof fake.state.windows)[number]

describe('main/index.ts composition root', () => {
  // Every test boots main/index.ts afresh, in its own user-data folder, and quits it after:
  // no test depends on what another one did (or on running after it).
  let options: FakeWindow['options']
  let contents: FakeWindow['contents']
  let window: FakeWindow['window']

  beforeEach(async () => {
    const userData = mkdtempSync(join(tmpdir(), 'parley-index-'))
    userDataDirs.push(userData)
    fake.reset(userData)
    vi.resetModules()
    await import('./index')
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1))
    ;({ options, contents, window } = fake.state.windows[0] as FakeWindow)
  })

  afterEach(async () => {
    if (fake.state.quitCalls > 0) return
    fake.app.emit('before-quit', { preventDefault: () => undefined })
    await vi.waitFor(() => expect(fake.state.quitCalls).toBe(1))
  })

  it('leaves the media keys to Parley before the app is ready', () => {
    expect(fake.state.switches).toContainEqual(['disable-features', 'HardwareMediaKeyHandling'])
  })

  it('registers an IPC handler for every contract channel', () => {
    expect([...fake.state.ipcHandlers.keys()].sort()).toEqual([...invokeChannels].sort())
  })

  it('handles every channel before the page loads: preload asks the start-up answers at once', () => {
    expect(fake.state.handledAtLoad).toHaveLength(1)
    expect([...(fake.state.handledAtLoad[0] ?? [])].sort()).toEqual([...invokeChannels].sort())
  })

  it('answers the app page and refuses other frames', async () => {
    await expect(
      invoke('account:get', undefined, { url: rendererPage, parent: null }),
    ).resolves.toMatchObject({ ok: true })
    await expect(
      invoke('account:get', undefined, { url: 'https://evil.example/', parent: null }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    await expect(invoke('account:get', undefined, { url: rendererPage, parent: {} })).resolves.toMatchObject({
      ok: false,
    })
    await expect(invoke('account:get', undefined, null)).resolves.toMatchObject({ ok: false })
  })

  it('keeps the password in memory when the keychain is a plain-text fallback', async () => {
    const account = { sipAddress: 'dan@pbx.example', wsServer: 'wss://pbx.example/ws' }
    const saved = await invoke(
      'account:save',
      { account, password: 'pw-123456' },
      { url: rendererPage, parent: null },
    )
    expect(saved).toMatchObject({
      ok: true,
      value: {
        hasPassword: true,
        notices: [
          { key: 'notice.secret-memory-only', params: { secret: { key: 'notice.secret-password' } } },
        ],
      },
    })
  })

  it("writes its log (main's and the window's lines) to the logs folder, 0600, with the password taken out", async () => {
    const page = { url: rendererPage, parent: null }
    const account = { sipAddress: 'eve@pbx.example', wsServer: 'wss://pbx.example/ws' }
    await invoke('account:save', { account, password: 'log-pw-98765' }, page)
    await invoke('log:write', { level: 'warn', scope: 'sip', message: 'retry with log-pw-98765' }, page)
    const path = join(fake.state.userData, 'parley.log')
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const text = readFileSync(path, 'utf8')
    expect(text).toMatch(/WARN {2}renderer\/sip: retry with \[redacted\]/)
    expect(text).not.toContain('log-pw-98765')
  })

  it('creates a sandboxed, isolated window and loads the built page', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      autoplayPolicy: 'no-user-gesture-required',
    })
    expect(options).toMatchObject({ minWidth: 360, minHeight: 480 })
    expect(String((options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/)
    expect(window.listeners.get('close')).toHaveLength(2) // close-to-tray and the window memory
  })

  it('serves the renderer from app://parley with the CSP header, and no file:// page is trusted', async () => {
    expect(fake.state.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ])
    expect(fake.state.loadedUrls).toEqual([rendererPage])
    const handler = fake.state.protocolHandlers.get('app')
    const response = await handler?.({ url: rendererPage })
    expect(response?.status).toBe(200)
    expect(response?.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
    expect((await handler?.({ url: 'app://parley/..%2fpackage.json' }))?.status).toBe(404)
    const filePage = 'file:///' + join(import.meta.dirname, '../renderer/index.html').replace(/^\//, '')
    await expect(invoke('account:get', undefined, { url: filePage, parent: null })).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
  })

  it('refuses navigation, new windows and any permission but audio capture', () => {
    let prevented = false
    contents.emit('will-navigate', { preventDefault: () => (prevented = true), url: 'https://evil.example/' })
    expect(prevented).toBe(true)
    expect(
      (contents.openHandler as (details: { url: string }) => unknown)({ url: 'https://evil.example/' }),
    ).toEqual({ action: 'deny' })
    const answers: boolean[] = []
    const request = fake.state.permissionRequest as (...args: unknown[]) => void
    request(null, 'media', (granted: boolean) => answers.push(granted), {
      mediaTypes: ['audio'],
      requestingUrl: rendererPage,
    })
    request(null, 'media', (granted: boolean) => answers.push(granted), {
      mediaTypes: ['video'],
      requestingUrl: rendererPage,
    })
    request(null, 'geolocation', (granted: boolean) => answers.push(granted), { requestingUrl: rendererPage })
    expect(answers).toEqual([true, false, false])
  })

  it('holds a click-to-call link until the page has loaded, then suggests it', () => {
    fake.app.emit('second-instance', {}, ['parley', '--', 'tel:+46 8-120 100 64'])
    expect(fake.state.sent).toEqual([])
    contents.emit('did-finish-load')
    expect(fake.state.sent).toEqual([['dial-request', { target: '+46812010064' }]])
  })

  it('creates the window again from the tray\'s "Show Parley" once it was closed, as activate does', () => {
    // The OS speaks Swedish (app.getLocale() is sv-SE) and the language preference is "system".
    const showParley = () => fake.state.trayMenu.find((item) => item.label === 'Visa Parley')?.click?.()
    window.emit('closed')
    showParley()
    expect(fake.state.windows).toHaveLength(2)
    const reopened = fake.state.windows[1] as (typeof fake.state.windows)[number]
    expect(reopened.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true })
    // Close-to-tray and the window memory (which saves where the window was) listen to close.
    expect(reopened.window.listeners.get('close')).toHaveLength(2)
    // While it exists, "Show Parley" brings that same window forward instead of adding one.
    showParley()
    expect(fake.state.windows).toHaveLength(2)
    expect(reopened.instance.show).toHaveBeenCalled()
  })

  it('reopens the window where it was closed, and keeps it on top when the preference says so', async () => {
    expect(options).toMatchObject({ minWidth: 360, x: 410, y: 160, width: 1100, height: 720 })
    const first = fake.state.windows[0] as FakeWindow
    expect(first.instance.setAlwaysOnTop).toHaveBeenLastCalledWith(false)
    Object.assign(first.instance, { bounds: { x: 1500, y: 300, width: 400, height: 700 } })
    window.emit('close', { preventDefault: () => undefined })
    await invoke('preferences:update', { keepOnTop: true }, { url: rendererPage, parent: null })
    expect(first.instance.setAlwaysOnTop).toHaveBeenLastCalledWith(true)
    window.emit('closed')
    fake.app.emit('activate')
    const reopened = fake.state.windows[1] as FakeWindow
    expect(reopened.options).toMatchObject({ x: 1500, y: 300, width: 400, height: 700 })
    expect(reopened.instance.setAlwaysOnTop).toHaveBeenLastCalledWith(true)
  })

  it('stops services before quitting', async () => {
    let prevented = false
    fake.app.emit('before-quit', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
    await vi.waitFor(() => expect(fake.state.quitCalls).toBe(1))
    fake.app.emit('before-quit', { preventDefault: () => expect.fail('second quit must not be held') })
  })
})
