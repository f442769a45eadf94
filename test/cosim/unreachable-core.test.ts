// Unreachability inside the integrated core (formal/unreachable.ts on vti_core flattened with
// its submodules): claims are grouped per submodule instance / top-level wire and each group
// is proved on its fan-in cone, so a constant-by-construction bit inside the core is proven
// (vti_vmsw's illegal_op with VT-i, instance u_vmsw; the reserved DCR bit 5) while reachable
// bits that a run never toggled (rd_value_q[5], DCR.be) stay holes, DCR.be with a trace.
import { describe, expect, it } from 'vitest';
import { budget } from '../budget.js';
import { vtiDesign } from '../../gen/vti.js';
import { moduleSpec } from '../../gen/verilog/index.js';
import { RANDOM_GEN } from '../../sim/cosim/random/layout.js';
import { proveTogglesUnreachable } from '../../formal/unreachable.js';

describe('unreachability on vti_core', () => {
  it('proves u_vmsw.illegal_op and the reserved dcr_q[5] constant from reset; leaves the reachable rd_value_q[5] and dcr_q[1] holes', {
    timeout: budget(150_000),
  }, async () => {
    const files = moduleSpec(vtiDesign('vti_core', RANDOM_GEN)).files;
    const r = await proveTogglesUnreachable(
      files,
      'vti_core',
      [
        { key: 'vmsw', name: 'illegal_op', instances: [['u_vmsw']], count: 0 },
        { key: 'r2', name: 'rd_value_q[5]', instances: [[]], count: 0 },
        // DCR bit 5 is reserved (arch/cr.ts): a mov to DCR setting it faults and writes nothing.
        { key: 'dcr5', name: 'dcr_q[5]', instances: [[]], count: 0 },
        // DCR.be (bit 1) is written by any legal mov to DCR.
        { key: 'dcr1', name: 'dcr_q[1]', instances: [[]], count: 0 },
      ],
      { budgetSeconds: 120 },
    );
    expect(r.sequential).toBe(true);
    expect(r.byKey.get('vmsw')).toMatchObject({ verdict: 'unreachable', value: 0 });
    const v = r.byKey.get('vmsw')!;
    expect(v.verdict === 'unreachable' && v.proof).toMatch(
      /u_vmsw\.illegal_op = 0, constant from reset, temporal induction/,
    );
    expect(r.byKey.get('r2')).toMatchObject({ verdict: 'hole' });
    expect(r.byKey.get('dcr5')).toMatchObject({ verdict: 'unreachable', value: 0 });
    expect(r.byKey.get('dcr1')).toMatchObject({
      verdict: 'hole',
      why: expect.stringMatching(/^reachable: sat found a trace from reset/),
    });
  });
});
