// Block-level co-simulation of several blocks in a row (`vti cosim`, `vti all`, `vti report`):
// each block's generated RTL against its reference model (blocks.ts), one result per block.
// Progress goes to callbacks, so a terminal bar, a log line or nothing are the caller's choice.
import { join } from 'node:path';
import type { BlockName } from '../../blocks/registry.js';
import type { VtiConfig } from '../../gen/vti.js';
import type { EngineName } from '../engine.js';
import { cosimBlock, type BlockCosimResult } from './blocks.js';

export interface BlockCosimRun {
  readonly engine: EngineName;
  /** Random vectors per block on top of the directed and exhaustive sets. */
  readonly vectors: number;
  readonly seed: number;
  /** The configuration of the generated blocks (default: the generator's defaults). */
  readonly gen?: VtiConfig;
  /** Random vectors per batch (default RANDOM_BATCH of blocks.ts). */
  readonly batch?: number;
  /** RTL code coverage of each block under `<rtlCoverageDir>/<block>/`; undefined: none. */
  readonly rtlCoverageDir?: string;
  /** With rtlCoverageDir: prove uncovered toggle points unreachable or leave them holes. */
  readonly proveUnreachable?: boolean;
  /** After each batch of a block's vectors: vectors done so far of that block's total. */
  readonly progress?: (block: BlockName, done: number, total: number) => void;
  /** When a block's run has ended (its progress is complete). */
  readonly blockDone?: (result: BlockCosimResult) => void;
}

/** The progress callbacks that drive one bar per block (labelled `cosim <block>`), made by `bar`. */
export function barPerBlock(
  bar: (label: string) => { update(done: number, total: number): void; done(): void },
): Pick<BlockCosimRun, 'progress' | 'blockDone'> {
  const bars = new Map<BlockName, ReturnType<typeof bar>>();
  const of = (b: BlockName) => bars.get(b) ?? bars.set(b, bar(`cosim ${b}`)).get(b)!;
  return { progress: (b, done, total) => of(b).update(done, total), blockDone: (r) => of(r.block).done() };
}

export async function runBlockCosim(blocks: readonly BlockName[], o: BlockCosimRun): Promise<BlockCosimResult[]> {
  const results: BlockCosimResult[] = [];
  for (const b of blocks) {
    const r = await cosimBlock(b, {
      engine: o.engine,
      vectors: o.vectors,
      seed: o.seed,
      ...(o.gen ? { gen: o.gen } : {}),
      ...(o.batch !== undefined ? { batch: o.batch } : {}),
      ...(o.progress ? { progress: (done: number, total: number) => o.progress!(b, done, total) } : {}),
      ...(o.rtlCoverageDir !== undefined
        ? { rtlCoverageDir: join(o.rtlCoverageDir, b), proveUnreachable: o.proveUnreachable ?? false }
        : {}),
    });
    o.blockDone?.(r);
    results.push(r);
  }
  return results;
}
