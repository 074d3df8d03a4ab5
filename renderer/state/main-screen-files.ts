/**
 * The names of the meta elements in index.html listing the app's files, written by the build
 * (build/preload-start-up.ts), read by the window (prefetch.ts): the app's (its state and
 * boot.ts, what runs first after "Registered"), asked for while the first REGISTER is under way,
 * and the main screen's (MainScreen.svelte and what it imports), once "Registered" is painted.
 */
export const appFilesMeta = 'parley-app-files'
export const mainScreenFilesMeta = 'parley-main-screen-files'
