export const USAGE = `Usage: node dist/peer.js <role|command> [options]

Roles
  server      run a task server: serve stored files, fetch files from peers
              --data DIR           data directory (key, chunk store) [required]
              --listen MULTIADDR   address to listen on, repeatable (default /ip4/0.0.0.0/tcp/0)
              --announce MULTIADDR address to tell peers instead, repeatable
              --peer MULTIADDR     a peer to start from (/ip4/../tcp/../p2p/<id>), repeatable
              --fetch FILE_ID      fetch this file from the peers, repeatable
              --exit-when-done     stop once every --fetch file is complete
              --serve-policy NAME  prefer-others (default) | serve-all
              --picker NAME        rarest-first (default) | sequential

Commands
  add FILE    hash FILE and import it into a data directory's store (to seed it)
              --data DIR  --chunk-size SIZE (default 1MiB)
  id          print (creating if needed) the PeerId of a data directory: --data DIR
  export FILE_ID  copy a complete file out of a store: --data DIR -o PATH

Common options
  --json      one JSON object per line on stdout (events; the last is the summary)
  --help      this text

Sizes take units: 4096, 256KiB, 64MiB, 1GiB.`
