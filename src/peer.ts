#!/usr/bin/env node
// Entry point for `node dist/peer.js <role> ...`. No static imports: the
// version check must run before libp2p is loaded, because on Node < 22 libp2p
// loads fine and then fails every connection (Promise.withResolvers is missing).

const MIN_NODE_MAJOR = 22
const major = Number(process.versions.node.split('.')[0])
if (major < MIN_NODE_MAJOR) {
  process.stderr.write(
    `shoal: needs Node.js ${MIN_NODE_MAJOR} or newer, this is ${process.version}. ` +
    'Run it with the Node 22 that `npm install` put in node_modules: `npx shoal ...` or ' +
    '`node_modules/.bin/node dist/peer.js ...` (or install Node 22 from nodejs.org).\n')
  process.exit(1)
}

const { main } = await import('./cli/main.js')
process.exitCode = await main(process.argv.slice(2))
