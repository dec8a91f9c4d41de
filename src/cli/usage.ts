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
              --tracker MULTIADDR  work for this tracker (/ip4/../tcp/../p2p/<id>): register,
                                   heartbeat, take its tasks (only from that PeerId), report
              --network NAME       network/ISP label, for locality hints (with --tracker)
              --subnet CIDR        LAN subnet, e.g. 10.1.0.0/24 (default: the listening interface's)
              --lan-addr MULTIADDR address inside the LAN, given to same-subnet peers, repeatable
              --capacity SIZE      storage offered, reported to the tracker
  tracker     run the tracker: server registry, file catalog, tasks (SQLite), hints, seeding
              --data DIR           data directory (key, chunk store, tracker.db) [required]
              --listen MULTIADDR   address to listen on, repeatable (default /ip4/0.0.0.0/tcp/0)
              --announce MULTIADDR address to tell peers instead, repeatable
              --http-port N        status API port (default 0: any free port, printed)
              --http-host HOST     status API bind address (default 127.0.0.1)
              --seed-copies K      serve a file until K servers hold complete copies (default 1)
              --hint-policy NAME   locality (default) | most-complete

Commands
  add FILE    hash FILE and import it into a data directory's store (to seed it)
              --data DIR  --chunk-size SIZE (default 1MiB)
              --tracker MULTIADDR  --data is that tracker's directory: have it catalog the file
  replicate FILE_ID  create a replicate task on a tracker and print its id
              --tracker MULTIADDR  [required]
              --to all|PEERID...   every live server, or these servers (repeatable, or a,b,c)
              --wait               wait until the task is done or failed  --timeout SECONDS
  prefetch FILE_ID  create a prefetch task (one server) on a tracker: --tracker MULTIADDR --to PEERID [--wait]
  id          print (creating if needed) the PeerId of a data directory: --data DIR
  export FILE_ID  copy a complete file out of a store: --data DIR -o PATH

Common options
  --json      one JSON object per line on stdout (events; the last is the summary)
  --help      this text

Sizes take units: 4096, 256KiB, 64MiB, 1GiB.`
