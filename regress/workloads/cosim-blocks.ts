// Block co-simulation as shardable items: per block, item 0 is its directed and exhaustive
// sets, item 1 + k its random batch k (seed + k, `batch` vectors). The mismatch count adds up
// over shards; each shard reports its first mismatch per block, and the merge keeps the
// lowest vector index per block — the unsharded run's first mismatch.
import { readFileSync } from 'node:fs';
import { blockRunner, cosimBlock, formatMismatch } from '../../sim/cosim/blocks.js';
import { parseCoverageDat } from '../../sim/verilator/coverage.js';
import { join } from 'node:path';
import type { CosimBlocksSpec } from './spec.js';
import { add, partsOf, type ShardOutcome } from './outcome.js';

const itemsPerBlock = (s: CosimBlocksSpec) => 1 + Math.ceil(s.vectors / s.batch);

export const cosimBlocksItems = (s: CosimBlocksSpec) => ({
  unit: 'block sets and batches',
  total: s.blocks.length * itemsPerBlock(s),
});

/** The `vti` arguments that run exactly item `item` of one block of this workload. */
export function cosimBlockReplay(s: CosimBlocksSpec, block: string, item: number): string[] {
  const n = itemsPerBlock(s);
  return [
    'cosim',
    '--block',
    block,
    '--vectors',
    String(s.vectors),
    '--seed',
    String(s.seed),
    '--batch',
    String(s.batch),
    '--engine',
    s.engine,
    '--shard',
    `${item}/${n}`,
  ];
}

export async function runCosimBlocks(
  s: CosimBlocksSpec,
  from: number,
  to: number,
  ctx: { readonly workDir: string },
): Promise<ShardOutcome> {
  const counts: Record<string, number> = { vectors: 0, directed: 0, 'mismatching vectors': 0 };
  const bins: Record<string, number> = {};
  const mismatches: ShardOutcome['mismatches'] = [];
  const rtl: Record<string, number> = {};
  const n = itemsPerBlock(s);
  for (const p of partsOf(
    s.blocks.map(() => n),
    from,
    to,
  )) {
    const block = s.blocks[p.part]!;
    const covDir = join(ctx.workDir, 'rtl-coverage', block);
    const r = await cosimBlock(block, {
      engine: s.engine,
      vectors: s.vectors,
      seed: s.seed,
      batch: s.batch,
      directed: p.from === 0,
      batches: { from: Math.max(p.from, 1) - 1, to: p.to - 1 },
      ...(s.rtlCoverage ? { rtlCoverageDir: covDir } : {}),
    });
    add(counts, 'vectors', r.vectors);
    add(counts, 'directed', r.directed);
    add(counts, 'mismatching vectors', r.mismatches);
    add(bins, `${block}: directed/exhaustive vectors`, r.directed);
    add(bins, `${block}: random vectors`, r.vectors - r.directed);
    if (r.first) {
      const directedTotal = [...blockRunner(block).directed()].reduce((k, d) => k + d.stim.count, 0);
      const item = r.first.index < directedTotal ? 0 : 1 + Math.floor((r.first.index - directedTotal) / s.batch);
      mismatches.push({
        order: [p.part, r.first.index],
        firstOf: block,
        what: `${block} ${formatMismatch(r.first)}`,
        replay: cosimBlockReplay(s, block, item),
        detail: { block, vector: r.first.index, port: r.first.port },
      });
    }
    if (r.rtlCoverage)
      for (const pt of parseCoverageDat(readFileSync(r.rtlCoverage.files.dat, 'utf8'), r.rtlCoverage.files.dat))
        add(rtl, `${pt.kind} ${pt.module} ${pt.file}:${pt.line}:${pt.column} ${pt.name}`, pt.count);
  }
  return { counts, mismatches, bins, ...(s.rtlCoverage ? { rtlCoverage: rtl } : {}) };
}
