// F-unit break/nop (the only F-unit instructions covered: integer-only model) and the
// X-unit (MLX template) long-immediate instructions movl, break.x, nop.x.
import { fld, type Slot } from './bundle.js';
import { decodeFpF } from './decode-f.js';
import { hex, mk, unsupported, type Insn } from './insn.js';

export function decodeF(s: Slot, op: number, bundleAddr = 0n): Insn {
  const qp = fld(s, 0, 6),
    x6 = fld(s, 27, 6),
    x = fld(s, 33, 1);
  const imm21 = BigInt((fld(s, 36, 1) << 20) | fld(s, 6, 20));
  if (op === 0 && x === 0 && x6 === 0) return mk('break', 'F', qp, 'break.f', hex(imm21), { imm: imm21 });
  if (op === 0 && x === 0 && x6 === 1 && !fld(s, 26, 1)) return mk('nop', 'F', qp, 'nop.f', hex(imm21), { imm: imm21 });
  return decodeFpF(s, op, bundleAddr) ?? unsupported('F', qp, 'floating-point instruction');
}

/** l is the L slot (slot 1, 41 bits of immediate), s the X slot (slot 2). */
export function decodeX(l: Slot, s: Slot): Insn {
  const op = fld(s, 37, 4),
    qp = fld(s, 0, 6);
  const l41 = (BigInt(l.hi) << 32n) | BigInt(l.lo);
  if (op === 6) {
    if (fld(s, 20, 1)) return unsupported('X', qp, 'movl with vc=1');
    const imm =
      (BigInt(fld(s, 36, 1)) << 63n) |
      (l41 << 22n) |
      BigInt((fld(s, 21, 1) << 21) | (fld(s, 22, 5) << 16) | (fld(s, 27, 9) << 7) | fld(s, 13, 7));
    const r1 = fld(s, 6, 7);
    return mk('movl', 'X', qp, 'movl', `r${r1}=${hex(imm)}`, { r1, imm });
  }
  if (op === 0 && fld(s, 33, 3) === 0) {
    const x6 = fld(s, 27, 6);
    const imm = (l41 << 21n) | BigInt((fld(s, 36, 1) << 20) | fld(s, 6, 20));
    if (x6 === 0) return mk('break', 'X', qp, 'break.x', hex(imm), { imm });
    if (x6 === 1 && !fld(s, 26, 1)) return mk('nop', 'X', qp, 'nop.x', hex(imm), { imm });
  }
  return unsupported('X', qp, `X-unit major opcode ${op}`);
}
