import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import type { PbxInfo } from './harness/pbx'
import type { RtpengineInfo } from './harness/rtpengine'
import { startTestBed } from './harness/test-bed'

declare module 'vitest' {
  export interface ProvidedContext {
    pbx: PbxInfo
    rtpengine: RtpengineInfo
    baseUrl: string
    artifactsDir: string
    /** Non-empty when the renderer did not build: app tests fail with it, the smoke test runs. */
    rendererBuildError: string
    /** Every app's main writes its log under here; log-audit.e2e.ts reads them all at the end. */
    logRoot: string
  }
}

/** Once per e2e run: the test bed (Kamailio, pages on 127.0.0.1), stopped after the last file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const bed = await startTestBed()
  const artifactsDir = resolve(import.meta.dirname, '../e2e-artifacts')
  mkdirSync(artifactsDir, { recursive: true })
  project.provide('pbx', bed.pbx.info)
  project.provide('rtpengine', bed.rtpengine.info)
  project.provide('baseUrl', bed.baseUrl)
  project.provide('artifactsDir', artifactsDir)
  project.provide('rendererBuildError', bed.rendererBuildError)
  project.provide('logRoot', join(bed.runDir, 'app-logs'))
  return () => bed.stop()
}
