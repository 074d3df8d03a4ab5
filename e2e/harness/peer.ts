import type { Page } from 'playwright-core'
import type { PeerAccount, PeerApi, PeerCallView, PeerMediaStats } from '../peer/peer'
import type { PeerNotify } from '../peer/presence'
import { launchUserAgent, type UserAgentBrowser } from './browser'
import { wsUrl, type PbxInfo } from './pbx'
import { eventually } from './wait'

type PeerWindow = { peer: PeerApi }

/**
 * Node's handle on one test peer page (SIP.js used directly). Every call is a page.evaluate;
 * the waits poll the page's own state instead of sleeping.
 */
export class TestPeer {
  private constructor(
    readonly user: string,
    readonly ua: UserAgentBrowser,
    private readonly pbx: PbxInfo,
  ) {}

  static async start(user: string, pbx: PbxInfo, baseUrl: string, displayName?: string): Promise<TestPeer> {
    const ua = await launchUserAgent(user)
    await ua.page.goto(`${baseUrl}/peer/index.html`)
    await ua.page.waitForFunction(() => 'peer' in window)
    const peer = new TestPeer(user, ua, pbx)
    await peer.register(displayName)
    return peer
  }

  get page(): Page {
    return this.ua.page
  }

  get uri(): string {
    return `sip:${this.user}@${this.pbx.domain}`
  }

  async register(displayName?: string): Promise<void> {
    const account: PeerAccount = {
      wsUrl: wsUrl(this.pbx),
      user: this.user,
      domain: this.pbx.domain,
      password: this.pbx.password,
      displayName: displayName ?? this.user,
    }
    await this.page.evaluate((a) => (window as unknown as PeerWindow).peer.register(a), account)
  }

  reconnect(): Promise<void> {
    return this.page.evaluate(() => (window as unknown as PeerWindow).peer.reconnect())
  }

  call(target: string, extraHeaders: string[] = []): Promise<number> {
    return this.page.evaluate(([t, h]) => (window as unknown as PeerWindow).peer.call(t, h), [
      target,
      extraHeaders,
    ] as const)
  }

  setAutoAnswer(on: boolean, delayMs = 0): Promise<void> {
    return this.page.evaluate(([o, d]) => (window as unknown as PeerWindow).peer.setAutoAnswer(o, d), [
      on,
      delayMs,
    ] as const)
  }

  setStripTelephoneEvent(on: boolean): Promise<void> {
    return this.page.evaluate((o) => (window as unknown as PeerWindow).peer.setStripTelephoneEvent(o), on)
  }

  setRejectIncoming(statusCode: number | null): Promise<void> {
    return this.page.evaluate((s) => (window as unknown as PeerWindow).peer.setRejectIncoming(s), statusCode)
  }

  answer(id?: number): Promise<void> {
    return this.page.evaluate((i) => (window as unknown as PeerWindow).peer.answer(i), id)
  }

  reject(id?: number, statusCode = 486): Promise<void> {
    return this.page.evaluate(([i, s]) => (window as unknown as PeerWindow).peer.reject(i, s), [
      id,
      statusCode,
    ] as const)
  }

  hangup(id?: number): Promise<void> {
    return this.page.evaluate((i) => (window as unknown as PeerWindow).peer.hangup(i), id)
  }

  hold(id: number | undefined, on: boolean): Promise<void> {
    return this.page.evaluate(([i, o]) => (window as unknown as PeerWindow).peer.hold(i, o), [
      id,
      on,
    ] as const)
  }

  sendDtmfInfo(id: number | undefined, digits: string): Promise<void> {
    return this.page.evaluate(([i, d]) => (window as unknown as PeerWindow).peer.sendDtmfInfo(i, d), [
      id,
      digits,
    ] as const)
  }

  sendDtmfRtp(id: number | undefined, digits: string): Promise<boolean> {
    return this.page.evaluate(([i, d]) => (window as unknown as PeerWindow).peer.sendDtmfRtp(i, d), [
      id,
      digits,
    ] as const)
  }

  /** Resolves with the final status of the REFER (202 accepted, 603 declined …). */
  blindTransfer(id: number | undefined, target: string): Promise<number> {
    return this.page.evaluate(([i, t]) => (window as unknown as PeerWindow).peer.blindTransfer(i, t), [
      id,
      target,
    ] as const)
  }

  attendedTransfer(heldId: number, consultId: number): Promise<void> {
    return this.page.evaluate(([h, c]) => (window as unknown as PeerWindow).peer.attendedTransfer(h, c), [
      heldId,
      consultId,
    ] as const)
  }

  stats(id?: number): Promise<PeerMediaStats> {
    return this.page.evaluate((i) => (window as unknown as PeerWindow).peer.stats(i), id)
  }

  dialogIds(id?: number): Promise<{ callId: string; localTag: string; remoteTag: string } | null> {
    return this.page.evaluate((i) => (window as unknown as PeerWindow).peer.dialogIds(i), id)
  }

  calls(): Promise<PeerCallView[]> {
    return this.page.evaluate(() => (window as unknown as PeerWindow).peer.calls())
  }

  async lastCall(): Promise<PeerCallView | undefined> {
    return (await this.calls()).at(-1)
  }

  /** Waits until a call of this peer satisfies `predicate`; returns it. */
  async waitForCall(
    predicate: (call: PeerCallView) => boolean,
    what: string,
    timeoutMs = 15_000,
  ): Promise<PeerCallView> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = (await this.calls()).find(predicate)
      if (found) return found
      if (Date.now() > deadline) {
        throw new Error(
          `peer ${this.user}: timed out waiting for ${what}; calls: ${JSON.stringify(await this.calls())}`,
        )
      }
      await new Promise((r) => setTimeout(r, 50))
    }
  }

  /** Resolves once bytes received AND sent both grow on call `id` (media flows both ways here). */
  async waitForMediaFlowing(
    id?: number,
    timeoutMs = 15_000,
  ): Promise<{ before: PeerMediaStats; after: PeerMediaStats }> {
    const before = await this.stats(id)
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const after = await this.stats(id)
      if (after.bytesReceived > before.bytesReceived && after.bytesSent > before.bytesSent)
        return { before, after }
      if (Date.now() > deadline) {
        throw new Error(`peer ${this.user}: media not flowing: ${JSON.stringify({ before, after })}`)
      }
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  /** PUBLISH (SIP.js Publisher) for this peer's own address, or for `target`. */
  async publish(event: string, contentType: string, body: string, target?: string): Promise<string> {
    const result = await this.page.evaluate(
      ([e, c, b, t]) => (window as unknown as PeerWindow).peer.publish(e, c, b, t),
      [event, contentType, body, target] as const,
    )
    return result.state
  }

  subscribe(target: string, event: string): Promise<void> {
    return this.page.evaluate(([t, e]) => (window as unknown as PeerWindow).peer.subscribe(t, e), [
      target,
      event,
    ] as const)
  }

  unsubscribe(target: string, event: string): Promise<void> {
    return this.page.evaluate(([t, e]) => (window as unknown as PeerWindow).peer.unsubscribe(t, e), [
      target,
      event,
    ] as const)
  }

  notifies(): Promise<PeerNotify[]> {
    return this.page.evaluate(() => (window as unknown as PeerWindow).peer.notifies())
  }

  /** Waits for a NOTIFY this peer received that satisfies `predicate`; returns it. */
  async waitForNotify(
    predicate: (notify: PeerNotify) => boolean,
    what: string,
    timeoutMs = 15_000,
  ): Promise<PeerNotify> {
    const all = await eventually(
      `${this.user}: NOTIFY ${what}`,
      () => this.notifies(),
      (n) => n.some(predicate),
      timeoutMs,
    )
    return all.find(predicate) as PeerNotify
  }

  events(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as PeerWindow).peer.events())
  }

  async close(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as PeerWindow).peer.unregister()).catch(() => undefined)
    await this.ua.close()
  }
}
