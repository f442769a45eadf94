// Mutation score of the block co-simulation: Yosys mutants of each generated VT-i block, each
// verilated and run on the co-simulation stimulus against the reference model; survivors
// classified formally (equivalent, or a real gap in the stimulus).
//   npx tsx bench/mutation/run.ts [MUTANTS=100] [--vectors N] [--seed S] [--block NAME] [--no-classify]
//     [--sets directed,exhaustive,random]   (a subset: what those sets alone kill)
import { BLOCK_NAMES, type BlockName } from '../../blocks/registry.js';
import { formatMutationTable, mutationScore, type MutationResult } from '../../sim/cosim/mutation-score.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const int = (name: string, v: string | undefined, dflt: number): number => {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`bench/mutation: ${name} needs a non-negative integer, got ${v}`);
  return n;
};
const vectors = int('--vectors', opt('--vectors'), 1_000_000);
const seed = int('--seed', opt('--seed'), 1);
const only = opt('--block');
const setsArg = opt('--sets');
const SETS = ['directed', 'exhaustive', 'random'] as const;
type SetName = (typeof SETS)[number];
const onlySets = setsArg?.split(',').map((x) => {
  if (!SETS.includes(x as SetName)) throw new Error(`bench/mutation: unknown stimulus set '${x}' (${SETS.join(', ')})`);
  return x as SetName;
});
const classify = !args.includes('--no-classify');
const positional = args.filter((a) => !a.startsWith('--'));
const count = int('MUTANTS', positional[0], 100);
if (count < 1) throw new Error('bench/mutation: at least one mutant');
if (only !== undefined && !BLOCK_NAMES.includes(only as BlockName))
  throw new Error(`bench/mutation: unknown block '${only}' (${BLOCK_NAMES.join(', ')})`);
const blocks = only ? [only as BlockName] : BLOCK_NAMES;

console.log(
  `mutation score: ${count} mutants per block, seed ${seed}, ${vectors} random vectors (cycles) per mutant on top of directed + exhaustive, classify ${classify}${onlySets ? `, only the sets ${onlySets.join(', ')}` : ''}`,
);
const rows: MutationResult[] = [];
for (const block of blocks) {
  const r = await mutationScore(block, {
    count,
    seed,
    vectors,
    engine: 'verilator',
    classify,
    ...(onlySets ? { sets: onlySets } : {}),
    progress: (e) => {
      const m = e.mutant;
      const what =
        m.status === 'killed'
          ? `killed (${m.kill!.set} vector ${m.kill!.vector}, ${m.kill!.port})`
          : m.status === 'error'
            ? `error: ${m.error!.split('\n')[0]}`
            : m.status;
      console.log(`  ${block} ${e.phase} ${e.done}/${e.total} #${m.id} ${what}`);
    },
  });
  rows.push(r);
  if (r.mutants < count)
    console.log(
      `${block}: Yosys mutate offers only ${r.mutants} distinct mutations of this design (asked for ${count})`,
    );
  const sets = ['directed', 'exhaustive', 'random']
    .map((s) => `${s} ${r.outcomes.filter((o) => o.kill?.set === s).length}`)
    .join(', ');
  console.log(
    `${block}: ${r.killed}/${r.mutants} killed (${sets}), ${r.equivalent} equivalent, ${r.gaps.length} gaps, ${r.errors} errors; ` +
      `mutate ${r.phases.mutate.toFixed(1)} s, simulate ${r.phases.simulate.toFixed(1)} s, classify ${r.phases.classify.toFixed(1)} s`,
  );
}

console.log('\n' + formatMutationTable(rows));
const gaps = rows.flatMap((r) => r.gaps.map((g) => ({ block: r.block, ...g })));
console.log(`\ngaps (non-equivalent mutants the co-simulation does not kill): ${gaps.length}`);
for (const g of gaps) {
  console.log(`  ${g.block} #${g.id} [${g.verdict}; ${g.method ?? ''}] ${g.command}`);
  if (g.table)
    console.log(
      g.table
        .split('\n')
        .map((l) => `      ${l}`)
        .join('\n'),
    );
}
const errs = rows.flatMap((r) => r.outcomes.filter((o) => o.status === 'error').map((o) => ({ block: r.block, ...o })));
for (const e of errs) console.log(`  error ${e.block} #${e.id} ${e.command}\n      ${e.error}`);
const eq = rows.flatMap((r) =>
  r.outcomes.filter((o) => o.status === 'equivalent').map((o) => ({ block: r.block, ...o })),
);
console.log(`\nequivalent mutants: ${eq.length}`);
for (const e of eq) console.log(`  ${e.block} #${e.id} [${e.method ?? ''}] ${e.command}`);
