import type { Page } from 'playwright-core'
import { launchUserAgent } from '../e2e/harness/browser'
import { median, type BenchFigure } from './suite'

/**
 * Device switching in a real Chromium with fake media, as the SIP adapter does it mid-call:
 * two RTCPeerConnections in loopback (a call without a PBX), then
 * - microphone switch: getUserMedia on the other fake microphone → sender.replaceTrack →
 *   until the sender's stats show the new track sending: outbound-rtp attached to the new
 *   track's media-source, and its packetsSent grown since that was first seen. Chromium
 *   refreshes a connection's stats at most every 50 ms, so this is an upper bound (the real
 *   figure lies between "attached" — reported on its own line — and "sending");
 * - output switch: HTMLAudioElement.setSinkId on the element playing the remote audio;
 * - ringtone device switch: AudioContext.setSinkId (what the ringer uses).
 * All times are taken inside the page (performance.now), so no round trip to Node is counted.
 */

const runs = 11
const pageUrl = 'http://127.0.0.1:9/audio-bench.html'

interface LoopbackInfo {
  inputs: string[]
  outputs: string[]
}

interface SwitchTiming {
  total: number
  attached: number
  getUserMedia: number
  replaceTrack: number
}

declare global {
  interface Window {
    __audioBench?: {
      pc1: RTCPeerConnection
      pc2: RTCPeerConnection
      sender: RTCRtpSender
      audio: HTMLAudioElement
      context: AudioContext
      current: MediaStreamTrack
    }
  }
}

async function startLoopbackCall(page: Page): Promise<LoopbackInfo> {
  return page.evaluate(async () => {
    const pc1 = new RTCPeerConnection()
    const pc2 = new RTCPeerConnection()
    pc1.onicecandidate = (event) =>
      void (event.candidate && pc2.addIceCandidate(event.candidate).catch(() => undefined))
    pc2.onicecandidate = (event) =>
      void (event.candidate && pc1.addIceCandidate(event.candidate).catch(() => undefined))
    const first = await navigator.mediaDevices.getUserMedia({ audio: true })
    const track = first.getAudioTracks()[0]
    if (!track) throw new Error('no fake microphone track')
    const sender = pc1.addTrack(track, first)
    const audio = new Audio()
    audio.autoplay = true
    pc2.ontrack = (event) => {
      audio.srcObject = event.streams[0] ?? new MediaStream([event.track])
    }
    const offer = await pc1.createOffer()
    await pc1.setLocalDescription(offer)
    await pc2.setRemoteDescription(offer)
    const answer = await pc2.createAnswer()
    await pc2.setLocalDescription(answer)
    await pc1.setRemoteDescription(answer)
    const deadline = performance.now() + 10_000
    while (pc1.connectionState !== 'connected') {
      if (performance.now() > deadline) throw new Error(`loopback call not connected: ${pc1.connectionState}`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    const context = new AudioContext()
    window.__audioBench = { pc1, pc2, sender, audio, context, current: track }
    const devices = await navigator.mediaDevices.enumerateDevices()
    const real = (kind: MediaDeviceKind) =>
      devices
        .filter((d) => d.kind === kind && d.deviceId !== 'default' && d.deviceId !== 'communications')
        .map((d) => d.deviceId)
    return { inputs: real('audioinput'), outputs: real('audiooutput') }
  })
}

async function switchMicrophone(page: Page, deviceId: string): Promise<SwitchTiming> {
  return page.evaluate(async (id) => {
    const bench = window.__audioBench!
    const started = performance.now()
    const stream = await navigator.mediaDevices.getUserMedia({ audio: { deviceId: { exact: id } } })
    const track = stream.getAudioTracks()[0]!
    const opened = performance.now()
    await bench.sender.replaceTrack(track)
    const replaced = performance.now()
    bench.current.stop()
    bench.current = track
    let firstSeen: number | null = null
    let attachedAt = 0
    for (;;) {
      const report = await bench.sender.getStats()
      let sourceId = ''
      let packetsSent = -1
      let attachedTo = ''
      report.forEach((entry: Record<string, unknown>) => {
        if (entry.type === 'media-source' && entry.trackIdentifier === track.id) sourceId = String(entry.id)
        if (entry.type === 'outbound-rtp' && entry.kind === 'audio') {
          packetsSent = Number(entry.packetsSent ?? 0)
          attachedTo = String(entry.mediaSourceId ?? '')
        }
      })
      if (sourceId !== '' && attachedTo === sourceId) {
        if (firstSeen === null) {
          firstSeen = packetsSent
          attachedAt = performance.now()
        } else if (packetsSent > firstSeen) break
      }
      if (performance.now() - started > 5_000) throw new Error('new microphone track never showed as sending')
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    return {
      total: performance.now() - started,
      attached: attachedAt - started,
      getUserMedia: opened - started,
      replaceTrack: replaced - opened,
    }
  }, deviceId)
}

async function switchOutput(page: Page, sinkId: string, target: 'element' | 'context'): Promise<number> {
  return page.evaluate(
    async ([id, on]) => {
      const bench = window.__audioBench!
      const started = performance.now()
      if (on === 'element') await bench.audio.setSinkId(id)
      else await (bench.context as AudioContext & { setSinkId(id: string): Promise<void> }).setSinkId(id)
      return performance.now() - started
    },
    [sinkId, target] as const,
  )
}

/** Two ids to alternate between ('' = default when the machine offers only one device). */
function alternates(ids: string[]): [string, string] {
  return [ids[0] ?? '', ids[1] ?? '']
}

export async function measureDeviceSwitching(): Promise<BenchFigure[]> {
  const ua = await launchUserAgent('audio-bench')
  try {
    await ua.context.route(pageUrl, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>audio bench</title>' }),
    )
    await ua.page.goto(pageUrl)
    const info = await startLoopbackCall(ua.page)
    const [micA, micB] = alternates(info.inputs)
    const [outA, outB] = alternates(info.outputs)

    const mic: SwitchTiming[] = []
    const element: number[] = []
    const context: number[] = []
    // One unmeasured round first: the first open of each fake device is much slower.
    for (let i = 0; i <= runs; i++) {
      // Let the call run a moment between switches, as in real use (and let the stats cache
      // of the previous round expire, so it does not count against this one).
      await ua.page.waitForTimeout(150)
      const micTiming = await switchMicrophone(ua.page, i % 2 === 0 ? micB : micA)
      const elementMs = await switchOutput(ua.page, i % 2 === 0 ? outB : outA, 'element')
      const contextMs = await switchOutput(ua.page, i % 2 === 0 ? outB : outA, 'context')
      if (i < 2) continue
      mic.push(micTiming)
      element.push(elementMs)
      context.push(contextMs)
    }
    return [
      {
        name: 'microphone switch mid-call → new track sending',
        ms: median(mic.map((m) => m.total)),
        target: 100,
      },
      {
        name: '  new track attached to the sender (first fresh stats)',
        ms: median(mic.map((m) => m.attached)),
      },
      { name: '  of which getUserMedia (new microphone open)', ms: median(mic.map((m) => m.getUserMedia)) },
      { name: '  of which replaceTrack', ms: median(mic.map((m) => m.replaceTrack)) },
      { name: 'output switch mid-call (audio element setSinkId)', ms: median(element), target: 100 },
      { name: 'ringtone device switch (AudioContext setSinkId)', ms: median(context), target: 100 },
    ]
  } finally {
    await ua.close()
  }
}
