// Stimulus generators for the four blocks: directed corner cases from the spec text,
// constrained-random columns (OS random or seeded), and exhaustive enumeration of small
// input spaces. This file is the public entry; generic pieces are in stim/common.ts and the
// per-block shaping in stim/<block>.ts.
export { randomSource, seededSource, cryptoSource, type RandomSource } from './prng.js';
export {
  randomColumns,
  exhaustiveColumns,
  packVectors,
  sourceOf,
  EXHAUSTIVE_LIMIT_BITS,
  type Stimulus,
  type RandomOptions,
} from './stim/common.js';
export { directedPsr, randomPsr, randomPsrSequence, directedPsrSequence } from './stim/psr.js';
export { directedVmsw, exhaustiveVmsw, randomVmsw } from './stim/vmsw.js';
export { directedAddrCheck, randomAddrCheck } from './stim/addr-check.js';
export { directedFaultPrio, randomFaultPrio } from './stim/fault-prio.js';
