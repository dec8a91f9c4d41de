import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PeerProcess, runPeerCommand } from '../../examples/lib/peer-process.js'
import { writeRandomFile } from '../../examples/lib/random-file.js'

/** Resident memory of a process, now and at its peak (VmRSS, VmHWM), in bytes. */
export async function memoryOf (pid: number): Promise<{ rss: number, peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kib = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024
  return { rss: kib('VmRSS'), peak: kib('VmHWM') }
}

export interface SeededFile { fileId: string, sha256: string, chunks: number, path: string }

/** A random file of `size` bytes imported into the store of `dataDir` (`peer.js add`). */
export async function seedFile (dir: string, dataDir: string, size: number, name = 'file.bin', extra: string[] = []): Promise<SeededFile> {
  const path = join(dir, name)
  const sha256 = await writeRandomFile(path, size)
  const added = await runPeerCommand(['add', path, '--data', dataDir, ...extra])
  return { fileId: added.fileId, sha256, chunks: added.chunks, path }
}

/** `peer.js server` on 127.0.0.1 (with --json), waited for until it listens. */
export async function startServerProcess (dataDir: string, args: string[] = [], env?: NodeJS.ProcessEnv): Promise<{ proc: PeerProcess, addr: string, peerId: string }> {
  const proc = new PeerProcess(['server', '--data', dataDir, '--listen', '/ip4/127.0.0.1/tcp/0', ...args], { env })
  const { addrs, peerId } = await proc.listening()
  return { proc, addr: addrs[0], peerId }
}

export const MiB = 1024 * 1024

export function mib (n: number): string {
  return (n / MiB).toFixed(0)
}
