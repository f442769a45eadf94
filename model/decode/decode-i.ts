// I-unit formats (SDM vol 3 §4.3): shifts, deposit/extract, test bit/NaT, moves to/from
// BR/PR/AR (with branch hints), zero/sign extension, czx, break/nop/hint. Multimedia: decode-mm.ts.
import { fld, sext, type Slot } from './bundle.js';
import { hex, mk, unsupported, type Insn } from './insn.js';
import { decodeCheck } from './decode-m.js';
import { decodeMmI } from './decode-mm.js';
import { arName } from './names.js';

const R = (n: number) => `r${n}`;
const P = (n: number) => `p${n}`;

export function decodeI(s: Slot, op: number, bundleAddr = 0n): Insn {
  const qp = fld(s, 0, 6),
    r1 = fld(s, 6, 7),
    r2 = fld(s, 13, 7),
    r3 = fld(s, 20, 7);
  switch (op) {
    case 0:
      return fld(s, 33, 3) === 1 ? decodeCheck(s, 'I', qp, bundleAddr) : decodeMisc(s, qp, r1, r2, r3, bundleAddr);
    case 4: {
      // I15 dep r1=r2,r3,pos6,len4: cpos6d = 63 - pos, len4d = len - 1.
      const pos = 63 - fld(s, 31, 6),
        len = fld(s, 27, 4) + 1;
      return mk('dep', 'I', qp, 'dep', `${R(r1)}=${R(r2)},${R(r3)},${pos},${len}`, { r1, r2, r3, n1: pos, n2: len });
    }
    case 5:
      return decodeOp5(s, qp, r1, r2, r3);
    case 7:
      return decodeOp7(s, qp, r1, r2, r3);
  }
  return unsupported('I', qp, `I-unit major opcode ${op}`);
}

function decodeOp5(s: Slot, qp: number, r1: number, r2: number, r3: number): Insn {
  const x2 = fld(s, 34, 2),
    x = fld(s, 33, 1);
  if (x2 === 0) {
    // I16 tbit / I17 tnat: relation by tb · ta · c.
    const tb = fld(s, 36, 1),
      ta = fld(s, 33, 1),
      c = fld(s, 12, 1),
      y = fld(s, 13, 1);
    const p1 = fld(s, 6, 6),
      p2 = fld(s, 27, 6);
    const ctype = [
      ['z', 'z.unc'],
      ['z.or', 'nz.or'],
      ['z.and', 'nz.and'],
      ['z.or.andcm', 'nz.or.andcm'],
    ][tb * 2 + ta]![c]!;
    if (y === 0) {
      const pos = fld(s, 14, 6);
      return mk('tbit', 'I', qp, `tbit.${ctype}`, `${P(p1)},${P(p2)}=${R(r3)},${pos}`, {
        p1,
        p2,
        r3,
        n1: pos,
        sub: ctype,
      });
    }
    if (fld(s, 19, 1) === 1) {
      // I30 tf p1,p2=imm5 (SDM 2.3, test feature 32-63): the model implements none of the
      // optional features, so it executes as a test of a zero bit (tbit on r0).
      const feature = 32 + fld(s, 14, 5);
      return mk('tbit', 'I', qp, `tf.${ctype}`, `${P(p1)},${P(p2)}=${feature}`, { p1, p2, r3: 0, n1: 0, sub: ctype });
    }
    if (fld(s, 14, 6) !== 0) return unsupported('I', qp, 'I17 with nonzero bits 19:14');
    return mk('tnat', 'I', qp, `tnat.${ctype}`, `${P(p1)},${P(p2)}=${R(r3)}`, { p1, p2, r3, sub: ctype });
  }
  const len = fld(s, 27, 6) + 1;
  if (x2 === 1 && x === 0) {
    // I11 extr / extr.u r1=r3,pos6,len6.
    const pos = fld(s, 14, 6),
      signed = fld(s, 13, 1) === 1;
    const mn = signed ? 'extr' : 'extr.u';
    const f = { r1, r3, n1: pos, n2: len, sub: signed ? 's' : 'u' };
    if (pos + len === 64) return mk('extr', 'I', qp, signed ? 'shr' : 'shr.u', `${R(r1)}=${R(r3)},${pos}`, f);
    return mk('extr', 'I', qp, mn, `${R(r1)}=${R(r3)},${pos},${len}`, f);
  }
  if (x2 === 1 && x === 1) {
    const pos = 63 - fld(s, 20, 6);
    if (fld(s, 26, 1) === 0) {
      // I12 dep.z r1=r2,pos6,len6 (shl when pos + len = 64).
      if (pos + len === 64) return mk('depz', 'I', qp, 'shl', `${R(r1)}=${R(r2)},${pos}`, { r1, r2, n1: pos, n2: len });
      return mk('depz', 'I', qp, 'dep.z', `${R(r1)}=${R(r2)},${pos},${len}`, { r1, r2, n1: pos, n2: len });
    }
    // I13 dep.z r1=imm8,pos6,len6.
    const imm = sext((fld(s, 36, 1) << 7) | r2, 8);
    return mk('depzi', 'I', qp, 'dep.z', `${R(r1)}=${imm},${pos},${len}`, { r1, imm, n1: pos, n2: len });
  }
  if (x2 === 3 && x === 0) {
    // I10 shrp r1=r2,r3,count6.
    const count = fld(s, 27, 6);
    return mk('shrp', 'I', qp, 'shrp', `${R(r1)}=${R(r2)},${R(r3)},${count}`, { r1, r2, r3, n1: count });
  }
  if (x2 === 3 && x === 1) {
    // I14 dep r1=imm1,r3,pos6,len6. Bit 13 is unused in the format and ignored (objdump and
    // Ski execute the instruction whatever it holds).
    const pos = 63 - fld(s, 14, 6),
      imm = fld(s, 36, 1) ? -1n : 0n;
    return mk('depi', 'I', qp, 'dep', `${R(r1)}=${imm},${R(r3)},${pos},${len}`, { r1, r3, imm, n1: pos, n2: len });
  }
  return unsupported('I', qp, `I-unit opcode 5 x2=${x2}`);
}

function decodeOp7(s: Slot, qp: number, r1: number, r2: number, r3: number): Insn {
  // I5/I7 variable shifts: za=1 zb=1 (bits 36, 33), x2a=0, ve=0, x2b selects the kind.
  const za = fld(s, 36, 1),
    zb = fld(s, 33, 1),
    x2a = fld(s, 34, 2),
    ve = fld(s, 32, 1);
  const x2c = fld(s, 30, 2),
    x2b = fld(s, 28, 2);
  if (za === 1 && zb === 1 && x2a === 0 && ve === 0) {
    if (x2c === 0 && x2b === 0) return mk('shru', 'I', qp, 'shr.u', `${R(r1)}=${R(r3)},${R(r2)}`, { r1, r2, r3 });
    if (x2c === 0 && x2b === 2) return mk('shr', 'I', qp, 'shr', `${R(r1)}=${R(r3)},${R(r2)}`, { r1, r2, r3 });
    if (x2c === 1 && x2b === 0) return mk('shl', 'I', qp, 'shl', `${R(r1)}=${R(r2)},${R(r3)}`, { r1, r2, r3 });
  }
  return decodeMmI(s, qp, r1, r2, r3) ?? unsupported('I', qp, 'multimedia (I-unit opcode 7)');
}

const XT: Record<number, [string, number, boolean]> = {
  0x10: ['zxt1', 1, false],
  0x11: ['zxt2', 2, false],
  0x12: ['zxt4', 4, false],
  0x14: ['sxt1', 1, true],
  0x15: ['sxt2', 2, true],
  0x16: ['sxt4', 4, true],
};

/** Whether hints of mov to BR (I21 wh); 3 is reserved. */
const MOV_BR_WH: (string | undefined)[] = ['.sptk', '', '.dptk', undefined];

/** czx (I29) by x6: element size and the side the search starts from. */
const CZX: Record<number, [number, 'l' | 'r']> = { 0x18: [1, 'l'], 0x19: [2, 'l'], 0x1c: [1, 'r'], 0x1d: [2, 'r'] };

function decodeMisc(s: Slot, qp: number, r1: number, r2: number, r3: number, bundleAddr: bigint): Insn {
  const x3 = fld(s, 33, 3),
    x6 = fld(s, 27, 6);
  if (x3 === 3) {
    // I23 mov pr=r2,mask17: mask17 = s · mask8c · mask7a · 0, sign-extended to 64 bits.
    const mask = sext((fld(s, 36, 1) << 16) | (fld(s, 24, 8) << 8) | (fld(s, 6, 7) << 1), 17);
    return mk('mov_to_pr', 'I', qp, 'mov', `pr=${R(r2)},${hex(mask)}`, { r2, imm: mask });
  }
  if (x3 === 2) {
    // I24 mov pr.rot=imm44: p16-p63 from bits 16-63 of sext(s · imm27a · 0{16}).
    const imm = sext((fld(s, 36, 1) << 27) | fld(s, 6, 27), 28) << 16n;
    return mk('mov_to_pr_rot', 'I', qp, 'mov', `pr.rot=${hex(imm)}`, { imm });
  }
  if (x3 === 7) {
    // I21 mov b1=r2 (with branch hints).
    const b1 = fld(s, 6, 3),
      wh = fld(s, 20, 2),
      x = fld(s, 22, 1),
      ih = fld(s, 23, 1);
    if (wh === 1 && x === 0 && ih === 0) return mk('mov_to_br', 'I', qp, 'mov', `b${b1}=${R(r2)}`, { b1, r2 });
    // The hinted forms carry a tag (timm9c, IP-relative like a branch target); hints have no
    // architectural effect, so they execute as the plain move.
    const hint = MOV_BR_WH[wh];
    if (hint === undefined) return unsupported('I', qp, 'mov to BR with reserved whether hint');
    const tag = BigInt.asUintN(64, bundleAddr + (sext(fld(s, 24, 9), 9) << 4n));
    const mn = `mov${x ? '.ret' : ''}${hint}${ih ? '.imp' : ''}`;
    return mk('mov_to_br', 'I', qp, mn, `b${b1}=${R(r2)},${hex(tag)}`, { b1, r2, imm: tag });
  }
  if (x3 !== 0) return unsupported('I', qp, `I-unit misc x3=${x3}`);
  const imm21 = BigInt((fld(s, 36, 1) << 20) | fld(s, 6, 20));
  switch (x6) {
    case 0x00:
      return mk('break', 'I', qp, 'break.i', hex(imm21), { imm: imm21 });
    case 0x01:
      // hint.i (y = 1): no architected hint, executes as a nop.
      return mk('nop', 'I', qp, fld(s, 26, 1) ? 'hint.i' : 'nop.i', hex(imm21), { imm: imm21 });
    case 0x0a: {
      const ar = r3,
        imm = sext((fld(s, 36, 1) << 7) | r2, 8);
      return mk('mov_to_ar_imm', 'I', qp, 'mov.i', `${arName(ar)}=${imm}`, { n1: ar, imm });
    }
    case 0x2a:
      return mk('mov_to_ar', 'I', qp, 'mov.i', `${arName(r3)}=${R(r2)}`, { n1: r3, r2 });
    case 0x30:
      return mk('mov_from_ip', 'I', qp, 'mov', `${R(r1)}=ip`, { r1 });
    case 0x31: {
      const b2 = fld(s, 13, 3);
      return mk('mov_from_br', 'I', qp, 'mov', `${R(r1)}=b${b2}`, { r1, b2 });
    }
    case 0x32:
      return mk('mov_from_ar', 'I', qp, 'mov.i', `${R(r1)}=${arName(r3)}`, { r1, n1: r3 });
    case 0x33:
      return mk('mov_from_pr', 'I', qp, 'mov', `${R(r1)}=pr`, { r1 });
  }
  const czx = CZX[x6];
  if (czx) {
    const [size, side] = czx;
    return mk('mm', 'I', qp, `czx${size}.${side}`, `${R(r1)}=${R(r3)}`, { r1, r3, n1: size, sub: `czx.${side}` });
  }
  const xt = XT[x6];
  if (xt) return mk(xt[2] ? 'sxt' : 'zxt', 'I', qp, xt[0], `${R(r1)}=${R(r3)}`, { r1, r3, n1: xt[1] });
  return unsupported('I', qp, `I-unit misc x6=0x${x6.toString(16)}`);
}
