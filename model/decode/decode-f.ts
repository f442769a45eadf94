// Floating-point instruction formats (SDM vol 3 §4.6 F1-F14, §4.4 M6-M10, M18, M19): the F-unit
// arithmetic, compares, classes and moves, and the M-unit FP loads/stores and GR↔FR moves.
// Field names follow the SDM: f1 (target), f2, f3, f4 are kept in r1, r2, r3 and n3; the status
// field in n2. FP loads carry their kind (speculative, advanced, check) in n1 (x6 >> 2).
// Encodings with nonzero reserved fields decode as unsupported.
import { fld, sext, type Slot } from './bundle.js';
import { hex, mk, unsupported, type Insn } from './insn.js';

const F = (n: number) => `f${n}`;
const R = (n: number) => `r${n}`;
const P = (n: number) => `p${n}`;

/** F-unit opcode 0 and 8-0xE, and opcode 4/5 (compare, class). null: not an FP form here. */
export function decodeFpF(s: Slot, op: number, bundleAddr: bigint): Insn | null {
  const qp = fld(s, 0, 6),
    f1 = fld(s, 6, 7),
    f2 = fld(s, 13, 7),
    f3 = fld(s, 20, 7),
    f4 = fld(s, 27, 7),
    sf = fld(s, 34, 2);
  const sfc = `.s${sf}`;
  if (op >= 8 && op <= 0xd) return decodeFma(qp, op, fld(s, 36, 1), sf, f1, f2, f3, f4);
  if (op === 0xe) {
    if (fld(s, 36, 1) === 0) {
      if (sf !== 0) return unsupported('F', qp, 'fselect with nonzero bits 35:34');
      return mk('fselect', 'F', qp, 'fselect', `${F(f1)}=${F(f3)},${F(f4)},${F(f2)}`, {
        r1: f1,
        r2: f2,
        r3: f3,
        n3: f4,
      });
    }
    const kind = (['l', '', 'hu', 'h'] as const)[sf]!;
    if (!kind) return unsupported('F', qp, 'xma x2=1');
    const ops = f2 === 0 ? `${F(f1)}=${F(f3)},${F(f4)}` : `${F(f1)}=${F(f3)},${F(f4)},${F(f2)}`;
    return mk('xma', 'F', qp, `${f2 === 0 ? 'xmpy' : 'xma'}.${kind}`, ops, {
      r1: f1,
      r2: f2,
      r3: f3,
      n3: f4,
      sub: kind,
    });
  }
  if (op === 4) {
    const rel = (['eq', 'lt', 'le', 'unord'] as const)[(fld(s, 33, 1) << 1) | fld(s, 36, 1)]!;
    const p1 = fld(s, 6, 6),
      p2 = fld(s, 27, 6),
      unc = fld(s, 12, 1) === 1;
    return mk('fcmp', 'F', qp, `fcmp.${rel}${unc ? '.unc' : ''}${sfc}`, `${P(p1)},${P(p2)}=${F(f2)},${F(f3)}`, {
      p1,
      p2,
      r2: f2,
      r3: f3,
      n2: sf,
      sub: rel,
      n1: unc ? 1 : 0,
    });
  }
  if (op === 5) {
    if (fld(s, 35, 2) !== 0) return unsupported('F', qp, 'fclass with nonzero bits 36:35');
    const p1 = fld(s, 6, 6),
      p2 = fld(s, 27, 6),
      unc = fld(s, 12, 1) === 1;
    const cls = (f3 << 2) | fld(s, 33, 2);
    return mk('fclass', 'F', qp, `fclass.m${unc ? '.unc' : ''}`, `${P(p1)},${P(p2)}=${F(f2)},${hex(cls)}`, {
      p1,
      p2,
      r2: f2,
      imm: BigInt(cls),
      n1: unc ? 1 : 0,
    });
  }
  if (op === 0) return decodeMisc(s, qp, f1, f2, f3, sf, bundleAddr);
  if (op === 1) return decodeParallelMisc(s, qp, f1, f2, f3, sf);
  return null;
}

function decodeFma(
  qp: number,
  op: number,
  x: number,
  sf: number,
  f1: number,
  f2: number,
  f3: number,
  f4: number,
): Insn {
  const base = (['fma', 'fms', 'fnma'] as const)[(op - 8) >> 1]!;
  // op 8/A/C: x selects .s; op 9/B/D: x = 0 is .d, x = 1 the parallel form.
  if (op & 1 && x) {
    // Parallel fpma/fpms/fpnma: two singles per register (objdump: fpmpy/fpnmpy for f2 = f0).
    const pbase = `fp${base.slice(1)}`;
    const mul = f2 === 0 && base !== 'fms';
    const pmn = mul ? (base === 'fma' ? 'fpmpy' : 'fpnmpy') : pbase;
    const pops = mul ? `${F(f1)}=${F(f3)},${F(f4)}` : `${F(f1)}=${F(f3)},${F(f4)},${F(f2)}`;
    return mk(pbase, 'F', qp, `${pmn}.s${sf}`, pops, { r1: f1, r2: f2, r3: f3, n3: f4, n2: sf, sub: 'simd' });
  }
  const pc = op & 1 ? '.d' : x ? '.s' : '';
  const f = { r1: f1, r2: f2, r3: f3, n3: f4, n2: sf, sub: pc.slice(1) || 'dyn' };
  const sfc = `.s${sf}`;
  // objdump's pseudo-ops: fnorm (f4 = f1, f2 = f0), fmpy/fnmpy (f2 = f0), fadd/fsub (f4 = f1).
  let mn: string = base,
    ops = `${F(f1)}=${F(f3)},${F(f4)},${F(f2)}`;
  if (base === 'fma' && f4 === 1 && f2 === 0) [mn, ops] = ['fnorm', `${F(f1)}=${F(f3)}`];
  else if (base === 'fma' && f2 === 0) [mn, ops] = ['fmpy', `${F(f1)}=${F(f3)},${F(f4)}`];
  else if (base === 'fnma' && f2 === 0) [mn, ops] = ['fnmpy', `${F(f1)}=${F(f3)},${F(f4)}`];
  else if (base === 'fma' && f4 === 1) [mn, ops] = ['fadd', `${F(f1)}=${F(f3)},${F(f2)}`];
  else if (base === 'fms' && f4 === 1) [mn, ops] = ['fsub', `${F(f1)}=${F(f3)},${F(f2)}`];
  return mk(base, 'F', qp, mn + pc + sfc, ops, f);
}

const MISC_X6: Record<number, string> = {
  0x10: 'fmerge.s',
  0x11: 'fmerge.ns',
  0x12: 'fmerge.se',
  0x28: 'fpack',
  0x2c: 'fand',
  0x2d: 'fandcm',
  0x2e: 'for',
  0x2f: 'fxor',
  0x34: 'fswap',
  0x35: 'fswap.nl',
  0x36: 'fswap.nr',
  0x39: 'fmix.lr',
  0x3a: 'fmix.r',
  0x3b: 'fmix.l',
  0x3c: 'fsxt.r',
  0x3d: 'fsxt.l',
};
const MINMAX_X6: Record<number, string> = { 0x14: 'fmin', 0x15: 'fmax', 0x16: 'famin', 0x17: 'famax' };
const FCVT_X6: Record<number, string> = {
  0x18: 'fcvt.fx',
  0x19: 'fcvt.fxu',
  0x1a: 'fcvt.fx.trunc',
  0x1b: 'fcvt.fxu.trunc',
};

function decodeMisc(s: Slot, qp: number, f1: number, f2: number, f3: number, sf: number, bundleAddr: bigint): Insn {
  const sfc = `.s${sf}`;
  if (fld(s, 33, 1) === 1) {
    const p2 = fld(s, 27, 6);
    if (fld(s, 36, 1) === 0)
      return mk('frcpa', 'F', qp, `frcpa${sfc}`, `${F(f1)},${P(p2)}=${F(f2)},${F(f3)}`, {
        r1: f1,
        r2: f2,
        r3: f3,
        p2,
        n2: sf,
      });
    if (f2 !== 0) return unsupported('F', qp, 'frsqrta with nonzero f2 field');
    return mk('frsqrta', 'F', qp, `frsqrta${sfc}`, `${F(f1)},${P(p2)}=${F(f3)}`, { r1: f1, r3: f3, p2, n2: sf });
  }
  const x6 = fld(s, 27, 6);
  // F16 hint.f (x6 0x01, y = 1): no architectural effect, executed as a nop.
  if (x6 === 0x01) {
    const imm = BigInt((fld(s, 36, 1) << 20) | fld(s, 6, 20));
    return mk('nop', 'F', qp, 'hint.f', hex(imm), { imm });
  }
  const misc = MISC_X6[x6];
  if (misc) {
    if (fld(s, 34, 3) !== 0) return unsupported('F', qp, `${misc} with nonzero bits 36:34`);
    const f = { r1: f1, r2: f2, r3: f3, sub: misc };
    // objdump's pseudo-ops of fmerge: mov, fneg (f2 = f3), fabs, fnegabs (f2 = f0).
    if (misc === 'fmerge.s' && f2 === f3) return mk('fmerge', 'F', qp, 'mov', `${F(f1)}=${F(f3)}`, f);
    if (misc === 'fmerge.ns' && f2 === f3) return mk('fmerge', 'F', qp, 'fneg', `${F(f1)}=${F(f3)}`, f);
    if (misc === 'fmerge.s' && f2 === 0) return mk('fmerge', 'F', qp, 'fabs', `${F(f1)}=${F(f3)}`, f);
    if (misc === 'fmerge.ns' && f2 === 0) return mk('fmerge', 'F', qp, 'fnegabs', `${F(f1)}=${F(f3)}`, f);
    const op = misc.startsWith('fmerge') ? 'fmerge' : 'fbits';
    return mk(op, 'F', qp, misc, `${F(f1)}=${F(f2)},${F(f3)}`, f);
  }
  const mm = MINMAX_X6[x6];
  if (mm) {
    if (fld(s, 36, 1) !== 0) return unsupported('F', qp, `${mm} with bit 36 set`);
    return mk('fminmax', 'F', qp, mm + sfc, `${F(f1)}=${F(f2)},${F(f3)}`, { r1: f1, r2: f2, r3: f3, n2: sf, sub: mm });
  }
  const cv = FCVT_X6[x6];
  if (cv) {
    if (f3 !== 0 || fld(s, 36, 1) !== 0) return unsupported('F', qp, `${cv} with nonzero reserved fields`);
    return mk('fcvt_fx', 'F', qp, cv + sfc, `${F(f1)}=${F(f2)}`, { r1: f1, r2: f2, n2: sf, sub: cv });
  }
  if (x6 === 0x1c) {
    if (f3 !== 0 || fld(s, 34, 3) !== 0) return unsupported('F', qp, 'fcvt.xf with nonzero reserved fields');
    return mk('fcvt_xf', 'F', qp, 'fcvt.xf', `${F(f1)}=${F(f2)}`, { r1: f1, r2: f2 });
  }
  if (x6 === 0x04) {
    if (fld(s, 36, 1) !== 0 || f1 !== 0) return unsupported('F', qp, 'fsetc with nonzero reserved fields');
    // amask7 in f2's field, omask7 in f3's.
    return mk('fsetc', 'F', qp, `fsetc${sfc}`, `${hex(f2)},${hex(f3)}`, { n1: f2, n3: f3, n2: sf });
  }
  if (x6 === 0x05) {
    if (fld(s, 36, 1) !== 0 || fld(s, 6, 21) !== 0) return unsupported('F', qp, 'fclrf with nonzero reserved fields');
    return mk('fclrf', 'F', qp, `fclrf${sfc}`, '', { n2: sf });
  }
  if (x6 === 0x08) {
    if (fld(s, 26, 1) !== 0) return unsupported('F', qp, 'fchkf with bit 26 set');
    const target = bundleAddr + (sext((fld(s, 36, 1) << 20) | fld(s, 6, 20), 21) << 4n);
    return mk('fchkf', 'F', qp, `fchkf${sfc}`, hex(target), {
      imm: BigInt.asUintN(64, target),
      n2: sf,
    });
  }
  return unsupported('F', qp, `F-unit opcode 0 x6=0x${x6.toString(16)}`);
}

// ---- M-unit: FP loads and stores (opcode 6, 7), setf (6), getf (4) ----

/** Memory format by x6 & 3 (SDM Table 4-35): e, 8, s, d. */
const FMT = ['e', '8', 's', 'd'] as const;
const LD_HINT = ['', '.nt1', undefined, '.nta'] as const;
/** FP load kinds by x6 >> 2 (SDM Table 4-35, 4-36): the speculative, advanced and check forms. */
export const LDF_KIND: Readonly<Record<number, string>> = {
  0x0: '',
  0x1: '.s',
  0x2: '.a',
  0x3: '.sa',
  0x8: '.c.clr',
  0x9: '.c.nc',
};
const ST_HINT = ['', undefined, undefined, '.nta'] as const;

/** M-unit opcode 6/7 FP memory forms and opcode 4's getf. null: not an FP form. */
export function decodeFpM(s: Slot, op: number): Insn | null {
  const qp = fld(s, 0, 6),
    r1 = fld(s, 6, 7),
    r2 = fld(s, 13, 7),
    r3 = fld(s, 20, 7),
    m = fld(s, 36, 1),
    x = fld(s, 27, 1),
    x6 = fld(s, 30, 6),
    hint = fld(s, 28, 2);
  if (op === 4) {
    if (m !== 0 || x !== 1 || x6 < 0x1c || x6 > 0x1f) return null;
    if (hint !== 0 || r3 !== 0) return unsupported('M', qp, 'getf with nonzero reserved fields');
    const kind = (['sig', 'exp', 's', 'd'] as const)[x6 - 0x1c]!;
    return mk('getf', 'M', qp, `getf.${kind}`, `${R(r1)}=${F(r2)}`, { r1, r2, sub: kind });
  }
  if (op === 6 && x === 1) {
    if (m === 0 && x6 >= 0x1c && x6 <= 0x1f) {
      if (hint !== 0 || r3 !== 0) return unsupported('M', qp, 'setf with nonzero reserved fields');
      const kind = (['sig', 'exp', 's', 'd'] as const)[x6 - 0x1c]!;
      return mk('setf', 'M', qp, `setf.${kind}`, `${F(r1)}=${R(r2)}`, { r1, r2, sub: kind });
    }
    // M11/M12 ldfp8/ldfps/ldfpd, every load kind: f1 = low part, f2 = high part.
    const kind = LDF_KIND[x6 >> 2];
    if ((x6 & 3) !== 0 && kind !== undefined) {
      const h = LD_HINT[hint];
      if (h === undefined) return unsupported('M', qp, `reserved hint ${hint}`);
      const fmt = FMT[x6 & 3]!;
      const mn = `ldfp${fmt}${kind}${h}`,
        n1 = x6 >> 2;
      if (m === 0) return mk('ldfp', 'M', qp, mn, `${F(r1)},${F(r2)}=[${R(r3)}]`, { r1, r2, r3, sub: fmt, n1 });
      const inc = fmt === 's' ? 8 : 16;
      return mk('ldfp', 'M', qp, mn, `${F(r1)},${F(r2)}=[${R(r3)}],${inc}`, {
        r1,
        r2,
        r3,
        sub: fmt,
        n1,
        imm: BigInt(inc),
      });
    }
    return unsupported('M', qp, `ldfp x6=0x${x6.toString(16)}`);
  }
  if (op !== 6 && op !== 7) return null;
  const fmt = FMT[x6 & 3]!;
  const isFill = x6 === 0x1b,
    isSpill = x6 === 0x3b;
  const kind = isFill ? '' : LDF_KIND[x6 >> 2];
  const isLoad = kind !== undefined,
    isStore = (x6 >= 0x30 && x6 <= 0x33) || isSpill;
  if (!isLoad && !isStore)
    return unsupported('M', qp, `FP load/store x6=0x${x6.toString(16)} (speculative, advanced, check or lfetch)`);
  const h = (isLoad ? LD_HINT : ST_HINT)[hint];
  if (h === undefined) return unsupported('M', qp, `reserved hint ${hint}`);
  const mn = (isLoad ? (isFill ? 'ldf.fill' : `ldf${fmt}${kind}`) : isSpill ? 'stf.spill' : `stf${fmt}`) + h;
  const sub = isFill || isSpill ? 'spill' : fmt;
  if (isLoad) {
    // n1: the load kind, x6 >> 2 (0 plain or fill, 1 .s, 2 .a, 3 .sa, 8 .c.clr, 9 .c.nc).
    const n1 = isFill ? 0 : x6 >> 2;
    if (op === 6 && m === 0) {
      if (r2 !== 0) return unsupported('M', qp, 'FP load with nonzero r2 field');
      return mk('ldf', 'M', qp, mn, `${F(r1)}=[${R(r3)}]`, { r1, r3, sub, n1 });
    }
    if (op === 6) return mk('ldf_postreg', 'M', qp, mn, `${F(r1)}=[${R(r3)}],${R(r2)}`, { r1, r2, r3, sub, n1 });
    const imm = sext((fld(s, 36, 1) << 8) | (fld(s, 27, 1) << 7) | r2, 9);
    return mk('ldf_postimm', 'M', qp, mn, `${F(r1)}=[${R(r3)}],${imm}`, { r1, r3, imm, sub, n1 });
  }
  if (op === 6 && m === 0) {
    if (r1 !== 0) return unsupported('M', qp, 'FP store with nonzero r1 field');
    return mk('stf', 'M', qp, mn, `[${R(r3)}]=${F(r2)}`, { r2, r3, sub });
  }
  if (op === 6) return unsupported('M', qp, 'FP store with register post-increment');
  const imm = sext((fld(s, 36, 1) << 8) | (fld(s, 27, 1) << 7) | r1, 9);
  return mk('stf_postimm', 'M', qp, mn, `[${R(r3)}]=${F(r2)},${imm}`, { r2, r3, imm, sub });
}

const PMERGE_X6: Record<number, string> = { 0x10: 'fpmerge.s', 0x11: 'fpmerge.ns', 0x12: 'fpmerge.se' };
const PCMP_X6: Record<number, string> = {
  0x30: 'eq',
  0x31: 'lt',
  0x32: 'le',
  0x33: 'unord',
  0x34: 'neq',
  0x35: 'nlt',
  0x36: 'nle',
  0x37: 'ord',
};
const PMINMAX_X6: Record<number, string> = { 0x14: 'fpmin', 0x15: 'fpmax', 0x16: 'fpamin', 0x17: 'fpamax' };

/** F-unit opcode 1: the parallel merges and min/max (the other parallel forms are not covered). */
function decodeParallelMisc(s: Slot, qp: number, f1: number, f2: number, f3: number, sf: number): Insn {
  if (fld(s, 33, 1) === 1) {
    const p2 = fld(s, 27, 6);
    if (fld(s, 36, 1) === 0)
      return mk('fprcpa', 'F', qp, `fprcpa.s${sf}`, `${F(f1)},${P(p2)}=${F(f2)},${F(f3)}`, {
        r1: f1,
        r2: f2,
        r3: f3,
        p2,
        n2: sf,
      });
    if (f2 !== 0) return unsupported('F', qp, 'fprsqrta with nonzero f2 field');
    return mk('fprsqrta', 'F', qp, `fprsqrta.s${sf}`, `${F(f1)},${P(p2)}=${F(f3)}`, { r1: f1, r3: f3, p2, n2: sf });
  }
  const x6 = fld(s, 27, 6);
  const merge = PMERGE_X6[x6];
  if (merge) {
    if (fld(s, 34, 3) !== 0) return unsupported('F', qp, `${merge} with nonzero bits 36:34`);
    const f = { r1: f1, r2: f2, r3: f3, sub: merge };
    // objdump's pseudo-ops (no fpmov): fpabs (f2 = f0), fpneg (f2 = f3), fpnegabs (f2 = f0).
    if (merge === 'fpmerge.s' && f2 === 0) return mk('fpmerge', 'F', qp, 'fpabs', `${F(f1)}=${F(f3)}`, f);
    if (merge === 'fpmerge.ns' && f2 === f3) return mk('fpmerge', 'F', qp, 'fpneg', `${F(f1)}=${F(f3)}`, f);
    if (merge === 'fpmerge.ns' && f2 === 0) return mk('fpmerge', 'F', qp, 'fpnegabs', `${F(f1)}=${F(f3)}`, f);
    return mk('fpmerge', 'F', qp, merge, `${F(f1)}=${F(f2)},${F(f3)}`, f);
  }
  // f1 = f2 op f3 with status field sf; sub tells the operation apart.
  const binary = (op: string, name: string, sub: string) =>
    mk(op, 'F', qp, `${name}.s${sf}`, `${F(f1)}=${F(f2)},${F(f3)}`, { r1: f1, r2: f2, r3: f3, n2: sf, sub });
  const mm = PMINMAX_X6[x6];
  if (mm) {
    if (fld(s, 36, 1) !== 0) return unsupported('F', qp, `${mm} with bit 36 set`);
    return binary('fpminmax', mm, mm);
  }
  const rel = PCMP_X6[x6];
  if (rel) {
    if (fld(s, 36, 1) !== 0) return unsupported('F', qp, 'fpcmp with bit 36 set');
    return binary('fpcmp', `fpcmp.${rel}`, rel);
  }
  const cv = FCVT_X6[x6];
  if (cv) {
    if (f3 !== 0 || fld(s, 36, 1) !== 0) return unsupported('F', qp, `fp${cv.slice(1)} with nonzero reserved fields`);
    return mk('fpcvt_fx', 'F', qp, `fp${cv.slice(1)}.s${sf}`, `${F(f1)}=${F(f2)}`, { r1: f1, r2: f2, n2: sf, sub: cv });
  }
  return unsupported('F', qp, `F-unit opcode 1 x6=0x${x6.toString(16)}`);
}
