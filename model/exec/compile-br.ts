// Branches: IP-relative (br and the long brl) and indirect br.cond, br.call, br.ret, br.cloop, and rfi. A taken
// branch sets the next IP (slot 0) and returns JUMP; a target that is not an implemented
// address raises the Unimplemented Instruction Address trap after the branch (§7), and
// PSR.tb a Taken Branch trap.
import { CR } from '../../arch/cr.js';
import type { Insn } from '../decode/insn.js';
import { OUT, add64, hiOf, loOf } from './int64.js';
import {
  CONT,
  JUMP,
  ONE_SHOT_ARM,
  ONE_SHOT_CLEAR,
  ONE_SHOT_HI,
  ONE_SHOT_LO,
  pickFault,
  type Exec,
  type Machine,
} from './machine.js';
import { AR } from './compile-sys.js';
import { rotateOnce } from './rotate.js';
import { frameIncomplete, rsePreserve, rseRestore } from './rse.js';
import { isVirtFault } from './virt.js';

export const TRAP_LOWER_PRIV = 0x02,
  TRAP_TAKEN_BRANCH = 0x04,
  TRAP_SINGLE_STEP = 0x08,
  TRAP_UNIMPL_IA = 0x10;

/** Sets IP to a bundle address and records the branch traps. */
export function jump(m: Machine, lo: number, hi: number): number {
  m.ipLo = (lo & ~0xf) >>> 0;
  m.ipHi = hi >>> 0;
  m.slot = 0;
  if (!m.instAddrImplemented(hi)) m.pendingTraps |= TRAP_UNIMPL_IA;
  if (m.tb) m.pendingTraps |= TRAP_TAKEN_BRANCH;
  return JUMP;
}

export function compileBr(ins: Insn): Exec | null {
  // Decoded at bundle address 0, so imm is the displacement (mod 2^64).
  const dLo = loOf(BigInt.asUintN(64, ins.imm)),
    dHi = hiOf(BigInt.asUintN(64, ins.imm));
  const { b1, b2 } = ins;
  const call = (m: Machine, tLo: number, tHi: number) => {
    const BL = m.brLo,
      BH = m.brHi;
    // Return link: the next bundle. PFS ← CFM, EC, cpl; the callee frame is the caller's outputs.
    add64(m.ipLo, m.ipHi, 16, 0);
    BL[b1] = OUT.lo;
    BH[b1] = OUT.hi;
    const ec = m.ar(AR.EC) & 0x3fn;
    m.setAr(AR.PFS, m.cfm() | (ec << 52n) | (BigInt(m.cpl) << 62n));
    const outs = m.sof - m.sol;
    rsePreserve(m, m.sol);
    m.sof = outs;
    m.sol = 0;
    m.sor = 0;
    return jump(m, tLo, tHi);
  };
  switch (ins.op) {
    case 'br_cond':
    case 'brl_cond':
      return (m: Machine) => {
        add64(m.ipLo, m.ipHi, dLo, dHi);
        return jump(m, OUT.lo, OUT.hi);
      };
    case 'br_ind':
      return (m: Machine) => jump(m, m.brLo[b2]!, m.brHi[b2]!);
    case 'br_ctop':
    case 'br_cexit':
    case 'br_wtop':
    case 'br_wexit': {
      const exit = ins.op === 'br_cexit' || ins.op === 'br_wexit',
        counted = ins.op === 'br_ctop' || ins.op === 'br_cexit',
        qp = ins.qp;
      return (m: Machine) => {
        const taken = modSchedBranch(m, counted, qp);
        if (taken === exit) return CONT;
        add64(m.ipLo, m.ipHi, dLo, dHi);
        return jump(m, OUT.lo, OUT.hi);
      };
    }
    case 'br_cloop':
      return (m: Machine) => {
        const lo = m.arLo[AR.LC]!,
          hi = m.arHi[AR.LC]!;
        if (lo === 0 && hi === 0) return CONT;
        m.arHi[AR.LC] = lo === 0 ? hi - 1 : hi;
        m.arLo[AR.LC] = lo - 1;
        add64(m.ipLo, m.ipHi, dLo, dHi);
        return jump(m, OUT.lo, OUT.hi);
      };
    case 'br_call':
    case 'brl_call':
      return (m: Machine) => {
        add64(m.ipLo, m.ipHi, dLo, dHi);
        return call(m, OUT.lo, OUT.hi);
      };
    case 'br_call_ind':
      return (m: Machine) => call(m, m.brLo[b2]!, m.brHi[b2]!);
    case 'br_ret':
      return (m: Machine) => {
        const BL = m.brLo,
          BH = m.brHi;
        const pfs = m.ar(AR.PFS);
        const tLo = BL[b2]!,
          tHi = BH[b2]!;
        const callerSof = Number(pfs & 0x7fn),
          callerSol = Number((pfs >> 7n) & 0x7fn);
        // The callee's frame holds the caller's outputs; restore the caller's locals under them.
        const outs = Math.max(0, callerSof - callerSol);
        rseRestore(m, callerSol, Math.min(outs, m.sof), outs - m.sof);
        m.setCfm(pfs & ((1n << 38n) - 1n));
        m.setAr(AR.EC, (pfs >> 52n) & 0x3fn);
        const ppl = Number(pfs >> 62n);
        if (ppl > m.cpl) {
          m.setPsr((m.psr & ~(3n << 32n)) | (BigInt(ppl) << 32n));
          if (m.psrBit('lp')) m.pendingTraps |= TRAP_LOWER_PRIV;
        }
        return jump(m, tLo, tHi);
      };
    case 'rfi':
      return (m: Machine) => {
        if (m.cpl !== 0 || m.vm !== 0) {
          const f = pickFault(m.cpl !== 0 && 'priv_op', isVirtFault('rfi', m.vm, m.cpl) && 'virtualization');
          if (f) return m.fault(f);
        }
        // On 32-bit halves (no BigInt) but for a frame saved by cover.
        const L = m.crLo,
          H = m.crHi;
        const iipLo = L[CR.IIP]!,
          iipHi = H[CR.IIP]!;
        if ((H[CR.IFS]! & 0x80000000) !== 0) {
          // Restore the frame that cover saved (IFS.v = 1): the current frame is discarded.
          const ifs = m.cr[CR.IFS]!;
          rseRestore(m, Number(ifs & 0x7fn), 0, -m.sof);
          m.setCfm(ifs & ((1n << 38n) - 1n));
        } else if (frameIncomplete(m)) m.cfle = 1; // an incomplete frame (ISR.ir) is loaded again
        const ipsrLo = L[CR.IPSR]! & m.psrDefinedLo,
          ipsrHi = H[CR.IPSR]! & m.psrDefinedHi;
        m.setPsrHalves(ipsrLo, ipsrHi); // the whole IPSR, ri included (architecture.md §2)
        const ri = Math.min(2, (m.psrHi >>> 9) & 3);
        jump(m, iipLo, iipHi);
        m.slot = ri;
        m.pendingTraps &= ~(TRAP_TAKEN_BRANCH | ONE_SHOT_CLEAR);
        if (((ipsrLo & ONE_SHOT_LO) | (ipsrHi & ONE_SHOT_HI)) !== 0) m.pendingTraps |= ONE_SHOT_ARM;
        return JUMP;
      };
  }
  return null;
}

/**
 * The loop-count/epilogue update of a modulo-scheduled branch (SDM vol 3, br): while LC ≠ 0
 * (counted) or PR[qp] = 1 (while loops) the kernel goes on; then EC counts the epilogue
 * stages. PR[63] is written (1 for a counted kernel iteration, else 0) and the registers
 * rotate, except in the final state (EC = 0). Returns whether the loop continues ("top").
 */
export function modSchedBranch(m: Machine, counted: boolean, qp: number): boolean {
  const ec = m.arLo[AR.EC]! & 0x3f;
  if (counted) {
    const lo = m.arLo[AR.LC]!,
      hi = m.arHi[AR.LC]!;
    if (lo !== 0 || hi !== 0) {
      m.arHi[AR.LC] = lo === 0 ? hi - 1 : hi;
      m.arLo[AR.LC] = lo - 1;
      m.pr[63] = 1;
      rotateOnce(m);
      return true;
    }
  } else if (m.pr[qp] === 1) {
    m.pr[63] = 0;
    rotateOnce(m);
    return true;
  }
  m.pr[63] = 0;
  if (ec === 0) return false;
  m.arLo[AR.EC] = ec - 1;
  rotateOnce(m);
  return ec > 1;
}

/**
 * Execution resumed (by rfi with IPSR.ri = 2) at slot 2 of an MLX bundle, the L slot that
 * holds no instruction: an Illegal Operation fault on that slot (ISR.ei = 2), as its own step.
 */
export function lSlotFault(m: Machine): void {
  m.stepBase = m.steps - m.slot;
  m.fault('illegal_op');
  m.steps++;
}
