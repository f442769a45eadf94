// Random lockstep programs as shardable items: item i is the program of seed `seed + i`
// (sim/cosim/random). Each program's run is independent, so a shard runs its seeds as the
// unsharded run would; the coverage bins' counts add up.
import { runCoreCosim } from '../../sim/cosim/lockstep/index.js';
import type { CosimRandomSpec } from './spec.js';
import type { ShardOutcome } from './outcome.js';

export const cosimRandomItems = (s: CosimRandomSpec) => ({ unit: 'random programs', total: s.programs });

export function cosimRandomReplay(s: CosimRandomSpec, seed: number): string[] {
  return [
    'cosim',
    '--core',
    '--random',
    '1',
    '--seed',
    String(seed),
    '--items',
    String(s.items),
    ...(s.traps ? [] : ['--no-traps']),
    '--engine',
    s.engine,
  ];
}

export async function runCosimRandom(
  s: CosimRandomSpec,
  from: number,
  to: number,
  ctx: { readonly workDir: string },
): Promise<ShardOutcome> {
  if (from >= to)
    return {
      counts: { programs: 0, instructions: 0, halted: 0, 'diverging programs': 0, 'model disagreements': 0 },
      mismatches: [],
      bins: {},
    };
  const r = await runCoreCosim({
    engine: s.engine,
    random: to - from,
    seed: s.seed + from,
    items: s.items,
    profile: { traps: s.traps },
    outDir: ctx.workDir,
    ...(s.seededBug ? { seededBug: s.seededBug } : {}),
  });
  const mismatches: ShardOutcome['mismatches'] = [];
  r.runs.forEach((run, i) => {
    const m = run.mismatch;
    if (!m) return;
    const seed = s.seed + from + i;
    mismatches.push({
      order: [seed],
      what: `${run.name}: diverges at event ${m.event} (${m.insn}): ${m.fields.map((f) => f.port).join(', ')}`,
      replay: cosimRandomReplay(s, seed),
      detail: {
        seed,
        event: m.event,
        instruction: m.insn,
        ip: `0x${m.ip.toString(16)}`,
        ...(s.seededBug ? { seededBug: s.seededBug } : {}),
      },
    });
  });
  return {
    counts: {
      programs: r.runs.length,
      instructions: r.instructions,
      halted: r.runs.filter((x) => x.halted).length,
      'diverging programs': r.mismatches,
      'model disagreements': r.coverage.modelDisagreements,
    },
    mismatches,
    bins: { ...r.bins },
  };
}
