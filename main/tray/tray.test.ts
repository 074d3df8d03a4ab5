import { describe, expect, it } from 'vitest'
import { MemoryLogger } from '../log/logger'
import { CallSignals } from '../notifications/call-signals'
import { statusIconBitmap } from './status-icon'
import { trayModel, type TrayMenuId, type TrayView } from './tray-model'
import { TrayService } from './tray-service'
import { EventBus } from '../ipc/event-bus'
import type { Language } from '../../contract/i18n'
import { preferencesSchema } from '../../contract/schemas'

describe('trayModel', () => {
  it('shows registration, calls and missed calls, most urgent icon first', () => {
    expect(trayModel({ registration: 'registered', calls: 0, ringing: false }, 0, 'en')).toEqual({
      tooltip: 'Parley: Registered',
      iconName: 'registered',
      menu: [
        { kind: 'label', label: 'Registered' },
        { kind: 'separator' },
        { kind: 'action', id: 'show', label: 'Show Parley' },
        { kind: 'action', id: 'quit', label: 'Quit Parley' },
      ],
    })
    const busy = trayModel({ registration: 'registered', calls: 2, ringing: false }, 3, 'en')
    expect(busy.tooltip).toBe('Parley: Registered · 2 calls · 3 missed calls')
    expect(busy.iconName).toBe('in-call')
    expect(trayModel({ registration: 'registered', calls: 1, ringing: true }, 1, 'en').iconName).toBe(
      'ringing',
    )
    expect(trayModel({ registration: 'registered', calls: 1, ringing: true }, 1, 'en').tooltip).toBe(
      'Parley: Registered · Incoming call · 1 missed call',
    )
    expect(trayModel({ registration: 'failed', calls: 0, ringing: false }, 0, 'en').iconName).toBe('failed')
    expect(trayModel({ registration: 'connecting', calls: 0, ringing: false }, 0, 'en').iconName).toBe(
      'connecting',
    )
    expect(trayModel({ registration: 'unregistered', calls: 0, ringing: false }, 0, 'en').iconName).toBe(
      'offline',
    )
  })

  it('speaks Swedish: status lines, plural missed calls, Show and Quit', () => {
    expect(trayModel({ registration: 'registered', calls: 1, ringing: false }, 2, 'sv')).toEqual({
      tooltip: 'Parley: Registrerad · I samtal · 2 missade samtal',
      iconName: 'in-call',
      menu: [
        { kind: 'label', label: 'Registrerad' },
        { kind: 'label', label: 'I samtal' },
        { kind: 'label', label: '2 missade samtal' },
        { kind: 'separator' },
        { kind: 'action', id: 'show', label: 'Visa Parley' },
        { kind: 'action', id: 'quit', label: 'Avsluta Parley' },
      ],
    })
    expect(trayModel({ registration: 'failed', calls: 3, ringing: true }, 1, 'sv').tooltip).toBe(
      'Parley: Registreringen misslyckades · Inkommande samtal (3 samtal) · 1 missat samtal',
    )
  })
})

describe('statusIconBitmap', () => {
  it('draws an opaque coloured centre and transparent corners in BGRA', () => {
    const size = 16
    const bitmap = statusIconBitmap('failed', size)
    expect(bitmap.length).toBe(size * size * 4)
    const centre = (8 * size + 8) * 4
    expect([bitmap[centre], bitmap[centre + 1], bitmap[centre + 2], bitmap[centre + 3]]).toEqual([
      0x28, 0x28, 0xc6, 255,
    ])
    expect(bitmap[3]).toBe(0)
  })
})

describe('TrayService', () => {
  function setup(createFails = false) {
    const signals = new CallSignals()
    const views: TrayView[] = []
    let select: (id: TrayMenuId) => void = () => undefined
    let click: () => void = () => undefined
    const calls = { show: 0, quit: 0, available: [] as boolean[], destroyed: 0 }
    const preferences = new EventBus()
    let language: Language = 'en'
    const service = new TrayService({
      language: () => language,
      onPreferencesChanged: (listener) => preferences.on('preferences-changed', listener),
      createTray: (onClick) => {
        if (createFails) throw new Error('no status notifier host')
        click = onClick
        return {
          render: (view, onSelect) => {
            views.push(view)
            select = onSelect
          },
          destroy: () => {
            calls.destroyed++
          },
        }
      },
      signals,
      showWindow: () => calls.show++,
      quit: () => calls.quit++,
      setTrayAvailable: (available) => calls.available.push(available),
      logger: new MemoryLogger(),
    })
    return {
      signals,
      views,
      calls,
      service,
      select: (id: TrayMenuId) => select(id),
      click: () => click(),
      /** The user picks another language in Settings: main stores it and says so. */
      switchLanguage: (next: Language) => {
        language = next
        preferences.emit('preferences-changed', preferencesSchema.parse({ language: next }))
      },
    }
  }

  it('follows phone status and missed calls, and its menu shows or quits', () => {
    const tray = setup()
    tray.signals.emit('missedUnseen', 2)
    tray.service.start()
    expect(tray.calls.available).toEqual([true])
    expect(tray.views.at(-1)?.tooltip).toBe('Parley: Not registered · 2 missed calls')
    tray.signals.emit('status', { registration: 'registered', calls: 1, ringing: false })
    expect(tray.views.at(-1)?.iconName).toBe('in-call')
    tray.select('show')
    tray.click()
    tray.select('quit')
    expect(tray.calls.show).toBe(2)
    expect(tray.calls.quit).toBe(1)
  })

  it('redraws in the new language as soon as the language changes, not at the next call', () => {
    const tray = setup()
    tray.signals.emit('missedUnseen', 2)
    tray.service.start()
    expect(tray.views.at(-1)?.tooltip).toBe('Parley: Not registered · 2 missed calls')
    tray.switchLanguage('sv')
    expect(tray.views.at(-1)?.tooltip).toBe('Parley: Inte registrerad · 2 missade samtal')
    expect(tray.views.at(-1)?.menu.at(-1)).toEqual({ kind: 'action', id: 'quit', label: 'Avsluta Parley' })
    // Another preference (do not disturb, say) changes nothing the tray shows: no redraw.
    const drawn = tray.views.length
    tray.switchLanguage('sv')
    expect(tray.views.length).toBe(drawn)
    tray.service.stop()
    tray.switchLanguage('en')
    expect(tray.views.length).toBe(drawn)
  })

  it('shows new voicemail (count, or that some wait) next to missed calls, in both languages', () => {
    const tray = setup()
    tray.service.start()
    tray.signals.emit('voicemail', { waiting: true, newCount: 3, oldCount: 1 })
    expect(tray.views.at(-1)?.tooltip).toBe('Parley: Not registered · 3 new voicemail messages')
    expect(tray.views.at(-1)?.menu).toContainEqual({ kind: 'label', label: '3 new voicemail messages' })
    tray.switchLanguage('sv')
    expect(tray.views.at(-1)?.tooltip).toBe('Parley: Inte registrerad · 3 nya röstmeddelanden')
    tray.signals.emit('voicemail', { waiting: true, newCount: null, oldCount: null })
    expect(tray.views.at(-1)?.tooltip).toBe('Parley: Inte registrerad · Nytt röstmeddelande')
    tray.signals.emit('voicemail', { waiting: false, newCount: 0, oldCount: 4 })
    expect(tray.views.at(-1)?.tooltip).toBe('Parley: Inte registrerad')
  })

  it('removes the icon on stop and stops listening', () => {
    const tray = setup()
    tray.service.start()
    tray.service.stop()
    const rendered = tray.views.length
    tray.signals.emit('missedUnseen', 9)
    expect(tray.views.length).toBe(rendered)
    expect(tray.calls.destroyed).toBe(1)
    expect(tray.calls.available).toEqual([true, false])
  })

  it('never claims a tray when the desktop has none, so closing the window quits', () => {
    const tray = setup(true)
    tray.service.start()
    expect(tray.calls.available).toEqual([])
    tray.service.stop()
    expect(tray.calls.destroyed).toBe(0)
  })
})
