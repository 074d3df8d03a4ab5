import { measureDeviceSwitching } from './audio-media'
import { measureSelfHealing } from './resume-registered'
import type { BenchSuite } from './suite'

/** Issue 4's figures: device switching mid-call (Chromium, fake media) and self-healing (test bed). */
export const audioBench: BenchSuite = {
  name: 'audio devices (Chromium fake media)',
  run: measureDeviceSwitching,
}

export const selfHealingBench: BenchSuite = {
  name: 'self-healing (loopback PBX)',
  run: measureSelfHealing,
}

export default audioBench
