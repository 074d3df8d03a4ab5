import { describe, expect, it, vi } from 'vitest'
import { FakeApi } from '../testing/fake-api'
import { testPreferences } from '../testing/test-app'
import { LanguageState } from './language.svelte'
import { SipTraceState } from './sip-trace.svelte'
import { UiState } from './ui.svelte'

describe('SipTraceState.wanted', () => {
  it('wants messages until the preferences are read, then only while the trace is on', () => {
    const api = new FakeApi()
    const trace = new SipTraceState(
      api,
      { announce: vi.fn(), alert: vi.fn() },
      new LanguageState(api, new UiState(), ['en-GB']),
    )
    expect(trace.wanted).toBe(true)
    trace.apply({ ...testPreferences, sipTrace: false })
    expect(trace.wanted).toBe(false)
    trace.apply({ ...testPreferences, sipTrace: true })
    expect(trace.wanted).toBe(true)
  })
})
