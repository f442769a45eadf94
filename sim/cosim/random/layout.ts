// The fixed part of every random program: implementation parameters, memory map, boot code
// (translation registers, IVA), the interruption vector table with a small handler at every
// vector (records the interruption and skips the faulting instruction by advancing
// IPSR.ri / IIP, then rfi; traps resume where they point; a lost context — ISR.ni, an
// Unimplemented Instruction Address trap, or the item-end `break 0x77` — continues at the next
// item, whose address is in r14; so does an instruction-fetch fault, ISR.x), and the linker script.
import type { VtiConfig } from '../../../gen/vti.js';

/**
 * Implementation parameters of the random programs: IMPL_VA_MSB 57 (guest 56) so that
 * addresses unimplemented even for the VMM exist (thash of one gives a NaT source), and
 * IMPL_PA_MSB 47 so that physical addresses can be unimplemented.
 */
export const RANDOM_GEN: VtiConfig = { vmImplemented: true, implVaMsb: 57, implPaMsb: 47, guestShrink: 1 };

export const ADDR = {
  boot: 0x100000n,
  ivt: 0x200000n,
  text: 0x300000n,
  ar7: 0x400000n,
  ar7pl1: 0x408000n,
  ar7pl2: 0x404000n,
  data: 0x600000n,
  /** Monitor-only: implemented for vm = 0 (bit 56 set, 57..60 clear), not for vm = 1 (guest M = 56). */
  monitor: 0x0100_0000_0000_0000n,
  monitorPa: 0x0100_0000n,
  /** Implemented, not mapped: Alternate Data TLB (PTA.ve = 0). */
  unmapped: 0x0000_0100_0000_0000n,
  /** Unimplemented for vm = 0 and vm = 1 (bits 60..57 not all equal). */
  unimplVa: 0x0800_0000_0000_0000n,
  /** Thash of this is NaT at vm = 0: the NaT source. */
  natSource: 0x7000_0000_0000_0000n,
  /** Physical address above IMPL_PA_MSB (translation off). */
  unimplPa: 0x0001_0000_0000_0000n,
  /** Far TLB address for itc/itr/ptc/ptr (no overlap with the translation registers below). */
  far: 0xa000_0000_1000_0000n,
};

/** IVT entry offsets (architecture.md §5): 20 long entries, then 48 short ones. */
export const VECTORS: readonly number[] = [
  ...Array.from({ length: 20 }, (_, i) => i * 0x400),
  ...Array.from({ length: 48 }, (_, i) => 0x5000 + i * 0x100),
];

/** Immediate of the item-end break (IIM): back to the item sequence. */
export const ITEM_END_IMM = 0x77;

const pte = (pa: bigint, pl: number, ar: number) =>
  '0x' + (pa | 1n | 0x20n | 0x40n | (BigInt(pl) << 7n) | (BigInt(ar) << 9n)).toString(16);
const hex = (v: bigint | number) => '0x' + BigInt(v).toString(16);

function tr(side: 'i' | 'd', index: number, va: bigint, ps: number, pa: bigint, pl: number, ar: number): string {
  return [
    `{ .mlx\n\tnop.m 0\n\tmovl r2 = ${hex(va)} ;; }`,
    `{ .mmi\n\tmov cr.ifa = r2 ;;\n\tnop.m 0\n\tnop.i 0 ;; }`,
    `{ .mlx\n\tnop.m 0\n\tmovl r3 = ${hex(ps << 2)} ;; }`,
    `{ .mmi\n\tmov cr.itir = r3 ;;\n\tnop.m 0\n\tnop.i 0 ;; }`,
    `{ .mlx\n\tnop.m 0\n\tmovl r4 = ${pte(pa, pl, ar)} ;; }`,
    `{ .mlx\n\tnop.m 0\n\tmovl r5 = ${index} ;; }`,
    `{ .mmi\n\titr.${side} ${side}tr[r5] = r4 ;;\n\tnop.m 0\n\tnop.i 0 ;; }`,
  ].join('\n');
}

/** Boot (PSR = 0, physical): IVA, ITR0-2 and DTR0-1, then the first item. */
export function bootAsm(): string {
  return [
    '\t.section .boot, "ax"',
    '\t.global _start',
    '_start:',
    `{ .mlx\n\tnop.m 0\n\tmovl r2 = ${hex(ADDR.ivt)} ;; }`,
    `{ .mmi\n\tmov cr.iva = r2 ;;\n\tnop.m 0\n\tnop.i 0 ;; }`,
    tr('i', 0, 0n, 22, 0n, 3, 3), // boot, IVT, items: 4 MiB, pl 3, RWX
    tr('i', 1, ADDR.ar7, 14, ADDR.ar7, 0, 7), // ar 7, pl 0: vmsw allowed, epc promotes to 0
    tr('i', 2, ADDR.ar7pl2, 14, ADDR.ar7pl2, 2, 7), // ar 7, pl 2: epc promotes to 2
    tr('i', 3, ADDR.ar7pl1, 14, ADDR.ar7pl1, 1, 7), // ar 7, pl 1: epc promotes to 1
    tr('d', 0, 0n, 24, 0n, 3, 2), // data: 16 MiB, pl 3, RW
    // Data translation on before inserting a translation of a virtual address that is not a
    // physical one: with dt = 0 the RTL checks itr's IFA as a physical address (divergence D4).
    `{ .mmi\n\tssm 0x20000 ;;\n\tnop.m 0\n\tnop.i 0 ;; }`,
    tr('d', 1, ADDR.monitor, 14, ADDR.monitorPa, 0, 2), // the monitor-only page
    `{ .mib\n\tnop.m 0\n\tnop.i 0\n\tbr.cond.sptk.few item_0 ;; }`,
  ].join('\n');
}

const B = (m: string, i1: string, i2: string, t = 'mii') => `{ .${t}\n\t${m}\n\t${i1}\n\t${i2} ;; }`;

const EXT_INT_VECTOR = 0x3000;

/**
 * The External Interrupt entry: acquire the vector (IVR read), end it (EOI) and resume the
 * interrupted instruction (IIP, IPSR.ri unchanged) with rfi; counted in r20, the vector in r21.
 * With ISR.ni (PSR.ic was 0: IIP/IPSR not written) it falls into the common path, which goes on
 * with the next item. IVR and EOI are not CRs the core holds: it completes them without a value.
 */
function extIntEntry(): string[] {
  return [
    B('mov r19 = cr.ivr', 'nop.m 0', 'nop.i 0', 'mmi'),
    B('srlz.d', 'nop.m 0', 'nop.i 0', 'mmi'),
    B('mov cr.eoi = r0', 'mov r17 = cr.isr', 'nop.i 0', 'mmi'),
    B('srlz.d', 'nop.m 0', 'tbit.nz p6, p0 = r17, 39', 'mmi'),
    B('nop.m 0', 'nop.i 0', '(p6) br.cond.spnt.few ext_int_lost', 'mib'),
    B('nop.m 0', 'adds r20 = 1, r20', 'mov r21 = r19'),
    B('nop.m 0', 'nop.i 0', 'rfi', 'mib'),
    'ext_int_lost:',
  ];
}

/** The IVT and the common handler (bank 0: r16-r23, p6/p7; r20 counts interruptions, r21 the last vector). */
export function ivtAsm(): string {
  const lines = ['\t.section .ivt, "ax"', 'ivt:'];
  for (const v of VECTORS) {
    lines.push(`\t.org ivt + ${hex(v)}`, ...(v === EXT_INT_VECTOR ? extIntEntry() : []));
    lines.push(
      `{ .mlx\n\tnop.m 0\n\tmovl r18 = ${hex(v)} ;; }`,
      B('nop.m 0', 'nop.i 0', 'br.cond.sptk.many common', 'mib'),
    );
  }
  lines.push(
    '\t.org ivt + 0x8000',
    'common:',
    B('mov r17 = cr.isr', 'adds r20 = 1, r20', 'mov r21 = r18'),
    B('nop.m 0', 'tbit.nz p6, p0 = r17, 39', 'nop.i 0'), // ISR.ni: IIP/IPSR were not written
    B('nop.m 0', 'nop.i 0', '(p6) br.cond.spnt.few to_next', 'mib'),
    B('nop.m 0', 'tbit.nz p6, p0 = r17, 32', 'nop.i 0'), // ISR.x: the fetch failed, skipping would fault again
    B('nop.m 0', 'nop.i 0', '(p6) br.cond.spnt.few to_next', 'mib'),
    B('addl r22 = 0x5e00, r0', 'addl r23 = 0x2c00, r0', 'nop.i 0', 'mmi'),
    B('nop.m 0', 'cmp.eq p6, p0 = r18, r22', 'nop.i 0'), // IIP is the unimplemented address
    B('nop.m 0', 'nop.i 0', '(p6) br.cond.spnt.few to_next', 'mib'),
    B('mov r19 = cr.iim', 'cmp.eq p7, p0 = r18, r23', 'nop.i 0'),
    B('nop.m 0', `(p7) cmp.eq.unc p6, p0 = ${ITEM_END_IMM}, r19`, 'nop.i 0'),
    B('nop.m 0', 'nop.i 0', '(p6) br.cond.spnt.few to_next', 'mib'),
    B('addl r22 = 0x5d00, r0', 'addl r23 = 0x6000, r0', 'nop.i 0', 'mmi'),
    B('nop.m 0', 'cmp.ltu p6, p0 = r18, r22', 'cmp.ltu p7, p0 = r23, r18'),
    B('nop.m 0', 'nop.i 0', '(p6) br.cond.sptk.few advance', 'mib'),
    B('nop.m 0', 'nop.i 0', '(p7) br.cond.sptk.few advance', 'mib'),
    B('nop.m 0', 'nop.i 0', 'br.cond.sptk.few resume', 'mib'), // a trap: IIP/ri already point past it
    'advance:',
    B('mov r16 = cr.ipsr', 'mov r17 = cr.iip', 'nop.i 0', 'mmi'),
    B('nop.m 0', 'extr.u r22 = r16, 41, 2', 'nop.i 0'),
    B('nop.m 0', 'cmp.eq p6, p7 = 2, r22', 'nop.i 0'),
    B('(p6) adds r17 = 16, r17', '(p7) adds r22 = 1, r22', '(p6) mov r22 = r0'),
    B('nop.m 0', 'dep r16 = r22, r16, 41, 2', 'nop.i 0'),
    B('mov cr.ipsr = r16', 'mov cr.iip = r17', 'nop.i 0', 'mmi'),
    'resume:',
    B('nop.m 0', 'nop.i 0', 'rfi', 'mib'),
    'to_next:',
    B('nop.m 0', 'mov b7 = r14', 'nop.i 0'),
    B('nop.m 0', 'nop.i 0', 'br.cond.sptk.few b7', 'mib'),
  );
  return lines.join('\n');
}

export const LINKER_SCRIPT = `ENTRY(_start)
SECTIONS
{
  . = ${hex(ADDR.boot)};   .boot   : { *(.boot) }
  . = ${hex(ADDR.ivt)};    .ivt    : { *(.ivt) }
  . = ${hex(ADDR.text)};   .text   : { *(.text) }
  . = ${hex(ADDR.ar7)};    .ar7    : { *(.ar7) }
  . = ${hex(ADDR.ar7pl2)}; .ar7pl2 : { *(.ar7pl2) }
  . = ${hex(ADDR.ar7pl1)}; .ar7pl1 : { *(.ar7pl1) }
  . = ${hex(ADDR.data)};   .data   : { *(.data) }
}
`;
