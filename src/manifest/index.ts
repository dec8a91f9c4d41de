export * from './constants.js'
export * from './manifest.js'
export * from './from-file.js'
