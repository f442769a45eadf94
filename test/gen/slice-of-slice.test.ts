// A slice of a slice selects from the inner slice's operand (hdl/dsl/value.ts `bits`). Verilog
// cannot part-select a part-select, so without the fold the emitter holds the inner slice in a
// temporary wire, and the temporary's unread bits are a Verilator -Wall UNUSED warning the
// unused-bit list (which names signals only) cannot cover — vti_psr hit it.
import { describe, expect, it } from 'vitest';
import { moduleSpec } from '../../gen/verilog/index.js';
import { defineModule, elaborate } from '../../hdl/dsl/index.js';
import { lintVerilog } from '../../sim/lint/index.js';

/** y = a[23:17], z = a[15:13]: two windows of an inner slice a[23:6], its other bits unread. */
const nested = defineModule('slice_of_slice', (m) => {
  const a = m.input('a', 32);
  const inner = m.named('inner_src', a.bits(31, 0).not()).bits(23, 6);
  m.output('y', 7).set(inner.bits(17, 11));
  m.output('z', 3).set(inner.bits(9, 7));
});

describe('slice of a slice', () => {
  it('is one slice of the inner operand, at the summed offsets', () => {
    const ir = elaborate(nested).design.modules.find((x) => x.name === 'slice_of_slice')!;
    const slices = ir.exprs.filter((e) => e.op === 'slice');
    const read = slices.map((e) => (e.op === 'slice' ? `${ir.exprs[e.a]!.op}[${e.hi}:${e.lo}]` : ''));
    expect(read).toContain('ref[23:17]');
    expect(read).toContain('ref[15:13]');
  });

  it('emits no temporary and lints clean in all three lint runs', async () => {
    const spec = moduleSpec(elaborate(nested).design);
    const text = spec.files['slice_of_slice.v']!;
    expect(text).not.toMatch(/_t\d+/);
    expect(text).toMatch(/inner_src\[23:17\]/);
    expect(text).toMatch(/inner_src\[15:13\]/);
    const r = await lintVerilog(spec);
    expect(r.messages.map((x) => `${x.tool}: ${x.message}`)).toEqual([]);
  });
});
