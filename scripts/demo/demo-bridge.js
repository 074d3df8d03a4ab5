/* global location, EventSource, window */
// window.parley for the demo page in an ordinary browser: the same contract as the preload,
// carried over HTTP to the headless main of `npm run demo` (scripts/demo/demo-server.ts).
;(() => {
  const base = new URL('.', location.href)
  const listeners = new Map()
  const invoke = async (channel, request) => {
    try {
      const response = await fetch(new URL('__parley/invoke', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel, request }),
      })
      return await response.json()
    } catch (error) {
      return { ok: false, error: { code: 'unavailable', message: String(error) } }
    }
  }
  const events = new EventSource(new URL('__parley/events', base))
  events.onmessage = (message) => {
    const { event, payload } = JSON.parse(message.data)
    for (const listener of listeners.get(event) ?? []) listener(payload)
  }
  const on = (event, listener) => {
    const set = listeners.get(event) ?? new Set()
    listeners.set(event, set)
    set.add(listener)
    return () => void set.delete(listener)
  }
  Object.defineProperty(window, 'parley', { value: Object.freeze({ invoke, on }), enumerable: true })
})()
