// Compiled bundles shared by content by every emulator of the process. A compiled bundle is a
// function of its 16 bytes alone: it is decoded at address 0 (IP-relative targets are
// displacements added to IP at run time), nothing of the machine is read while compiling, and
// its closures take the machine as a parameter (machine.ts Exec). So the lockstep's one
// emulator per program, the same bytes at another address, or the bytes again after a code
// write, all take the same object instead of compiling again. Kept in a two-way BundleTable
// (decode/bundle-table.ts); a replaced bundle lives on only in the code pages that still hold it.
import { BundleTable } from '../decode/bundle-table.js';
import { decodeWordsAt0 } from '../decode/decode-cache.js';
import type { DecodedBundle } from '../decode/decode.js';
import { type BundleRun, tieredBundleRun } from './codegen.js';
import { compileInsn } from './compile.js';
import type { Exec, Machine } from './machine.js';

export interface CompiledBundle {
  /** One closure per slot; null for a nop (completes without a call). */
  readonly exec: (Exec | null)[];
  /** Qualifying predicate per slot, evaluated by the loop (0 when the closure handles it). */
  readonly qp: Uint8Array;
  readonly n: number;
  readonly decoded: DecodedBundle;
  /** Per slot: the closure neither faults nor reads m.slot. */
  readonly pure: boolean[];
  /** The step function (codegen.ts: interpreted for the first runs, then generated). */
  run: BundleRun;
  /** The bundle's 16 bytes as little-endian words (its content key). */
  readonly w0: number;
  readonly w1: number;
  readonly w2: number;
  readonly w3: number;
}

/** Slots of the table (a power of two): about as many as the decode cache's. */
export const COMPILED_SLOTS = 1 << 16;

const table = new BundleTable<CompiledBundle>(COMPILED_SLOTS);

/** Lookups answered from the table and bundles compiled, since the process started. */
export const compiledBundleStats = { hits: 0, compiled: 0 };

/**
 * The compiled bundle with these words (little-endian, least significant first); `advance` is
 * the step loop's fall-through to the next bundle (run.ts), which the step functions call.
 */
export function compiledBundle(
  w0: number,
  w1: number,
  w2: number,
  w3: number,
  advance: (m: Machine, lastSlot: number) => void,
): CompiledBundle {
  const found = table.find(w0, w1, w2, w3);
  if (found !== undefined) {
    compiledBundleStats.hits++;
    return found;
  }
  compiledBundleStats.compiled++;
  return table.insert(compileWords(w0, w1, w2, w3, advance));
}

function compileWords(
  w0: number,
  w1: number,
  w2: number,
  w3: number,
  advance: (m: Machine, lastSlot: number) => void,
): CompiledBundle {
  const d = decodeWordsAt0(w0, w1, w2, w3);
  const n = d.slots[2].op === 'lx_tail' ? 2 : 3;
  const qp = new Uint8Array(3);
  const pure: boolean[] = [];
  const exec = d.slots.map((ins, i) => {
    // A nop completes without a call, and an MLX bundle's slot 2 is never run (n = 2): no
    // closure to build (most code a random program runs once is nop.m + movl bundles).
    if (ins.op === 'nop' || ins.op === 'lx_tail') {
      pure.push(true);
      return null;
    }
    const c = compileInsn(ins, d.raw[i]!);
    qp[i] = c.qp;
    pure.push(c.pure);
    return c.exec;
  });
  const b: CompiledBundle = { exec, qp, pure, n, decoded: d, run: null as unknown as BundleRun, w0, w1, w2, w3 };
  b.run = tieredBundleRun(exec, qp, pure, n, advance, (run) => {
    b.run = run;
  });
  return b;
}
