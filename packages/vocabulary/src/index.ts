export * from './values.js'
export * from './type-defs.js'
