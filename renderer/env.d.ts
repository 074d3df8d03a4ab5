/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { ParleyApi } from '../contract/ipc'

declare global {
  interface Window {
    /** Exposed by preload: the typed IPC contract, nothing more. */
    parley: ParleyApi
  }
}

export {}
