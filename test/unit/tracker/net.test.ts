import assert from 'node:assert/strict'
import { cidrContains, LOOPBACK_SUBNET, localSubnet, normalizeCidr } from '../../../src/util/net.js'

describe('util/net subnets', () => {
  it('normalises CIDR to the network address', () => {
    assert.equal(normalizeCidr('10.1.0.7/24'), '10.1.0.0/24')
    assert.equal(normalizeCidr(' 192.168.5.200/16 '), '192.168.0.0/16')
    assert.equal(normalizeCidr('1.2.3.4/32'), '1.2.3.4/32')
    assert.equal(normalizeCidr('1.2.3.4/0'), '0.0.0.0/0')
    for (const bad of ['10.1.0.0', '10.1.0.0/33', '300.1.0.0/8', 'fe80::/64', 'x/8']) {
      assert.throws(() => normalizeCidr(bad), { name: 'InvalidArgumentError' }, bad)
    }
  })

  it('tests membership', () => {
    assert.equal(cidrContains('10.1.0.0/24', '10.1.0.99'), true)
    assert.equal(cidrContains('10.1.0.0/24', '10.1.1.1'), false)
    assert.equal(cidrContains('10.1.0.0/24', 'nonsense'), false)
  })

  it('puts loopback in the loopback subnet', () => {
    assert.equal(localSubnet('127.0.0.1'), LOOPBACK_SUBNET)
  })
})
