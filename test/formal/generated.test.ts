// The generated Verilog of the four blocks (gen/vti.ts, what `vti gen` writes) against the
// hand-written references: the Yosys lint gate, then a full equivalence proof per option set
// (k-induction from reset for vti_psr, a combinational miter for the others).
import { describe, expect, it } from 'vitest';
import type { BlockName } from '../../blocks/registry.js';
import { checkGeneratedBlock } from '../../formal/blocks.js';
import { formatProblem } from '../../formal/gate.js';
import { DEFAULT_CONFIG, vtiSpec, type VtiConfig } from '../../gen/vti.js';

const opt = (o: Partial<VtiConfig>): VtiConfig => ({ ...DEFAULT_CONFIG, ...o });
const cases: [BlockName, VtiConfig][] = [
  ['vti_psr', DEFAULT_CONFIG],
  ['vti_psr', opt({ vmImplemented: false })],
  ['vti_vmsw', DEFAULT_CONFIG],
  ['vti_vmsw', opt({ vmImplemented: false })],
  ['vti_addr_check', DEFAULT_CONFIG],
  ['vti_addr_check', opt({ implVaMsb: 51, implPaMsb: 31, guestShrink: 1 })],
  ['vti_addr_check', opt({ implVaMsb: 55, implPaMsb: 40, guestShrink: 3 })],
  ['vti_fault_prio', DEFAULT_CONFIG],
];

describe('generated RTL vs hand-written references', () => {
  for (const [block, o] of cases) {
    it(`${block} ${JSON.stringify(o)}: passes the gate and is equivalent to ref_${block}`, async () => {
      const spec = vtiSpec(block, o);
      expect(spec.top).toBe(block);
      const r = await checkGeneratedBlock(block, spec.files, o);
      expect(r.gate.problems.map(formatProblem)).toEqual([]);
      expect(r.equiv?.table ?? r.equiv?.verdict).toBe('equivalent');
    });
  }
});
