import { message } from '../../contract/i18n'
import type { AccountState, InvokeChannel, InvokeMap } from '../../contract/ipc'
import { preferencesSchema, type Account, type Preferences } from '../../contract/schemas'
import type { Result } from '../../contract/result'
import type { AudioDevice } from '../audio/device-match'
import type { RingerSinks } from '../audio/device-manager'
import { FakeApi } from './fake-api'

/** Test doubles for the audio and lifecycle suites; window.parley builds on the state suites' FakeApi. */

/** What a fresh install has: the contract's defaults (main's settings store applies the same). */
export const defaultPreferences: Preferences = preferencesSchema.parse({})

/** A complete account on the loopback test PBX. */
export const testAccount: Account = {
  displayName: 'Alva',
  sipAddress: '7101@pbx.test',
  authUser: '',
  wsServer: 'ws://127.0.0.1:8080',
  outboundProxy: '',
  iceServers: [],
  voicemailNumber: '555',
  region: 'SE',
}

/** window.parley with an in-memory preferences store and events the test pushes. */
export class FakeParley extends FakeApi {
  preferences: Preferences = { ...defaultPreferences }
  account: AccountState = {
    account: { ...testAccount },
    hasPassword: true,
    complete: true,
    locked: [],
    notices: [],
  }
  password = 'secret'
  failing = new Set<InvokeChannel>()

  constructor() {
    super()
    this.handle('account:get', () => structuredClone(this.account))
    this.handle('account:password', () => this.password)
    this.handle('preferences:get', () => structuredClone(this.preferences))
    this.handle('preferences:update', (request) => {
      this.preferences = { ...this.preferences, ...(request as Partial<Preferences>) }
      return structuredClone(this.preferences)
    })
  }

  /** The preference changes asked for, oldest first. */
  get updates(): unknown[] {
    return this.sent('preferences:update')
  }

  override async invoke<C extends InvokeChannel>(
    channel: C,
    request?: unknown,
  ): Promise<Result<InvokeMap[C]>> {
    if (this.failing.has(channel))
      return {
        ok: false,
        error: { code: 'storage', message: message('reason.settings-not-saved', { code: 'ENOSPC' }) },
      }
    return super.invoke(channel, request)
  }
}

export class FakeRingerSinks implements RingerSinks {
  ringtoneSinks: string[] = []
  callSinks: string[] = []
  setRingtoneSink(sinkId: string): void {
    this.ringtoneSinks.push(sinkId)
  }
  setCallSink(sinkId: string): void {
    this.callSinks.push(sinkId)
  }
}

export const mic = (deviceId: string, label: string, groupId = `g-${deviceId}`): AudioDevice => ({
  deviceId,
  label,
  groupId,
  kind: 'audioinput',
})

export const out = (deviceId: string, label: string, groupId = `g-${deviceId}`): AudioDevice => ({
  deviceId,
  label,
  groupId,
  kind: 'audiooutput',
})

/** Lets queued promise callbacks run (the code under test awaits several hops). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve()
}

/** A level meter's browser parts that do nothing (the meter's tests check the level maths). */
export const quietMeterParts = {
  createContext: () => ({
    createMediaStreamSource: () => ({ connect: () => undefined, disconnect: () => undefined }),
    createAnalyser: () => ({ fftSize: 0, getFloatTimeDomainData: () => undefined }),
    close: async () => undefined,
  }),
  requestFrame: () => 1,
  cancelFrame: () => undefined,
}
