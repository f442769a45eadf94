// vti_addr_check reference: concrete addresses worked out by hand from architecture.md §7,
// scalar vs batched agreement over several configurations, exact option errors.
import { describe, expect, it } from 'vitest';
import {
  addrCheckScalar,
  ADDR_CHECK_INPUTS,
  ADDR_CHECK_OUTPUTS,
  createAddrCheckModel,
  type AddrCheckOptions,
} from '../../../model/blocks/addr-check.js';
import { directedAddrCheck, packVectors, randomAddrCheck } from '../../../model/blocks/vectors.js';
import { mismatches } from './scalar-check.js';

/** [addr, vm, phys, unimpl, monitor_only] */
type Row = [bigint, number, number, 0 | 1, 0 | 1];

// IMPL_VA_MSB 55, guestShrink 1: M = 55 for vm 0, 54 for vm 1; IMPL_PA_MSB 40.
const CFG55: AddrCheckOptions = { implVaMsb: 55, guestShrink: 1, implPaMsb: 40 };
const ROWS55: [string, Row[]][] = [
  [
    'bit 60 set, bits 59..55 clear: bits 60..M+1 ≠ bit M for both vm',
    [
      [0x1000_0000_0000_0000n, 0, 0, 1, 0],
      [0x1000_0000_0000_0000n, 1, 0, 1, 0],
    ],
  ],
  [
    'bits 60..55 set, bit 54 clear: implemented for vm 0 only (monitor-only)',
    [
      [0x1f80_0000_0000_0000n, 0, 0, 0, 1],
      [0x1f80_0000_0000_0000n, 1, 0, 1, 1],
    ],
  ],
  [
    'bits 60..54 set: implemented for both',
    [
      [0x1fc0_0000_0000_0000n, 0, 0, 0, 0],
      [0x1fc0_0000_0000_0000n, 1, 0, 0, 0],
      [0xffff_ffff_ffff_ffffn, 1, 0, 0, 0],
    ],
  ],
  [
    'bit 54 alone: vm 0 yes, vm 1 no',
    [
      [0x0040_0000_0000_0000n, 0, 0, 0, 1],
      [0x0040_0000_0000_0000n, 1, 0, 1, 1],
    ],
  ],
  [
    'bit 53 alone: below both M',
    [
      [0x0020_0000_0000_0000n, 0, 0, 0, 0],
      [0x0020_0000_0000_0000n, 1, 0, 0, 0],
    ],
  ],
  [
    'region 7, bits 60..55 clear, bit 54 set',
    [
      [0xe07f_ffff_ffff_ffffn, 0, 0, 0, 1],
      [0xe07f_ffff_ffff_ffffn, 1, 0, 1, 1],
    ],
  ],
  [
    'region bits alone are always implemented',
    [
      [0xe000_0000_0000_0000n, 1, 0, 0, 0],
      [0x2000_0000_0000_1234n, 0, 0, 0, 0],
    ],
  ],
  ['bit 56 flipped in an otherwise sign-extended address', [[0xfeff_ffff_ffff_ffffn, 0, 0, 1, 0]]],
  [
    'physical: bit 40 ok, bit 41 and bit 62 not, bit 63 ignored, vm irrelevant, never monitor-only',
    [
      [0x0000_0100_0000_0000n, 0, 1, 0, 0],
      [0x0000_0200_0000_0000n, 0, 1, 1, 0],
      [0x0000_0200_0000_0000n, 1, 1, 1, 0],
      [0x4000_0000_0000_0000n, 1, 1, 1, 0],
      [0x8000_01ff_ffff_ffffn, 1, 1, 0, 0],
      [0x1f80_0000_0000_0000n, 1, 1, 1, 0],
    ],
  ],
];
// Defaults: IMPL_VA_MSB 60 (guest 59), IMPL_PA_MSB 62.
const ROWS_DEFAULT: [string, Row[]][] = [
  [
    'bit 60 alone: nothing above M = 60 to compare for vm 0; for vm 1 bit 60 ≠ bit 59',
    [
      [0x1000_0000_0000_0000n, 0, 0, 0, 1],
      [0x1000_0000_0000_0000n, 1, 0, 1, 1],
    ],
  ],
  ['bits 60 and 59: implemented for both', [[0x1800_0000_0000_0000n, 1, 0, 0, 0]]],
  [
    'bit 59 alone: vm 1 no',
    [
      [0x0800_0000_0000_0000n, 1, 0, 1, 1],
      [0x0800_0000_0000_0000n, 0, 0, 0, 1],
    ],
  ],
  [
    'physical with IMPL_PA_MSB 62: every address implemented',
    [
      [0xffff_ffff_ffff_ffffn, 0, 1, 0, 0],
      [0x4000_0000_0000_0000n, 1, 1, 0, 0],
    ],
  ],
];
// Without VT the vm input is ignored and nothing is monitor-only (IMPL_VA_MSB 50 allowed).
const ROWS_NOVT: [string, Row[]][] = [
  [
    'vm ignored without VT',
    [
      [0x0004_0000_0000_0000n, 1, 0, 1, 0],
      [0x0006_0000_0000_0000n, 1, 0, 1, 0],
      [0x1ffc_0000_0000_0000n, 1, 0, 0, 0],
    ],
  ],
];

function checkRows(opts: AddrCheckOptions, groups: [string, Row[]][]) {
  const m = createAddrCheckModel(opts);
  for (const [name, rows] of groups) {
    for (const [a, vm, phys, unimpl, monitorOnly] of rows)
      expect(addrCheckScalar(a, vm, phys, opts), `${name}: 0x${a.toString(16)} vm=${vm} phys=${phys}`).toEqual({
        unimpl,
        monitorOnly,
      });
    const st = packVectors(
      ADDR_CHECK_INPUTS,
      rows.map(([addr, vm, phys]) => ({ label: name, v: { addr, vm, phys } })),
    );
    const o = m.evalBatch(st.inputs, st.count);
    rows.forEach(([a, , , unimpl, mon], i) => {
      expect([o.unimpl![i], o.monitor_only![i]], `${name}: batch 0x${a.toString(16)}`).toEqual([unimpl, mon]);
    });
  }
}

describe('vti_addr_check hand-written §7 cases', () => {
  it('IMPL_VA_MSB 55, guestShrink 1, IMPL_PA_MSB 40', () => checkRows(CFG55, ROWS55));
  it('defaults', () => checkRows({}, ROWS_DEFAULT));
  it('vmImplemented false, IMPL_VA_MSB 50', () => checkRows({ vmImplemented: false, implVaMsb: 50 }, ROWS_NOVT));
  it('guestShrink 3: M = 52 for vm 1', () =>
    checkRows({ implVaMsb: 55, guestShrink: 3 }, [
      ['bits 60..52 set', [[0x1ff0_0000_0000_0000n, 1, 0, 0, 0]]],
      [
        'bits 60..53 set, bit 52 clear',
        [
          [0x1fe0_0000_0000_0000n, 1, 0, 1, 1],
          [0x1fe0_0000_0000_0000n, 0, 0, 0, 1],
        ],
      ],
    ]));
});

const scalar = (o: AddrCheckOptions) => (v: Record<string, bigint>) => {
  const r = addrCheckScalar(v.addr!, Number(v.vm), Number(v.phys), o);
  return { unimpl: BigInt(r.unimpl), monitor_only: BigInt(r.monitorOnly) };
};

describe('vti_addr_check batched reference', () => {
  const configs: AddrCheckOptions[] = [
    {},
    CFG55,
    { implVaMsb: 51, implPaMsb: 31 },
    { implVaMsb: 60, guestShrink: 10, implPaMsb: 61 },
    { implVaMsb: 57, guestShrink: 2, implPaMsb: 47 },
    { vmImplemented: false, implVaMsb: 50, guestShrink: 5 },
  ];
  for (const opts of configs)
    it(`= scalar on directed and random vectors ${JSON.stringify(opts)}`, () => {
      const m = createAddrCheckModel(opts);
      for (const st of [
        directedAddrCheck(opts),
        randomAddrCheck(20_000, { seed: 7, options: opts }),
        randomAddrCheck(3_000, { options: opts }),
      ])
        expect(
          mismatches(st, ADDR_CHECK_INPUTS, ADDR_CHECK_OUTPUTS, m.evalBatch(st.inputs, st.count), scalar(opts)),
        ).toBe('');
    });

  it('random stimulus is not degenerate: both outcomes and monitor-only addresses occur', () => {
    const st = randomAddrCheck(10_000, { seed: 3, options: CFG55 });
    const o = createAddrCheckModel(CFG55).evalBatch(st.inputs, st.count);
    const ones = (c: Uint32Array) => c.reduce((s, x) => s + x, 0);
    expect(ones(o.unimpl!)).toBeGreaterThan(1000);
    expect(ones(o.unimpl!)).toBeLessThan(9000);
    expect(ones(o.monitor_only!)).toBeGreaterThan(300);
  });
});

describe('vti_addr_check options', () => {
  const err = (o: object, msg: string) =>
    expect(() => createAddrCheckModel(o as AddrCheckOptions)).toThrow(new Error(msg));
  it('rejects bad configurations with the arch/config.ts messages', () => {
    err({ implVaMsb: 50 }, 'vti_addr_check: no room for a guest: IMPL_VA_MSB 50 - guestShrink 1 = 49 is below 50');
    err(
      { implVaMsb: 55, guestShrink: 6 },
      'vti_addr_check: no room for a guest: IMPL_VA_MSB 55 - guestShrink 6 = 49 is below 50',
    );
    err({ implVaMsb: 61 }, 'vti_addr_check: IMPL_VA_MSB 61 is out of range: allowed 50..60');
    err({ implPaMsb: 30 }, 'vti_addr_check: IMPL_PA_MSB 30 is out of range: allowed 31..62');
    err({ guestShrink: 0 }, 'vti_addr_check: guestShrink 0 is out of range: must be an integer >= 1');
    err(
      { implVaMsb: 49, implPaMsb: 63 },
      'vti_addr_check: IMPL_VA_MSB 49 is out of range: allowed 50..60; IMPL_PA_MSB 63 is out of range: allowed 31..62',
    );
    err({ implVaMsb: '60' }, 'vti_addr_check: option implVaMsb must be a number, got "60"');
    err({ vt: true }, "vti_addr_check: unknown option 'vt' (known: implVaMsb, implPaMsb, guestShrink, vmImplemented)");
    expect(() => addrCheckScalar(0n, 0, 0, { implVaMsb: 50 })).toThrow('no room for a guest');
  });
  it('accepts the no-guest configuration without VT', () => {
    expect(createAddrCheckModel({ vmImplemented: false, implVaMsb: 50 }).options).toEqual({
      implVaMsb: 50,
      implPaMsb: 62,
      guestShrink: 1,
      vmImplemented: false,
    });
  });
});
