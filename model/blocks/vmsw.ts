// Reference model of vti_vmsw (blocks.md "vti_vmsw", architecture.md §3.1): the ordered
// checks of vmsw.0/.1. Scalar reference as an if-chain in spec order; batched reference as
// straight bit logic on 1-word columns.
// Deliberately a separate copy (N-version): this file, the eDSL block (hdl/vti/), the hand-
// written Verilog reference (formal/ref/) and the emulator (model/exec/) each state these
// semantics on their own, so that co-simulation and the equivalence proofs compare independent
// opinions. Keep them apart: they may share the spec data of arch/, never code.
import { checkInputs, outputColumns, port, type Columns, type Port } from './columns.js';
import { boolOption, checkOptionKeys } from './options.js';
import { DEFAULT_CONFIG, type VtiConfig } from '../../arch/config.js';

const BLOCK = 'vti_vmsw';

/** VT-i implemented (default true); when false every vmsw is an Illegal Operation fault. */
export type VmswOptions = Partial<Pick<VtiConfig, 'vmImplemented'>>;
export type ResolvedVmswOptions = Pick<VtiConfig, 'vmImplemented'>;

export function resolveVmswOptions(opts: VmswOptions = {}): ResolvedVmswOptions {
  checkOptionKeys(BLOCK, opts, ['vmImplemented']);
  return { vmImplemented: boolOption(BLOCK, 'vmImplemented', opts.vmImplemented, DEFAULT_CONFIG.vmImplemented) };
}

/** In port order; 11 input bits in all (1+1+2+1+1+3+1+1) (exhaustive enumeration packs them LSB first). */
export const VMSW_INPUTS: readonly Port[] = Object.freeze([
  port('valid', 1),
  port('to_vm', 1),
  port('cpl', 2),
  port('psr_it', 1),
  port('psr_vm', 1),
  port('itlb_ar', 3),
  port('vm_disabled', 1),
  port('vmsw_disabled', 1),
]);
export const VMSW_OUTPUTS: readonly Port[] = Object.freeze([
  port('illegal_op', 1),
  port('priv_op', 1),
  port('virt_fault', 1),
  port('commit', 1),
  port('vm_next', 1),
]);

export interface VmswScalarInputs {
  readonly valid: number;
  readonly toVm: number;
  readonly cpl: number;
  readonly psrIt: number;
  readonly psrVm: number;
  readonly itlbAr: number;
  readonly vmDisabled: number;
  readonly vmswDisabled: number;
}
export interface VmswScalarResult {
  readonly illegalOp: 0 | 1;
  readonly privOp: 0 | 1;
  readonly virtFault: 0 | 1;
  readonly commit: 0 | 1;
  readonly vmNext: 0 | 1;
}

export function vmswScalar(inp: VmswScalarInputs, opts: VmswOptions = {}): VmswScalarResult {
  const { vmImplemented } = resolveVmswOptions(opts);
  const psrVm = (inp.psrVm & 1) as 0 | 1;
  const none = { illegalOp: 0, privOp: 0, virtFault: 0, commit: 0, vmNext: psrVm } as const;
  if (!(inp.valid & 1)) return none;
  // §3.1, checked in this order:
  if (!vmImplemented) return { ...none, illegalOp: 1 }; //                       1.
  if ((inp.cpl & 3) !== 0) return { ...none, privOp: 1 }; //                      2.
  const pageOk = (inp.psrIt & 1) === 1 && (inp.itlbAr & 7) === 7;
  if (!pageOk || inp.vmDisabled & 1 || inp.vmswDisabled & 1) return { ...none, virtFault: 1 }; // 3.
  return { ...none, commit: 1, vmNext: (inp.toVm & 1) as 0 | 1 }; //              4.
}

export interface VmswModel {
  readonly module: 'vti_vmsw';
  readonly options: ResolvedVmswOptions;
  readonly inputs: readonly Port[];
  readonly outputs: readonly Port[];
  evalBatch(inputs: Columns, count: number, out?: Columns): Columns;
}

export function createVmswModel(opts: VmswOptions = {}): VmswModel {
  const options = resolveVmswOptions(opts);
  const impl = options.vmImplemented ? 1 : 0;
  return {
    module: BLOCK,
    options,
    inputs: VMSW_INPUTS,
    outputs: VMSW_OUTPUTS,
    evalBatch(inputs, count, out) {
      checkInputs(BLOCK, VMSW_INPUTS, inputs, count);
      const o = outputColumns(BLOCK, VMSW_OUTPUTS, count, out);
      const va = inputs.valid!,
        tv = inputs.to_vm!,
        cp = inputs.cpl!,
        it = inputs.psr_it!,
        pv = inputs.psr_vm!;
      const ar = inputs.itlb_ar!,
        vd = inputs.vm_disabled!,
        sd = inputs.vmsw_disabled!;
      const ill = o.illegal_op!,
        prv = o.priv_op!,
        vf = o.virt_fault!,
        cm = o.commit!,
        vn = o.vm_next!;
      for (let i = 0; i < count; i++) {
        const v = va[i]! & 1,
          c = cp[i]!,
          a = ar[i]!;
        const illegal = v & (impl ^ 1);
        const privileged = v & impl & (c | (c >>> 1));
        const pageOk = it[i]! & a & (a >>> 1) & (a >>> 2);
        const virt = v & impl & ~privileged & ((pageOk ^ 1) | vd[i]! | sd[i]!) & 1;
        const commit = v & impl & ~privileged & ~virt & 1;
        ill[i] = illegal;
        prv[i] = privileged & 1;
        vf[i] = virt;
        cm[i] = commit;
        const pvm = pv[i]! & 1;
        vn[i] = pvm ^ ((pvm ^ tv[i]!) & commit);
      }
      return o;
    },
  };
}
