import { z } from 'zod'

// Imported before any schema module by the renderer modules that validate (account form,
// contact editor), so it runs before the first schema is built, in whichever chunk loads first. The CSP forbids eval; without `jitless` zod probes `new Function`
// (caught, but Chromium still reports a CSP violation) as soon as the first schema is built.
z.config({ jitless: true })
