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
              --ingest             accept uploads from clients (probe + ingest; needs --tracker)
              --http-port N        serve complete files over HTTP: GET /blobs/<file id> with Range
              --http-host HOST     HTTP bind address (default 127.0.0.1)
              --direct-io          store chunk data with O_DIRECT, past the page cache (Linux)
              --mdns               find LAN peers by mDNS, ask them by file id (LAN hosts only:
                                   mDNS multicasts on every interface); off by default
              --dht                join the swarm's private DHT: provide held files, find holders
                                   there when the tracker is unreachable
              --bootstrap MULTIADDR a peer to dial at start (DHT entry), repeatable
              --relay              relay connections for peers that cannot be dialled directly
                                   (no data or time limit); needs --relay-allow unless --private
              --relay-allow FILE   PeerIds (one per line) that may listen through our relay;
                                   re-read when it changes (--private: members may too)
              --relay-via MULTIADDR be reachable through this relay (it must be up), repeatable
              --private            private swarm: only the tracker, the members it lists and
                                   --allow may connect (checked after Noise)
              --allow FILE         PeerIds (one per line) also admitted; re-read when it changes
  tracker     run the tracker: server registry, file catalog, tasks (SQLite), hints, seeding
              --data DIR           data directory (key, chunk store, tracker.db) [required]
              --listen MULTIADDR   address to listen on, repeatable (default /ip4/0.0.0.0/tcp/0)
              --announce MULTIADDR address to tell peers instead, repeatable
              --http-port N        status API port (default 0: any free port, printed)
              --http-host HOST     status API bind address (default 127.0.0.1)
              --seed-copies K      serve a file until K servers hold complete copies (default 1)
              --hint-policy NAME   locality (default) | most-complete
              --network NAME       the tracker's own network label (for cross-network accounting)
              --cross-fetchers N   servers per network that fetch across networks first (default 1)
              --relay              relay connections for servers that cannot be dialled directly
              --dht                join the swarm's private DHT (a bootstrap peer for servers)
              --allow-servers FILE only these PeerIds may register and act as servers
              --allow-clients FILE only these PeerIds may upload and replicate/prefetch/commit
              --private            only listed PeerIds may connect at all (checked after Noise)
              --http-token-file F  bearer token for HTTP calls that change state (POST /api/tasks)
              --http-private       the status API needs the token too
  tracker token issue --data DIR --peer PEERID|--identity FILE|DIR|--any [--ttl 24h]
              print a client token (README "Client tokens"): client calls from a PeerId not on
              --allow-clients; --any = whoever holds it; --ttl up to 366d
  tracker token revoke --data DIR TOKEN|ID   refuse that token from now on
  limits (server and tracker; defaults in README "Limits"; rates and sizes take units)
              --max-connections N  --max-pending-connections N  --max-pending-per-ip N
              --chunk-streams-in N  --chunk-streams-out N      /shoal/chunk streams per connection
              --rpc-streams-in N  --rpc-streams-out N          tracker/task streams per connection
              --ingest-streams-in N  --ingest-streams-out N  --probe-streams N
              --max-queued-requests N   chunk requests queued per session (more: BUSY)
              --max-pieces-per-peer N   pieces read and sent to one peer at once
              --serve-rate-per-peer RATE  chunk bytes/s served to one peer (e.g. 10MiB; 0 = no cap)
              --ingest-rate-per-peer RATE upload bytes/s taken from one peer (0 = no cap)
              --max-upload-size SIZE    largest file one upload may be
              --ingest-quota SIZE       refuse a new upload that would take the store past this (0 = none)

Commands
  add FILE    hash FILE and import it into a data directory's store (to seed it)
              --data DIR  --chunk-size SIZE (default 1MiB)
              --tracker MULTIADDR  --data is that tracker's directory: have it catalog the file
  replicate FILE_ID  create a replicate task on a tracker and print its id
              --tracker MULTIADDR  [required]
              --to all|PEERID...   every live server, or these servers (repeatable, or a,b,c)
              --wait               wait until the task is done or failed  --timeout SECONDS
              --identity FILE|DIR  call with this key (a PeerId on --allow-clients)
              --token T | --token-file F   a client token (tracker token issue)
  prefetch FILE_ID  create a prefetch task (one server) on a tracker: --tracker MULTIADDR --to PEERID [--wait]
  upload FILE  upload through the best ingest server (probed), print the file id and the task id
              --tracker MULTIADDR  [required]
              (upload, download, status, ls:) --identity FILE|DIR  a stable key, e.g. one on
              --allow-clients (a key file, or a folder holding peer.key; created if missing);
              --token T | --token-file F  a client token the tracker's operator issued
              --replicate all|none|network:NAME|PEERID,...  (default all)
              --streams N (default 4)  --chunk-size SIZE (default 1MiB)
              --max-targets N (default 3; 1 = never split across ingest servers)
              --subnet CIDR  --network NAME   where this client is, for the tracker's ranking
  download FILE_ID  fetch from every holder at once, HTTP/relay fallback, verified, resumable
              -o PATH  --tracker MULTIADDR  [required]
              --min-rate SIZE      P2P rate below which (for --slow-for S, default 5) it falls back (default 1MiB)
              --no-fallback        never fall back (neither HTTP nor relay)
              --no-relay           fall back to HTTP only, never through a relay
  status [TASK_ID]  a task's state, or the newest tasks: --tracker MULTIADDR
              --watch              refresh the task's per-server table until it is done or failed
              --interval S (default 1)  --timeout S (default 3600)
  ls          the files the tracker knows: --tracker MULTIADDR
  id          print (creating if needed) the PeerId of a data directory: --data DIR,
              or of a client identity: --identity FILE|DIR
  export FILE_ID  copy a complete file out of a store: --data DIR -o PATH

Common options
  --json      one JSON object per line on stdout (events; the last is the summary)
              (upload/download draw a progress bar on stderr only when it is a terminal)
  --help      this text

Sizes take units: 4096, 256KiB, 64MiB, 1GiB.
Exit codes: 0 ok, 1 failed, 2 bad usage, 3 tracker unreachable, 4 unknown file or task,
5 disk full, 6 checksum mismatch, 130 interrupted.`
