import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { TLS_HOST, trustingHome } from './certs'

export const CHROMIUM_PATH = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium'

/** Flags for WebRTC on loopback with fake media in a quiet, closed-network Chromium. */
export const chromiumArgs = [
  '--headless=new',
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
]

/**
 * Runs in every page before its own scripts. Two jobs, neither of which drives the app:
 * - This machine may have a non-loopback interface; ICE would offer its address too. Only
 *   127.x candidates leave the page (in the SDP, and in icecandidate events, which the app's
 *   bounded ICE gathering watches), so every media path is loopback whatever the host's
 *   network looks like.
 * - Every RTCPeerConnection is kept in `__parleyTest.peerConnections`, and the first time a
 *   remote audio track starts receiving (its `unmute`) is stamped, so tests and the bench can
 *   read getStats and "media flowing" timestamps of an app they do not otherwise touch.
 */
function mediaProbe(): void {
  const NativePeerConnection = window.RTCPeerConnection
  const probe = {
    peerConnections: [] as RTCPeerConnection[],
    remoteMediaAt: [] as number[],
    clickAt: [] as Array<{ at: number; label: string }>,
    /** Tones handed to an RTCDTMFSender (RFC 4733): what the app sent in-band. */
    dtmfTones: '',
    /** When each getUserMedia call resolved, and each connection finished ICE gathering. */
    microphoneOpenedAt: [] as number[],
    iceGatheredAt: [] as number[],
    now: () => performance.timeOrigin + performance.now(),
  }
  const nativeLocalDescription = Object.getOwnPropertyDescriptor(
    NativePeerConnection.prototype,
    'localDescription',
  )
  Object.defineProperty(NativePeerConnection.prototype, 'localDescription', {
    configurable: true,
    get(this: RTCPeerConnection) {
      const description = nativeLocalDescription?.get?.call(this) as RTCSessionDescription | null
      if (!description) return description
      const sdp = description.sdp
        .split('\r\n')
        .filter((line) => !line.startsWith('a=candidate:') || / 127\.\d+\.\d+\.\d+ /.test(line))
        .join('\r\n')
      return new RTCSessionDescription({ type: description.type, sdp })
    },
  })
  // The app's own ICE handling (e.g. "send once a host candidate arrived") must see only the
  // 127.x candidates too, as on a loopback-only host; end-of-candidates still passes.
  const loopbackOrEnd = (event: Event) => {
    const line = (event as RTCPeerConnectionIceEvent).candidate?.candidate
    return !line || / 127\.\d+\.\d+\.\d+ /.test(line)
  }
  const onIceCandidate = Object.getOwnPropertyDescriptor(NativePeerConnection.prototype, 'onicecandidate')
  Object.defineProperty(NativePeerConnection.prototype, 'onicecandidate', {
    configurable: true,
    get(this: RTCPeerConnection) {
      return onIceCandidate?.get?.call(this) as unknown
    },
    set(this: RTCPeerConnection, handler: unknown) {
      const filtered =
        typeof handler === 'function'
          ? function (this: RTCPeerConnection, event: Event) {
              if (loopbackOrEnd(event)) (handler as (e: Event) => void).call(this, event)
            }
          : handler
      onIceCandidate?.set?.call(this, filtered)
    },
  })
  const wrappedListeners = new WeakMap<object, EventListener>()
  const nativeAddEventListener = NativePeerConnection.prototype
    .addEventListener as EventTarget['addEventListener']
  const nativeRemoveEventListener = NativePeerConnection.prototype
    .removeEventListener as EventTarget['removeEventListener']
  NativePeerConnection.prototype.addEventListener = function (
    this: RTCPeerConnection,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    if (type !== 'icecandidate' || !listener)
      return nativeAddEventListener.call(this, type, listener, options)
    const wrapped =
      wrappedListeners.get(listener) ??
      function (this: RTCPeerConnection, event: Event) {
        if (!loopbackOrEnd(event)) return
        if (typeof listener === 'function') listener.call(this, event)
        else listener.handleEvent(event)
      }
    wrappedListeners.set(listener, wrapped)
    return nativeAddEventListener.call(this, type, wrapped, options)
  } as typeof NativePeerConnection.prototype.addEventListener
  NativePeerConnection.prototype.removeEventListener = function (
    this: RTCPeerConnection,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    const wrapped = listener && type === 'icecandidate' ? wrappedListeners.get(listener) : undefined
    return nativeRemoveEventListener.call(this, type, wrapped ?? listener, options)
  } as typeof NativePeerConnection.prototype.removeEventListener
  const register = (pc: RTCPeerConnection) => {
    probe.peerConnections.push(pc)
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'complete') probe.iceGatheredAt.push(probe.now())
    })
    pc.addEventListener('track', (event) => {
      const mark = () => probe.remoteMediaAt.push(probe.now())
      if (!event.track.muted) mark()
      else event.track.addEventListener('unmute', mark, { once: true })
    })
  }
  window.RTCPeerConnection = new Proxy(NativePeerConnection, {
    construct(target, args, newTarget) {
      const pc = Reflect.construct(target, args, newTarget) as RTCPeerConnection
      register(pc)
      return pc
    },
  })
  const mediaDevices = navigator.mediaDevices
  if (mediaDevices) {
    const nativeGetUserMedia = mediaDevices.getUserMedia.bind(mediaDevices)
    mediaDevices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
      const stream = await nativeGetUserMedia(constraints)
      probe.microphoneOpenedAt.push(probe.now())
      return stream
    }
  }
  // Tones as they are played, not as they are queued: the app re-inserts the tones still
  // waiting when a key comes faster than a tone lasts, so insertDTMF's arguments overlap.
  const nativeInsertDtmf = RTCDTMFSender.prototype.insertDTMF
  const heard = new WeakSet<RTCDTMFSender>()
  RTCDTMFSender.prototype.insertDTMF = function (this: RTCDTMFSender, tones: string, ...rest: number[]) {
    if (!heard.has(this)) {
      heard.add(this)
      this.addEventListener('tonechange', (event) => {
        if (event.tone) probe.dtmfTones += event.tone
      })
    }
    return nativeInsertDtmf.call(this, tones, ...rest)
  }
  // Click times in the page's own clock (same wall clock as Kamailio's log), for the bench.
  document.addEventListener(
    'click',
    (event) => {
      const button = (event.target as HTMLElement | null)?.closest('button')
      const label = button?.getAttribute('aria-label') ?? button?.textContent ?? ''
      probe.clickAt.push({ at: probe.now(), label: label.trim() })
    },
    { capture: true },
  )
  ;(window as unknown as { __parleyTest: typeof probe }).__parleyTest = probe
}

export interface UserAgentBrowser {
  context: BrowserContext
  page: Page
  /** Uncaught exceptions in the page, in order. */
  pageErrors: string[]
  close(): Promise<void>
}

export interface UserAgentOptions {
  /**
   * A CA certificate (PEM) this browser trusts, in a per-profile NSS database (its own HOME),
   * with the test PBX's host name resolving to 127.0.0.1: wss:// is checked for real.
   */
  trustCaFile?: string
  /**
   * The browser's language (navigator.language): English unless a test asks for another, so
   * the suites find controls by their English names whatever this machine speaks.
   */
  locale?: string
}

/** One Chromium with a fresh profile: one user agent. */
export async function launchUserAgent(
  name: string,
  options: UserAgentOptions = {},
): Promise<UserAgentBrowser> {
  const profile = mkdtempSync(join(tmpdir(), `parley-e2e-${name}-`))
  const home = options.trustCaFile ? trustingHome(join(profile, 'home'), options.trustCaFile) : undefined
  const context = await chromium.launchPersistentContext(join(profile, 'chromium'), {
    executablePath: CHROMIUM_PATH,
    args: home ? [...chromiumArgs, `--host-resolver-rules=MAP ${TLS_HOST} 127.0.0.1`] : chromiumArgs,
    ...(home ? { env: { ...process.env, HOME: home } } : {}),
    viewport: { width: 1100, height: 760 },
    permissions: ['microphone'],
    locale: options.locale ?? 'en-GB',
  })
  // Code run with tsx (the bench) is compiled with keepNames, which wraps functions passed to the
  // page in __name(); give pages a no-op __name so those functions survive serialisation.
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f)' })
  await context.addInitScript(mediaProbe)
  const page = context.pages()[0] ?? (await context.newPage())
  const pageErrors: string[] = []
  page.on('pageerror', (error) => {
    pageErrors.push(error.message)
    console.error(`[${name}] page error: ${error.message}`)
  })
  // Page output goes to stderr, so `npm run bench -- --json` keeps stdout to its JSON line.
  page.on('console', (message) => {
    if (message.type() === 'error' || process.env.PARLEY_E2E_CONSOLE)
      console.error(`[${name}] ${message.type()}: ${message.text()}`)
  })
  return {
    context,
    page,
    pageErrors,
    async close() {
      await context.close().catch(() => undefined)
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

export interface MediaCounters {
  bytesReceived: number
  bytesSent: number
  packetsReceived: number
  packetsSent: number
  /** Direction of the audio transceiver of the newest connection (sendrecv, sendonly, …). */
  direction: string
}

/** Audio RTP counters summed over the page's live peer connections (read through the probe). */
export async function pageMediaCounters(page: Page): Promise<MediaCounters> {
  return page.evaluate(async () => {
    const probe = (window as unknown as { __parleyTest: { peerConnections: RTCPeerConnection[] } })
      .__parleyTest
    const result = { bytesReceived: 0, bytesSent: 0, packetsReceived: 0, packetsSent: 0, direction: 'none' }
    for (const pc of probe.peerConnections) {
      if (pc.connectionState === 'closed') continue
      const transceiver = pc.getTransceivers()[0]
      if (transceiver) result.direction = transceiver.currentDirection ?? transceiver.direction
      const report = await pc.getStats()
      report.forEach((entry: Record<string, unknown>) => {
        if (entry.kind !== 'audio') return
        if (entry.type === 'inbound-rtp') {
          result.bytesReceived += Number(entry.bytesReceived ?? 0)
          result.packetsReceived += Number(entry.packetsReceived ?? 0)
        } else if (entry.type === 'outbound-rtp') {
          result.bytesSent += Number(entry.bytesSent ?? 0)
          result.packetsSent += Number(entry.packetsSent ?? 0)
        }
      })
    }
    return result
  })
}
