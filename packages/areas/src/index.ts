export * from './districts.js'
