// Reference model of vti_psr (blocks.md "vti_psr", architecture.md §2): a scalar BigInt
// reference that follows the op table row by row, and batched fast references over uint32
// columns — `evalBatch` (one combinational next-state evaluation per vector, current PSR
// given as the `psr` input column) and `stepBatch` (a clocked cycle sequence).
import { PSR_FIELDS, PSR_KEPT_MASK, PSR_L_RESERVED_MASK, PSR_RESERVED_MASK, PSR_SM_RESERVED_MASK, PSR_UM_MASK } from '../../arch/psr.js';
import { checkInputs, outputColumns, port, split64, type Columns, type Port } from './columns.js';
import { boolOption, checkOptionKeys } from './options.js';

const BLOCK = 'vti_psr';

export const PSR_OP = Object.freeze({
  NOP: 0, MOV_PSR_L: 1, SSM: 2, RSM: 3, SUM: 4, RUM: 5, MOV_PSR_UM: 6, INTERRUPT: 7, RFI: 8,
  VMSW0: 9, VMSW1: 10, EPC: 11, BSW0: 12, BSW1: 13,
});

export interface PsrOptions {
  /** VT-i implemented (default true); when false PSR.vm is tied to 0. */
  readonly vmImplemented?: boolean;
}
export interface ResolvedPsrOptions {
  readonly vmImplemented: boolean;
}

export function resolvePsrOptions(opts: PsrOptions = {}): ResolvedPsrOptions {
  checkOptionKeys(BLOCK, opts, ['vmImplemented']);
  return { vmImplemented: boolOption(BLOCK, 'vmImplemented', opts.vmImplemented, true) };
}

/** Input ports of the combinational form (`psr` = the current register value). */
export const PSR_COMB_INPUTS: readonly Port[] = Object.freeze([
  port('psr', 64), port('rst', 1), port('op', 4), port('operand', 64), port('slot', 2), port('dcr_be', 1), port('dcr_pp', 1),
]);
/** Outputs of the combinational form: the value the register takes at the next edge, plus the
 *  block's combinational outputs computed from the *current* psr. */
export const PSR_COMB_OUTPUTS: readonly Port[] = Object.freeze([port('psr_next', 64), port('ipsr_save', 64), port('rsv_fault', 1)]);
/** Per-cycle inputs of the clocked form (the block's input ports minus clk). */
export const PSR_STEP_INPUTS: readonly Port[] = PSR_COMB_INPUTS.slice(1);
/** The block's output ports, sampled after each rising edge. */
export const PSR_STEP_OUTPUTS: readonly Port[] = Object.freeze([port('psr', 64), port('ipsr_save', 64), port('rsv_fault', 1)]);

// ---------------------------------------------------------------------------------------
// Scalar reference: written from the blocks.md text, bit lists spelled out as in the table.

/** Mask of the listed bits; [a, b] is the range a..b. */
function bits(...spec: (number | [number, number])[]): bigint {
  let m = 0n;
  for (const s of spec) {
    const [a, b] = typeof s === 'number' ? [s, s] : s;
    for (let i = a; i <= b; i++) m |= 1n << BigInt(i);
  }
  return m;
}
const M64 = (1n << 64n) - 1n;
const FAULT_L = bits(0, [6, 12], 16, [28, 31]); // MOV_PSR_L
const FAULT_SM = bits(0, [6, 12], 16); //          SSM, RSM (operand{63:24} ignored)
const FAULT_UM = bits(0, [6, 23]); //              SUM, RUM (operand{63:24} ignored)
const FAULT_MOV_UM = bits(0, [6, 63]); //          MOV_PSR_UM
const RFI_RESERVED = bits(0, [6, 12], 16, [28, 31], [47, 63]);
const BIT = (name: string): bigint => {
  const f = PSR_FIELDS.find((x) => x.name === name);
  if (!f) throw new Error(`no PSR field ${name}`);
  return BigInt(f.lo);
};
const UP = 1n << BIT('up'), SP = 1n << BIT('sp'), VM = 1n << BIT('vm'), BN = 1n << BIT('bn');
const CPL_LO = BIT('cpl'), RI_LO = BIT('ri');

export interface PsrScalarInputs {
  readonly rst?: number;
  readonly op: number;
  readonly operand: bigint;
  readonly slot: number;
  readonly dcrBe: number;
  readonly dcrPp: number;
}
export interface PsrScalarResult {
  /** The register value after the next rising edge. */
  readonly next: bigint;
  /** ipsr_save of the current psr. */
  readonly ipsrSave: bigint;
  readonly rsvFault: 0 | 1;
}

/** rsv_fault: from op and operand only. */
export function psrRsvFault(op: number, operand: bigint): 0 | 1 {
  const o = operand & M64;
  switch (op & 15) {
    case PSR_OP.MOV_PSR_L: return (o & FAULT_L) !== 0n ? 1 : 0;
    case PSR_OP.SSM: case PSR_OP.RSM: return (o & FAULT_SM) !== 0n ? 1 : 0;
    case PSR_OP.SUM: case PSR_OP.RUM: return (o & FAULT_UM) !== 0n ? 1 : 0;
    case PSR_OP.MOV_PSR_UM: return (o & FAULT_MOV_UM) !== 0n ? 1 : 0;
    default: return 0;
  }
}

/** ipsr_save: psr with ri ← slot. */
export function psrIpsrSave(psr: bigint, slot: number): bigint {
  return (psr & ~(3n << RI_LO) & M64) | (BigInt(slot & 3) << RI_LO);
}

/** The interruption state of architecture.md §2, field by field from the layout table. */
function interruptionState(psr: bigint, be: number, pp: number): bigint {
  let v = 0n;
  for (const f of PSR_FIELDS) {
    const m = ((1n << BigInt(f.width)) - 1n) << BigInt(f.lo);
    if (f.onInterrupt === 'kept') v |= psr & m;
    else if (f.onInterrupt === 'dcr_be') v |= BigInt(be & 1) << BigInt(f.lo);
    else if (f.onInterrupt === 'dcr_pp') v |= BigInt(pp & 1) << BigInt(f.lo);
  }
  return v;
}

/** The combinational function of the block: next register value and current outputs. */
export function psrScalar(psrIn: bigint, inp: PsrScalarInputs, opts: PsrOptions = {}): PsrScalarResult {
  const { vmImplemented } = resolvePsrOptions(opts);
  // Without VT the vm flip-flop does not exist: it reads 0 whatever the caller's state says.
  const psr = vmImplemented ? psrIn & M64 : psrIn & M64 & ~VM;
  const operand = inp.operand & M64;
  const rsvFault = psrRsvFault(inp.op, operand);
  const ipsrSave = psrIpsrSave(psr, inp.slot);
  const userMask = (psr & SP) !== 0n ? bits([1, 5]) & ~UP : bits([1, 5]); // `up` only if sp = 0
  let next = psr;
  if ((inp.rst ?? 0) & 1) next = 0n;
  else if (!rsvFault) {
    switch (inp.op & 15) {
      case PSR_OP.NOP: break;
      case PSR_OP.MOV_PSR_L: next = (psr & ~bits([0, 31])) | (operand & bits([0, 31])); break;
      case PSR_OP.SSM: next = psr | (operand & bits([0, 23])); break;
      case PSR_OP.RSM: next = psr & ~(operand & bits([0, 23])); break;
      case PSR_OP.SUM: next = psr | (operand & userMask); break;
      case PSR_OP.RUM: next = psr & ~(operand & userMask); break;
      case PSR_OP.MOV_PSR_UM: next = (psr & ~userMask) | (operand & userMask); break;
      case PSR_OP.INTERRUPT: next = interruptionState(psr, inp.dcrBe, inp.dcrPp); break;
      case PSR_OP.RFI: next = operand & ~RFI_RESERVED & (vmImplemented ? M64 : ~VM); break;
      case PSR_OP.VMSW0: next = psr & ~VM; break;
      case PSR_OP.VMSW1: next = vmImplemented ? psr | VM : psr; break;
      case PSR_OP.EPC: {
        const cpl = (psr >> CPL_LO) & 3n, want = operand & 3n;
        if (want < cpl) next = (psr & ~(3n << CPL_LO)) | (want << CPL_LO);
        break;
      }
      case PSR_OP.BSW0: next = psr & ~BN; break;
      case PSR_OP.BSW1: next = psr | BN; break;
      default: break; // 14, 15: unchanged
    }
  }
  return { next: next & M64, ipsrSave, rsvFault };
}

/** One clock cycle: the outputs sampled after the rising edge, inputs still applied. */
export function psrStepScalar(state: bigint, inp: PsrScalarInputs, opts: PsrOptions = {}): { psr: bigint; ipsrSave: bigint; rsvFault: 0 | 1 } {
  const { next, rsvFault } = psrScalar(state, inp, opts);
  return { psr: next, ipsrSave: psrIpsrSave(next, inp.slot), rsvFault };
}

// ---------------------------------------------------------------------------------------
// Batched reference: the same behaviour on lo/hi uint32 words, masks from arch/psr.ts.

const [L_RSV] = split64(PSR_L_RESERVED_MASK);
const [SM_RSV] = split64(PSR_SM_RESERVED_MASK);
const UM_RSV = 0xffffff & ~Number(PSR_UM_MASK); // SUM/RUM look at operand{23:0} only
const [MUM_RSV_LO, MUM_RSV_HI] = split64(~PSR_UM_MASK & M64);
const [RSV_LO, RSV_HI] = split64(PSR_RESERVED_MASK);
const [KEPT_LO, KEPT_HI] = split64(PSR_KEPT_MASK);
const UM = Number(PSR_UM_MASK);
const UP_B = 1 << Number(BIT('up')), SP_B = 1 << Number(BIT('sp'));
const BE_SH = Number(BIT('be')), PP_SH = Number(BIT('pp'));
const VM_H = 1 << (Number(BIT('vm')) - 32), BN_H = 1 << (Number(BIT('bn')) - 32);
const CPL_SH = Number(CPL_LO) - 32, RI_SH = Number(RI_LO) - 32;

function faultOf(op: number, ol: number, oh: number): number {
  switch (op) {
    case 1: return +((ol & L_RSV) !== 0);
    case 2: case 3: return +((ol & SM_RSV) !== 0);
    case 4: case 5: return +((ol & UM_RSV) !== 0);
    case 6: return +(((ol & MUM_RSV_LO) | (oh & MUM_RSV_HI)) !== 0);
    default: return 0;
  }
}

// Result of nextWords (module scratch: avoids allocating a pair per vector).
let nl = 0, nh = 0;
function nextWords(vmImpl: boolean, pl: number, ph: number, rst: number, op: number, ol: number, oh: number, be: number, pp: number, fault: number): void {
  nl = pl; nh = ph;
  if (rst) { nl = 0; nh = 0; return; }
  if (fault) return;
  const um = pl & SP_B ? UM & ~UP_B : UM;
  switch (op) {
    case 1: nl = ol; break;
    case 2: nl = pl | (ol & 0xffffff); break;
    case 3: nl = pl & ~(ol & 0xffffff); break;
    case 4: nl = pl | (ol & um); break;
    case 5: nl = pl & ~(ol & um); break;
    case 6: nl = (pl & ~um) | (ol & um); break;
    case 7: nl = (pl & KEPT_LO) | ((be & 1) << BE_SH) | ((pp & 1) << PP_SH); nh = ph & KEPT_HI; break;
    case 8: nl = ol & ~RSV_LO; nh = oh & ~RSV_HI & (vmImpl ? ~0 : ~VM_H); break;
    case 9: nh = ph & ~VM_H; break;
    case 10: if (vmImpl) nh = ph | VM_H; break;
    case 11: {
      const want = ol & 3;
      if (want < ((ph >>> CPL_SH) & 3)) nh = (ph & ~(3 << CPL_SH)) | (want << CPL_SH);
      break;
    }
    case 12: nh = ph & ~BN_H; break;
    case 13: nh = ph | BN_H; break;
    default: break;
  }
}

export interface PsrModel {
  readonly module: 'vti_psr';
  readonly options: ResolvedPsrOptions;
  readonly inputs: readonly Port[];
  readonly outputs: readonly Port[];
  /** Combinational form: inputs PSR_COMB_INPUTS, outputs PSR_COMB_OUTPUTS. */
  evalBatch(inputs: Columns, count: number, out?: Columns): Columns;
  readonly stepInputs: readonly Port[];
  readonly stepOutputs: readonly Port[];
  /** Clocked form over `count` cycles; `state` (psr as [lo, hi]) is updated in place. */
  stepBatch(state: Uint32Array, inputs: Columns, count: number, out?: Columns): Columns;
}

export function createPsrModel(opts: PsrOptions = {}): PsrModel {
  const options = resolvePsrOptions(opts);
  const vmImpl = options.vmImplemented;
  const noVm = vmImpl ? ~0 : ~VM_H;
  return {
    module: BLOCK, options, inputs: PSR_COMB_INPUTS, outputs: PSR_COMB_OUTPUTS,
    stepInputs: PSR_STEP_INPUTS, stepOutputs: PSR_STEP_OUTPUTS,
    evalBatch(inputs, count, out) {
      checkInputs(BLOCK, PSR_COMB_INPUTS, inputs, count);
      const o = outputColumns(BLOCK, PSR_COMB_OUTPUTS, count, out);
      const psr = inputs.psr!, rst = inputs.rst!, opc = inputs.op!, opd = inputs.operand!, slot = inputs.slot!;
      const be = inputs.dcr_be!, pp = inputs.dcr_pp!;
      const pn = o.psr_next!, sv = o.ipsr_save!, rf = o.rsv_fault!;
      for (let i = 0; i < count; i++) {
        const pl = psr[2 * i]!, ph = psr[2 * i + 1]! & noVm, op = opc[i]! & 15, ol = opd[2 * i]!, oh = opd[2 * i + 1]!;
        const f = faultOf(op, ol, oh);
        nextWords(vmImpl, pl, ph, rst[i]! & 1, op, ol, oh, be[i]!, pp[i]!, f);
        pn[2 * i] = nl; pn[2 * i + 1] = nh;
        sv[2 * i] = pl; sv[2 * i + 1] = (ph & ~(3 << RI_SH)) | ((slot[i]! & 3) << RI_SH);
        rf[i] = f;
      }
      return o;
    },
    stepBatch(state, inputs, count, out) {
      if (!(state instanceof Uint32Array) || state.length < 2) throw new Error(`${BLOCK}: state must be a Uint32Array [lo, hi]`);
      checkInputs(BLOCK, PSR_STEP_INPUTS, inputs, count);
      const o = outputColumns(BLOCK, PSR_STEP_OUTPUTS, count, out);
      const rst = inputs.rst!, opc = inputs.op!, opd = inputs.operand!, slot = inputs.slot!;
      const be = inputs.dcr_be!, pp = inputs.dcr_pp!;
      const ps = o.psr!, sv = o.ipsr_save!, rf = o.rsv_fault!;
      let pl = state[0]!, ph = state[1]! & noVm;
      for (let i = 0; i < count; i++) {
        const op = opc[i]! & 15, ol = opd[2 * i]!, oh = opd[2 * i + 1]!;
        const f = faultOf(op, ol, oh);
        nextWords(vmImpl, pl, ph, rst[i]! & 1, op, ol, oh, be[i]!, pp[i]!, f);
        pl = nl; ph = nh;
        ps[2 * i] = pl; ps[2 * i + 1] = ph;
        sv[2 * i] = pl; sv[2 * i + 1] = (ph & ~(3 << RI_SH)) | ((slot[i]! & 3) << RI_SH);
        rf[i] = f;
      }
      state[0] = pl; state[1] = ph;
      return o;
    },
  };
}
