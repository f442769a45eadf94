// Unreachability inside the integrated core (formal/unreachable.ts on vti_core flattened with
// its submodules): claims are grouped per submodule instance / top-level wire and each group
// is proved on its fan-in cone, so a constant-by-construction bit inside the core is proven
// (vti_vmsw's illegal_op with VT-i, instance u_vmsw) while a reachable bit that a run never
// toggled (rd_value_q[5]) stays a hole.
import { describe, expect, it } from 'vitest';
import { vtiDesign } from '../../gen/vti.js';
import { moduleSpec } from '../../gen/verilog/index.js';
import { RANDOM_GEN } from '../../sim/cosim/random/layout.js';
import { proveTogglesUnreachable } from '../../formal/unreachable.js';

describe('unreachability on vti_core', () => {
  it('proves u_vmsw.illegal_op constant from reset; leaves the reachable rd_value_q[5] a hole', async () => {
    const files = moduleSpec(vtiDesign('vti_core', RANDOM_GEN)).files;
    const r = await proveTogglesUnreachable(files, 'vti_core', [
      { key: 'vmsw', name: 'illegal_op', instances: [['u_vmsw']], count: 0 },
      { key: 'r2', name: 'rd_value_q[5]', instances: [[]], count: 0 },
    ], { budgetSeconds: 120 });
    expect(r.sequential).toBe(true);
    expect(r.byKey.get('vmsw')).toMatchObject({ verdict: 'unreachable', value: 0 });
    const v = r.byKey.get('vmsw')!;
    expect(v.verdict === 'unreachable' && v.proof).toMatch(/u_vmsw\.illegal_op = 0, constant from reset, temporal induction/);
    expect(r.byKey.get('r2')).toMatchObject({ verdict: 'hole' });
  }, 150_000);
});
