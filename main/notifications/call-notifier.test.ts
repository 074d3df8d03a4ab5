import { describe, expect, it } from 'vitest'
import type { EventChannel, EventMap } from '../../contract/ipc'
import type { Language } from '../../contract/i18n'
import { preferencesSchema, type HistoryEntry } from '../../contract/schemas'
import { MemoryLogger } from '../log/logger'
import { CallNotifier, type CallNotifierPorts, type NotificationHandlers } from './call-notifier'
import { CallSignals } from './call-signals'
import { MissedCallBadge } from './missed-badge'
import { incomingCallContent, safeText } from './notification-content'

class RecordingSink {
  readonly events: { event: EventChannel; payload: unknown }[] = []
  emit<E extends EventChannel>(event: E, payload: EventMap[E]): void {
    this.events.push({ event, payload })
  }
}

interface FakeNotification {
  title: string
  body: string
  actions: string[]
  handlers: NotificationHandlers
  closed: boolean
}

function setup(
  options: {
    platform?: NodeJS.Platform
    visible?: boolean
    focused?: boolean
    doNotDisturb?: boolean
    language?: { current: Language }
  } = {},
) {
  const shown: FakeNotification[] = []
  const window = { visible: options.visible ?? false, focused: options.focused ?? false, showCount: 0 }
  const ports: CallNotifierPorts = {
    supported: () => true,
    show: (content, handlers) => {
      const notification: FakeNotification = { ...content, handlers, closed: false }
      shown.push(notification)
      return {
        close: () => {
          notification.closed = true
        },
      }
    },
    windowState: () => ({ visible: window.visible, focused: window.focused }),
    showWindow: () => {
      window.showCount++
    },
  }
  const signals = new CallSignals()
  const sink = new RecordingSink()
  const preferences = preferencesSchema.parse({ doNotDisturb: options.doNotDisturb ?? false })
  const notifier = new CallNotifier({
    ports,
    signals,
    events: sink,
    preferences: () => preferences,
    language: () => options.language?.current ?? 'en',
    platform: options.platform ?? 'darwin',
    logger: new MemoryLogger(),
  })
  notifier.start()
  return { shown, window, signals, sink, notifier }
}

const notice = { callId: 'c1', remoteName: 'Åsa Östlund', remoteNumber: '+46 8 123', via: 'Switchboard' }
const missedEntry: HistoryEntry = {
  id: 'c1',
  direction: 'incoming',
  outcome: 'missed',
  remoteName: 'Åsa',
  remoteNumber: '100',
  via: '',
  transferredTo: '',
  startedAt: 1,
  ringMs: 20_000,
  talkMs: 0,
}

describe('CallNotifier', () => {
  it('shows an incoming call with the caller and Answer/Reject on macOS when the window is hidden', () => {
    const { shown, signals } = setup()
    expect(signals.emit('incoming', notice)).toBe(true)
    expect(shown).toHaveLength(1)
    expect(shown[0]).toMatchObject({
      title: 'Incoming call',
      body: '\u2068Åsa Östlund\u2069 (\u2066+46 8 123\u2069)\nvia \u2068Switchboard\u2069',
      actions: ['Answer', 'Reject'],
    })
  })

  it('turns the buttons into notification-action events, bringing the window forward to answer', () => {
    const { shown, signals, sink, window } = setup()
    signals.emit('incoming', notice)
    shown[0]?.handlers.onAction(0)
    shown[0]?.handlers.onAction(1)
    expect(sink.events).toEqual([
      { event: 'notification-action', payload: { callId: 'c1', action: 'answer' } },
      { event: 'notification-action', payload: { callId: 'c1', action: 'reject' } },
    ])
    expect(window.showCount).toBe(1)
  })

  it('brings the window forward on click where there are no buttons', () => {
    const { shown, signals, sink, window } = setup({ platform: 'win32', visible: true, focused: false })
    signals.emit('incoming', notice)
    expect(shown[0]?.actions).toEqual([])
    shown[0]?.handlers.onClick()
    expect(window.showCount).toBe(1)
    expect(sink.events).toEqual([{ event: 'notification-action', payload: { callId: 'c1', action: 'show' } }])
  })

  it('stays quiet when the window is in front, or in do-not-disturb', () => {
    expect(setup({ visible: true, focused: true }).signals.emit('incoming', notice)).toBe(false)
    const quiet = setup({ doNotDisturb: true })
    quiet.signals.emit('incoming', notice)
    expect(quiet.shown).toEqual([])
  })

  it('closes the ringing notification when ringing stops, and leaves one for a missed call', () => {
    const { shown, signals } = setup()
    signals.emit('incoming', notice)
    signals.emit('status', { registration: 'registered', calls: 0, ringing: false })
    expect(shown[0]?.closed).toBe(true)
    signals.emit('recorded', missedEntry)
    expect(shown[1]).toMatchObject({
      title: 'Missed call',
      body: '\u2068Åsa\u2069 (\u2066100\u2069)',
      closed: false,
    })
    signals.emit('recorded', { ...missedEntry, id: 'c2', outcome: 'answered' })
    expect(shown).toHaveLength(2)
  })

  it("speaks the user's language of the moment: Swedish titles, buttons and caller lines", () => {
    const language = { current: 'sv' as Language }
    const { shown, signals } = setup({ language })
    signals.emit('recorded', { ...missedEntry, remoteName: 'Åsa', remoteNumber: '', via: 'Växeln' })
    expect(shown[0]).toMatchObject({
      title: 'Missat samtal',
      body: '\u2068Åsa\u2069 (okänt nummer)\nvia \u2068Växeln\u2069',
    })
    signals.emit('incoming', notice)
    expect(shown[1]).toMatchObject({ title: 'Inkommande samtal', actions: ['Svara', 'Avvisa'] })
    language.current = 'en'
    signals.emit('recorded', { ...missedEntry, id: 'c3', remoteName: '', remoteNumber: '' })
    expect(shown[2]).toMatchObject({ title: 'Missed call', body: 'Unknown caller' })
  })

  it('closes everything on stop and no longer listens', () => {
    const { shown, signals, notifier } = setup()
    signals.emit('incoming', notice)
    signals.emit('recorded', { ...missedEntry, id: 'c9' })
    notifier.stop()
    expect(shown.every((notification) => notification.closed)).toBe(true)
    expect(signals.emit('incoming', notice)).toBe(false)
  })
})

describe('notification text', () => {
  it('removes controls and bidi overrides and escapes markup on Linux only', () => {
    expect(safeText('Evil\u202Egnp.exe\u0007 <b>x</b> & y', 100, 'linux')).toBe(
      'Evil gnp.exe &lt;b&gt;x&lt;/b&gt; &amp; y',
    )
    expect(safeText('<b>x</b>', 100, 'darwin')).toBe('<b>x</b>')
    expect(safeText('a'.repeat(200), 10, 'win32')).toBe(`${'a'.repeat(9)}…`)
  })

  it('removes the Arabic letter mark, LRM/RLM and zero-width characters', () => {
    expect(safeText('\u061c+1 555 0100\u200e\u200f', 100, 'win32')).toBe('+1 555 0100')
    expect(safeText('Bo\u200bb\u200d\u2060\ufeff', 100, 'darwin')).toBe('Bob')
  })

  it('isolates the name and shows the number left to right, so a name cannot reorder it', () => {
    const body = incomingCallContent(
      { callId: 'x', remoteName: 'محمد\u061c', remoteNumber: '+1 555 0100', via: '' },
      'en',
      'win32',
    ).body
    expect(body).toBe('\u2068محمد\u2069 (\u2066+1 555 0100\u2069)')
  })

  it('names an unknown caller', () => {
    expect(
      incomingCallContent({ callId: 'x', remoteName: '', remoteNumber: '', via: '' }, 'en', 'linux').body,
    ).toBe('Unknown caller')
    expect(
      incomingCallContent({ callId: 'x', remoteName: '', remoteNumber: '', via: '' }, 'sv', 'linux').body,
    ).toBe('Okänd uppringare')
  })
})

describe('MissedCallBadge', () => {
  it('follows the unseen missed count, including the count known before it started, and clears on stop', () => {
    const signals = new CallSignals()
    const counts: number[] = []
    signals.emit('missedUnseen', 3)
    const badge = new MissedCallBadge({ port: { setCount: (count) => counts.push(count) }, signals })
    badge.start()
    signals.emit('missedUnseen', 3)
    signals.emit('missedUnseen', 0)
    badge.stop()
    signals.emit('missedUnseen', 5)
    expect(counts).toEqual([3, 0])
  })
})

describe('MissedCallBadge with voicemail', () => {
  it('counts missed calls plus new voicemail, says what it counts, and clears when the PBX does', () => {
    const signals = new CallSignals()
    const shown: Array<[number, string]> = []
    const badge = new MissedCallBadge({
      port: { setCount: (count, description) => shown.push([count, description]) },
      signals,
      language: () => 'sv',
    })
    badge.start()
    signals.emit('missedUnseen', 1)
    signals.emit('voicemail', { waiting: true, newCount: 2, oldCount: 0 })
    signals.emit('voicemail', { waiting: false, newCount: 0, oldCount: 2 })
    expect(shown).toEqual([
      [1, '1 missat samtal'],
      [3, '1 missat samtal · 2 nya röstmeddelanden'],
      [1, '1 missat samtal'],
    ])
  })
})

describe('CallSignals', () => {
  it('keeps other listeners running when one throws', () => {
    const logger = new MemoryLogger()
    const signals = new CallSignals(logger)
    const seen: number[] = []
    signals.on('missedUnseen', () => {
      throw new Error('broken tray')
    })
    signals.on('missedUnseen', (count) => {
      seen.push(count)
    })
    signals.emit('missedUnseen', 2)
    expect(seen).toEqual([2])
    expect(logger.lines[0]?.level).toBe('error')
  })
})
