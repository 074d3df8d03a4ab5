import { messageOf } from '../../contract/error-message'
import type { RequestDelegate } from './stack'

/** How a request we sent ended: accepted, or refused with the final response's code and reason. */
export type RequestAnswer =
  | { ok: true }
  | { ok: false; code: number; reason: string; /** seconds, from Retry-After */ retryAfter?: number }

/**
 * Sends one request (REGISTER, re-INVITE) and settles with its final answer; it never rejects.
 * A send that throws at once counts as a 500; one whose promise rejects is described by
 * `whenSendFails`, since each caller reads a different meaning (e.g. "request pending") out of it.
 */
export function sendForAnswer<Failure extends { ok: false; code: number; reason: string }>(
  send: (requestDelegate: RequestDelegate) => Promise<unknown>,
  whenSendFails: (error: unknown) => Failure,
): Promise<RequestAnswer | Failure> {
  return new Promise<RequestAnswer | Failure>((resolve) => {
    try {
      send({
        onAccept: () => resolve({ ok: true }),
        onReject: (response) => {
          const retryAfter = retryAfterOf(response.message.getHeaders('retry-after'))
          resolve({
            ok: false,
            code: response.message.statusCode ?? 500,
            reason: response.message.reasonPhrase ?? '',
            ...(retryAfter === undefined ? {} : { retryAfter }),
          })
        },
      }).catch((error: unknown) => resolve(whenSendFails(error)))
    } catch (error) {
      resolve({ ok: false, code: 500, reason: messageOf(error) })
    }
  })
}

/** Seconds from a Retry-After header (`10`, `10;duration=5`, `10 (maintenance)`); undefined if none. */
export function retryAfterOf(values: readonly string[] | undefined): number | undefined {
  const match = /^\s*(\d{1,7})/.exec(values?.[0] ?? '')
  return match ? Number(match[1]) : undefined
}
