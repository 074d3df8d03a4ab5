/**
 * Resolves in a later task (after rendering and the I/O events that are due), not a microtask.
 * A message, not a timer: timers of a hidden window (Parley in the tray) are slowed to 1/s.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

/** Runs a generator's slices one task each, so no single task holds the window for long. */
export async function runInTasks<T>(slices: Generator<void, T, void>): Promise<T> {
  for (let step = slices.next(); ; step = slices.next()) {
    if (step.done) return step.value
    await nextTask()
  }
}
