// The core's non-access kinds (arch/non-access.ts, the `non_access_kind` port) against the
// golden model's rule (model/exec/xlate.ts nonAccessIsr), and the lockstep's mapping of the
// decoder's ops onto them (sim/cosim/lockstep/classify.ts).
import { describe, expect, it } from 'vitest';
import { ISR_BIT } from '../../arch/cr.js';
import { NON_ACCESS, type NonAccessKind } from '../../arch/non-access.js';
import { nonAccessIsr } from '../../model/exec/xlate.js';
import { nonAccessKind } from '../../sim/cosim/lockstep/classify.js';

/** The ISR bits the core writes for a fault of `kind` (na, r, w, code{3:0}). */
function coreIsr(kind: NonAccessKind): bigint {
  const k = NON_ACCESS[kind];
  return (
    (1n << BigInt(ISR_BIT.na)) |
    (k.r ? 1n << BigInt(ISR_BIT.r) : 0n) |
    (k.w ? 1n << BigInt(ISR_BIT.w) : 0n) |
    BigInt(k.code)
  );
}

describe('non-access kinds', () => {
  it('each kind writes the ISR the model writes for its instruction', () => {
    const cases: [NonAccessKind, Parameters<typeof nonAccessIsr>[0], string][] = [
      ['TPA', 'tpa', ''],
      ['TAK', 'tak', ''],
      ['FC', 'fc', ''],
      ['LFETCH', 'lfetch', ''],
      ['PROBE_R', 'probe', 'r'],
      ['PROBE_W', 'probe', 'w'],
      ['PROBE_FAULT_R', 'probe_fault', 'r'],
      ['PROBE_FAULT_W', 'probe_fault', 'w'],
      ['PROBE_FAULT_RW', 'probe_fault', 'rw'],
    ];
    expect(cases.map((c) => c[0]).sort()).toEqual(
      Object.keys(NON_ACCESS)
        .filter((k) => k !== 'NONE')
        .sort(),
    );
    for (const [kind, insn, probed] of cases) expect(coreIsr(kind), kind).toBe(nonAccessIsr(insn, probed));
  });

  it('the encodings are distinct and fit the port', () => {
    const values = Object.values(NON_ACCESS).map((k) => k.value);
    expect(new Set(values).size).toBe(values.length);
    expect(NON_ACCESS.NONE.value).toBe(0);
  });

  it('the lockstep maps each decoded op and completer onto its kind', () => {
    expect(nonAccessKind('tpa', '')).toBe('TPA');
    expect(nonAccessKind('tak', '')).toBe('TAK');
    expect(nonAccessKind('fc', '')).toBe('FC');
    expect(nonAccessKind('probe', 'w')).toBe('PROBE_W');
    expect(nonAccessKind('probe_i', 'r')).toBe('PROBE_R');
    expect(nonAccessKind('probe_fault', 'rw')).toBe('PROBE_FAULT_RW');
    expect(nonAccessKind('probe_fault', 'w')).toBe('PROBE_FAULT_W');
    expect(nonAccessKind('lfetch_postreg', 'fault')).toBe('LFETCH');
    expect(nonAccessKind('lfetch', '')).toBe('NONE');
    expect(nonAccessKind('ld', '')).toBe('NONE');
  });
});
