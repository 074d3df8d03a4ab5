export * from './catalogue'
export * from './language'
