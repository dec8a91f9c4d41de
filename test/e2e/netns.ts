/** The namespace lab lives with the benchmark testbed (bench/lib/netlab.ts); the locality tests use it too. */
export { NetLab, netnsUnavailable, type Host, type Lan } from '../../bench/lib/netlab.js'
