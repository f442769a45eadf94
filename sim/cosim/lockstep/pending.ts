// Which of the core's own checks apply to an event, restated from the spec (docs/vti_core.md
// "What the core decides", architecture.md §3, §7, §8) for functional coverage: the pairs of
// simultaneously pending faults are bins, and the core's internal pending vector is not a port.
// Numbers only (32-bit halves). Not used for pass/fail: the lockstep compares with the emulator.
import { CR, CR_IMPLEMENTED, CR_INTERRUPTION_RANGE, CR_READ_ONLY, CR_RESERVED_MASK } from '../../../arch/cr.js';
import { ICLASS } from '../../../arch/iclass.js';
import { PSR_L_RESERVED_MASK, PSR_RESERVED_MASK, PSR_SM_RESERVED_MASK } from '../../../arch/psr.js';
import type { VtiConfig } from '../../../gen/vti.js';
import { ICLASS_BY_CODE, ICLASS_CODE } from './classify.js';
import type { Columns } from './columns.js';
import { crValueReserved } from './cr-reserved-values.js';

/** The core's own faults, in priority order (bit i of the mask). */
export const OWN = [
  'illegal_op',
  'priv_op',
  'reg_nat',
  'reserved_reg_field',
  'unimpl_data_addr',
  'virtualization',
  'break_inst',
  'unimpl_inst_addr_trap',
] as const;
export type OwnFault = (typeof OWN)[number];
const O = Object.fromEntries(OWN.map((n, i) => [n, 1 << i])) as Record<OwnFault, number>;

const C = ICLASS_CODE;
const lo = (v: bigint) => Number(v & 0xffffffffn),
  hi = (v: bigint) => Number((v >> 32n) & 0xffffffffn);
const CR_MASK = new Map<number, [number, number]>(
  Object.entries(CR_RESERVED_MASK).map(([k, v]) => [Number(k), [lo(v), hi(v)]]),
);
CR_MASK.set(CR.IPSR, [lo(PSR_RESERVED_MASK), hi(PSR_RESERVED_MASK)]);
const SM = lo(PSR_SM_RESERVED_MASK),
  UMI = 0xffffff & ~0x3e,
  PL = lo(PSR_L_RESERVED_MASK);
const IMPL = new Set(CR_IMPLEMENTED),
  RO = new Set(CR_READ_ONLY);
const PRIV = ICLASS_BY_CODE.map((k) => (k ? ICLASS[k].privileged : false));
const VIRT = ICLASS_BY_CODE.map((k) => (k ? ICLASS[k].virt : 'none'));

/**
 * Per class code: 1 when some own check applies to the class (ownPending looks at it), 0 when
 * ownPending is 0 whatever the operands and mode (most events: ALU, moves, nops), so the
 * coverage skips it. The same conditions as ownPending's, by class alone.
 */
export const MAY_PEND: Uint8Array = Uint8Array.from(ICLASS_BY_CODE, (k, cls) => {
  if (!k) return 0;
  const byClass: readonly number[] = [
    C.MOV_TO_CR,
    C.MOV_FROM_CR,
    C.EPC,
    C.VMSW,
    C.MOV_TO_PSR_L,
    C.MOV_TO_PSR_UM,
    C.SSM,
    C.RSM,
    C.SUM,
    C.RUM,
    C.LOAD,
    C.STORE,
    C.PRIV_OTHER,
    C.BREAK,
    C.BRANCH,
  ];
  return PRIV[cls] || VIRT[cls] !== 'none' || byClass.includes(cls) ? 1 : 0;
});

/** Address unimplemented (architecture.md §7): physical — bits 62..PA_MSB+1 nonzero; virtual — bits 60..M+1 not all equal to bit M. */
export function unimplAddr(_aLo: number, aHi: number, phys: boolean, vm: number, g: VtiConfig): boolean {
  if (phys) return g.implPaMsb < 62 && (aHi & 0x7fffffff) >>> (g.implPaMsb + 1 - 32) !== 0;
  const m = (vm ? g.implVaMsb - g.guestShrink : g.implVaMsb) - 32;
  const field = (aHi & 0x1fffffff) >>> m,
    width = 29 - m;
  return !(field === 0 || field === 2 ** width - 1);
}

/** The own faults pending for event i, given the PSR before it (halves). */
export function ownPending(I: Columns, i: number, psrLo: number, psrHi: number, g: VtiConfig): number {
  if (I.ev_valid![i] !== 1) return 0;
  const cls = I.iclass![i]!;
  const cpl = psrHi & 3,
    vm = (psrHi >>> 14) & 1,
    ic = (psrLo >>> 13) & 1,
    dt = (psrLo >>> 17) & 1,
    it = (psrHi >>> 4) & 1;
  const r2Lo = I.r2![2 * i]!,
    r2Hi = I.r2![2 * i + 1]!,
    imm = I.imm![i]!,
    cr = I.cr_num![i]!;
  const aLo = I.addr![2 * i]!,
    aHi = I.addr![2 * i + 1]!;
  let p = 0;
  const inIr = cr >= CR_INTERRUPTION_RANGE.lo && cr <= CR_INTERRUPTION_RANGE.hi;
  if (cls === C.MOV_TO_CR && (!IMPL.has(cr) || RO.has(cr) || (inIr && ic))) p |= O.illegal_op;
  if (cls === C.MOV_FROM_CR && (!IMPL.has(cr) || (inIr && ic))) p |= O.illegal_op;
  if (cls === C.EPC && I.pfs_ppl![i]! < cpl) p |= O.illegal_op;
  if (cls === C.VMSW && !g.vmImplemented) p |= O.illegal_op;
  if ((PRIV[cls] || (cls === C.VMSW && g.vmImplemented)) && cpl !== 0) p |= O.priv_op;
  if (I.r2_nat![i] && (cls === C.MOV_TO_PSR_L || cls === C.MOV_TO_PSR_UM || cls === C.MOV_TO_CR)) p |= O.reg_nat;
  const crMask =
    cr === CR.IPSR && !g.vmImplemented
      ? [CR_MASK.get(CR.IPSR)![0], CR_MASK.get(CR.IPSR)![1] | (1 << 14)]
      : CR_MASK.get(cr); // §8: bit 46 without VT
  const rsv =
    cls === C.SSM || cls === C.RSM
      ? (imm & SM) !== 0
      : cls === C.SUM || cls === C.RUM
        ? (imm & UMI) !== 0
        : cls === C.MOV_TO_PSR_L
          ? (r2Lo & PL) !== 0
          : cls === C.MOV_TO_PSR_UM
            ? ((r2Lo & ~0x3e) | r2Hi) !== 0
            : cls === C.MOV_TO_CR
              ? (crMask !== undefined && ((r2Lo & crMask[0]!) | (r2Hi & crMask[1]!)) !== 0) ||
                crValueReserved(cr, r2Lo, r2Hi)
              : false;
  if (rsv) p |= O.reserved_reg_field;
  if ((cls === C.LOAD || cls === C.STORE) && unimplAddr(aLo, aHi, !dt, vm, g)) p |= O.unimpl_data_addr;
  // Address operands of itc/itr/ptc/tpa are virtual addresses (SDM pseudo-code; see divergence D4).
  if (cls === C.PRIV_OTHER && I.has_addr![i] && unimplAddr(aLo, aHi, false, vm, g)) p |= O.unimpl_data_addr;
  if (vm && ((VIRT[cls] === 'cpl0' && cpl === 0) || VIRT[cls] === 'any')) p |= O.virtualization;
  if (cls === C.VMSW && g.vmImplemented && cpl === 0 && !(it && I.page_ar![i] === 7)) p |= O.virtualization;
  if (cls === C.BREAK) p |= O.break_inst;
  if (cls === C.BRANCH && unimplAddr(aLo, aHi, !it, vm, g)) p |= O.unimpl_inst_addr_trap;
  return p;
}
