// Test harness: assemble a program body into a static ELF (text at 0x100000, data at
// 0x300000) in a temp dir, run it on the Emulator and return the final state. The prologue
// points IVA at 0x200000, where memory is all zero: a zero bundle decodes as `break.m 0`, so
// any interruption halts the run at IVA + vector and the test inspects the dispatch state.
import { Emulator, type EmuOptions, type FinalState, type RecordedState } from '../../model/emulator.js';
import { Workdir } from './binutils.js';

export const IVA = 0x200000n;
export const TEXT = 0x100000n;
export const DATA = 0x300000n;

let work: Workdir | null = null;
let counter = 0;
export function workdir(): Workdir {
  return (work ??= new Workdir());
}
export function disposeWorkdir(): void {
  work?.dispose();
  work = null;
}

export interface RunResult {
  st: RecordedState;
  emu: Emulator;
  elf: string;
}

/** Assembles `body` (with the IVA prologue unless `bare`) and runs it. */
export function runAsm(
  body: string,
  opts: EmuOptions & { maxSteps?: number; bare?: boolean; data?: string } = {},
): RunResult {
  const prologue = opts.bare ? '' : `\tmovl r2=${IVA}\n\t;;\n\tmov cr.iva=r2\n\tmov r2=r0\n\t;;\n`;
  const data = opts.data ? `\t.data\n\t.align 16\ndata:\n${opts.data}\n` : '';
  const src = `\t.text\n\t.global _start\n_start:\n${prologue}${body}\n\t;;\n\tbreak.i 0\n\t;;\n${data}`;
  const w = workdir();
  const elf = w.build(`p${counter++}`, src, TEXT, ['-Tdata=0x300000']);
  const emu = new Emulator({ ...opts, keepEvents: true });
  emu.loadElf(w.read(elf));
  emu.run(opts.maxSteps ?? 100000);
  return { st: emu.recordedState(), emu, elf };
}

export const big = (s: string): bigint => BigInt(s);
/** GR value as BigInt. */
export const gr = (st: FinalState, r: number): bigint => BigInt(st.gr[r]!);
export const prBit = (st: FinalState, p: number): number => Number((BigInt(st.pr) >> BigInt(p)) & 1n);
export const hex = (v: bigint): string => '0x' + BigInt.asUintN(64, v).toString(16);

/** PSR bits used by the tests (architecture.md §2). */
export const PSR = {
  ic: 1n << 13n,
  i: 1n << 14n,
  pk: 1n << 15n,
  dt: 1n << 17n,
  pp: 1n << 21n,
  up: 1n << 2n,
  be: 1n << 1n,
  cpl3: 3n << 32n,
  it: 1n << 36n,
  bn: 1n << 44n,
  vm: 1n << 46n,
} as const;

/** Asm that enters `label` with PSR = `psr` through rfi (needs PSR.ic = 0, as at reset). */
export function enter(psr: bigint, label: string): string {
  return `
	movl r2=${hex(psr)}
	movl r3=${label}
	;;
	mov cr.ipsr=r2
	mov cr.iip=r3
	mov cr.ifs=r0
	;;
	rfi
	;;
${label}:
`;
}

/** Asm that makes r<reg> a NaT (thash of an unimplemented address; needs valen ≤ 60 and vm = 0). */
export function makeNat(reg: number): string {
  return `
	movl r2=0x0800000000000000
	;;
	thash r${reg}=r2
	;;`;
}

/** Interruption taken by the run (the first one). */
export function ev(st: RecordedState, i = 0) {
  const e = st.events[i];
  if (!e) throw new Error(`expected an interruption, got none (halted=${st.halted} ip=${st.ip})`);
  return {
    ...e,
    vector: Number(e.vector),
    isr: BigInt(e.isr),
    code: Number(BigInt(e.isr) & 0xffffn),
    ipsr: BigInt(e.ipsr),
    iip: BigInt(e.iip),
    iipa: BigInt(e.iipa),
    ifa: BigInt(e.ifa),
  };
}
