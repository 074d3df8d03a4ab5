import type { TestApp } from './app'
import type { TestPeer } from './peer'
import { ui } from './ui'
import { eventually } from './wait'

/**
 * Leaves no call behind for the next test, whatever this one did: every peer's live call is
 * hung up and its test switches are back to their defaults, and the app shows no live card.
 */
export async function hangUpEverything(app: TestApp, peers: readonly TestPeer[]): Promise<void> {
  for (const peer of peers) {
    for (const call of await peer.calls()) {
      if (call.state !== 'Terminated') await peer.hangup(call.id).catch(() => undefined)
    }
    await peer.setAutoAnswer(false)
    await peer.setRejectIncoming(null)
    await peer.setStripTelephoneEvent(false)
  }
  await eventually(
    'no live call cards',
    () => ui.liveCall(app.page).count(),
    (live) => live === 0,
  )
}
