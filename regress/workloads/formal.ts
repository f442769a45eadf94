// Formal checks as shardable items: per sweep point (a generator configuration) in order, each
// block's check (Yosys gate, equivalence to the hand-written reference, the block's
// properties), then each vti_core safety property (with its cover). A check that does not
// pass is a mismatch; a reachable cover counts in the bins.
import { BLOCKS } from '../../blocks/registry.js';
import { blockProperties, checkGeneratedBlock } from '../../formal/blocks.js';
import { proveProperties } from '../../formal/property-prover.js';
import { runProperties } from '../../formal/props/index.js';
import { vtiSpec, type VtiConfig } from '../../gen/vti.js';
import { join } from 'node:path';
import type { FormalSpec } from './spec.js';
import { add, partsOf, type ShardOutcome } from './outcome.js';

const pointsPer = (s: FormalSpec) => s.blocks.length + s.properties.length;

export const formalItems = (s: FormalSpec) => ({ unit: 'checks', total: s.sweep.length * pointsPer(s) });

/** The `vti formal` options of a configuration. */
export function configFlags(g: VtiConfig): string[] {
  return g.vmImplemented
    ? [
        '--impl-va-msb',
        String(g.implVaMsb),
        '--impl-pa-msb',
        String(g.implPaMsb),
        '--guest-shrink',
        String(g.guestShrink),
      ]
    : ['--no-vt', '--impl-va-msb', String(g.implVaMsb), '--impl-pa-msb', String(g.implPaMsb)];
}

const label = (g: VtiConfig) =>
  `${g.vmImplemented ? 'vt' : 'no-vt'} va${g.implVaMsb} pa${g.implPaMsb}${g.vmImplemented ? ` gs${g.guestShrink}` : ''}`;

export async function runFormal(
  s: FormalSpec,
  from: number,
  to: number,
  ctx: { readonly workDir: string },
): Promise<ShardOutcome> {
  const counts: Record<string, number> = { checks: 0, passed: 0, failed: 0 };
  const bins: Record<string, number> = {};
  const mismatches: ShardOutcome['mismatches'] = [];
  const per = pointsPer(s);
  for (const p of partsOf(
    s.sweep.map(() => per),
    from,
    to,
  )) {
    const g = s.sweep[p.part]!;
    for (let i = p.from; i < p.to; i++) {
      let ok: boolean, what: string, replay: string[];
      if (i < s.blocks.length) {
        const block = s.blocks[i]!;
        const files = vtiSpec(block, g).files;
        const c = await checkGeneratedBlock(block, files, g);
        const props = c.gate.ok
          ? await proveProperties({ files, top: block }, blockProperties(block, g), {
              sequential: BLOCKS[block].sequential,
            })
          : [];
        const bad = props.filter((x) => x.verdict !== 'holds');
        ok = c.gate.ok && c.equiv?.verdict === 'equivalent' && bad.length === 0;
        what = `${label(g)} ${block}: ${!c.gate.ok ? 'Yosys gate failed' : c.equiv?.verdict !== 'equivalent' ? `equivalence ${c.equiv?.verdict}` : `${bad.length} block properties fail: ${bad.map((x) => x.name).join('; ')}`}`;
        replay = ['formal', '--block', block, ...configFlags(g)];
        add(bins, `${label(g)}: block properties proven`, props.length - bad.length);
      } else {
        const prop = s.properties[i - s.blocks.length]!;
        const [r] = await runProperties({ gen: g, properties: [prop], vcdDir: join(ctx.workDir, 'formal') });
        const reachable = r!.cover?.reachable ?? true;
        ok = r!.verdict === 'proven' && (reachable || !g.vmImplemented);
        what = `${label(g)} vti_core ${prop}: ${r!.verdict}${reachable ? '' : ', cover not reachable'}`;
        replay = ['formal', '--block', 'vti_core', ...configFlags(g)];
        add(bins, `${label(g)}: ${prop} cover reachable`, reachable ? 1 : 0);
      }
      add(counts, 'checks', 1);
      add(counts, ok ? 'passed' : 'failed', 1);
      if (!ok) mismatches.push({ order: [p.part, i], what, replay, detail: { point: p.part, check: i } });
    }
  }
  return { counts, mismatches, bins };
}
