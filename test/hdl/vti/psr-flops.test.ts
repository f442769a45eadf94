// vti_psr stores only the architected PSR bits (issue 18): its flip-flops, in the IR and after
// Yosys synthesis, are exactly the bits of the fields of arch/psr.ts — no reserved bit is a
// flip-flop (the reserved bits read 0 as constants).
import { describe, expect, it } from 'vitest';
import { PSR_FIELDS } from '../../../arch/psr.js';
import { synthStats } from '../../../formal/stats.js';
import { DEFAULT_CONFIG, vtiDesign, vtiSpec } from '../../../gen/vti.js';
import { budget } from '../../budget.js';

const architected = PSR_FIELDS.reduce((w, f) => w + f.width, 0);

describe('vti_psr flip-flops = architected PSR bits', () => {
  it('the register bits of the IR', () => {
    const m = vtiDesign('vti_psr', DEFAULT_CONFIG).modules.find((x) => x.name === 'vti_psr')!;
    const regBits = m.signals.filter((s) => s.kind === 'reg').reduce((w, s) => w + s.width, 0);
    expect(architected).toBeLessThan(64);
    expect(regBits).toBe(architected);
  });
  it('the iCE40 flip-flops after synthesis', { timeout: budget(120_000) }, async () => {
    const s = await synthStats(vtiSpec('vti_psr', DEFAULT_CONFIG).files, 'vti_psr');
    expect(s.ice40.ffs).toBe(architected);
  });
});
