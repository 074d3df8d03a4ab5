import { message } from '../../contract/i18n'
import { describe, expect, it } from 'vitest'
import { DiagnosticsState } from './diagnostics.svelte'
import { FakeApi } from '../testing/fake-api'

function setup(answer: () => unknown) {
  const said: unknown[] = []
  const alerts: unknown[] = []
  const api = new FakeApi().handle('diagnostics:save', answer as never)
  const state = new DiagnosticsState(api, { announce: (m) => said.push(m), alert: (m) => alerts.push(m) })
  return { api, state, said, alerts }
}

describe('DiagnosticsState', () => {
  it('asks main to save and says where the file went', async () => {
    const { state, said } = setup(() => '/home/asa/parley-diagnostics.txt')
    await state.save()
    expect(state.savedTo).toBe('/home/asa/parley-diagnostics.txt')
    expect(said).toEqual([{ key: 'diagnostics.saved', params: { path: '/home/asa/parley-diagnostics.txt' } }])
    expect(state.busy).toBe(false)
  })

  it('says nothing when the save dialog was cancelled', async () => {
    const { state, said, alerts } = setup(() => null)
    await state.save()
    expect([said, alerts, state.savedTo]).toEqual([[], [], ''])
  })

  it("alerts with main's reason when the file could not be written", async () => {
    const { state, alerts } = setup(() => ({
      ok: false,
      error: { code: 'storage', message: message('reason.diagnostics-not-written', { code: 'ENOSPC' }) },
    }))
    await state.save()
    expect(alerts).toEqual([
      {
        key: 'diagnostics.failed',
        params: { reason: message('reason.diagnostics-not-written', { code: 'ENOSPC' }) },
      },
    ])
  })
})
