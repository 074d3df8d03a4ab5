import { z } from 'zod'

// Imported first by main.ts. The CSP forbids eval; without `jitless` zod probes `new Function`
// (caught, but Chromium still reports a CSP violation) as soon as the first schema is built.
z.config({ jitless: true })
