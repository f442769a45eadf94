// F-unit break/nop (the FP formats are decode-f.ts) and the X-unit (MLX template)
// instructions movl, break.x, nop.x/hint.x and the long branches brl.cond/brl.call.
import { fld, type Slot } from './bundle.js';
import { decodeFpF } from './decode-f.js';
import { hex, mk, unsupported, type Insn } from './insn.js';

export function decodeF(s: Slot, op: number, bundleAddr = 0n): Insn {
  const qp = fld(s, 0, 6),
    x6 = fld(s, 27, 6),
    x = fld(s, 33, 1);
  const imm21 = BigInt((fld(s, 36, 1) << 20) | fld(s, 6, 20));
  if (op === 0 && x === 0 && x6 === 0) return mk('break', 'F', qp, 'break.f', hex(imm21), { imm: imm21 });
  // hint.f stays unsupported: the F unit belongs to the FP work (and the tests use it as the
  // example of an encoding the model does not execute).
  if (op === 0 && x === 0 && x6 === 1 && !fld(s, 26, 1)) return mk('nop', 'F', qp, 'nop.f', hex(imm21), { imm: imm21 });
  return decodeFpF(s, op, bundleAddr) ?? unsupported('F', qp, 'floating-point instruction');
}

/** l is the L slot (slot 1, 41 bits of immediate), s the X slot (slot 2). */
export function decodeX(l: Slot, s: Slot, bundleAddr = 0n): Insn {
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
    // hint.x (y = 1): no architected hint, a nop.
    if (x6 === 1) return mk('nop', 'X', qp, fld(s, 26, 1) ? 'hint.x' : 'nop.x', hex(imm), { imm });
  }
  if (op === 0xc || op === 0xd) return decodeBrl(l41, s, op, qp, bundleAddr);
  return unsupported('X', qp, `X-unit major opcode ${op}`);
}

const BRL_WH = ['.sptk', '.spnt', '.dptk', '.dpnt'] as const;

/**
 * X3 brl.cond / X4 brl.call (major opcodes C, D): imm60 = i · imm39 (L slot bits 40:2) ·
 * imm20b, a bundle displacement from the MLX bundle's address.
 */
function decodeBrl(l41: bigint, s: Slot, op: number, qp: number, bundleAddr: bigint): Insn {
  const imm60 = (BigInt(fld(s, 36, 1)) << 59n) | ((l41 >> 2n) << 20n) | BigInt(fld(s, 13, 20));
  const target = BigInt.asUintN(64, bundleAddr + (BigInt.asIntN(60, imm60) << 4n));
  const h = BRL_WH[fld(s, 33, 2)]! + (fld(s, 12, 1) ? '.many' : '.few') + (fld(s, 35, 1) ? '.clr' : '');
  if (op === 0xd) {
    const b1 = fld(s, 6, 3);
    return mk('brl_call', 'X', qp, `brl.call${h}`, `b${b1}=${hex(target)}`, { b1, imm: target });
  }
  if (fld(s, 6, 3) !== 0) return unsupported('X', qp, `X3 btype ${fld(s, 6, 3)}`);
  const mn = h.startsWith('.sptk') && qp === 0 ? 'brl' + h.slice(5) : 'brl.cond' + h;
  return mk('brl_cond', 'X', qp, mn, hex(target), { imm: target });
}
