/**
 * The name of the meta element in index.html listing the main screen's files: written by the
 * build (build/preload-start-up.ts), read by the window (prefetch.ts).
 */
export const mainScreenFilesMeta = 'parley-main-screen-files'
