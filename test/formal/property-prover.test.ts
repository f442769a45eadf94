// Safety properties (formal/properties.ts) proved on the generated RTL, and found failing, with
// a counterexample, on wrong variants of the references.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BLOCK_NAMES, BLOCKS } from '../../blocks/registry.js';
import { blockProperties } from '../../formal/blocks.js';
import { proveProperties } from '../../formal/property-prover.js';
import { DEFAULT_CONFIG, vtiSpec } from '../../gen/vti.js';

const src = (n: string) => readFileSync(new URL(`../../formal/ref/${n}.v`, import.meta.url), 'utf8');

describe('block properties', () => {
  for (const b of BLOCK_NAMES) {
    it(`hold on the generated ${b}`, async () => {
      const r = await proveProperties({ files: vtiSpec(b).files, top: b }, blockProperties(b), {
        sequential: BLOCKS[b].sequential,
      });
      expect(r.map((x) => [x.name, x.verdict])).toEqual(blockProperties(b).map((p) => [p.name, 'holds']));
    });
  }

  it('hold on the generated vti_psr and vti_vmsw without VT-i (incl. vm tied to 0)', async () => {
    const o = { ...DEFAULT_CONFIG, vmImplemented: false };
    for (const b of ['vti_psr', 'vti_vmsw'] as const) {
      const props = blockProperties(b, o);
      const r = await proveProperties({ files: vtiSpec(b, o).files, top: b }, props, {
        sequential: BLOCKS[b].sequential,
      });
      expect(
        r.every((x) => x.verdict === 'holds'),
        JSON.stringify(r),
      ).toBe(true);
    }
    expect(blockProperties('vti_psr', { ...DEFAULT_CONFIG, vmImplemented: false }).map((p) => p.name)).toContain(
      'vm is tied to 0 without VT-i',
    );
  });

  it('fail on a PSR that writes despite rsv_fault, with a counterexample of that step', async () => {
    const text = src('ref_vti_psr').replace('        if (rsv_fault) next = psr;\n', '');
    const r = await proveProperties({ files: { 'p.v': text }, top: 'ref_vti_psr' }, blockProperties('vti_psr'), {
      sequential: true,
    });
    const bad = r.find((x) => x.name === 'rsv_fault = 1 leaves the PSR unchanged')!;
    expect(bad.verdict).toBe('fails');
    const steps = bad.counterexample!;
    const cause = steps[steps.length - 2]!;
    expect(cause.signals.rsv_fault!.hex).toBe('0x1');
    expect(cause.signals.rst!.hex).toBe('0x0');
    expect(steps[steps.length - 1]!.signals.psr!.hex).not.toBe(cause.signals.psr!.hex);
    expect(bad.table).toMatch(/^step +\| 1 \(reset, not checked\) \|/);
    expect(r.find((x) => x.name === 'ipsr_save is psr with ri <- slot')!.verdict).toBe('holds');
  });

  it('fail on a priority encoder whose lowest-priority row wins', async () => {
    const text = src('ref_vti_fault_prio').replace(
      'for (i = 55; i >= 0; i = i - 1)',
      'for (i = 0; i <= 55; i = i + 1)',
    );
    const r = await proveProperties(
      { files: { 'f.v': text }, top: 'ref_vti_fault_prio' },
      blockProperties('vti_fault_prio'),
    );
    const bad = r.find((x) => x.name === 'no pending row ranks above the winner')!;
    expect(bad.verdict).toBe('fails');
    const p = BigInt(bad.counterexample![0]!.signals.pending!.hex);
    expect(p & (p - 1n)).not.toBe(0n); // at least two rows pending
    expect(r.filter((x) => x.verdict === 'fails').map((x) => x.name)).toEqual([
      'no pending row ranks above the winner',
    ]);
  });
});
