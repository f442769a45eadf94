// M-unit formats (SDM vol 3 §4.4): integer loads/stores, system/memory-management, moves to
// and from CR/PSR/AR and the indirect register files, TLB instructions, alloc, break/nop.
import { fld, sext, type Slot } from './bundle.js';
import { decodeFpM } from './decode-f.js';
import { hex, mk, unsupported, type Insn } from './insn.js';
import { arName, crName } from './names.js';

const R = (n: number) => `r${n}`;

export function decodeM(s: Slot, op: number, bundleAddr = 0n): Insn {
  const qp = fld(s, 0, 6),
    r1 = fld(s, 6, 7),
    r2 = fld(s, 13, 7),
    r3 = fld(s, 20, 7);
  // lfetch shares major opcodes 6/7 with the FP loads and stores: it is decided first.
  if (op === 6 || op === 7) {
    const lf = decodeLfetch(s, op, qp, r2, r3);
    if (lf) return lf;
  }
  const fp = decodeFpM(s, op);
  if (fp) return fp;
  switch (op) {
    case 0:
      return fld(s, 33, 3) >= 4 ? decodeCheck(s, 'M', qp, bundleAddr) : decodeSys0(s, qp, r2, r3);
    case 1:
      return fld(s, 33, 3) === 1 || fld(s, 33, 3) === 3
        ? decodeCheck(s, 'M', qp, bundleAddr)
        : decodeSys1(s, qp, r1, r2, r3);
    case 4:
    case 5:
      return decodeLdSt(s, op, qp, r1, r2, r3);
  }
  return unsupported('M', qp, `M-unit major opcode ${op}`);
}

const SM = ['sum', 'rum', 'ssm', 'rsm'] as const;

function decodeSys0(s: Slot, qp: number, r2: number, r3: number): Insn {
  const x3 = fld(s, 33, 3),
    x4 = fld(s, 27, 4),
    x2 = fld(s, 31, 2);
  if (x3 !== 0) return unsupported('M', qp, `M-unit opcode 0 x3=${x3} (chk)`);
  // M24 invala, M26 invala.e r1, M27 invala.e f1 (sub: the register file of the entry).
  if (x2 === 1 && x4 === 0) return mk('invala', 'M', qp, 'invala', '');
  if (x2 === 1 && x4 === 2) return mk('invala', 'M', qp, 'invala.e', R(fld(s, 6, 7)), { r1: fld(s, 6, 7), sub: 'gr' });
  if (x2 === 1 && x4 === 3)
    return mk('invala', 'M', qp, 'invala.e', `f${fld(s, 6, 7)}`, { r1: fld(s, 6, 7), sub: 'fr' });
  if (x4 >= 4 && x4 <= 7) {
    // M44: imm24 = i · i2d · imm21a.
    const imm = BigInt((fld(s, 36, 1) << 23) | (x2 << 21) | fld(s, 6, 21));
    const name = SM[x4 - 4]!;
    return mk(name, 'M', qp, name, hex(imm), { imm });
  }
  const imm21 = BigInt((fld(s, 36, 1) << 20) | fld(s, 6, 20));
  if (x2 === 0 && x4 === 0) return mk('break', 'M', qp, 'break.m', hex(imm21), { imm: imm21 });
  // M25 register stack: loadrs (x4 0xa), flushrs (x4 0xc). The format has no qualifying
  // predicate (objdump shows none): they always execute.
  if (x2 === 0 && x4 === 0xa) return mk('loadrs', 'M', 0, 'loadrs', '');
  if (x2 === 0 && x4 === 0xc) return mk('flushrs', 'M', 0, 'flushrs', '');
  if (x2 === 0 && x4 === 1) {
    // hint.m (y = 1): no architected hint, a nop. objdump prints its immediate in decimal.
    if (fld(s, 26, 1)) return mk('nop', 'M', qp, 'hint.m', imm21.toString(), { imm: imm21 });
    return mk('nop', 'M', qp, 'nop.m', hex(imm21), { imm: imm21 });
  }
  if (x2 === 2 && x4 === 8) {
    // M30 mov.m ar3=imm8.
    const imm = sext((fld(s, 36, 1) << 7) | r2, 8);
    return mk('mov_to_ar_imm', 'M', qp, 'mov.m', `${arName(r3)}=${imm}`, { n1: r3, imm });
  }
  // M24/M25: serialization and memory fences have no architectural effect in this model.
  const simple: Record<string, string> = {
    '3.0': 'srlz.d',
    '3.1': 'srlz.i',
    '3.3': 'sync.i',
    '2.2': 'mf',
    '2.3': 'mf.a',
    '2.0': 'fwb',
  };
  const name = simple[`${x2}.${x4}`];
  if (name) return mk('srlz', 'M', qp, name, '', { sub: name });
  return unsupported('M', qp, `M-unit opcode 0 x2=${x2} x4=${x4}`);
}

// M42 moves to indirect register files (x6 0x00-0x05) and M43 moves from them (0x10-0x17).
/** The indirect register files, as the `sub` of mov_to_ind / mov_from_ind. */
export const IND = ['rr', 'dbr', 'ibr', 'pkr', 'pmc', 'pmd'] as const;

function decodeSys1(s: Slot, qp: number, r1: number, r2: number, r3: number): Insn {
  const x3 = fld(s, 33, 3),
    x6 = fld(s, 27, 6);
  if (x3 === 6) {
    // M34 alloc r1=ar.pfs,i,l,o,r: sof, sol, sor (in units of 8) fields.
    const sof = r2,
      sol = r3,
      sor = fld(s, 27, 4);
    // alloc cannot be predicated: the qp field is ignored (objdump prints no predicate; Ski
    // executes it whatever the field holds: alloc-qp).
    return mk('alloc', 'M', 0, 'alloc', `${R(r1)}=ar.pfs,${sof},${sol},${sor * 8}`, { r1, n1: sof, n2: sol, n3: sor });
  }
  if (x3 !== 0) return unsupported('M', qp, `M-unit opcode 1 x3=${x3}`);
  if (x6 <= 0x05) return mk('mov_to_ind', 'M', qp, 'mov', `${IND[x6]}[${R(r3)}]=${R(r2)}`, { r2, r3, sub: IND[x6] });
  if (x6 >= 0x10 && x6 <= 0x15)
    return mk('mov_from_ind', 'M', qp, 'mov', `${R(r1)}=${IND[x6 - 0x10]}[${R(r3)}]`, { r1, r3, sub: IND[x6 - 0x10] });
  const imm2 = BigInt(fld(s, 13, 2));
  switch (x6) {
    case 0x09:
      return mk('ptc_l', 'M', qp, 'ptc.l', `${R(r3)},${R(r2)}`, { r2, r3 });
    case 0x0a:
      return mk('ptc_g', 'M', qp, 'ptc.g', `${R(r3)},${R(r2)}`, { r2, r3 });
    case 0x0b:
      return mk('ptc_ga', 'M', qp, 'ptc.ga', `${R(r3)},${R(r2)}`, { r2, r3 });
    case 0x0c:
      return mk('ptr_d', 'M', qp, 'ptr.d', `${R(r3)},${R(r2)}`, { r2, r3 });
    case 0x0d:
      return mk('ptr_i', 'M', qp, 'ptr.i', `${R(r3)},${R(r2)}`, { r2, r3 });
    case 0x0e:
      return mk('itr_d', 'M', qp, 'itr.d', `dtr[${R(r3)}]=${R(r2)}`, { r2, r3 });
    case 0x0f:
      return mk('itr_i', 'M', qp, 'itr.i', `itr[${R(r3)}]=${R(r2)}`, { r2, r3 });
    // MSR and DAHR moves (x6 0x06, 0x16, 0x20) are Itanium 9500 additions that the SDM 2.3
    // does not define; this model is an SDM 2.3 processor without those register files, so the
    // opcodes are unimplemented there: Illegal Operation fault.
    case 0x06:
      return mk('unimplemented_op', 'M', qp, 'mov', `msr[${R(r3)}]=${R(r2)}`);
    case 0x16:
      return mk('unimplemented_op', 'M', qp, 'mov', `${R(r1)}=msr[${R(r3)}]`);
    case 0x20:
      return mk('unimplemented_op', 'M', qp, 'mov', `${R(r1)}=dahr[${R(r3)}]`);
    case 0x17:
      return mk('mov_from_cpuid', 'M', qp, 'mov', `${R(r1)}=cpuid[${R(r3)}]`, { r1, r3 });
    case 0x18:
      return mk('probe_i', 'M', qp, 'probe.r', `${R(r1)}=${R(r3)},${imm2}`, { r1, r3, imm: imm2, sub: 'r' });
    case 0x19:
      return mk('probe_i', 'M', qp, 'probe.w', `${R(r1)}=${R(r3)},${imm2}`, { r1, r3, imm: imm2, sub: 'w' });
    case 0x1a:
      return mk('thash', 'M', qp, 'thash', `${R(r1)}=${R(r3)}`, { r1, r3 });
    case 0x1b:
      return mk('ttag', 'M', qp, 'ttag', `${R(r1)}=${R(r3)}`, { r1, r3 });
    case 0x1e:
      return mk('tpa', 'M', qp, 'tpa', `${R(r1)}=${R(r3)}`, { r1, r3 });
    case 0x1f:
      return mk('tak', 'M', qp, 'tak', `${R(r1)}=${R(r3)}`, { r1, r3 });
    case 0x21:
      return mk('mov_from_psr_um', 'M', qp, 'mov', `${R(r1)}=psr.um`, { r1 });
    case 0x22:
      return mk('mov_from_ar', 'M', qp, 'mov.m', `${R(r1)}=${arName(r3)}`, { r1, n1: r3 });
    case 0x24:
      return mk('mov_from_cr', 'M', qp, 'mov', `${R(r1)}=${crName(r3)}`, { r1, n1: r3 });
    case 0x25:
      return mk('mov_from_psr', 'M', qp, 'mov', `${R(r1)}=psr`, { r1 });
    case 0x29:
      return mk('mov_to_psr_um', 'M', qp, 'mov', `psr.um=${R(r2)}`, { r2 });
    case 0x2a:
      return mk('mov_to_ar', 'M', qp, 'mov.m', `${arName(r3)}=${R(r2)}`, { n1: r3, r2 });
    case 0x2c:
      return mk('mov_to_cr', 'M', qp, 'mov', `${crName(r3)}=${R(r2)}`, { n1: r3, r2 });
    case 0x2d:
      return mk('mov_to_psr_l', 'M', qp, 'mov', `psr.l=${R(r2)}`, { r2 });
    case 0x2e:
      return mk('itc_d', 'M', qp, 'itc.d', R(r2), { r2 });
    case 0x2f:
      return mk('itc_i', 'M', qp, 'itc.i', R(r2), { r2 });
    case 0x30:
      return mk('fc', 'M', qp, fld(s, 36, 1) ? 'fc.i' : 'fc', R(r3), { r3 });
    case 0x31:
      return mk('probe_fault', 'M', qp, 'probe.rw.fault', `${R(r3)},${imm2}`, { r3, imm: imm2, sub: 'rw' });
    case 0x32:
      return mk('probe_fault', 'M', qp, 'probe.r.fault', `${R(r3)},${imm2}`, { r3, imm: imm2, sub: 'r' });
    case 0x33:
      return mk('probe_fault', 'M', qp, 'probe.w.fault', `${R(r3)},${imm2}`, { r3, imm: imm2, sub: 'w' });
    case 0x34:
      return mk('ptc_e', 'M', qp, 'ptc.e', R(r3), { r3 });
    case 0x38:
      return mk('probe', 'M', qp, 'probe.r', `${R(r1)}=${R(r3)},${R(r2)}`, { r1, r2, r3, sub: 'r' });
    case 0x39:
      return mk('probe', 'M', qp, 'probe.w', `${R(r1)}=${R(r3)},${R(r2)}`, { r1, r2, r3, sub: 'w' });
  }
  return unsupported('M', qp, `M-unit opcode 1 x6=0x${x6.toString(16)}`);
}

// Load completers by x6 >> 2 (SDM Table 4-29), and ld8.fill (x6 0x1b). Store completers
// likewise (Table 4-32), and st8.spill (x6 0x3b).
const LD_KIND: Record<number, string> = {
  0x0: '',
  0x1: '.s',
  0x2: '.a',
  0x3: '.sa',
  0x4: '.bias',
  0x5: '.acq',
  0x8: '.c.clr',
  0x9: '.c.nc',
  0xa: '.c.clr.acq',
};
const ST_KIND: Record<number, string> = { 0xc: '', 0xd: '.rel' };
// Hint completers by the 3-bit hint: the 2-bit field (bits 29:28) and, in the forms whose
// register field is unused (ld without post-increment, st without), that field's top bit. The
// values the SDM 2.3 leaves reserved are the .dN completers objdump prints; the model, like
// Ski, executes them as the plain access (program ld-hint-fields).
const LD_HINT = ['', '.nt1', '.d2', '.nta', '.d4', '.d5', '.d6', '.d7'];
const ST_HINT = ['', '.d1', '.d2', '.nta', '.d4', '.d5', '.d6', '.d7'];
/** The hints of the semaphores and the post-increment forms (2 bits; objdump rejects the reserved ones). */
const SEM_HINT = ['', '.nt1', undefined, '.nta'];
const ST_IMM_HINT = ['', undefined, undefined, '.nta'];

function decodeLdSt(s: Slot, op: number, qp: number, r1: number, r2: number, r3: number): Insn {
  const m = fld(s, 36, 1),
    x6 = fld(s, 30, 6),
    hint = fld(s, 28, 2),
    x = fld(s, 27, 1);
  const size = 1 << (x6 & 3),
    group = x6 >> 2;
  if (op === 4 && x === 1)
    return m === 0 ? decodeSemaphore(s, qp, r1, r2, r3) : unsupported('M', qp, 'M-unit opcode 4 m=1 x=1');
  const fill = x6 === 0x1b,
    spill = x6 === 0x3b;
  const isLoad = LD_KIND[group] !== undefined || fill,
    isStore = ST_KIND[group] !== undefined || spill;
  if (!isLoad && !isStore) return unsupported('M', qp, `load/store x6=0x${x6.toString(16)}`);
  // The unused register field (r2 of M1, r1 of M4) carries the hint's third bit; its other bits
  // are ignored.
  const top = op === 4 && m === 0 ? fld(s, isLoad ? 19 : 12, 1) : 0;
  const h =
    op === 4 && m === 0 ? (isLoad ? LD_HINT : ST_HINT)[(top << 2) | hint]! : (isLoad ? SEM_HINT : ST_IMM_HINT)[hint];
  if (h === undefined) return unsupported('M', qp, `reserved hint ${hint}`);
  const sub = fill ? '.fill' : spill ? '.spill' : isLoad ? LD_KIND[group]! : ST_KIND[group]!;
  const mn = `${isLoad ? 'ld' : 'st'}${size}${sub}${h}`;
  if (isLoad) {
    if (op === 4 && m === 0) return mk('ld', 'M', qp, mn, `${R(r1)}=[${R(r3)}]`, { r1, r3, n1: size, sub });
    if (op === 4) return mk('ld_postreg', 'M', qp, mn, `${R(r1)}=[${R(r3)}],${R(r2)}`, { r1, r2, r3, n1: size, sub });
    const imm = sext((fld(s, 36, 1) << 8) | (fld(s, 27, 1) << 7) | r2, 9);
    return mk('ld_postimm', 'M', qp, mn, `${R(r1)}=[${R(r3)}],${imm}`, { r1, r3, imm, n1: size, sub });
  }
  if (op === 4 && m === 0) return mk('st', 'M', qp, mn, `[${R(r3)}]=${R(r2)}`, { r2, r3, n1: size, sub });
  if (op === 4) return unsupported('M', qp, 'store with register post-increment');
  const imm = sext((fld(s, 36, 1) << 8) | (fld(s, 27, 1) << 7) | r1, 9);
  return mk('st_postimm', 'M', qp, mn, `[${R(r3)}]=${R(r2)},${imm}`, { r2, r3, imm, n1: size, sub });
}

/** Semaphores (M16, M17; SDM Table 4-30): cmpxchg, xchg, fetchadd, by x6. */
const SEMAPHORE: Record<number, [string, string]> = {
  0x00: ['cmpxchg', '.acq'],
  0x01: ['cmpxchg', '.acq'],
  0x02: ['cmpxchg', '.acq'],
  0x03: ['cmpxchg', '.acq'],
  0x04: ['cmpxchg', '.rel'],
  0x05: ['cmpxchg', '.rel'],
  0x06: ['cmpxchg', '.rel'],
  0x07: ['cmpxchg', '.rel'],
  0x08: ['xchg', ''],
  0x09: ['xchg', ''],
  0x0a: ['xchg', ''],
  0x0b: ['xchg', ''],
  0x12: ['fetchadd', '.acq'],
  0x13: ['fetchadd', '.acq'],
  0x16: ['fetchadd', '.rel'],
  0x17: ['fetchadd', '.rel'],
};
/** fetchadd increments by s · i2b (M17). */
const FETCHADD_INC = [16, 8, 4, 1];

function decodeSemaphore(s: Slot, qp: number, r1: number, r2: number, r3: number): Insn {
  const x6 = fld(s, 30, 6),
    h = SEM_HINT[fld(s, 28, 2)];
  const sixteen = decode16(x6, qp, r1, r2, r3, fld(s, 28, 2));
  if (sixteen) return sixteen;
  const sem = SEMAPHORE[x6];
  if (!sem || h === undefined) return unsupported('M', qp, `semaphore/get/16-byte x6=0x${x6.toString(16)}`);
  const [op, order] = sem,
    size = 1 << (x6 & 3),
    mn = `${op}${size}${order}${h}`;
  if (op === 'fetchadd') {
    const inc = FETCHADD_INC[fld(s, 13, 2)]! * (fld(s, 15, 1) ? -1 : 1);
    return mk('fetchadd', 'M', qp, mn, `${R(r1)}=[${R(r3)}],${inc}`, {
      r1,
      r3,
      imm: BigInt(inc),
      n1: size,
      sub: order,
    });
  }
  const ops = `${R(r1)}=[${R(r3)}],${R(r2)}${op === 'cmpxchg' ? ',ar.ccv' : ''}`;
  return mk(op, 'M', qp, mn, ops, { r1, r2, r3, n1: size, sub: order });
}

/** The 16-byte accesses (M16 cmp8xchg16, M2/M6 ld16/st16 with ar.csd) by x6 of opcode 4 x = 1. */
const SIXTEEN: Record<number, [string, string]> = {
  0x20: ['cmp8xchg16', '.acq'],
  0x24: ['cmp8xchg16', '.rel'],
  0x28: ['ld16', ''],
  0x2c: ['ld16', '.acq'],
  0x30: ['st16', ''],
  0x34: ['st16', '.rel'],
};

function decode16(x6: number, qp: number, r1: number, r2: number, r3: number, hint: number): Insn | null {
  const e = SIXTEEN[x6];
  if (!e) return null;
  const [op] = e,
    order = e[1],
    // As for ld/st: the top bit of the unused register field is the hint's third bit.
    top = op === 'st16' ? r1 >> 6 : op === 'ld16' ? r2 >> 6 : 0,
    h = op === 'cmp8xchg16' ? SEM_HINT[hint] : (op === 'st16' ? ST_HINT : LD_HINT)[(top << 2) | hint]!;
  if (h === undefined) return null;
  const mn = `${op}${order}${h}`,
    f = { r1, r2, r3, n1: 16, sub: order };
  if (op === 'ld16') return mk('ld16', 'M', qp, mn, `${R(r1)},ar.csd=[${R(r3)}]`, f);
  if (op === 'st16') return mk('st16', 'M', qp, mn, `[${R(r3)}]=${R(r2)},ar.csd`, f);
  return mk('cmp8xchg16', 'M', qp, mn, `${R(r1)}=[${R(r3)}],${R(r2)},ar.csd,ar.ccv`, f);
}

/**
 * The speculation checks (M20 chk.s.m: opcode 1 x3 1; M22 chk.a.nc/chk.a.clr: opcode 0 x3 4/5;
 * I20 chk.s.i: opcode 0 x3 1), called with one of those x3 values: imm is the
 * recovery code's address (bundle address + displacement; decoded at 0, the displacement).
 */
export function decodeCheck(s: Slot, unit: 'M' | 'I', qp: number, bundleAddr: bigint): Insn {
  const x3 = fld(s, 33, 3),
    sign = fld(s, 36, 1);
  if (x3 === 1 || (unit === 'M' && x3 === 3)) {
    // M21 (x3 3) checks an FR: objdump prints it chk.s.
    const r2 = fld(s, 13, 7),
      fr = x3 === 3;
    const disp = sext((sign << 20) | (fld(s, 20, 13) << 7) | fld(s, 6, 7), 21) << 4n;
    const target = BigInt.asUintN(64, bundleAddr + disp);
    const mn = fr ? 'chk.s' : unit === 'M' ? 'chk.s.m' : 'chk.s.i';
    return mk('chk_s', unit, qp, mn, `${fr ? 'f' : 'r'}${r2},${hex(target)}`, {
      r2,
      imm: target,
      sub: fr ? 'fr' : 'gr',
    });
  }
  if (unit === 'M' && x3 >= 4) {
    // M22: x3 4/5 chk.a.nc/.clr on a GR, 6/7 on an FR.
    const r1 = fld(s, 6, 7),
      fr = x3 >= 6;
    const disp = sext((sign << 20) | fld(s, 13, 20), 21) << 4n;
    const target = BigInt.asUintN(64, bundleAddr + disp);
    return mk('chk_a', unit, qp, x3 & 1 ? 'chk.a.clr' : 'chk.a.nc', `${fr ? 'f' : 'r'}${r1},${hex(target)}`, {
      r1,
      imm: target,
      sub: fr ? 'fr' : 'gr',
    });
  }
  return unsupported(unit, qp, `${unit}-unit opcode 0 x3=${x3} (chk)`);
}

/** lfetch completers by x6 (M13-M15, SDM Table 4-33/4-34); other x6 of opcodes 6/7 are FP. */
const LFETCH: Record<number, string> = { 0x2c: '', 0x2d: '.excl', 0x2e: '.fault', 0x2f: '.fault.excl' };
const LFETCH_HINT = ['', '.nt1', '.nt2', '.nta'];

/**
 * lfetch (M13), with register (M14) or immediate (M15) post-increment; null for other forms.
 * The fields the SDM 2.3 formats leave unused are ignored, as objdump and Ski do: bits 12:6 of
 * every form and bits 19:13 of M13. Later processors (Itanium 9500) put hints there, which
 * objdump prints: bit 12 a `.d4`-`.d7` hint (4 + the nt hint field) and, in M13 of the plain
 * lfetch, bit 19 a `lfetch.count` form (count = bits 11:6 + 1, stride = sext(bits 17:13) · 64
 * bytes). All are prefetch hints with no architectural effect: they execute as lfetch.
 */
function decodeLfetch(s: Slot, op: number, qp: number, r2: number, r3: number): Insn | null {
  const x6 = fld(s, 30, 6),
    m = fld(s, 36, 1),
    x = fld(s, 27, 1);
  const kind = LFETCH[x6];
  if (kind === undefined || (op === 6 && x !== 0)) return null;
  const hint = fld(s, 28, 2),
    hintText = fld(s, 12, 1) ? `.d${4 + hint}` : LFETCH_HINT[hint],
    sub = kind.startsWith('.fault') ? 'fault' : '';
  if (op === 6 && m === 0) {
    if (x6 === 0x2c && fld(s, 19, 1)) {
      const count = fld(s, 6, 6) + 1,
        stride = sext(fld(s, 13, 5), 5) * 64n;
      return mk('lfetch', 'M', qp, `lfetch.count${hintText}`, `[${R(r3)}],${count},${stride}`, { r3, sub });
    }
    return mk('lfetch', 'M', qp, `lfetch${kind}${hintText}`, `[${R(r3)}]`, { r3, sub });
  }
  const mn = `lfetch${kind}${hintText}`;
  if (op === 6) return mk('lfetch_postreg', 'M', qp, mn, `[${R(r3)}],${R(r2)}`, { r2, r3, sub });
  const imm = sext((m << 8) | (x << 7) | r2, 9);
  return mk('lfetch_postimm', 'M', qp, mn, `[${R(r3)}],${imm}`, { r3, imm, sub });
}
