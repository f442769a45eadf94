// Mutation score as shardable items: per block, Yosys mutants 1..count of
// `mutate -list count -seed seed` (every shard makes the same list and takes its range).
// A gap (a survivor proved killable, or not proved equivalent) or a mutant that could not
// be built is a mismatch; kills are counted per stimulus set.
import { mutants as yosysMutants } from '../../formal/yosys-mutants.js';
import { DEFAULT_CONFIG, vtiSpec } from '../../gen/vti.js';
import { mutationScoreOf } from '../../sim/cosim/mutation-score.js';
import type { MutantsSpec } from './spec.js';
import { add, partsOf, type ShardOutcome } from './outcome.js';

export const mutantsItems = (s: MutantsSpec) => ({ unit: 'mutants', total: s.blocks.length * s.count });

export function mutantReplay(s: MutantsSpec, block: string, id: number): string[] {
  return [
    'cosim',
    '--block',
    block,
    '--mutants',
    String(s.count),
    '--seed',
    String(s.seed),
    '--vectors',
    String(s.vectors),
    '--batch',
    String(s.batch),
    '--shard',
    `${id - 1}/${s.count}`,
  ];
}

export async function runMutants(s: MutantsSpec, from: number, to: number): Promise<ShardOutcome> {
  const counts: Record<string, number> = { mutants: 0, killed: 0, equivalent: 0, gaps: 0, errors: 0 };
  const bins: Record<string, number> = {};
  const mismatches: ShardOutcome['mismatches'] = [];
  for (const p of partsOf(
    s.blocks.map(() => s.count),
    from,
    to,
  )) {
    const block = s.blocks[p.part]!;
    const all = await yosysMutants(vtiSpec(block, DEFAULT_CONFIG).files, block, s.count, s.seed);
    const r = await mutationScoreOf(block, all.slice(p.from, p.to), {
      seed: s.seed,
      vectors: s.vectors,
      batch: s.batch,
    });
    add(counts, 'mutants', r.mutants);
    add(counts, 'killed', r.killed);
    add(counts, 'equivalent', r.equivalent);
    add(counts, 'gaps', r.gaps.length);
    add(counts, 'errors', r.errors);
    for (const o of r.outcomes) {
      add(bins, `${block}: ${o.status}${o.kill ? ` by ${o.kill.set}` : ''}`, 1);
      if (o.status === 'gap' || o.status === 'error')
        mismatches.push({
          order: [p.part, o.id],
          what: `${block} mutant ${o.id} ${o.status === 'gap' ? `survives (${o.verdict})` : `error: ${o.error}`}: ${o.command}`,
          replay: mutantReplay(s, block, o.id),
          detail: { block, mutant: o.id, command: o.command, ...(o.table ? { counterexample: o.table } : {}) },
        });
    }
  }
  return { counts, mismatches, bins };
}
