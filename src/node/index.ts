export * from './constants.js'
export * from './identity.js'
export * from './create-node.js'
