// Register rotation (model/exec/rotate.ts) and the modulo-scheduled branch updates, with
// expected values from the SDM: logical register r of a rotating region [base, base+size)
// names physical base + ((r − base + rrb) mod size) (vol 1 §4.5.1); a rotation decrements
// every rrb, so what r32 named is named r33 afterwards; br.ctop/cexit/wtop/wexit update LC,
// EC and PR[63] as the vol 3 br pages tabulate.
import { describe, expect, it } from 'vitest';
import { Emulator } from '../../model/emulator.js';
import { modSchedBranch } from '../../model/exec/compile-br.js';
import type { Machine } from '../../model/exec/machine.js';
import { frameSlotReg, prSlot, rotateOnce, rotatedIndex, setRrb } from '../../model/exec/rotate.js';

const AR_LC = 65,
  AR_EC = 66;

function machine(sof: number, sor: number): Machine {
  const m = new Emulator({}).machine;
  m.sof = sof;
  m.sor = sor;
  for (let i = 0; i < sof; i++) m.setGr(32 + i, BigInt(i));
  return m;
}

describe('the rotation mapping', () => {
  it('renames inside the region only, modulo its size', () => {
    expect(rotatedIndex(32, 32, 96, 1)).toBe(33);
    expect(rotatedIndex(127, 32, 96, 1)).toBe(32);
    expect(rotatedIndex(31, 32, 96, 5)).toBe(31);
    expect(rotatedIndex(16, 16, 48, 47)).toBe(63);
    expect(rotatedIndex(63, 16, 48, 47)).toBe(62);
    expect(rotatedIndex(40, 32, 8, 3)).toBe(40); // beyond CFM.sor: not rotating
    expect(rotatedIndex(33, 32, 0, 3)).toBe(33);
  });

  it('one rotation: r33 names what r32 named, r32 what the last rotating register named', () => {
    const m = machine(16, 8);
    rotateOnce(m);
    expect(m.rrbGr).toBe(7);
    expect(m.rrbFr).toBe(95);
    expect(m.rrbPr).toBe(47);
    expect(m.gr(33)).toBe(0n);
    expect(m.gr(32)).toBe(7n);
    expect(m.gr(39)).toBe(6n);
    expect(m.gr(40)).toBe(8n); // outside the rotating region
    // Physical slot 0 (the frame's first register) is now named r33.
    expect(frameSlotReg(m, 0)).toBe(33);
    expect(frameSlotReg(m, 7)).toBe(32);
  });

  it('predicates rotate over p16-p63; broadside moves see them as if rrb.pr were 0', () => {
    const m = machine(0, 0);
    m.pr[63] = 1;
    m.pr[16] = 0;
    rotateOnce(m);
    expect(m.pr[16]).toBe(1);
    expect(prSlot(m, 63)).toBe(16); // physical p63 is logical p16 with rrb.pr = 47
    expect(prSlot(m, 5)).toBe(5);
    setRrb(m, m.rrbGr, m.rrbFr, 0);
    expect(m.pr[63]).toBe(1);
  });
});

describe('modulo-scheduled branches', () => {
  function loop(counted: boolean, lc: number, ec: number, qpValue = 0) {
    const m = machine(8, 8);
    m.arLo[AR_LC] = lc;
    m.arLo[AR_EC] = ec;
    m.pr[1] = qpValue;
    const taken = modSchedBranch(m, counted, 1);
    return { taken, lc: m.arLo[AR_LC], ec: m.arLo[AR_EC], p63: m.pr[16], rrb: m.rrbGr };
  }

  it('br.ctop: LC counts the kernel (PR[63] = 1), then EC the epilogue; stops without rotating', () => {
    expect(loop(true, 2, 3)).toEqual({ taken: true, lc: 1, ec: 3, p63: 1, rrb: 7 });
    expect(loop(true, 0, 3)).toEqual({ taken: true, lc: 0, ec: 2, p63: 0, rrb: 7 });
    expect(loop(true, 0, 1)).toEqual({ taken: false, lc: 0, ec: 0, p63: 0, rrb: 7 });
    expect(loop(true, 0, 0)).toEqual({ taken: false, lc: 0, ec: 0, p63: 0, rrb: 0 });
  });

  it('br.wtop: the qualifying predicate continues the kernel, PR[63] is always 0', () => {
    expect(loop(false, 5, 3, 1)).toEqual({ taken: true, lc: 5, ec: 3, p63: 0, rrb: 7 });
    expect(loop(false, 5, 2, 0)).toEqual({ taken: true, lc: 5, ec: 1, p63: 0, rrb: 7 });
    expect(loop(false, 5, 1, 0)).toEqual({ taken: false, lc: 5, ec: 0, p63: 0, rrb: 7 });
    expect(loop(false, 5, 0, 0)).toEqual({ taken: false, lc: 5, ec: 0, p63: 0, rrb: 0 });
  });
});
