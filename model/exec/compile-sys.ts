// System instructions: moves to/from AR, CR, PSR and the indirect register files, the PSR
// mask instructions, alloc, cover, bsw, epc, vmsw, break (halt and the PAL convention), nop.
// Every fault check names its interruption and pickFault() orders them by arch/priority.ts.
import { fpsrReserved } from '../fp/fpsr.js';
import { CR, CR_IMPLEMENTED, CR_INTERRUPTION_RANGE, CR_READ_ONLY } from '../../arch/cr.js';
import { PSR_L_RESERVED_MASK, PSR_READ_MASK, PSR_SM_RESERVED_MASK } from '../../arch/psr.js';
import type { Insn } from '../decode/insn.js';
import { toBig } from './int64.js';
import { CONT, FAULT, HALT, pickFault, type Exec, type Machine } from './machine.js';
import { ROT_PR_BASE, prSlot, setRrb } from './rotate.js';
import { rseFlush, rseGrow, rseLoadrs, rsePreserve, rseWriteBspstore } from './rse.js';
import { interruptCrReserved, readInterruptCr, writeInterruptCr } from './interrupt-crs.js';
import { CR_LVT } from './lvt-layout.js';
import { PAL_BREAK_IMM, palCall } from './pal.js';
import { isVirtFault } from './virt.js';
import { reservedArValue, reservedCrValue } from './reserved-values.js';

const M64 = (1n << 64n) - 1n;
const bitsMask = (hi: number, lo: number) => ((1n << BigInt(hi - lo + 1)) - 1n) << BigInt(lo);

/** Reserved-field masks of writable CRs (architecture.md §8). */
const CR_RESERVED: Record<number, bigint> = {
  [CR.DCR]: M64 & ~0x7f07n,
  [CR.PTA]: 0x2n | bitsMask(14, 9),
  [CR.ISR]: bitsMask(31, 24) | bitsMask(63, 44),
  [CR.IFS]: bitsMask(62, 38),
  [CR.ITIR]: 0x3n | bitsMask(63, 32),
};
/**
 * Ignored fields of CR writes: dropped on write, read back as 0 (IHA{1:0}, IVA{14:0}). The interrupt
 * CRs' fields (TPR, ITV, PMV, CMCV, LRR0/1) are interrupt-crs.ts's.
 */
const CR_IGNORED: Record<number, bigint> = {
  [CR.IHA]: 0x3n,
  [CR.IVA]: bitsMask(14, 0),
};

/** ARs and the unit that may access them: 'M' (0-47), 'I' (64-127). Others are reserved. */
const AR_IMPL = new Set([
  0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 21, 24, 25, 26, 27, 28, 29, 30, 32, 36, 40, 44, 64, 65, 66,
]);
export const AR = {
  RSC: 16,
  BSP: 17,
  BSPSTORE: 18,
  RNAT: 19,
  UNAT: 36,
  FPSR: 40,
  ITC: 44,
  PFS: 64,
  LC: 65,
  EC: 66,
} as const;
const AR_RESERVED: Record<number, bigint> = {
  [AR.RSC]: bitsMask(63, 30) | bitsMask(15, 5),
  [AR.PFS]: bitsMask(51, 38) | bitsMask(61, 58),
};
/** Ignored fields of AR writes: dropped on write, read back as 0 (EC{63:6}, RNAT{63}). */
const AR_IGNORED: Record<number, bigint> = { [AR.EC]: bitsMask(63, 6), [AR.RNAT]: 1n << 63n };

/** Ignored ARs (SDM vol 1 table 3-3, "M or I"): 48-63 and 112-127 from either unit; reads give 0, writes are dropped. */
const arIgnored = (n: number, _unit: string) => (n >= 48 && n <= 63) || n >= 112;
const arUnitOk = (n: number, unit: string) =>
  ((n < 64 ? unit === 'M' : unit === 'I') && AR_IMPL.has(n)) || arIgnored(n, unit);

/** CRs of the external-interrupt vector table that arch/cr.ts (the VT-i block's CR set) does not list: PMV, CMCV, LRR0, LRR1. */
const CR_LVT_EXTRA: readonly number[] = Object.values(CR_LVT);

/** BSPSTORE and RNAT may be read or written only with RSC.mode = 0 (enforced lazy). */
const rseArBusy = (m: Machine, n: number) => (n === AR.BSPSTORE || n === AR.RNAT) && (m.arLo[AR.RSC]! & 3) !== 0;

export function readAr(m: Machine, n: number): bigint {
  if ((n >= 48 && n <= 63) || n >= 112) return 0n;
  if (n === AR.BSP) return m.bsp;
  if (n === AR.ITC) return m.itc();
  return m.ar(n);
}

function writeAr(m: Machine, n: number, v: bigint): void {
  v &= ~(AR_IGNORED[n] ?? 0n);
  if (n === AR.RSC && Number((v >> 2n) & 3n) < m.cpl) {
    // RSC.pl more privileged than the current level is written as PSR.cpl.
    v = (v & ~0xcn) | (BigInt(m.cpl) << 2n);
  }
  if (n === AR.ITC) {
    m.itcOffset = (v - BigInt(m.curStep())) & M64;
    m.ext.retime(m.curStep()); // the interval timer matches ITM at another step now
    return;
  }
  if (n === AR.BSPSTORE) {
    rseWriteBspstore(m, v);
    return;
  }
  // RNAT{63} is reserved as 0 (a collection holds 63 NaT bits).
  if (n === AR.RNAT) v &= ~(1n << 63n);
  m.setAr(n, v);
}

function crValue(m: Machine, n: number): bigint {
  if (n === CR.IIPA) return toBig(m.iipaLo, m.iipaHi);
  return readInterruptCr(m, n) ?? m.cr[n]!;
}

function setCr(m: Machine, n: number, v: bigint): void {
  if (n === CR.IIPA) {
    m.iipaLo = Number(v & 0xffffffffn);
    m.iipaHi = Number(v >> 32n);
    return;
  }
  if (!writeInterruptCr(m, n, v, m.curStep())) m.cr[n] = v;
}

/** The fault checks of compileSys: whether the guest's op is a Virtualization fault, privilege. */
const virt = (m: Machine, cls: string) => isVirtFault(cls, m.vm, m.cpl) && 'virtualization';
const priv = (m: Machine) => m.cpl !== 0 && 'priv_op';
/** The first fault found, else the body's outcome. */
const go = (m: Machine, f: string | null, body: Exec) => (f ? m.fault(f) : body(m));

export function compileSys(ins: Insn): Exec | null {
  const { r1, r2 } = ins;
  switch (ins.op) {
    case 'nop':
    case 'srlz':
      return () => CONT;
    case 'clrrrb':
      return (m: Machine) => {
        setRrb(m, 0, 0, 0);
        return CONT;
      };
    case 'clrrrb_pr':
      return (m: Machine) => {
        setRrb(m, m.rrbGr, m.rrbFr, 0);
        return CONT;
      };
    case 'mov_to_pr_rot': {
      // p16-p63 from bits 16-63 of the immediate, as if CFM.rrb.pr were 0.
      const imm = BigInt.asUintN(64, ins.imm);
      return (m: Machine) => {
        for (let i = ROT_PR_BASE; i < 64; i++) m.pr[prSlot(m, i)] = Number((imm >> BigInt(i)) & 1n);
        return CONT;
      };
    }
    case 'flushrs':
      return (m: Machine) => (rseFlush(m) ? CONT : FAULT);
    case 'loadrs':
      return (m: Machine) => {
        const rsc = m.ar(AR.RSC),
          bytes = Number((rsc >> 16n) & 0x3fffn);
        // RSC.mode must be enforced lazy, and a non-zero RSC.loadrs needs an empty frame.
        if ((rsc & 3n) !== 0n || (bytes !== 0 && m.sof !== 0)) return m.fault('illegal_op');
        const r = rseLoadrs(m, bytes);
        return r === 'illegal' ? m.fault('illegal_op') : r ? CONT : FAULT;
      };
    case 'break': {
      const imm = ins.imm,
        isB = ins.unit === 'B';
      // IIM: the B-unit form reports 0; the X-unit form only the low 21 bits of imm62, the L
      // slot's upper 41 bits are ignored (SDM vol 3, break: immediate = zero_ext(imm62, 21)).
      const iim = isB ? 0n : ins.unit === 'X' ? imm & 0x1fffffn : imm;
      const info = { iim } as const; // made once: the fault path allocates nothing
      const pal = imm === PAL_BREAK_IMM; // compared once, not per break
      if (imm === 0n) return () => HALT;
      return (m: Machine) => {
        if (pal && m.vm === 0 && m.cpl === 0) {
          palCall(m);
          return CONT;
        }
        return m.fault('break_inst', info);
      };
    }
    case 'mov_to_ar':
    case 'mov_to_ar_imm': {
      const n = ins.n1,
        isImm = ins.op === 'mov_to_ar_imm';
      return (m: Machine) => {
        const N = m.nat;
        const v = isImm ? BigInt.asUintN(64, ins.imm) : m.gr(r2);
        return go(
          m,
          pickFault(
            (!arUnitOk(n, ins.unit) || n === AR.BSP || rseArBusy(m, n)) && 'illegal_op',
            !isImm && N[r2] && 'reg_nat',
            ((v & (AR_RESERVED[n] ?? 0n)) !== 0n || (n === AR.FPSR && fpsrReserved(v)) || reservedArValue(n, v)) &&
              'reserved_reg_field',
            (n < 8 || n === AR.ITC) && m.cpl !== 0 && 'priv_reg',
          ),
          () => {
            if (!arIgnored(n, ins.unit)) writeAr(m, n, v);
            return CONT;
          },
        );
      };
    }
    case 'mov_from_ar': {
      const n = ins.n1;
      return (m: Machine) =>
        go(
          m,
          pickFault(
            (!arUnitOk(n, ins.unit) || rseArBusy(m, n)) && 'illegal_op',
            n === AR.ITC && m.cpl !== 0 && m.psrBit('si') === 1 && 'priv_reg',
          ),
          (m: Machine) => {
            m.setGr(r1, readAr(m, n));
            return CONT;
          },
        );
    }
    case 'mov_to_cr':
    case 'mov_from_cr': {
      const n = ins.n1,
        write = ins.op === 'mov_to_cr';
      // What does not depend on the state is decided once (an interruption handler runs these often).
      const inIr = n >= CR_INTERRUPTION_RANGE.lo && n <= CR_INTERRUPTION_RANGE.hi;
      const alwaysIllegal =
        (!CR_IMPLEMENTED.includes(n) && !CR_LVT_EXTRA.includes(n)) || (write && CR_READ_ONLY.includes(n));
      // IPSR's reserved bits depend on the machine (PSR.vm implemented or not): read at run time.
      const ipsr = n === CR.IPSR,
        resv = CR_RESERVED[n] ?? 0n;
      const resvLo = Number(resv & 0xffffffffn),
        resvHi = Number(resv >> 32n);
      // The interruption CRs are plain storage: moved as 32-bit halves, no BigInt (a handler's
      // hot path). Every other CR goes through crValue/setCr.
      const plain = inIr && n !== CR.IIPA;
      // IPSR.ri and ISR.ei = 3 are reserved values (reserved-values.ts): bits 41-42, on the high half.
      const riRule = plain && (n === CR.ISR || n === CR.IPSR);
      // Writes that need the whole value: reserved values (reserved-values.ts), the interrupt
      // CRs' fields (interrupt-crs.ts) and ignored fields.
      const valueRule = !plain || n === CR.IFS || n === CR.PTA || CR_IGNORED[n] !== undefined;
      const general = (m: Machine) => {
        const N = m.nat,
          GL = m.grLo,
          GH = m.grHi;
        const rLo = ipsr ? ~m.psrDefinedLo : resvLo,
          rHi = ipsr ? ~m.psrDefinedHi : resvHi;
        const illegal = alwaysIllegal || (inIr && m.ic === 1);
        const nat = write && N[r2] === 1;
        const reserved =
          write &&
          (((GL[r2]! & rLo) | (GH[r2]! & rHi)) !== 0 ||
            (riRule && ((GH[r2]! >>> 9) & 3) === 3) ||
            (valueRule && (interruptCrReserved(n, m.gr(r2)) || reservedCrValue(n, m.gr(r2)))));
        // No fault possible at cpl 0 outside a guest (vm = 0): no priv/virt checks to compute.
        if (illegal || nat || reserved || m.cpl !== 0 || m.vm !== 0) {
          const p = priv(m),
            vf = virt(m, ins.op);
          if (illegal || p || nat || reserved || vf)
            return m.fault(
              pickFault(illegal && 'illegal_op', p, nat && 'reg_nat', reserved && 'reserved_reg_field', vf)!,
            );
        }
        if (plain && !(write && valueRule)) {
          if (write) {
            m.crLo[n] = GL[r2]!;
            m.crHi[n] = GH[r2]!;
          } else {
            GL[r1] = m.crLo[n]!;
            GH[r1] = m.crHi[n]!;
            N[r1] = 0;
          }
        } else if (write) setCr(m, n, m.gr(r2) & ~(CR_IGNORED[n] ?? 0n));
        else m.setGr(r1, crValue(m, n));
        return CONT;
      };
      if (!plain || alwaysIllegal || (write && valueRule)) return general;
      // An interruption handler's moves (PSR.ic = 0, cpl 0, no guest): a small closure the JIT
      // inlines, with every other case (faults included) through the general one.
      if (write)
        return (m: Machine) => {
          const N = m.nat,
            GL = m.grLo,
            GH = m.grHi,
            CL = m.crLo,
            CH = m.crHi;
          const rLo = ipsr ? ~m.psrDefinedLo : resvLo,
            rHi = ipsr ? ~m.psrDefinedHi : resvHi;
          if (
            (m.ic | m.cpl | m.vm | N[r2]!) !== 0 ||
            ((GL[r2]! & rLo) | (GH[r2]! & rHi)) !== 0 ||
            (riRule && ((GH[r2]! >>> 9) & 3) === 3)
          )
            return general(m);
          CL[n] = GL[r2]!;
          CH[n] = GH[r2]!;
          return CONT;
        };
      return (m: Machine) => {
        const N = m.nat,
          GL = m.grLo,
          GH = m.grHi,
          CL = m.crLo,
          CH = m.crHi;
        if ((m.ic | m.cpl | m.vm) !== 0) return general(m);
        GL[r1] = CL[n]!;
        GH[r1] = CH[n]!;
        N[r1] = 0;
        return CONT;
      };
    }
    case 'mov_to_psr_l':
      return (m: Machine) => {
        const N = m.nat;
        const v = m.gr(r2);
        return go(
          m,
          pickFault(
            priv(m),
            N[r2] && 'reg_nat',
            (v & PSR_L_RESERVED_MASK) !== 0n && 'reserved_reg_field',
            virt(m, ins.op),
          ),
          () => {
            m.setPsr((m.psr & ~0xffffffffn) | (v & 0xffffffffn));
            return CONT;
          },
        );
      };
    case 'mov_from_psr':
      return (m: Machine) =>
        go(m, pickFault(priv(m), virt(m, ins.op)), (m: Machine) => {
          m.setGr(r1, m.psr & PSR_READ_MASK);
          return CONT;
        });
    case 'mov_from_psr_um':
      return (m: Machine) => {
        m.setGr(r1, m.psr & 0x3fn);
        return CONT;
      };
    case 'mov_to_psr_um':
    case 'sum':
    case 'rum': {
      const isReg = ins.op === 'mov_to_psr_um';
      return (m: Machine) => {
        const N = m.nat;
        const v = isReg ? m.gr(r2) : ins.imm;
        return go(m, pickFault(isReg && N[r2] && 'reg_nat', (v & ~0x3en) !== 0n && 'reserved_reg_field'), () => {
          // PSR.up changes only when PSR.sp = 0.
          const mask = m.psrBit('sp') ? 0x3an : 0x3en;
          if (isReg) m.setPsr((m.psr & ~mask) | (v & mask));
          else if (ins.op === 'sum') m.setPsr(m.psr | (v & mask));
          else m.setPsr(m.psr & ~(v & mask));
          return CONT;
        });
      };
    }
    case 'ssm':
    case 'rsm':
      return (m: Machine) =>
        go(
          m,
          pickFault(priv(m), (ins.imm & PSR_SM_RESERVED_MASK) !== 0n && 'reserved_reg_field', virt(m, ins.op)),
          (m: Machine) => {
            m.setPsr(ins.op === 'ssm' ? m.psr | ins.imm : m.psr & ~ins.imm);
            return CONT;
          },
        );
    case 'bsw':
      return (m: Machine) =>
        go(m, pickFault(priv(m), virt(m, 'bsw')), (m: Machine) => {
          m.setPsr(ins.n1 ? m.psr | (1n << 44n) : m.psr & ~(1n << 44n));
          return CONT;
        });
    case 'alloc': {
      const sof = ins.n1,
        sol = ins.n2,
        sor = ins.n3 * 8;
      return (m: Machine) =>
        // The target may be a static register; r0, or a stacked one outside the new frame, is illegal.
        go(
          m,
          pickFault(
            (sof > 96 || sol > sof || sor > sof || r1 === 0 || (r1 >= 32 && r1 >= 32 + sof)) && 'illegal_op',
            // The rotating region may change size only while no register is renamed.
            sor !== m.sor && (m.rrbGr | m.rrbFr | m.rrbPr) !== 0 && 'reserved_reg_field',
          ),
          (m: Machine) => {
            const pfs = m.ar(AR.PFS);
            if (sof > m.sof) {
              if (!rseGrow(m, sof - m.sof)) return FAULT;
              // The registers a growing frame exposes have no defined value: they read as 0 (as
              // Ski's physical registers do until first written).
              m.grLo.fill(0, 32 + m.sof, 32 + sof);
              m.grHi.fill(0, 32 + m.sof, 32 + sof);
              m.nat.fill(0, 32 + m.sof, 32 + sof);
            }
            m.sof = sof;
            m.sol = sol;
            m.sor = sor;
            m.setGr(r1, pfs);
            return CONT;
          },
        );
    }
    case 'cover':
      return (m: Machine) =>
        go(m, pickFault(virt(m, 'cover')), (m: Machine) => {
          const cfm = m.cfm();
          rsePreserve(m, m.sof);
          if (!m.ic) m.cr[CR.IFS] = cfm | (1n << 63n);
          m.sof = 0;
          m.sol = 0;
          m.sor = 0;
          return CONT;
        });
    case 'epc':
      return (m: Machine) => {
        const ppl = Number(m.ar(AR.PFS) >> 62n);
        if (ppl < m.cpl) return m.fault('illegal_op');
        if (!m.it) {
          m.setPsr(m.psr & ~(3n << 32n));
          return CONT;
        }
        const e = instPage(m);
        if (e && e.ar === 7 && e.pl < m.cpl) m.setPsr((m.psr & ~(3n << 32n)) | (BigInt(e.pl) << 32n));
        return CONT;
      };
    case 'vmsw':
      return (m: Machine) => {
        const e = m.it ? instPage(m) : null;
        return go(
          m,
          pickFault(
            !m.cfg.vmImplemented && 'illegal_op',
            priv(m),
            (!(m.it && e && e.ar === 7) || m.vmswDisabled) && 'virtualization',
          ),
          () => {
            m.setPsr(ins.n1 ? m.psr | (1n << 46n) : m.psr & ~(1n << 46n));
            return CONT;
          },
        );
      };
  }
  return null;
}

/** The ITLB entry of the page holding the current instruction (null when none). */
function instPage(m: Machine) {
  const ip = m.ip();
  const rid = Number((m.rr[Number(ip >> 61n)]! >> 8n) & 0xffffffn);
  return m.itlb.lookup(rid, ip);
}
