import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session } from 'electron'
import { resolveLanguage, translate } from '../contract/i18n'
import { ClickToCall } from './app/click-to-call'
import { lockDownDebugging } from './app/debug-lockdown'
import {
  claimSingleInstance,
  leaveMediaKeysToParley,
  registerProtocolClients,
  setWindowsAppUserModelId,
} from './app/electron-app'
import { createMainServices, type MainServices } from './compose'
import { electronSafeStorage } from './credentials/electron-safe-storage'
import { createElectronParts } from './electron-parts'
import { createDispatcher } from './ipc/dispatcher'
import { registerIpcHandlers } from './ipc/electron-ipc'
import { EventBus } from './ipc/event-bus'
import { EventForwarder } from './ipc/event-forwarder'
import { createTrustedSenderCheck } from './ipc/trusted-sender'
import { electronSaveTarget } from './log/electron-save-target'
import { FileLogger } from './log/file-logger'
import { consoleLogger } from './log/logger'
import { runtimeVersions } from './log/versions'
import { sharedParts } from './parts'
import { loadMachinePolicy } from './policy/managed-sources'
import { settingsFileName } from './settings/backend'
import { ElectronStoreBackend } from './settings/electron-store-backend'
import { openSettings } from './settings/open-settings'
import { createAutoUpdateService } from './updates/create-auto-update-service'
import {
  APP_SCHEME,
  appSchemePrivileges,
  createAppProtocolHandler,
  rendererEntryUrl,
} from './window/app-protocol'
import { CloseBehaviour } from './window/close-behaviour'
import { CrashRecovery } from './window/crash-recovery'
import { startBundledImportWorker } from './contacts/node-import-worker'
import { installCspHeader } from './window/csp'
import { hardenWebContents } from './window/harden'
import { createMainWindow, windowControls, windowSizes } from './window/main-window'
import { electronTrackedWindow } from './window/electron-tracked-window'
import { keepOnTop } from './window/keep-on-top'
import { PlacementStore } from './window/placement-store'
import { WindowMemory } from './window/window-memory'
import { installPermissionHandlers, createTrustedPageCheck } from './window/permissions'
import { nodeTlsExplain } from './tls/node-tls'

// Composition root: wiring only. Every decision lives in a module with its own tests.
function main(): void {
  // First: a packaged app started to be debugged quits before it does anything (even logging
  // to a file).
  const lockdown = { app, menu: Menu, argv: process.argv, platform: process.platform, logger: consoleLogger }
  if (!lockDownDebugging(lockdown)) return
  // The packaged renderer's app:// origin; must be declared before the app is ready.
  protocol.registerSchemesAsPrivileged([appSchemePrivileges])
  // Before anything can raise a notification (Windows drops them without it).
  setWindowsAppUserModelId(app)
  leaveMediaKeysToParley(app)
  // The log folder is the OS's usual one (%APPDATA%\Parley\logs, ~/Library/Logs/Parley).
  const logger = new FileLogger({
    dir: app.getPath('logs'),
    ...(app.isPackaged ? {} : { echo: consoleLogger }),
  })
  logger.start()
  const events = new EventBus(logger)
  const forwarder = new EventForwarder()
  events.onAny((event, payload) => forwarder.forward(event, payload))

  let mainWindow: BrowserWindow | null = null
  const controls = windowControls(() => mainWindow)
  const clickToCall = new ClickToCall(events, logger, () => controls.show())

  const onSecondInstance = (argv: string[]) => {
    // A link shows the window itself (with the number in the dial field); a plain second
    // start only brings the running window forward.
    if (!clickToCall.handleArgv(argv)) controls.show()
  }
  if (!claimSingleInstance(app, onSecondInstance)) {
    app.quit()
    return
  }
  // Every web contents the app ever creates (the window, anything a bug might open) is locked
  // to its page: no navigation, no new windows, no webviews.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, logger))
  // macOS delivers links as open-url, possibly before ready: the forwarder holds the event.
  app.on('open-url', (event, url) => {
    event.preventDefault()
    clickToCall.handleLink(url)
  })

  const here = import.meta.dirname
  const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
  const rendererUrl = devServerUrl ?? rendererEntryUrl
  const trusted = { rendererUrl }

  let services: MainServices | null = null
  let windowMemory: WindowMemory | null = null
  let stopped = false
  const crashRecovery = new CrashRecovery()
  const closeBehaviour = new CloseBehaviour(() => services?.preferences().closeToTray ?? false)

  async function start(): Promise<void> {
    const dataDir = app.getPath('userData')
    const settingsPath = join(dataDir, settingsFileName)
    const settings = openSettings(settingsPath, () => new ElectronStoreBackend(dataDir), logger)
    windowMemory = new WindowMemory({ store: new PlacementStore(settings.backend, logger), screen, logger })
    const policy = loadMachinePolicy({
      platform: process.platform,
      env: process.env,
      readFile: (path) => readFileSync(path, 'utf8'),
      fileExists: existsSync,
      stat: (path) => statSync(path),
      run: (command, args) => {
        const result = spawnSync(command, args, { encoding: 'utf8', timeout: 5000, windowsHide: true })
        return { status: result.status, stdout: result.stdout ?? '' }
      },
    })

    services = createMainServices({
      dataDir,
      systemLocales: () => [app.getLocale()],
      startImportWorker: startBundledImportWorker,
      settingsBackend: settings.backend,
      settingsNotices: settings.notices,
      safeStorage: electronSafeStorage(safeStorage),
      policy,
      events,
      logger,
      redactor: logger.redactor,
      logDir: app.getPath('logs'),
      diagnostics: {
        chooseTarget: electronSaveTarget(
          dialog,
          () => mainWindow,
          app.getPath('desktop'),
          () =>
            translate(
              services?.language() ?? resolveLanguage('system', [app.getLocale()]),
              'diagnostics.dialog-title',
            ),
        ),
        versions: () => runtimeVersions(app.getVersion()),
        logFiles: () => logger.files(),
      },
      window: controls,
      tls: nodeTlsExplain(),
      parts: [
        ...sharedParts,
        ...createElectronParts({
          app,
          getWindow: () => mainWindow,
          showWindow: showOrOpenWindow,
          closeBehaviour,
          quit: () => app.quit(),
        }),
      ],
    })
    const dispatch = createDispatcher(services.handlers, {
      isTrustedSender: createTrustedSenderCheck(trusted),
      logger,
    })

    const ses = session.defaultSession
    installPermissionHandlers(ses, createTrustedPageCheck(trusted))
    // The CSP as a response header: on the dev server's responses, or from the app:// handler.
    if (devServerUrl) installCspHeader(ses.webRequest)
    else {
      const rootDir = join(here, '../renderer')
      ses.protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir, readFile, logger }))
    }
    registerIpcHandlers(ipcMain, dispatch)
    await services.start()

    // The tray may already have opened it ("Show Parley" while services were starting).
    if (mainWindow === null) openWindow()
    // Windows/Linux: the first launch may itself come from a link.
    clickToCall.handleArgv(process.argv)

    // Extras after the window: a failure here must not keep the phone from starting.
    try {
      if (app.isPackaged) registerProtocolClients(app)
      const updates = createAutoUpdateService({
        app,
        policy: policy.policy.values,
        log: (message) => logger.info(message),
      })
      updates.start()
      app.once('will-quit', () => updates.stop())
    } catch (error) {
      logger.error('Link registration or automatic updates could not start', error)
    }
  }

  function openWindow(): void {
    const window = createMainWindow({
      // The isolation flags are restated literally at the one construction site so static
      // audits (Electronegativity) can see them; secureWebPreferences already sets them.
      createWindow: (options) =>
        new BrowserWindow({
          ...options,
          webPreferences: {
            ...options.webPreferences,
            contextIsolation: true,
            sandbox: true,
            nodeIntegration: false,
            webSecurity: true,
            disableBlinkFeatures: 'Auxclick',
          },
        }),
      preloadPath: join(here, '../preload/index.cjs'),
      devTools: !app.isPackaged,
      ...(windowMemory ? { placement: windowMemory.placement(windowSizes) } : {}),
      closeBehaviour,
      logger,
    })
    mainWindow = window
    windowMemory?.track(electronTrackedWindow(window))
    const stopOnTop = services ? keepOnTop(window, events, services.preferences) : () => undefined
    const contents = window.webContents
    contents.on('did-start-loading', () => forwarder.detach())
    contents.on('did-finish-load', () => forwarder.attach(contents))
    contents.on('render-process-gone', (_event, details) => {
      logger.error(`Renderer gone: ${details.reason}`)
      if (!window.isDestroyed() && crashRecovery.shouldReload(details.reason, Date.now())) contents.reload()
    })
    window.on('closed', () => {
      stopOnTop()
      forwarder.detach()
      mainWindow = null
    })
    void window.loadURL(rendererUrl)
  }

  app.on('before-quit', (event) => {
    closeBehaviour.beginQuit()
    if (stopped || !services) return
    // Let services flush (history, settings) before Electron exits.
    event.preventDefault()
    stopped = true
    void services
      .stop()
      .catch((error: unknown) => logger.error('Stopping services failed', error))
      .finally(() => app.quit())
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  /** Show the window, creating it again if it was closed; nothing before start or while quitting. */
  function showOrOpenWindow(): void {
    if (!services || stopped) return
    if (mainWindow === null) openWindow()
    else controls.show()
  }

  app.on('activate', showOrOpenWindow)

  app
    .whenReady()
    .then(start, (error: unknown) => logger.error('Electron failed to start', error))
    .catch((error: unknown) => {
      logger.error('Parley failed to start', error)
      const language = services?.language() ?? resolveLanguage('system', [app.getLocale()])
      dialog.showErrorBox(translate(language, 'startup.failed-title'), translate(language, 'startup.failed'))
      app.quit()
    })
}

main()
