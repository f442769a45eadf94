// The architectural state compared after every step, as data: which registers, under which
// names, and the rules that leave a register out of a step's record (tools/ski/README.md).

/** Stacked registers compared: every program allocates an 8-register frame (lib/ivt.inc). */
export const STACKED_COMPARED = 8;
const GRS = Array.from({ length: 31 + STACKED_COMPARED }, (_, i) => `r${i + 1}`);

/**
 * The CRs recorded at every step; compared at every step but IHA, which normalise() keeps
 * only on the interruptions that write it (Ski writes it on every VHPT walk: README, quirks).
 */
export const CRS = ['ipsr', 'isr', 'iip', 'iim', 'iha', 'ifs', 'iva', 'dcr', 'tpr'] as const;
/**
 * CRs compared only on a step that took an interruption: Ski rewrites IFA/ITIR on ordinary
 * fetches and data accesses while PSR.ic = 1, and IIPA after PSR.ic is set (README, quirks).
 */
export const CRS_AT_INTERRUPTION = ['iipa', 'ifa', 'itir'] as const;
/**
 * ARs by name, with their numbers. Ski is asked for them as arN: some of its AR names (lc, for
 * one) print in decimal, the arN spelling always in hexadecimal.
 */
export const ARS = {
  k0: 0,
  k1: 1,
  k2: 2,
  k3: 3,
  k4: 4,
  k5: 5,
  k6: 6,
  k7: 7,
  rsc: 16,
  bsp: 17,
  bspstore: 18,
  rnat: 19,
  ccv: 32,
  unat: 36,
  pfs: 64,
  lc: 65,
  ec: 66,
} as const;
export type ArName = keyof typeof ARS;

/** Every register name of a full step record, in a fixed order. */
export const REGISTER_NAMES: readonly string[] = [
  'psr',
  'cfm',
  ...GRS,
  'nat', // NaT bits of r1.. as a mask, r1 = bit 1
  'pr', // p0..p63 as a mask, p0 = bit 0
  ...Array.from({ length: 8 }, (_, i) => `b${i}`),
  ...CRS,
  ...CRS_AT_INTERRUPTION,
  ...Object.keys(ARS),
];

/** The GR numbers whose values and NaT bits are compared. */
export const GR_NUMBERS: readonly number[] = GRS.map((_, i) => i + 1);

/** The FP state compared for programs with `// config: fr=N` (absent from other records). */
export const FP_REGISTER_NAMES: readonly string[] = ['fpsr', ...Array.from({ length: 126 }, (_, i) => `f${i + 2}`)];

/** The state after one step. Values are lowercase hex with 0x. */
export interface StepState {
  /** Bundle address and slot of the next instruction. */
  ip: string;
  slot: number;
  /** Whether this step took an interruption. */
  interrupted: boolean;
  /** Halted (the step executed `break 0`). */
  halted: boolean;
  regs: Record<string, string>;
}

export const hex = (v: bigint): string => '0x' + BigInt.asUintN(64, v).toString(16);

/** The compared FRs of a program with `// config: fr=N`: f2..fN (f0/f1 are constants). */
export const frNumbers = (top: number | undefined): number[] =>
  top === undefined ? [] : Array.from({ length: top - 1 }, (_, i) => i + 2);

/**
 * An FR in the compared state: its 82-bit spill image (sign · 17-bit exponent · 64-bit
 * significand, as stf.spill writes it) in hexadecimal — what Ski's `fN.s`, `fN.e`, `fN.m`
 * print (NaTVal is exponent 0x1fffe, significand 0).
 */
export const frImage = (sign: bigint, exp: bigint, mant: bigint): string =>
  '0x' + ((sign << 81n) | (exp << 64n) | BigInt.asUintN(64, mant)).toString(16);

/** Interruptions after which IFA and ITIR are undefined: Break (0x2c00), the General
 * Exception (0x5400) codes illegal operation, privileged operation/register, reserved
 * register/field, disabled ISA transition, illegal dependency (ISR.code{7:4}), and Register
 * NaT Consumption (0x5600, ISR.code{7:4} = 1; NaT Page Consumption does define IFA), and the
 * Taken Branch (0x5f00) and Single Step (0x6000) traps. */
const BREAK_VECTOR = 0x2c00n;
const GENERAL_EXCEPTION_VECTOR = 0x5400n;
const GENERAL_EXCEPTION_CODES_WITHOUT_IFA: readonly bigint[] = [0x0n, 0x1n, 0x2n, 0x3n, 0x4n, 0x8n];
const NAT_CONSUMPTION_VECTOR = 0x5600n;
const REGISTER_NAT_CODE = 0x1n;
/** The Unaligned Reference vector. */
const UNALIGNED_VECTOR = 0x5a00n;
/** The Debug vector (Instruction and Data Debug faults) and ISR.x (an instruction fetch). */
const DEBUG_VECTOR = 0x5900n;
const ISR_X = 1n << 32n;
/** ISR.ni: the interruption happened with PSR.ic = 0. */
const ISR_NI = 1n << 39n;
const TRAP_VECTORS_WITHOUT_IFA: readonly bigint[] = [0x5f00n, 0x6000n];
/** The vectors whose interruptions write IHA: VHPT Translation, Instruction TLB, Data TLB (SDM vol 2, chapter 8). */
const IHA_VECTORS: readonly bigint[] = [0x0000n, 0x0400n, 0x0800n];

/** FP interruptions that do not write IFA/ITIR: Disabled FP-Register, FP Fault, FP Trap. */
const FP_VECTORS_WITHOUT_IFA: readonly bigint[] = [0x5500n, 0x5c00n, 0x5d00n];

function ifaItirDefined(s: StepState): boolean {
  const vector = BigInt(s.ip) & 0x7fffn;
  if (vector === BREAK_VECTOR || TRAP_VECTORS_WITHOUT_IFA.includes(vector)) return false;
  if (FP_VECTORS_WITHOUT_IFA.includes(vector)) return false;
  const code = (BigInt(s.regs.isr ?? '0x0') >> 4n) & 0xfn;
  if (vector === NAT_CONSUMPTION_VECTOR && code === REGISTER_NAT_CODE) return false;
  return !(vector === GENERAL_EXCEPTION_VECTOR && GENERAL_EXCEPTION_CODES_WITHOUT_IFA.includes(code));
}

/**
 * Drops the registers a step's record does not compare: stacked registers outside the frame
 * (all of them while the frame is being loaded),
 * IIPA/IFA/ITIR/IHA except on a step that took an interruption, IFA/ITIR on interruptions
 * that leave them undefined, and IHA on those that do not write it.
 */
export function normalise(s: StepState): StepState {
  const regs = { ...s.regs };
  // Stacked registers outside the current frame have no defined value: neither they nor
  // their NaT bits are compared.
  // While a br.ret/rfi's mandatory RSE loads are pending (BSPSTORE above BSP: they run before
  // the next instruction), Ski shows the physical registers not loaded yet: the frame is not
  // compared on that step.
  const loading = regs.bspstore !== undefined && regs.bsp !== undefined && BigInt(regs.bspstore) > BigInt(regs.bsp);
  const sof = loading ? 0 : Number(BigInt(regs.cfm ?? '0x0') & 0x7fn);
  let natMask = BigInt(regs.nat ?? '0x0');
  for (let r = 32 + sof; r < 32 + STACKED_COMPARED; r++) {
    delete regs[`r${r}`];
    natMask &= ~(1n << BigInt(r));
  }
  if (regs.nat !== undefined) regs.nat = hex(natMask);
  if (!s.interrupted) for (const r of CRS_AT_INTERRUPTION) delete regs[r];
  // A nested interruption (ISR.ni: PSR.ic was 0) leaves IIPA as the last instruction run with
  // PSR.ic = 1, which Ski tracks by its own rule (README, quirks), and writes neither IFA nor
  // ITIR, which hold what Ski's last access with PSR.ic = 1 wrote there: not compared.
  if (s.interrupted && (BigInt(regs.isr ?? '0x0') & ISR_NI) !== 0n) {
    delete regs.iipa;
    delete regs.ifa;
    delete regs.itir;
  }
  if (s.interrupted && !ifaItirDefined(s)) {
    delete regs.ifa;
    delete regs.itir;
  }
  // The Unaligned Reference vector defines IFA but not ITIR (SDM vol 2, the vector's
  // parameters); Ski leaves there what its last access wrote (README, quirks).
  if (s.interrupted && (BigInt(s.ip) & 0x7fffn) === UNALIGNED_VECTOR) delete regs.itir;
  // IHA: Ski writes it on every VHPT walk while PSR.ic = 1, the SDM only on the interruptions
  // of IHA_VECTORS (README, quirks); compared there only.
  if (!s.interrupted || !IHA_VECTORS.includes(BigInt(s.ip) & 0x7fffn)) delete regs.iha;
  // The Debug vector defines IFA but not ITIR either (SDM vol 2, the vector's parameters). For
  // an Instruction Debug fault (ISR.x) Ski's IFA is its ip, which carries the slot (+4/+8,
  // README, quirks): IFA is compared as the bundle address.
  if (s.interrupted && (BigInt(s.ip) & 0x7fffn) === DEBUG_VECTOR) {
    delete regs.itir;
    if (regs.ifa !== undefined && (BigInt(regs.isr ?? '0x0') & ISR_X) !== 0n) regs.ifa = hex(BigInt(regs.ifa) & ~0xfn);
  }
  return { ...s, regs };
}
