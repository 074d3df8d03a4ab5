import { parsePidf, type ParsedPresence } from '../../contract/presence/pidf'
import { applyDialogInfo, emptyDialogBook, type DialogBook } from '../../renderer/lamps/dialog-book'
import { parseDialogInfo } from '../../renderer/lamps/dialog-info'
import { lampOf, type Lamp, type WatchStateName } from '../../renderer/lamps/lamp'
import { createSipPhone } from '../../renderer/sip'
import type { SipAccount, WatchEvent } from '../../renderer/sip/types'
import { watchStartsPerTask } from '../../renderer/lamps/watch-port'
import { TaskSlices } from '../../renderer/state/tasks'

/**
 * The bench's operator board without the UI: Parley's real SIP adapter (createSipPhone, SIP.js
 * behind the port) watching every colleague's presence and dialog, each NOTIFY turned into a
 * lamp by the lamps code (PIDF / dialog-info parse, dialog book, lampOf), as the board's state
 * does. Node drives it through `window.board`; times are wall clock (timeOrigin + now).
 */
interface Colleague {
  presence: ParsedPresence | null
  presenceState: WatchStateName
  book: DialogBook
  dialogState: WatchStateName
  lamp: Lamp | null
}

const now = () => performance.timeOrigin + performance.now()
const colleagues = new Map<string, Colleague>()
const activeAt = new Map<string, number>()
const lampChanges: Array<{ target: string; note: string; at: number }> = []
const answers = new Map<number, number>()
const longTasks: Array<{ start: number; duration: number }> = []
let watchStartedAt = 0

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration })
}).observe({ type: 'longtask', buffered: true })

const phone = createSipPhone({
  // count the PBX's answers by status code (a 503 would show here)
  trace: (direction, text) => {
    if (direction !== 'received') return
    const code = /^SIP\/2\.0 (\d{3})/.exec(text)?.[1]
    if (code) answers.set(Number(code), (answers.get(Number(code)) ?? 0) + 1)
  },
})

function colleagueOf(target: string): Colleague {
  let colleague = colleagues.get(target)
  if (!colleague) {
    colleague = {
      presence: null,
      presenceState: 'pending',
      book: emptyDialogBook,
      dialogState: 'pending',
      lamp: null,
    }
    colleagues.set(target, colleague)
  }
  return colleague
}

function relight(target: string, colleague: Colleague): void {
  colleague.lamp = lampOf({
    presence: colleague.presence,
    presenceState: colleague.presenceState,
    dialogs: colleague.book.dialogs,
    dialogState: colleague.dialogState,
  })
  lampChanges.push({ target, note: colleague.lamp.note ?? '', at: now() })
}

phone.on('watch-state', ({ target, event, state }) => {
  const colleague = colleagueOf(target)
  if (event === 'presence') colleague.presenceState = state
  else colleague.dialogState = state
  if (state === 'active' && !activeAt.has(`${event} ${target}`)) activeAt.set(`${event} ${target}`, now())
})

phone.on('notify', ({ target, event, body }) => {
  const colleague = colleagueOf(target)
  if (event === 'presence') {
    colleague.presence = body ? (parsePidf(body) ?? null) : null
    colleague.presenceState = 'active'
  } else if (event === 'dialog') {
    const document = parseDialogInfo(body)
    if (document) colleague.book = applyDialogInfo(colleague.book, document).book
    colleague.dialogState = 'active'
  }
  relight(target, colleague)
})

const board = {
  async connect(account: SipAccount): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const stop = phone.on('registration', (status) => {
        if (status.state === 'registered') {
          stop()
          resolve()
        } else if (status.state === 'failed') {
          stop()
          reject(new Error(`registration failed: ${status.reason}`))
        }
      })
      void phone.connect(account)
    })
  },
  watchAll(targets: string[], events: WatchEvent[]): number {
    watchStartedAt = now()
    // started a slice per task, as the board's state starts them (colleagues.svelte.ts)
    const starts = new TaskSlices<string>((target) => {
      for (const event of events) phone.watch(target, event)
    }, watchStartsPerTask)
    starts.addAll(targets)
    return watchStartedAt
  },
  progress() {
    return { active: activeAt.size, watchStartedAt, lastActiveAt: Math.max(0, ...activeAt.values()) }
  },
  answers: () => Object.fromEntries(answers),
  lampChanges: (since: number) => lampChanges.filter((change) => change.at >= since),
  longTasks: (since: number) => longTasks.filter((task) => performance.timeOrigin + task.start >= since),
  now,
  async signOut(): Promise<void> {
    await phone.disconnect()
  },
}

;(window as unknown as { board: typeof board }).board = board
