/**
 * Polls `read` until `accept` says yes, for hooks (where expect.poll is not allowed) and
 * harness code; throws with the last value seen. No fixed sleeps: the condition decides.
 */
export async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: T | undefined
  for (;;) {
    last = await read()
    if (accept(last)) return last
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
