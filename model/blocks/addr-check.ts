// Reference model of vti_addr_check (blocks.md "vti_addr_check", architecture.md §7).
// Scalar reference: the §7 rule bit by bit on a BigInt. Batched reference: only bits 63..32
// matter (M ≥ 50 for virtual, IMPL_PA_MSB ≥ 31 for physical), so each vector costs one word
// load and a few shifts — no BigInt on this path.
// Deliberately a separate copy (N-version): this file, the eDSL block (hdl/vti/), the hand-
// written Verilog reference (formal/ref/) and the emulator (model/exec/) each state these
// semantics on their own, so that co-simulation and the equivalence proofs compare independent
// opinions. Keep them apart: they may share the spec data of arch/, never code.
import { checkConfig, DEFAULT_CONFIG, type VtiConfig } from '../../arch/config.js';
import { checkInputs, outputColumns, port, type Columns, type Port } from './columns.js';
import { boolOption, checkOptionKeys } from './options.js';

const BLOCK = 'vti_addr_check';

/**
 * The whole configuration (defaults: DEFAULT_CONFIG). vmImplemented is not a blocks.md option
 * of this block: it only decides which configurations are valid (without VT there is no guest,
 * so implVaMsb − guestShrink may be below 50) and, when false, `vm` is ignored (PSR.vm is tied
 * to 0) and monitor_only is 0.
 */
export type AddrCheckOptions = Partial<VtiConfig>;
export type ResolvedAddrCheckOptions = VtiConfig;

export function resolveAddrCheckOptions(opts: AddrCheckOptions = {}): ResolvedAddrCheckOptions {
  checkOptionKeys(BLOCK, opts, ['implVaMsb', 'implPaMsb', 'guestShrink', 'vmImplemented']);
  const vmImplemented = boolOption(BLOCK, 'vmImplemented', opts.vmImplemented, DEFAULT_CONFIG.vmImplemented);
  const cfg: VtiConfig = {
    implVaMsb: opts.implVaMsb ?? DEFAULT_CONFIG.implVaMsb,
    implPaMsb: opts.implPaMsb ?? DEFAULT_CONFIG.implPaMsb,
    guestShrink: opts.guestShrink ?? DEFAULT_CONFIG.guestShrink,
    vmImplemented,
  };
  for (const k of ['implVaMsb', 'implPaMsb', 'guestShrink'] as const)
    if (typeof cfg[k] !== 'number')
      throw new Error(`${BLOCK}: option ${k} must be a number, got ${JSON.stringify(cfg[k])}`);
  return checkConfig(cfg, { prefix: `${BLOCK}: ` });
}

export const ADDR_CHECK_INPUTS: readonly Port[] = Object.freeze([port('addr', 64), port('vm', 1), port('phys', 1)]);
export const ADDR_CHECK_OUTPUTS: readonly Port[] = Object.freeze([port('unimpl', 1), port('monitor_only', 1)]);

const bit = (a: bigint, i: number): bigint => (a >> BigInt(i)) & 1n;

/** §7 virtual rule: bits 60..M+1 all equal bit M (bits 63:61 are the region, always implemented). */
export function virtImplemented(addr: bigint, m: number): boolean {
  for (let j = m + 1; j <= 60; j++) if (bit(addr, j) !== bit(addr, m)) return false;
  return true;
}
/** §7 physical rule: bits 62..IMPL_PA_MSB+1 are 0 (bit 63 is the uncacheable attribute). */
export function physImplemented(addr: bigint, paMsb: number): boolean {
  for (let j = paMsb + 1; j <= 62; j++) if (bit(addr, j) !== 0n) return false;
  return true;
}

export function addrCheckScalar(
  addr: bigint,
  vm: number,
  phys: number,
  opts: AddrCheckOptions = {},
): { unimpl: 0 | 1; monitorOnly: 0 | 1 } {
  const o = resolveAddrCheckOptions(opts);
  const a = BigInt.asUintN(64, addr);
  const okVmm = virtImplemented(a, o.implVaMsb);
  const okGuest = o.vmImplemented ? virtImplemented(a, o.implVaMsb - o.guestShrink) : okVmm;
  const guest = o.vmImplemented && (vm & 1) === 1;
  if (phys & 1) return { unimpl: physImplemented(a, o.implPaMsb) ? 0 : 1, monitorOnly: 0 };
  return { unimpl: (guest ? okGuest : okVmm) ? 0 : 1, monitorOnly: okVmm && !okGuest ? 1 : 0 };
}

export interface AddrCheckModel {
  readonly module: 'vti_addr_check';
  readonly options: ResolvedAddrCheckOptions;
  readonly inputs: readonly Port[];
  readonly outputs: readonly Port[];
  evalBatch(inputs: Columns, count: number, out?: Columns): Columns;
}

export function createAddrCheckModel(opts: AddrCheckOptions = {}): AddrCheckModel {
  const options = resolveAddrCheckOptions(opts);
  const m0 = options.implVaMsb;
  const m1 = options.vmImplemented ? m0 - options.guestShrink : m0;
  // Virtual: shift bit 60 (hi bit 28) up to bit 31, then arithmetically down so that bit M
  // lands on bit 0: the result is 0 or -1 exactly when bits 60..M are all equal.
  const s0 = 3 + (m0 - 32),
    s1 = 3 + (m1 - 32);
  // Physical: hi bits (P+1−32)..30, i.e. address bits P+1..62 (none when P = 62).
  const pm =
    options.implPaMsb >= 62 ? 0 : (0x7fffffff >>> (options.implPaMsb + 1 - 32)) << (options.implPaMsb + 1 - 32);
  const vmMask = options.vmImplemented ? 1 : 0;
  return {
    module: BLOCK,
    options,
    inputs: ADDR_CHECK_INPUTS,
    outputs: ADDR_CHECK_OUTPUTS,
    evalBatch(inputs, count, out) {
      checkInputs(BLOCK, ADDR_CHECK_INPUTS, inputs, count);
      const o = outputColumns(BLOCK, ADDR_CHECK_OUTPUTS, count, out);
      const addr = inputs.addr!,
        vmc = inputs.vm!,
        phc = inputs.phys!;
      const un = o.unimpl!,
        mo = o.monitor_only!;
      for (let i = 0; i < count; i++) {
        const hi = addr[2 * i + 1]!;
        const t = hi << 3;
        const z0 = ((t >> s0) + 1) >>> 1,
          z1 = ((t >> s1) + 1) >>> 1; // 0 iff implemented
        const bad0 = (z0 | -z0) >>> 31,
          bad1 = (z1 | -z1) >>> 31;
        const zp = hi & pm,
          badP = (zp | -zp) >>> 31;
        const vm = vmc[i]! & vmMask,
          p = phc[i]! & 1;
        const badV = bad0 ^ ((bad0 ^ bad1) & vm);
        un[i] = badV ^ ((badV ^ badP) & p);
        mo[i] = bad1 & ~bad0 & ~p & 1;
      }
      return o;
    },
  };
}
