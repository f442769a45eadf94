// Shards merge into exactly the unsharded run: for fixed small workloads, the merge of N = 1, 2
// and 7 shards has the same counts, coverage bins and mismatches, and these equal the plain
// (unsharded, non-regress) co-simulation's. Plus what the merge refuses and names.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cosimBlock } from '../../sim/cosim/blocks.js';
import { runCoreCosim } from '../../sim/cosim/lockstep/index.js';
import { mergedOutcome, mergeResults, MergeError } from '../../regress/merge.js';
import { runShard } from '../../regress/run-shard.js';
import type { ShardResult } from '../../regress/result.js';
import { parseShard, shardRange } from '../../regress/shard.js';
import type { CosimBlocksSpec, CosimRandomSpec, WorkloadSpec } from '../../regress/workloads/spec.js';

const work = mkdtempSync(join(tmpdir(), 'vti-regress-'));

async function shards(w: WorkloadSpec, n: number): Promise<ShardResult[]> {
  const out: ShardResult[] = [];
  for (let i = 0; i < n; i++) out.push(await runShard(w, { index: i, count: n }, { workDir: join(work, `${n}-${i}`) }));
  return out;
}

describe('shard ranges', () => {
  it('the ranges of I = 0..N-1 are disjoint, in order and cover every item', () => {
    for (const total of [0, 1, 5, 12, 1000, 1001])
      for (const n of [1, 2, 3, 7, 64]) {
        const covered: number[] = [];
        for (let i = 0; i < n; i++) {
          const { from, to } = shardRange(total, { index: i, count: n });
          for (let k = from; k < to; k++) covered.push(k);
        }
        expect(covered).toEqual(Array.from({ length: total }, (_, k) => k));
      }
  });
  it('parses I/N and refuses what is not one', () => {
    expect(parseShard('3/7')).toEqual({ index: 3, count: 7 });
    expect(() => parseShard('7/7')).toThrow(/I must be between 0 and N-1 = 6/);
    expect(() => parseShard('0/0')).toThrow(/N must be between 1/);
    expect(() => parseShard('1-of-3')).toThrow(/not of the form I\/N/);
  });
});

describe('block co-simulation: N = 1, 2, 7 shards merge into the unsharded run', () => {
  const w: CosimBlocksSpec = {
    kind: 'cosim-blocks',
    blocks: ['vti_vmsw', 'vti_addr_check'],
    vectors: 5000,
    seed: 3,
    batch: 1000,
    engine: 'builtin',
    rtlCoverage: false,
  };
  const merged = new Map<number, ReturnType<typeof mergeResults>>();
  beforeAll(async () => {
    for (const n of [1, 2, 7]) merged.set(n, mergeResults(await shards(w, n)));
  });
  it('equal outcomes for every shard count', () => {
    const one = mergedOutcome(merged.get(1)!);
    expect(mergedOutcome(merged.get(2)!)).toEqual(one);
    expect(mergedOutcome(merged.get(7)!)).toEqual(one);
    expect(merged.get(7)!.complete).toBe(true);
  });
  it('the counts are those of the plain co-simulation of each block', async () => {
    let vectors = 0,
      directed = 0;
    for (const b of w.blocks) {
      const r = await cosimBlock(b, { engine: 'builtin', vectors: w.vectors, seed: w.seed, batch: w.batch });
      vectors += r.vectors;
      directed += r.directed;
      expect(merged.get(7)!.bins[`${b}: random vectors`]).toBe(w.vectors);
      expect(merged.get(7)!.bins[`${b}: directed/exhaustive vectors`]).toBe(r.directed);
    }
    expect(merged.get(7)!.counts).toEqual({ directed, 'mismatching vectors': 0, vectors });
  });
});

describe('random lockstep with a seeded bug: N = 1, 2, 7 shards merge into the unsharded run', () => {
  const w: CosimRandomSpec = {
    kind: 'cosim-random',
    programs: 4,
    seed: 1,
    items: 40,
    traps: true,
    engine: 'builtin',
    seededBug: 'no_reg_nat',
  };
  const merged = new Map<number, ReturnType<typeof mergeResults>>();
  beforeAll(async () => {
    for (const n of [1, 2, 7]) merged.set(n, mergeResults(await shards(w, n)));
  }, 120_000);
  it('equal bins, counts and mismatches for every shard count, and mismatches to replay', () => {
    const one = mergedOutcome(merged.get(1)!);
    expect(one.mismatches.length).toBeGreaterThan(0);
    expect(mergedOutcome(merged.get(2)!)).toEqual(one);
    expect(mergedOutcome(merged.get(7)!)).toEqual(one);
    for (const m of one.mismatches) expect(m.replay).toContain(`${m.detail!.seed}`);
  });
  it('the bins and diverging seeds are those of the plain lockstep run', async () => {
    const r = await runCoreCosim({
      engine: 'builtin',
      random: w.programs,
      seed: w.seed,
      items: w.items,
      seededBug: 'no_reg_nat',
      outDir: join(work, 'plain'),
    });
    const m = merged.get(7)!;
    expect(m.bins).toEqual(Object.fromEntries(Object.entries(r.bins).sort(([a], [b]) => (a < b ? -1 : 1))));
    expect(m.mismatches.map((x) => x.detail!.seed)).toEqual(r.runs.flatMap((x, i) => (x.mismatch ? [w.seed + i] : [])));
    expect(m.counts.instructions).toBe(r.instructions);
  }, 60_000);
});

describe('what the merge refuses and names', () => {
  const w: CosimBlocksSpec = {
    kind: 'cosim-blocks',
    blocks: ['vti_vmsw'],
    vectors: 3000,
    seed: 1,
    batch: 1000,
    engine: 'builtin',
    rtlCoverage: false,
  };
  let three: ShardResult[] = [];
  beforeAll(async () => {
    three = await shards(w, 3);
  });
  it('names a missing shard and a failed one, and leaves their work out', () => {
    const failed: ShardResult = { ...three[2]!, status: 'failed', error: 'killed by signal 9' };
    const m = mergeResults([three[0]!, failed]);
    expect(m.complete).toBe(false);
    expect(m.missing).toEqual([1]);
    expect(m.failed).toEqual([{ index: 2, error: 'killed by signal 9' }]);
    expect(m.items.done).toBe(three[0]!.items.to - three[0]!.items.from);
  });
  it('refuses another configuration, other sources, another shard count and a shard given twice', () => {
    const other: ShardResult = { ...three[1]!, configHash: 'sha256:0000', workload: { ...w, seed: 2 } };
    expect(() => mergeResults([three[0]!, other], ['a.json', 'b.json'])).toThrow(
      /b\.json is from another configuration/,
    );
    expect(() => mergeResults([three[0]!, { ...three[1]!, sourceHash: 'sha256:1111' }])).toThrow(/other sources/);
    expect(() => mergeResults([three[0]!, { ...three[1]!, shard: { index: 1, count: 4 } }])).toThrow(/of 3 shards/);
    expect(() => mergeResults([three[0]!, three[0]!])).toThrow(MergeError);
  });
});
