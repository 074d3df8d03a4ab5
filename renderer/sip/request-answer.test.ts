import type { SipResponse } from './stack'
import { describe, expect, it } from 'vitest'
import { messageOf } from '../../contract/error-message'
import { sendForAnswer } from './request-answer'

const response = (statusCode: number, reasonPhrase: string) =>
  ({ message: { statusCode, reasonPhrase, getHeaders: () => [] } }) as unknown as SipResponse

const pendingFailure = (error: unknown) => ({ ok: false as const, code: 491, reason: messageOf(error) })

describe('sendForAnswer', () => {
  it('settles ok when the request is accepted', async () => {
    const answer = sendForAnswer(async (delegate) => delegate.onAccept?.(response(200, 'OK')), pendingFailure)
    await expect(answer).resolves.toEqual({ ok: true })
  })

  it("settles with the reject's code and reason", async () => {
    const answer = sendForAnswer(
      async (delegate) => delegate.onReject?.(response(403, 'Forbidden')),
      pendingFailure,
    )
    await expect(answer).resolves.toEqual({ ok: false, code: 403, reason: 'Forbidden' })
  })

  it('lets the caller describe a send whose promise rejects', async () => {
    const answer = sendForAnswer(() => Promise.reject(new Error('request in progress')), pendingFailure)
    await expect(answer).resolves.toEqual({ ok: false, code: 491, reason: 'request in progress' })
  })

  it('counts a send that throws at once as a 500', async () => {
    const answer = sendForAnswer(() => {
      throw new Error('transport gone')
    }, pendingFailure)
    await expect(answer).resolves.toEqual({ ok: false, code: 500, reason: 'transport gone' })
  })
})
