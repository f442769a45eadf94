// A control register of vti_core that stores only its architected bits (issue 18: dead
// reserved flops). A mov to cr that sets a reserved bit is a Reserved Register/Field fault
// and writes nothing, and every value the interruption machinery writes has zeros there, so
// the reserved bits always read 0: constants, not state. Fewer flip-flops, and a smaller
// fanout for the register's write enable.
import { CR, CR_RESERVED_MASK } from '../../arch/cr.js';
import { PSR_BIT, PSR_RESERVED_MASK } from '../../arch/psr.js';
import { cat, type ModuleBuilder, type Signal, type Value } from '../dsl/index.js';
import type { CoreCr } from './core-inputs.js';
import { expandRuns, storedRuns, storedWidth } from './packed-runs.js';

const ALL64 = (1n << 64n) - 1n;

/**
 * The reserved bits of core CR `k`, those a mov to cr may not set (its Reserved Register/Field
 * check): CR_RESERVED_MASK, and for IPSR the PSR's reserved bits (PSR.vm too without VT-i).
 */
export function coreCrReservedMask(k: CoreCr, vmImplemented: boolean): bigint {
  if (k === 'IPSR') return PSR_RESERVED_MASK | (vmImplemented ? 0n : 1n << BigInt(PSR_BIT.vm));
  return CR_RESERVED_MASK[CR[k]] ?? 0n;
}

/** A 64-bit register read whole (`q`, reserved bits 0) and written whole (`set`, reserved bits dropped). */
export interface CrRegister {
  /** The 64-bit value (the wire `<name>_q`, or the register itself when nothing is reserved). */
  readonly q: Signal;
  /** The next value (inside `m.when` like a register's `set`); its reserved bits are not stored. */
  set(value: Value): void;
}

/**
 * Register `<name>_q` reset to 0 whose `reserved` bits read 0. With reserved bits, the flops are
 * `<name>_arch_q` (the stored bits packed, most significant run first) and `<name>_q` is a wire.
 */
export function crRegister(m: ModuleBuilder, name: string, reserved: bigint): CrRegister {
  if ((reserved & ALL64) === 0n) {
    const r = m.reg(`${name}_q`, 64, { init: 0 });
    return { q: r, set: (v) => r.set(v) };
  }
  const runs = storedRuns(reserved & ALL64);
  const stored = m.reg(`${name}_arch_q`, storedWidth(runs), { init: 0 });
  const q = m.wire(`${name}_q`, 64);
  q.set(expandRuns(m, stored, runs));
  const pack = (v: Value): Value => cat(...runs.map((r) => v.bits(r.lo + r.width - 1, r.lo)));
  return { q, set: (v) => stored.set(pack(v)) };
}
