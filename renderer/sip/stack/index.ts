/** The SIP stack port (see port.ts): the rest of the adapter imports from here only. */
export * from './port'
export { realSipStack } from './sipjs'
