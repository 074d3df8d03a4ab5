import { expect, test } from 'vitest'
import { DEFAULT_SUBSCRIPTION_TUNING, unusableBody } from './subscription-rules'

const limit = DEFAULT_SUBSCRIPTION_TUNING.maxBodyLength
const pidf = 'application/pidf+xml'

test('a NOTIFY body of 1 MB, or of 40 KB, is too large for a lamp; a busy colleague’s 8 KB dialog-info is not', () => {
  expect(unusableBody({ body: 'x'.repeat(1024 * 1024), contentType: pidf }, 'presence', limit)).toBe(
    'body of 1048576 dropped (too large)',
  )
  expect(unusableBody({ body: 'x'.repeat(40_000), contentType: pidf }, 'presence', limit)).toMatch(
    /too large/,
  )
  const dialogs = '<dialog id="d"><state>confirmed</state></dialog>'.repeat((8 * 1024) / 48)
  expect(
    unusableBody({ body: dialogs, contentType: 'application/dialog-info+xml' }, 'dialog', limit),
  ).toBeUndefined()
})

test('a body of a type we did not ask for is named; an empty body is fine whatever its type', () => {
  expect(unusableBody({ body: '<html/>', contentType: 'text/html' }, 'presence', limit)).toMatch(
    /unexpected type text\/html/,
  )
  expect(unusableBody({ body: '', contentType: '' }, 'dialog', limit)).toBeUndefined()
  expect(
    unusableBody({ body: '<p/>', contentType: 'Application/PIDF+XML; charset=utf-8' }, 'presence', limit),
  ).toBeUndefined()
})
