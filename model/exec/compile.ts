// Instruction → closure. Adds the checks common to all formats: the qualifying predicate,
// writes to r0 and references to stacked registers outside the current frame (Illegal
// Operation), and the explicit stop for encodings outside the covered set.
import type { Slot } from '../decode/bundle.js';
import type { Insn } from '../decode/insn.js';
import { UnsupportedInstruction } from '../errors.js';
import { compileAlu, handlesOwnQp } from './compile-alu.js';
import { compileBr } from './compile-br.js';
import { compileMem } from './compile-mem.js';
import { compileSys } from './compile-sys.js';
import { compileTlb } from './compile-tlb.js';
import type { Exec, Machine } from './machine.js';

export function slotEncoding(s: Slot): string {
  return '0x' + ((BigInt(s.hi) << 32n) | BigInt(s.lo)).toString(16).padStart(11, '0');
}

/** The closure and the predicate the step loop must test before calling it (0: none). */
export function compileInsn(m: Machine, ins: Insn, raw: Slot): { exec: Exec; qp: number } {
  if (ins.op === 'unsupported' || ins.op === 'lx_tail') {
    const enc = slotEncoding(raw), why = ins.op === 'lx_tail' ? 'slot 2 of an MLX bundle' : ins.ops;
    // The step loop counts steps per bundle: settle the count before leaving through the throw.
    return { exec: () => { m.steps = m.curStep(); throw new UnsupportedInstruction(m.ip(), m.slot, enc, why); }, qp: 0 };
  }
  let body = compileAlu(m, ins) ?? compileMem(m, ins) ?? compileSys(m, ins) ?? compileTlb(m, ins) ?? compileBr(m, ins);
  if (!body) throw new Error(`internal: no semantics for instruction class '${ins.op}'`);
  // General-register operands, from the operand text ("r1=r2,r3", "[r3]=r2", "r1=[r3],8").
  const regs = [...ins.ops.matchAll(/\br(\d+)\b/g)].map((x) => Number(x[1]));
  const writesR0 = /^r0=/.test(ins.ops) && ins.op !== 'alloc';
  const maxReg = ins.op === 'alloc' ? 0 : Math.max(0, ...regs);
  if (writesR0) body = () => m.fault('illegal_op');
  if (maxReg >= 32) {
    const inner = body;
    body = () => (maxReg >= 32 + m.sof ? m.fault('illegal_op') : inner());
  }
  return { exec: body, qp: handlesOwnQp(ins) ? 0 : ins.qp };
}
