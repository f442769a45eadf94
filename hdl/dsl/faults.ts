// Fault injection at the eDSL level: a design built inside `withFaults(faults, build)` has, in
// each module a fault names, every READ of the named signal replaced by the fault's value
// (built with the eDSL from the original value and the module's other signals). The signal's
// own drivers stay as they are, so the fault is "what the rest of the module sees", like a
// stuck or rewired net. Used for deliberately broken designs (formal/props/property-mutants.ts):
// no text patch of generated Verilog, and a fault that no longer applies (renamed signal) is
// an elaboration problem, never a silent no-op.
import type { Value } from './value.js';

/** What a fault's value may read: the original signal and any other signal of the module by name. */
export interface FaultScope {
  /** The faulted signal as driven (before the fault). */
  readonly original: Value;
  /** Another signal (port, wire, register, instance output `inst_port`) of the same module. */
  signal(name: string): Value;
  /** A constant of `width` bits in this module. */
  lit(value: number | bigint, width: number): Value;
}

export interface Fault {
  /** Module name (as declared with defineModule). */
  readonly module: string;
  /** Signal whose readers see the fault. */
  readonly signal: string;
  /** The value readers see instead (same width as the signal). */
  readonly value: (s: FaultScope) => Value;
}

let active: readonly Fault[] = [];
const applied = new Set<Fault>();

/**
 * Builds a design with `faults` injected (modules defined inside `build` only). Throws when a
 * fault names a module that `build` never defined (a stale fault must not pass silently).
 */
export function withFaults<T>(faults: readonly Fault[], build: () => T): T {
  const prev = active;
  active = [...prev, ...faults];
  try {
    const result = build();
    const missed = faults.filter((f) => !applied.has(f));
    if (missed.length)
      throw new Error(`fault on ${missed.map((f) => `${f.module}.${f.signal}`).join(', ')}: no such module was built`);
    return result;
  } finally {
    active = prev;
    for (const f of faults) applied.delete(f);
  }
}

/** The faults for module `name` (while a withFaults build runs); each counts as applied. */
export function faultsFor(name: string): readonly Fault[] {
  const fs = active.filter((f) => f.module === name);
  for (const f of fs) applied.add(f);
  return fs;
}
