export * from './ids.js'
export * from './random.js'
