import assert from 'node:assert/strict'
import { formatThroughput, mibps, summarize, type PhaseResult, type ThroughputResult } from '../../../bench/lib/throughput-report.js'

const MIB = 1024 * 1024
const GIB = 1024 * MIB

function phase (kind: PhaseResult['kind'], chunkSize: number, seconds: number, extra: Partial<PhaseResult> = {}): PhaseResult {
  const side = { cpuS: 2, userS: 1.5, sysS: 0.5, cores: 0.5, peakRssMiB: 150, majorGcs: 3, majorGcMs: 12, minorFaults: 4000 }
  return {
    kind, chunkSize, bytes: GIB, seconds, mibps: mibps(GIB, seconds),
    seed: { ...side }, fetcher: { ...side, peakRssMiB: 200 }, sameConnection: true, otherCores: 0, ...extra
  }
}

describe('bench throughput report', () => {
  it('computes MiB/s', () => {
    assert.equal(mibps(GIB, 4), 256)
    assert.equal(mibps(GIB, 0), 0)
  })

  it('summarizes each chunk size: fetch against the mean of its pumps', () => {
    const phases = [
      phase('pump', MIB, 2), // 512 MiB/s
      phase('fetch', MIB, 4, { checkSeconds: 1, checkedMibps: mibps(GIB, 5) }),
      phase('pump', MIB, 4), // 256 MiB/s: mean pump 384
      phase('pump-disk', MIB, 8),
      phase('pump-store', MIB, 3),
      phase('fetch', 4 * MIB, 8, { checkedMibps: 100 }),
      phase('pump', 4 * MIB, 4)
    ]
    const [one, four] = summarize(phases)
    assert.equal(one.chunkSize, MIB)
    assert.deepEqual(one.pumpMibps, [512, 256])
    assert.deepEqual(one.fetchMibps, [256])
    assert.equal(one.ratio, 256 / 384)
    assert.equal(one.checkedRatio, mibps(GIB, 5) / 384)
    assert.equal(one.diskRatio, 256 / 128)
    assert.deepEqual(one.pumpStoreMibps, [mibps(GIB, 3)])
    assert.equal(one.storeRatio, mibps(GIB, 3) / 384)
    assert.equal(one.fetcherCpuSPerGiB, 2)
    assert.equal(one.fetcherPeakRssMiB, 200)
    assert.equal(four.ratio, 128 / 256)
    assert.equal(four.diskRatio, 0)
    assert.equal(four.storeRatio, 0)
  })

  it('prints every phase and the summary', () => {
    const phases = [phase('pump', MIB, 2), phase('fetch', MIB, 4, { checkedMibps: 123.4 })]
    const result: ThroughputResult = {
      startedAt: '2026-01-01T00:00:00.000Z',
      machine: { cpus: 2, cpuModel: 'test cpu', node: '22.0.0', platform: 'linux x64' },
      size: GIB,
      peerNodeArgs: [],
      directIo: { seed: false, fetcher: true },
      order: ['pump', 'fetch'],
      phases,
      summary: summarize(phases),
      processes: { seed: { maxRssMiB: 160, cpuS: 10 }, fetcher: { maxRssMiB: 210, cpuS: 20 } },
      targets: { ratio: 0.7, rssMiB: 300 },
      sameConnection: true
    }
    const text = formatThroughput(result)
    assert.match(text, /1 GiB over one Noise\+yamux connection/)
    assert.match(text, /512\.0/)
    assert.match(text, /50%/)
    assert.match(text, /\+ SHA-256\/pump/)
    assert.match(text, /123\.4/)
    assert.match(text, /full GCs seed\/fetcher/)
    assert.match(text, /3 \/ 3/)
    assert.match(text, /page faults k seed\/fetcher/)
    assert.match(text, /4 \/ 4/)
    assert.match(text, /every phase on the same connection: yes/)
    assert.match(text, /the fetcher's chunk store on direct I\/O, the seed's buffered/)
  })
})
