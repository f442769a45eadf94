// Instruction → closure. Adds the checks common to all formats: the qualifying predicate,
// writes to r0 and references to stacked registers outside the current frame (Illegal
// Operation), and the explicit stop for encodings outside the covered set.
import type { Slot } from '../decode/bundle.js';
import { maxGrIn, type Insn } from '../decode/insn.js';
import { UnsupportedInstruction } from '../errors.js';
import { compileAlu, handlesOwnQp } from './compile-alu.js';
import { compileBr } from './compile-br.js';
import { compileFp, fpHandlesOwnQp } from './compile-fp.js';
import { compileMem } from './compile-mem.js';
import { compileMm } from './compile-mm.js';
import { compileSem16 } from './compile-sem16.js';
import { compileSpec } from './compile-spec.js';
import { compileSys } from './compile-sys.js';
import { compileTlb } from './compile-tlb.js';
import type { Exec, Machine } from './machine.js';

export function slotEncoding(s: Slot): string {
  return '0x' + ((BigInt(s.hi) << 32n) | BigInt(s.lo)).toString(16).padStart(11, '0');
}

/**
 * Classes whose closure never raises an interruption nor reads the current slot (so the step
 * loop need not store the slot before calling it).
 */
const PURE = new Set([
  'add',
  'add1',
  'sub',
  'sub1',
  'addi',
  'subi',
  'and',
  'andcm',
  'or',
  'xor',
  'andi',
  'andcmi',
  'ori',
  'xori',
  'shladd',
  'shladdp4',
  'addp4',
  'addp4i',
  'cmp',
  'cmpi',
  'tbit',
  'tnat',
  'shl',
  'shru',
  'shr',
  'extr',
  'depz',
  'depzi',
  'dep',
  'depi',
  'shrp',
  'zxt',
  'sxt',
  'movl',
  'mov_from_pr',
  'mov_from_br',
  'mov_from_ip',
  'br_cond',
  'br_ind',
  'br_cloop',
  'br_call',
  'br_call_ind',
  'br_ret',
  'mm',
]);

export interface CompiledInsn {
  readonly exec: Exec;
  /** Qualifying predicate the step loop tests before calling (0: none, or handled inside). */
  readonly qp: number;
  /** True when the closure can neither fault nor read m.slot. */
  readonly pure: boolean;
}

export function compileInsn(ins: Insn, raw: Slot): CompiledInsn {
  if (ins.op === 'unsupported' || ins.op === 'lx_tail') {
    const enc = slotEncoding(raw),
      why = ins.op === 'lx_tail' ? 'slot 2 of an MLX bundle' : ins.ops;
    // The step loop counts steps per bundle: settle the count before leaving through the throw.
    return {
      exec: (m: Machine) => {
        m.steps = m.curStep();
        throw new UnsupportedInstruction(m.ip(), m.slot, enc, why);
      },
      qp: 0,
      pure: false,
    };
  }
  // Encodings the SDM defines as an Illegal Operation fault, whatever the predicate.
  if (ins.op === 'illegal_op') return { exec: (m: Machine) => m.fault('illegal_op'), qp: 0, pure: false };
  // Opcodes this processor does not implement (later additions to the architecture): an
  // Illegal Operation fault when the predicate is true, as Ski does.
  if (ins.op === 'unimplemented_op') return { exec: (m: Machine) => m.fault('illegal_op'), qp: ins.qp, pure: false };
  let body =
    compileAlu(ins) ??
    compileMm(ins) ??
    compileSpec(ins) ??
    compileSem16(ins) ??
    compileMem(ins) ??
    compileSys(ins) ??
    compileTlb(ins) ??
    compileBr(ins);
  body ??= compileFp(ins);
  if (!body) throw new Error(`internal: no semantics for instruction class '${ins.op}'`);
  // General-register operands, from the operand text ("r1=r2,r3", "[r3]=r2", "r1=[r3],8").
  const writesR0 = /^r0=/.test(ins.ops) && ins.op !== 'alloc';
  const maxReg = ins.op === 'alloc' ? 0 : maxGrIn(ins.ops);
  if (writesR0) body = (m: Machine) => m.fault('illegal_op');
  if (maxReg >= 32) {
    const inner = body;
    body = (m: Machine) => (maxReg >= 32 + m.sof ? m.fault('illegal_op') : inner(m));
  }
  const samePreds = ['cmp', 'cmpi', 'tbit', 'tnat'].includes(ins.op) && ins.p1 === ins.p2;
  const pure = PURE.has(ins.op) && !writesR0 && maxReg < 32 && !samePreds;
  // br.wtop/br.wexit read their qualifying predicate as the loop condition: they always execute.
  const ownQp = handlesOwnQp(ins) || fpHandlesOwnQp(ins) || ins.op === 'br_wtop' || ins.op === 'br_wexit';
  return { exec: body, qp: ownQp ? 0 : ins.qp, pure };
}
