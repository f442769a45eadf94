// Sequential equivalence of a generated module and its hand-written version when plain
// k-induction over their miter cannot close: vti_core keeps state that no output shows for
// many cycles (one_shot_q, iipa_bundle_q), so two copies could differ there forever while their
// outputs agree. Yosys' equiv flow matches the two designs' signals by name (equiv_make: the
// ports, and registers written with the same names, e.g. one_shot_q) and proves by induction
// that the matched points stay equal once they are equal (equiv_simple, equiv_induct). That
// proof has no base case, so it is paired with the miter from reset (formal/equiv.ts): no
// difference within its steps from reset, where both designs reset every register to 0.
import { proveEquivalent } from '../../formal/equiv.js';
import { loadScript } from '../../formal/design.js';
import { yosys, YosysError } from '../../formal/yosys.js';
import type { Design } from './measure.js';

export interface MatchedProof {
  readonly verdict: 'equivalent' | 'different' | 'unproven';
  /** The base case (miter from reset) and the induction, for the report. */
  readonly detail: string;
}

const place = (d: Design, dir: string) =>
  Object.fromEntries(Object.entries(d.files).map(([n, t]) => [`${dir}/${n}`, t]));

export async function proveMatchedState(gold: Design, gate: Design, seq = 4): Promise<MatchedProof> {
  const base = await proveEquivalent({
    gold: { files: gold.files, top: gold.top },
    gate: { files: gate.files, top: gate.top },
    sequential: true,
    maxSteps: seq,
  });
  if (base.verdict === 'different') return { verdict: 'different', detail: base.table ?? 'different from reset' };
  const script = [
    loadScript({ files: gold.files, top: gold.top }, 'gold', 'gold'),
    loadScript({ files: gate.files, top: gate.top }, 'gate', 'gate'),
    'design -copy-from gold -as gold gold',
    'design -copy-from gate -as gate gate',
    'equiv_make gold gate equiv',
    'hierarchy -top equiv',
    `equiv_simple -seq ${seq}`,
    `equiv_induct -seq ${seq}`,
    'equiv_status -assert',
  ].join('\n');
  try {
    await yosys(script, { ...place(gold, 'gold'), ...place(gate, 'gate') });
  } catch (e) {
    if (!(e instanceof YosysError)) throw e;
    const unproven = e.log.split('\n').filter((l) => /Unproven \$equiv|unproven/i.test(l));
    return { verdict: 'unproven', detail: unproven.slice(0, 20).join('\n') || e.logTail };
  }
  return {
    verdict: 'equivalent',
    detail: `${base.verdict === 'equivalent' ? base.method : `no difference within ${seq} steps from reset`}; matched state by equiv_induct -seq ${seq}`,
  };
}
