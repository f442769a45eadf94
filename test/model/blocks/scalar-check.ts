// Shared by the block tests: run a scalar reference over every vector of a stimulus and
// report where the batched reference disagrees (first few, with the vector's label).
import { getBig, type Columns, type Port } from '../../../model/blocks/columns.js';
import type { Stimulus } from '../../../model/blocks/vectors.js';

export type Vec = Record<string, bigint>;

/** Vector i of a column set as BigInts per port. */
export function vectorAt(ports: readonly Port[], cols: Columns, i: number): Vec {
  const v: Vec = {};
  for (const p of ports) v[p.name] = getBig(cols[p.name]!, p, i);
  return v;
}

/** Returns "" when every vector agrees, else a description of the first mismatches. */
export function mismatches(
  st: Stimulus,
  inPorts: readonly Port[],
  outPorts: readonly Port[],
  batchOut: Columns,
  scalar: (v: Vec, i: number) => Vec,
): string {
  const msgs: string[] = [];
  let n = 0;
  for (let i = 0; i < st.count; i++) {
    const want = scalar(vectorAt(inPorts, st.inputs, i), i),
      got = vectorAt(outPorts, batchOut, i);
    const diff = outPorts.filter((p) => want[p.name] !== got[p.name]);
    if (diff.length && n++ < 5) {
      const ins = inPorts.map((p) => `${p.name}=0x${getBig(st.inputs[p.name]!, p, i).toString(16)}`).join(' ');
      msgs.push(
        `#${i} ${st.labels?.[i] ?? ''} [${ins}]: ` +
          diff
            .map((p) => `${p.name} scalar 0x${want[p.name]!.toString(16)} batch 0x${got[p.name]!.toString(16)}`)
            .join(', '),
      );
    }
  }
  return n ? `${n} of ${st.count} vectors differ:\n${msgs.join('\n')}` : '';
}
