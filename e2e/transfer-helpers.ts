import type { Page } from 'playwright-core'
import type { PeerApi, PeerMediaIdentity } from './peer/peer'
import type { TestApp } from './harness/app'
import type { TestPeer } from './harness/peer'
import { eventually } from './harness/wait'

/**
 * Proof that media flows between the RIGHT two parties: each peer connection makes its own
 * DTLS certificate and DTLS connects only to the fingerprint the remote SDP names, so once
 * connected a call's remote fingerprint names the one connection it talks to; bytes growing on
 * exactly that connection prove audio passes.
 */

export interface ConnectionMedia extends PeerMediaIdentity {
  bytesReceived: number
  bytesSent: number
}

/** The peer's call `id`: its DTLS identity (read through the peer page). */
export function peerIdentity(peer: TestPeer, id: number): Promise<PeerMediaIdentity> {
  return peer.page.evaluate((i) => (window as unknown as { peer: PeerApi }).peer.mediaIdentity(i), id)
}

/** Every live peer connection of the app (read through the page's media probe). */
export function appConnections(page: Page): Promise<ConnectionMedia[]> {
  return page.evaluate(async () => {
    const probe = (window as unknown as { __parleyTest: { peerConnections: RTCPeerConnection[] } })
      .__parleyTest
    const out: ConnectionMedia[] = []
    for (const pc of probe.peerConnections) {
      if (pc.connectionState === 'closed') continue
      const fingerprint = (sdp: string | undefined) => /^a=fingerprint:\S+ (\S+)/m.exec(sdp ?? '')?.[1] ?? ''
      const connected = pc.connectionState === 'connected'
      const row: ConnectionMedia = {
        localFingerprint: connected ? fingerprint(pc.localDescription?.sdp) : '',
        remoteFingerprint: connected ? fingerprint(pc.remoteDescription?.sdp) : '',
        bytesReceived: 0,
        bytesSent: 0,
      }
      ;(await pc.getStats()).forEach((entry: Record<string, unknown>) => {
        if (entry.kind === 'audio' && entry.type === 'inbound-rtp')
          row.bytesReceived += Number(entry.bytesReceived ?? 0)
        if (entry.kind === 'audio' && entry.type === 'outbound-rtp')
          row.bytesSent += Number(entry.bytesSent ?? 0)
      })
      out.push(row)
    }
    return out
  })
}

const pairs = (a: PeerMediaIdentity, b: PeerMediaIdentity) =>
  a.localFingerprint !== '' &&
  b.localFingerprint !== '' &&
  a.remoteFingerprint === b.localFingerprint &&
  b.remoteFingerprint === a.localFingerprint

/**
 * Two peers' calls are connected to each other (DTLS identities pair up) and audio grows both
 * ways on both of them.
 */
export async function expectPeersTalking(
  a: TestPeer,
  aCall: number,
  b: TestPeer,
  bCall: number,
): Promise<void> {
  await eventually(
    `${a.user} call ${aCall} and ${b.user} call ${bCall} share one DTLS association`,
    async () => [await peerIdentity(a, aCall), await peerIdentity(b, bCall)] as const,
    ([x, y]) => pairs(x, y),
  )
  await a.waitForMediaFlowing(aCall)
  await b.waitForMediaFlowing(bCall)
}

/**
 * The app's connection with `peer`'s call `id` is the one whose DTLS identity pairs with it;
 * audio grows both ways on that very connection and on the peer's call.
 */
export async function expectAppTalkingWith(app: TestApp, peer: TestPeer, id: number): Promise<void> {
  try {
    await appTalkingWith(app, peer, id)
  } catch (error) {
    console.error(`[transfer] media diagnosis: ${JSON.stringify(await diagnose(app, peer), null, 1)}`)
    throw error
  }
}

/** What both ends' connections look like, for the log of a failed media check. */
async function diagnose(app: TestApp, peer: TestPeer): Promise<unknown> {
  const connections = (page: Page) =>
    page.evaluate(() =>
      (
        window as unknown as { __parleyTest: { peerConnections: RTCPeerConnection[] } }
      ).__parleyTest.peerConnections.map((pc) => ({
        state: `${pc.signalingState} ice=${pc.iceConnectionState} gathering=${pc.iceGatheringState} conn=${pc.connectionState}`,
        local: pc.localDescription?.sdp
          .split('\r\n')
          .filter((l) => /^a=(candidate|sendrecv|sendonly|recvonly|inactive|setup)/.test(l)),
        remote: pc.remoteDescription?.sdp
          .split('\r\n')
          .filter((l) => /^a=(candidate|sendrecv|sendonly|recvonly|inactive|setup)/.test(l)),
      })),
    )
  return {
    app: await connections(app.page).catch((e: unknown) => String(e)),
    [peer.user]: await connections(peer.page).catch((e: unknown) => String(e)),
    [`${peer.user} events`]: (await peer.events()).slice(-15),
  }
}

async function appTalkingWith(app: TestApp, peer: TestPeer, id: number): Promise<void> {
  const remote = await eventually(
    `${peer.user} call ${id} has a DTLS identity`,
    () => peerIdentity(peer, id),
    (identity) => identity.localFingerprint !== '' && identity.remoteFingerprint !== '',
  )
  const find = async () => (await appConnections(app.page)).find((row) => pairs(row, remote))
  const before = await eventually(
    `the app's connection with ${peer.user} call ${id}`,
    find,
    (row) => row !== undefined,
  )
  await eventually(
    `audio both ways on the app's connection with ${peer.user}`,
    find,
    (row) =>
      row !== undefined &&
      before !== undefined &&
      row.bytesReceived > before.bytesReceived &&
      row.bytesSent > before.bytesSent,
  )
  await peer.waitForMediaFlowing(id)
}

/**
 * Records every text a call card showed from now on (a MutationObserver in the page), so a test
 * can prove a state never appeared (no ringing for a replacing call) or see a brief one (an
 * ended card leaves after a moment).
 */
export async function recordCallStates(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __transferSeen?: string[] }
    const seen: string[] = []
    w.__transferSeen = seen
    const note = () => {
      for (const card of document.querySelectorAll('[data-call-id]')) {
        const label = card.getAttribute('aria-label') ?? ''
        const text = (card.textContent ?? '').replace(/\s+/g, ' ').trim()
        const entry = `${label}: ${text}`
        if (seen.at(-1) !== entry && !seen.includes(entry)) seen.push(entry)
      }
    }
    note()
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
  return () =>
    page.evaluate(() => [...((window as unknown as { __transferSeen?: string[] }).__transferSeen ?? [])])
}
