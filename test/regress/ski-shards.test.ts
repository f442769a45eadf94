// The differential programs (tools/ski against recorded Ski runs) as a sharded workload: the
// merge of N = 1, 2, 7 shards equals the unsharded run, known divergences are counted as such,
// and an unexpected one (here: a fixture recorded for another program) is a mismatch with the
// program named. Runs the model only: no Ski needed.
import { copyFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergedOutcome, mergeResults } from '../../regress/merge.js';
import { runShard } from '../../regress/run-shard.js';
import { parseWorkload, type SkiProgramsSpec } from '../../regress/workloads/spec.js';

const work = mkdtempSync(join(tmpdir(), 'vti-ski-shards-'));
const fixtures = join(work, 'fixtures');
cpSync(fileURLToPath(new URL('../fixtures/ski/', import.meta.url)), fixtures, { recursive: true });
// lfetch's recorded run replaced by branch-call's: its source hash no longer matches.
copyFileSync(join(fixtures, 'branch-call.json'), join(fixtures, 'lfetch.json'));

const spec = parseWorkload(
  {
    kind: 'ski-programs',
    programs: ['alloc-static', 'branch-call', 'brl-unimpl', 'fp-intmul', 'lfetch', 'unimpl-ia'],
    fixtures,
  },
  'test',
) as SkiProgramsSpec;

describe('differential programs: N = 1, 2, 7 shards merge into the unsharded run', () => {
  const merged = new Map<number, ReturnType<typeof mergeResults>>();
  beforeAll(async () => {
    for (const n of [1, 2, 7]) {
      const results = [];
      for (let i = 0; i < n; i++)
        results.push(await runShard(spec, { index: i, count: n }, { workDir: join(work, `${n}-${i}`) }));
      merged.set(n, mergeResults(results));
    }
  });
  it('equal outcomes for every shard count', () => {
    const one = mergedOutcome(merged.get(1)!);
    expect(mergedOutcome(merged.get(2)!)).toEqual(one);
    expect(mergedOutcome(merged.get(7)!)).toEqual(one);
    expect(merged.get(7)!.complete).toBe(true);
  });
  it('counts agreeing programs, known divergences and the unexpected one', () => {
    const m = merged.get(7)!;
    expect(m.counts.programs).toBe(6);
    expect(m.counts.agreeing).toBe(3);
    expect(m.counts['known divergences']).toBe(2);
    expect(m.counts['unexpected divergences']).toBe(1);
    expect(m.mismatches.map((x) => x.what)).toEqual([
      'lfetch: source changed since its Ski run was recorded (re-record it)',
    ]);
    expect(m.mismatches[0]!.order).toEqual([4]);
  });
  it('refuses a program that is not in tools/ski/programs', () => {
    expect(() => parseWorkload({ kind: 'ski-programs', programs: ['no-such'] }, 'w')).toThrow(
      /w: 'programs' must be a non-empty list of/,
    );
  });
});
