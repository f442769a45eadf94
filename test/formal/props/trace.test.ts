// The trace table pairs the event of cycle k (SAT step k's inputs) with the outputs after its
// edge (step k+1), as docs/vti_core.md's timing tables do; the VCD keeps raw steps.
import { describe, expect, it } from 'vitest';
import { formatTrace, parseTrace, traceToVcd, traceValue } from '../../../formal/props/trace.js';

// WaveJSON as `sat -dump_json` writes it: position 0 is the initial state, then steps 1..3.
const dump = JSON.stringify({
  signal: [
    { name: 'rst', wave: 'x100' },
    { name: 'iclass', wave: '====', data: ['00000', '00000', '01011', '01100'] },
    { name: 'o_vm', wave: 'x001' },
    { name: 'ok_p1', wave: 'x1.0' },
  ],
});

describe('checker traces', () => {
  it('parses steps 1..N and decodes repeated values', () => {
    const steps = parseTrace(dump);
    expect(steps.map((s) => s.step)).toEqual([1, 2, 3]);
    expect(traceValue(steps[1], 'ok_p1')).toBe(1n); // '.' repeats the previous value
    expect(traceValue(steps[2], 'iclass')).toBe(12n);
    expect(traceValue(steps[0], 'nope')).toBeUndefined();
  });

  it('column k shows the event of cycle k and the outputs after its edge', () => {
    const t = formatTrace(parseTrace(dump), ['rst', 'iclass'], ['o_vm', 'ok_p1'], { step: 3, text: '<-- ok_p1 = 0' });
    const row = (n: string) =>
      t
        .split('\n')
        .find((l) => l.startsWith(n))!
        .split('|')
        .map((x) => x.trim());
    expect(row('cycle')).toEqual(['cycle', '1', '2 <-- ok_p1 = 0']);
    expect(row('rst')).toEqual(['rst', '1', '0']);
    expect(row('iclass')).toEqual(['iclass', 'OTHER', 'RFI']); // steps 1, 2
    expect(row('o_vm')).toEqual(['o_vm', '0', '1']); // steps 2, 3
    expect(row('ok_p1')).toEqual(['ok_p1', '1', '0']);
  });

  it('writes one clock period per step in the VCD', () => {
    const vcd = traceToVcd(parseTrace(dump), 'vti_props');
    expect(vcd).toContain('$var wire 5 s0 iclass $end');
    expect(vcd).toContain('#10\n0ck\nb01011 s0'); // step 2 during the second period
    expect(vcd.trimEnd().endsWith('#30')).toBe(true);
  });
});
