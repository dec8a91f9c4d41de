import assert from 'node:assert/strict'
import { formatBytes, formatRate, parseRate, parseSize, tcRate } from '../../../bench/lib/units.js'

describe('bench/lib/units', () => {
  it('parses tc-style rates in bits per second', () => {
    assert.equal(parseRate('40mbit'), 40_000_000)
    assert.equal(parseRate('1gbit'), 1e9)
    assert.equal(parseRate('512kbit'), 512_000)
    assert.equal(parseRate('1mibit'), 1024 * 1024)
    assert.equal(parseRate('2.5Mbit'), 2_500_000)
    assert.equal(parseRate('1000'), 1000)
  })

  it('reads tc "bps" units as bytes per second', () => {
    assert.equal(parseRate('5mbps'), 40_000_000)
    assert.equal(parseRate('1kbps'), 8000)
  })

  it('parses SI and IEC sizes', () => {
    assert.equal(parseSize('64MiB'), 64 * 1024 * 1024)
    assert.equal(parseSize('1GiB'), 1024 ** 3)
    assert.equal(parseSize('100MB'), 100e6)
    assert.equal(parseSize('512k'), 512 * 1024)
    assert.equal(parseSize('12345'), 12345)
    assert.equal(parseSize('1.5KiB'), 1536)
    assert.equal(parseSize('3 B'), 3)
  })

  it('rejects nonsense', () => {
    for (const bad of ['', 'fast', '40 furlongs', '-1mbit', '0mbit', 'mbit']) assert.throws(() => parseRate(bad), bad)
    for (const bad of ['', 'big', '64XiB', '0', '-5MiB']) assert.throws(() => parseSize(bad), bad)
  })

  it('formats for tc and for people', () => {
    assert.equal(tcRate(40e6), '40000000bit')
    assert.equal(formatRate(40e6), '40 Mbit/s')
    assert.equal(formatRate(1.5e9), '1.5 Gbit/s')
    assert.equal(formatRate(999), '999 bit/s')
    assert.equal(formatBytes(64 * 1024 * 1024), '64 MiB')
    assert.equal(formatBytes(1536), '1.5 KiB')
    assert.equal(formatBytes(10), '10 B')
  })
})
