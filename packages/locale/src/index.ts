export * from './seoul-time.js'
export * from './languages.js'
