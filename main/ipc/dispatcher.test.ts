import { render } from '../../contract/i18n/catalogue'
import { maxImportChars } from '../../contract/schemas'
import { message } from '../../contract/i18n/catalogue'
import { describe, expect, it } from 'vitest'
import { invokeChannels } from '../../contract/ipc'
import { MemoryLogger } from '../log/logger'
import { createDispatcher } from './dispatcher'
import { composeHandlersAtRuntime, HandlerError, type InvokeHandlers } from './handlers'
import { unavailableHandlers } from '../testing/unavailable-handlers'
import { createTrustedSenderCheck } from './trusted-sender'

const rendererUrl = 'http://localhost:5173/'
const trusted = { frameUrl: 'http://localhost:5173/index.html', isMainFrame: true }

function handlersWith(overrides: Partial<InvokeHandlers>): InvokeHandlers {
  const rest = invokeChannels.filter((channel) => !(channel in overrides))
  return composeHandlersAtRuntime([overrides, unavailableHandlers(rest)])
}

function setup(overrides: Partial<InvokeHandlers> = {}) {
  const logger = new MemoryLogger()
  const calls: unknown[] = []
  const handlers = handlersWith({
    'contacts:delete': (request) => {
      calls.push(request)
      return true
    },
    ...overrides,
  })
  const dispatch = createDispatcher(handlers, {
    isTrustedSender: createTrustedSenderCheck({ rendererUrl }),
    logger,
  })
  return { dispatch, logger, calls }
}

describe('createDispatcher', () => {
  it('runs the handler with the validated request for a trusted sender', async () => {
    const { dispatch, calls } = setup()
    await expect(dispatch('contacts:delete', { id: 'c1' }, trusted)).resolves.toEqual({
      ok: true,
      value: true,
    })
    expect(calls).toEqual([{ id: 'c1' }])
  })

  it('refuses an unknown channel without calling anything', async () => {
    const { dispatch, calls } = setup()
    const result = await dispatch('shell:open', { url: 'file:///etc/passwd' }, trusted)
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(calls).toEqual([])
  })

  it('refuses inherited object keys posing as channels', async () => {
    const { dispatch } = setup()
    const result = await dispatch('constructor', {}, trusted)
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it.each([
    ['another origin', { frameUrl: 'https://evil.example/', isMainFrame: true }],
    ['a sub frame of the app', { frameUrl: 'http://localhost:5173/frame.html', isMainFrame: false }],
    ['another local file', { frameUrl: 'file:///tmp/evil.html', isMainFrame: true }],
    ['a data url', { frameUrl: 'data:text/html,<script>1</script>', isMainFrame: true }],
    ['a destroyed frame', { frameUrl: '', isMainFrame: true }],
  ])('refuses a request from %s', async (_label, sender) => {
    const { dispatch, calls, logger } = setup()
    const result = await dispatch('contacts:delete', { id: 'c1' }, sender)
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(calls).toEqual([])
    expect(logger.lines.some((line) => line.level === 'warn')).toBe(true)
  })

  it('trusts the packaged app:// page by its origin, and never a file:// page', () => {
    const check = createTrustedSenderCheck({ rendererUrl: 'app://parley/index.html' })
    expect(check({ frameUrl: 'app://parley/index.html', isMainFrame: true })).toBe(true)
    expect(check({ frameUrl: 'app://parley/index.html', isMainFrame: false })).toBe(false)
    for (const frameUrl of [
      'app://evil/index.html',
      'app:///index.html',
      'file:///opt/parley/out/renderer/index.html',
      'http://parley/index.html',
      'http://localhost:5173/',
    ])
      expect(check({ frameUrl, isMainFrame: true })).toBe(false)
  })

  it('refuses an invalid payload in the catalogue’s words, naming the field in the log', async () => {
    const { dispatch, calls, logger } = setup()
    const result = await dispatch('contacts:delete', { id: 42 }, trusted)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid-input')
    expect(result.error.message).toEqual(
      message('reason.invalid-input', { problem: message('form.invalid') }),
    )
    expect(logger.lines.at(-1)?.message).toMatch(/^Refused contacts:delete: id: /)
    expect(calls).toEqual([])
  })

  it('words a schema’s own refusal (a catalogue key) as it is, and zod’s limits by their code', async () => {
    const { dispatch } = setup()
    const tooLarge = await dispatch(
      'contacts:import',
      { format: 'csv', text: 'x'.repeat(maxImportChars + 1) },
      trusted,
    )
    expect(tooLarge).toMatchObject({ ok: false, error: { message: message('import.too-large') } })
    const long = await dispatch('contacts:delete', { id: 'x'.repeat(1000) }, trusted)
    expect(long.ok ? null : render('sv', long.error.message)).toMatch(
      /^Vissa uppgifter var ogiltiga: Högst \d+ tecken\.$/,
    )
  })

  it('refuses extra keys on channels that take nothing', async () => {
    const { dispatch } = setup()
    const result = await dispatch('account:get', { sneaky: true }, trusted)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('turns a handler exception into an error result and logs the detail', async () => {
    const { dispatch, logger } = setup({
      'contacts:delete': () => {
        throw new Error('disk full at /secret/path')
      },
    })
    const result = await dispatch('contacts:delete', { id: 'c1' }, trusted)
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: message('reason.internal'),
      },
    })
    expect(logger.lines.find((line) => line.level === 'error')?.details[0]).toBeInstanceOf(Error)
  })

  it('turns a rejected promise into an error result too', async () => {
    const { dispatch } = setup({ 'contacts:delete': () => Promise.reject(new Error('late failure')) })
    await expect(dispatch('contacts:delete', { id: 'c1' }, trusted)).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    })
  })

  it('passes the catalogue message of an expected failure through', async () => {
    const { dispatch } = setup({
      'contacts:delete': () => {
        throw new HandlerError('not-found', message('reason.no-password'))
      },
    })
    await expect(dispatch('contacts:delete', { id: 'c1' }, trusted)).resolves.toEqual({
      ok: false,
      error: { code: 'not-found', message: { key: 'reason.no-password' } },
    })
  })

  it('channels without a real handler answer unavailable', async () => {
    const { dispatch } = setup()
    await expect(dispatch('history:clear', undefined, trusted)).resolves.toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    })
  })
})
