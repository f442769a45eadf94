// A-unit formats A1-A8 (integer ALU, compares), major opcodes 8, 9, C, D, E (SDM vol 3 §4.2).
import { fld, sext, type Slot } from './bundle.js';
import { decodeMmA } from './decode-mm.js';
import { mk, unsupported, type Insn } from './insn.js';

const R = (n: number) => `r${n}`;
const P = (n: number) => `p${n}`;

export function decodeA(s: Slot, op: number): Insn {
  const qp = fld(s, 0, 6),
    r1 = fld(s, 6, 7),
    r2 = fld(s, 13, 7),
    r3 = fld(s, 20, 7);
  if (op === 8) return decodeAlu(s, qp, r1, r2, r3);
  if (op === 9) {
    // A5 addl: imm22 = s · imm5c · imm9d · imm7b, r3 is only 2 bits.
    const imm = sext((fld(s, 36, 1) << 21) | (fld(s, 22, 5) << 16) | (fld(s, 27, 9) << 7) | fld(s, 13, 7), 22);
    const r3s = fld(s, 20, 2);
    return mk(
      'addi',
      'A',
      qp,
      r3s === 0 ? 'mov' : 'addl',
      r3s === 0 ? `${R(r1)}=${imm}` : `${R(r1)}=${imm},${R(r3s)}`,
      { r1, r3: r3s, imm },
    );
  }
  return decodeCmp(s, op, qp, r2, r3);
}

const LOGIC = ['and', 'andcm', 'or', 'xor'] as const;

function decodeAlu(s: Slot, qp: number, r1: number, r2: number, r3: number): Insn {
  const x2a = fld(s, 34, 2),
    ve = fld(s, 33, 1),
    x4 = fld(s, 29, 4),
    x2b = fld(s, 27, 2);
  if (x2a === 2 || x2a === 3) {
    if (ve) return unsupported('A', qp, 'A4 with ve=1');
    // A4 adds / addp4 imm14.
    const imm = sext((fld(s, 36, 1) << 13) | (fld(s, 27, 6) << 7) | fld(s, 13, 7), 14);
    if (x2a === 3) return mk('addp4i', 'A', qp, 'addp4', `${R(r1)}=${imm},${R(r3)}`, { r1, r3, imm });
    if (imm === 0n) return mk('addi', 'A', qp, 'mov', `${R(r1)}=${R(r3)}`, { r1, r3, imm });
    return mk('addi', 'A', qp, 'adds', `${R(r1)}=${imm},${R(r3)}`, { r1, r3, imm });
  }
  if (x2a === 1) return decodeMmA(s, qp, r1, r2, r3) ?? unsupported('A', qp, 'multimedia ALU (A9/A10)');
  if (x2a !== 0 || ve) return unsupported('A', qp, 'A1-A3 with ve=1');
  const rr = `${R(r1)}=${R(r2)},${R(r3)}`;
  switch (x4) {
    case 0:
      if (x2b === 0) return mk('add', 'A', qp, 'add', rr, { r1, r2, r3 });
      if (x2b === 1) return mk('add1', 'A', qp, 'add', rr + ',1', { r1, r2, r3 });
      break;
    case 1:
      if (x2b === 1) return mk('sub', 'A', qp, 'sub', rr, { r1, r2, r3 });
      if (x2b === 0) return mk('sub1', 'A', qp, 'sub', rr + ',1', { r1, r2, r3 });
      break;
    case 2:
      if (x2b === 0) return mk('addp4', 'A', qp, 'addp4', rr, { r1, r2, r3 });
      break;
    case 3:
      return mk(LOGIC[x2b]!, 'A', qp, LOGIC[x2b]!, rr, { r1, r2, r3 });
    case 4:
    case 6: {
      // A2 shladd / shladdp4: count2 = ct2d + 1.
      const n = x2b + 1;
      return mk(
        x4 === 4 ? 'shladd' : 'shladdp4',
        'A',
        qp,
        x4 === 4 ? 'shladd' : 'shladdp4',
        `${R(r1)}=${R(r2)},${n},${R(r3)}`,
        { r1, r2, r3, n1: n },
      );
    }
    case 9:
    case 0xb: {
      // A3 sub / logical with imm8 = s · imm7b.
      const imm = sext((fld(s, 36, 1) << 7) | r2, 8);
      if (x4 === 9 && x2b === 1) return mk('subi', 'A', qp, 'sub', `${R(r1)}=${imm},${R(r3)}`, { r1, r3, imm });
      if (x4 === 0xb) return mk(LOGIC[x2b]! + 'i', 'A', qp, LOGIC[x2b]!, `${R(r1)}=${imm},${R(r3)}`, { r1, r3, imm });
      break;
    }
  }
  return unsupported('A', qp, `A1 x4=${x4} x2b=${x2b}`);
}

// Relation names by [opcode C/D/E][tb][ta][c] (SDM Tables 4-11..4-13). A7 (tb=1) compares r0
// with r3; A8 (x2 = 2/3) uses imm8 and has no tb bit (bit 36 is the immediate's sign).
const REL: Record<number, string[][]> = {
  0xc: [
    ['lt', 'lt.unc', 'eq.and', 'ne.and'],
    ['gt.and', 'le.and', 'ge.and', 'lt.and'],
  ],
  0xd: [
    ['ltu', 'ltu.unc', 'eq.or', 'ne.or'],
    ['gt.or', 'le.or', 'ge.or', 'lt.or'],
  ],
  0xe: [
    ['eq', 'eq.unc', 'eq.or.andcm', 'ne.or.andcm'],
    ['gt.or.andcm', 'le.or.andcm', 'ge.or.andcm', 'lt.or.andcm'],
  ],
};

function decodeCmp(s: Slot, op: number, qp: number, r2: number, r3: number): Insn {
  const x2 = fld(s, 34, 2),
    ta = fld(s, 33, 1),
    c = fld(s, 12, 1),
    p1 = fld(s, 6, 6),
    p2 = fld(s, 27, 6);
  const name = x2 & 1 ? 'cmp4' : 'cmp';
  const preds = `${P(p1)},${P(p2)}`;
  if (x2 >= 2) {
    const imm = sext((fld(s, 36, 1) << 7) | r2, 8);
    const rel = REL[op]![0]![ta * 2 + c]!;
    return mk('cmpi', 'A', qp, `${name}.${rel}`, `${preds}=${imm},${R(r3)}`, {
      p1,
      p2,
      r3,
      imm,
      sub: rel,
      n1: x2 & 1 ? 4 : 8,
    });
  }
  const tb = fld(s, 36, 1);
  const rel = REL[op]![tb]![ta * 2 + c]!;
  // A7 compares r0 with r3: its r2 field is ignored (objdump prints r0; Ski agrees, cmp-a7-r2).
  const src = tb ? 0 : r2;
  return mk('cmp', 'A', qp, `${name}.${rel}`, `${preds}=${R(src)},${R(r3)}`, {
    p1,
    p2,
    r2: src,
    r3,
    sub: rel,
    n1: x2 & 1 ? 4 : 8,
  });
}
