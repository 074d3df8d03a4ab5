/**
 * Long work written as a generator that yields between slices; `runInSlices` gives main's
 * event loop a turn at each yield, so IPC, timers and window events are not held up while
 * 50,000 calls load.
 */
export type Slices<T> = Generator<void, T, void>

export async function runInSlices<T>(steps: Slices<T>): Promise<T> {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
}
