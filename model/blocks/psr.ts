// Reference model of vti_psr (blocks.md "vti_psr", architecture.md §2): a scalar BigInt
// reference that follows the op table row by row, and batched fast references over uint32
// columns — `evalBatch` (one combinational next-state evaluation per vector, current PSR
// given as the `psr` input column) and `stepBatch` (a clocked cycle sequence).
// Deliberately a separate copy (N-version): this file, the eDSL block (hdl/vti/), the hand-
// written Verilog reference (formal/ref/) and the emulator (model/exec/) each state these
// semantics on their own, so that co-simulation and the equivalence proofs compare independent
// opinions. Keep them apart: they may share the spec data of arch/, never code.
import {
  PSR_FIELDS,
  PSR_KEPT_MASK,
  PSR_L_RESERVED_MASK,
  PSR_RESERVED_MASK,
  PSR_SM_RESERVED_MASK,
  PSR_UM_MASK,
} from '../../arch/psr.js';
import { checkInputs, outputColumns, port, split64, type Columns, type Port } from './columns.js';
import { boolOption, checkOptionKeys } from './options.js';
import { DEFAULT_CONFIG, type VtiConfig } from '../../arch/config.js';
import { PSR_OP } from '../../arch/psr-op.js';

const BLOCK = 'vti_psr';

/** VT-i implemented (default true); when false PSR.vm is tied to 0. */
export type PsrOptions = Partial<Pick<VtiConfig, 'vmImplemented'>>;
export type ResolvedPsrOptions = Pick<VtiConfig, 'vmImplemented'>;

export function resolvePsrOptions(opts: PsrOptions = {}): ResolvedPsrOptions {
  checkOptionKeys(BLOCK, opts, ['vmImplemented']);
  return { vmImplemented: boolOption(BLOCK, 'vmImplemented', opts.vmImplemented, DEFAULT_CONFIG.vmImplemented) };
}

/** Input ports of the combinational form (`psr` = the current register value). */
export const PSR_COMB_INPUTS: readonly Port[] = Object.freeze([
  port('psr', 64),
  port('rst', 1),
  port('op', 4),
  port('operand', 64),
  port('slot', 2),
  port('dcr_be', 1),
  port('dcr_pp', 1),
]);
/** Outputs of the combinational form: the value the register takes at the next edge, plus the
 *  block's combinational outputs computed from the *current* psr. */
export const PSR_COMB_OUTPUTS: readonly Port[] = Object.freeze([
  port('psr_next', 64),
  port('ipsr_save', 64),
  port('rsv_fault', 1),
]);
/** Per-cycle inputs of the clocked form (the block's input ports minus clk). */
export const PSR_STEP_INPUTS: readonly Port[] = PSR_COMB_INPUTS.slice(1);
/** The block's output ports, sampled after each rising edge. */
export const PSR_STEP_OUTPUTS: readonly Port[] = Object.freeze([
  port('psr', 64),
  port('ipsr_save', 64),
  port('rsv_fault', 1),
]);

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
const UP = 1n << BIT('up'),
  SP = 1n << BIT('sp'),
  VM = 1n << BIT('vm'),
  BN = 1n << BIT('bn');
const CPL_LO = BIT('cpl'),
  RI_LO = BIT('ri');

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
    case PSR_OP.MOV_PSR_L:
      return (o & FAULT_L) !== 0n ? 1 : 0;
    case PSR_OP.SSM:
    case PSR_OP.RSM:
      return (o & FAULT_SM) !== 0n ? 1 : 0;
    case PSR_OP.SUM:
    case PSR_OP.RUM:
      return (o & FAULT_UM) !== 0n ? 1 : 0;
    case PSR_OP.MOV_PSR_UM:
      return (o & FAULT_MOV_UM) !== 0n ? 1 : 0;
    default:
      return 0;
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
      case PSR_OP.NOP:
        break;
      case PSR_OP.MOV_PSR_L:
        next = (psr & ~bits([0, 31])) | (operand & bits([0, 31]));
        break;
      case PSR_OP.SSM:
        next = psr | (operand & bits([0, 23]));
        break;
      case PSR_OP.RSM:
        next = psr & ~(operand & bits([0, 23]));
        break;
      case PSR_OP.SUM:
        next = psr | (operand & userMask);
        break;
      case PSR_OP.RUM:
        next = psr & ~(operand & userMask);
        break;
      case PSR_OP.MOV_PSR_UM:
        next = (psr & ~userMask) | (operand & userMask);
        break;
      case PSR_OP.INTERRUPT:
        next = interruptionState(psr, inp.dcrBe, inp.dcrPp);
        break;
      case PSR_OP.RFI:
        next = operand & ~RFI_RESERVED & (vmImplemented ? M64 : ~VM);
        break;
      case PSR_OP.VMSW0:
        next = psr & ~VM;
        break;
      case PSR_OP.VMSW1:
        next = vmImplemented ? psr | VM : psr;
        break;
      case PSR_OP.EPC: {
        const cpl = (psr >> CPL_LO) & 3n,
          want = operand & 3n;
        if (want < cpl) next = (psr & ~(3n << CPL_LO)) | (want << CPL_LO);
        break;
      }
      case PSR_OP.BSW0:
        next = psr & ~BN;
        break;
      case PSR_OP.BSW1:
        next = psr | BN;
        break;
      default:
        break; // 14, 15: unchanged
    }
  }
  return { next: next & M64, ipsrSave, rsvFault };
}

/** One clock cycle: the outputs sampled after the rising edge, inputs still applied. */
export function psrStepScalar(
  state: bigint,
  inp: PsrScalarInputs,
  opts: PsrOptions = {},
): { psr: bigint; ipsrSave: bigint; rsvFault: 0 | 1 } {
  const { next, rsvFault } = psrScalar(state, inp, opts);
  return { psr: next, ipsrSave: psrIpsrSave(next, inp.slot), rsvFault };
}

// ---------------------------------------------------------------------------------------
// Batched reference: the same behaviour on lo/hi uint32 words, masks from arch/psr.ts.
// Branch-free (random op sequences would defeat the branch predictor): every op is one row
// of per-op masks, indexed by op | sp << 4 (sp changes the user mask), applied as
//   lo' = ((lo & ~(operand.lo & CLR)) & KEEP) | (operand.lo & SET) | DCR bits (INTERRUPT)
//   hi' = (hi & KEEP) | (operand.hi & SET) | FORCE,  then EPC's conditional cpl update,
// and finally the fault and reset selects.

const [L_RSV_LO] = split64(PSR_L_RESERVED_MASK);
const [SM_RSV_LO] = split64(PSR_SM_RESERVED_MASK);
const [MUM_RSV_LO, MUM_RSV_HI] = split64(~PSR_UM_MASK & M64);
const [RSV_LO, RSV_HI] = split64(PSR_RESERVED_MASK);
const [KEPT_LO, KEPT_HI] = split64(PSR_KEPT_MASK);
const UM = Number(PSR_UM_MASK),
  UM_RSV_LO = 0xffffff & ~UM; // SUM/RUM look at operand{23:0} only
const UP_B = 1 << Number(BIT('up')),
  SP_SH = Number(BIT('sp'));
const BE_SH = Number(BIT('be')),
  PP_SH = Number(BIT('pp'));
const VM_H = 1 << (Number(BIT('vm')) - 32),
  BN_H = 1 << (Number(BIT('bn')) - 32);
const CPL_SH = Number(CPL_LO) - 32,
  RI_SH = Number(RI_LO) - 32;

interface OpRow {
  keepL: number;
  keepH: number;
  clrL: number;
  setL: number;
  setH: number;
  forceH: number;
  dcr: number;
  epc: number;
  faultL: number;
  faultH: number;
}

function opRow(op: number, sp: number, vmImpl: boolean): OpRow {
  const um = sp ? UM & ~UP_B : UM; // `up` only if sp = 0
  const r: OpRow = { keepL: ~0, keepH: ~0, clrL: 0, setL: 0, setH: 0, forceH: 0, dcr: 0, epc: 0, faultL: 0, faultH: 0 };
  switch (op) {
    case 1:
      r.keepL = 0;
      r.setL = ~0;
      r.faultL = L_RSV_LO;
      break; //                MOV_PSR_L
    case 2:
      r.setL = 0xffffff;
      r.faultL = SM_RSV_LO;
      break; //                         SSM
    case 3:
      r.clrL = 0xffffff;
      r.faultL = SM_RSV_LO;
      break; //                         RSM
    case 4:
      r.setL = um;
      r.faultL = UM_RSV_LO;
      break; //                               SUM
    case 5:
      r.clrL = um;
      r.faultL = UM_RSV_LO;
      break; //                               RUM
    case 6:
      r.keepL = ~um;
      r.setL = um;
      r.faultL = MUM_RSV_LO;
      r.faultH = MUM_RSV_HI;
      break; // MOV_PSR_UM
    case 7:
      r.keepL = KEPT_LO;
      r.keepH = KEPT_HI;
      r.dcr = ~0;
      break; //                 INTERRUPT
    case 8:
      r.keepL = 0;
      r.keepH = 0;
      r.setL = ~RSV_LO;
      r.setH = ~RSV_HI & (vmImpl ? ~0 : ~VM_H);
      break; // RFI
    case 9:
      r.keepH = ~VM_H;
      break; //                                                  VMSW0
    case 10:
      r.forceH = vmImpl ? VM_H : 0;
      break; //                                    VMSW1
    case 11:
      r.epc = 3 << CPL_SH;
      break; //                                             EPC
    case 12:
      r.keepH = ~BN_H;
      break; //                                                 BSW0
    case 13:
      r.forceH = BN_H;
      break; //                                                 BSW1
    default:
      break; //                                                                  NOP, 14, 15
  }
  return r;
}

interface Tables {
  keepL: Int32Array;
  keepH: Int32Array;
  clrL: Int32Array;
  setL: Int32Array;
  setH: Int32Array;
  forceH: Int32Array;
  dcr: Int32Array;
  epc: Int32Array;
  faultL: Int32Array;
  faultH: Int32Array;
}

function buildTables(vmImpl: boolean): Tables {
  const keys = ['keepL', 'keepH', 'clrL', 'setL', 'setH', 'forceH', 'dcr', 'epc', 'faultL', 'faultH'] as const;
  const t = Object.fromEntries(keys.map((k) => [k, new Int32Array(32)])) as unknown as Tables;
  for (let sp = 0; sp < 2; sp++)
    for (let op = 0; op < 16; op++) {
      const r = opRow(op, sp, vmImpl);
      for (const k of keys) t[k][op | (sp << 4)] = r[k];
    }
  return t;
}

/** Per-vector kernel: writes the next value and the fault into `res` (lo, hi, fault). */
function makeKernel(
  vmImpl: boolean,
): (
  res: Int32Array,
  pl: number,
  ph: number,
  rst: number,
  op: number,
  ol: number,
  oh: number,
  be: number,
  pp: number,
) => void {
  const { keepL, keepH, clrL, setL, setH, forceH, dcr, epc, faultL, faultH } = buildTables(vmImpl);
  return (res, pl, ph, rst, op, ol, oh, be, pp) => {
    const k = (op & 15) | (((pl >>> SP_SH) & 1) << 4);
    const fz = (ol & faultL[k]!) | (oh & faultH[k]!);
    const f = (fz | -fz) >> 31; // -1 when the op would write a reserved field
    const nl =
      (pl & ~(ol & clrL[k]!) & keepL[k]!) | (ol & setL[k]!) | ((((be & 1) << BE_SH) | ((pp & 1) << PP_SH)) & dcr[k]!);
    let nh = (ph & keepH[k]!) | (oh & setH[k]!) | forceH[k]!;
    const want = (ol & 3) << CPL_SH,
      lower = ((want - (ph & (3 << CPL_SH))) >> 31) & epc[k]!; // EPC: operand{1:0} < cpl
    nh = (nh & ~lower) | (want & lower);
    const zero = -(rst & 1),
      keep = f & ~zero; // rst: 0; else fault: unchanged
    res[0] = ((nl & ~keep) | (pl & keep)) & ~zero;
    res[1] = ((nh & ~keep) | (ph & keep)) & ~zero;
    res[2] = f & 1;
  };
}

export interface PsrStepOptions {
  /** Also write each output as sampled before the rising edge, as `<name>@pre` columns. */
  readonly sampleBefore?: boolean;
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
  /** Clocked form over `count` cycles (cycle k: inputs k applied, rising edge, outputs
   *  sampled); `state` (psr as [lo, hi]) is updated in place. */
  stepBatch(state: Uint32Array, inputs: Columns, count: number, out?: Columns, opts?: PsrStepOptions): Columns;
}

/** The `<name>@pre` columns written by stepBatch with sampleBefore. */
export const PSR_PRE_OUTPUTS: readonly Port[] = Object.freeze(
  PSR_STEP_OUTPUTS.map((p) => port(`${p.name}@pre`, p.width)),
);

export function createPsrModel(opts: PsrOptions = {}): PsrModel {
  const options = resolvePsrOptions(opts);
  const noVm = options.vmImplemented ? ~0 : ~VM_H;
  const kernel = makeKernel(options.vmImplemented);
  const res = new Int32Array(3);
  const riField = ~(3 << RI_SH);
  return {
    module: BLOCK,
    options,
    inputs: PSR_COMB_INPUTS,
    outputs: PSR_COMB_OUTPUTS,
    stepInputs: PSR_STEP_INPUTS,
    stepOutputs: PSR_STEP_OUTPUTS,
    evalBatch(inputs, count, out) {
      checkInputs(BLOCK, PSR_COMB_INPUTS, inputs, count);
      const o = outputColumns(BLOCK, PSR_COMB_OUTPUTS, count, out);
      const psr = inputs.psr!,
        rst = inputs.rst!,
        opc = inputs.op!,
        opd = inputs.operand!,
        slot = inputs.slot!;
      const be = inputs.dcr_be!,
        pp = inputs.dcr_pp!;
      const pn = o.psr_next!,
        sv = o.ipsr_save!,
        rf = o.rsv_fault!;
      for (let i = 0; i < count; i++) {
        const pl = psr[2 * i]!,
          ph = psr[2 * i + 1]! & noVm;
        kernel(res, pl, ph, rst[i]!, opc[i]!, opd[2 * i]!, opd[2 * i + 1]!, be[i]!, pp[i]!);
        pn[2 * i] = res[0]!;
        pn[2 * i + 1] = res[1]!;
        rf[i] = res[2]!;
        sv[2 * i] = pl;
        sv[2 * i + 1] = (ph & riField) | ((slot[i]! & 3) << RI_SH);
      }
      return o;
    },
    stepBatch(state, inputs, count, out, sopts = {}) {
      if (!(state instanceof Uint32Array) || state.length < 2)
        throw new Error(`${BLOCK}: state must be a Uint32Array [lo, hi]`);
      checkInputs(BLOCK, PSR_STEP_INPUTS, inputs, count);
      const pre = sopts.sampleBefore === true;
      const o = outputColumns(BLOCK, pre ? [...PSR_STEP_OUTPUTS, ...PSR_PRE_OUTPUTS] : PSR_STEP_OUTPUTS, count, out);
      const rst = inputs.rst!,
        opc = inputs.op!,
        opd = inputs.operand!,
        slot = inputs.slot!;
      const be = inputs.dcr_be!,
        pp = inputs.dcr_pp!;
      const ps = o.psr!,
        sv = o.ipsr_save!,
        rf = o.rsv_fault!;
      const pps = o['psr@pre'],
        psv = o['ipsr_save@pre'],
        prf = o['rsv_fault@pre'];
      let pl = state[0]!,
        ph = state[1]! & noVm;
      for (let i = 0; i < count; i++) {
        const s = (slot[i]! & 3) << RI_SH;
        kernel(res, pl, ph, rst[i]!, opc[i]!, opd[2 * i]!, opd[2 * i + 1]!, be[i]!, pp[i]!);
        if (pre) {
          pps![2 * i] = pl;
          pps![2 * i + 1] = ph;
          psv![2 * i] = pl;
          psv![2 * i + 1] = (ph & riField) | s;
          prf![i] = res[2]!;
        }
        pl = res[0]!;
        ph = res[1]!;
        ps[2 * i] = pl;
        ps[2 * i + 1] = ph;
        sv[2 * i] = pl;
        sv[2 * i + 1] = (ph & riField) | s;
        rf[i] = res[2]!;
      }
      state[0] = pl;
      state[1] = ph;
      return o;
    },
  };
}
