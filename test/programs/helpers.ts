// Reading the final state of a demonstration program: registers and interruption events as
// bigint, and the constants of programs/lib/layout.inc restated from architecture.md.
import type { EventJson as EmuEvent, RecordedState as EmuState } from '../../model/emulator.js';
import { big } from '../../demo/run.js';

export const VMM_BASE = 0x1000_0000_0000_0000n; // monitor-only VA: bit 60 set, bit 59 clear
// PSR bits (architecture.md §2)
export const IC = 1n << 13n,
  I = 1n << 14n,
  DT = 1n << 17n,
  IT = 1n << 36n,
  BN = 1n << 44n,
  VM = 1n << 46n;
export const CPL = (n: bigint) => n << 32n;
export const RI = (n: bigint) => n << 41n;
/** What the guest kernel believes its PSR is at start (lib/layout.inc VPSR_INIT). */
export const VPSR_INIT = BN | IT | DT | IC;
/** Interruption state of a PSR: only up mfl mfh pk dt rt mc it survive (§2). */
export const KEPT = 0x0000_0018_0802_8034n;
/** `mov r1 = psr` sees PSR{36:35} and PSR{31:0}. */
export const READ_MASK = 0x18_ffff_ffffn;

export function gr(s: EmuState, n: number): bigint {
  return big(s.gr[n]!);
}

export interface Ev {
  vector: bigint;
  code: bigint;
  ei: bigint;
  iip: bigint;
  ifa: bigint;
  isr: bigint;
}

export function ev(e: EmuEvent): Ev {
  const isr = big(e.isr);
  return { vector: big(e.vector), code: isr & 0xffffn, ei: (isr >> 41n) & 3n, iip: big(e.iip), ifa: big(e.ifa), isr };
}

/** The events as [vector, ISR.code, IIP, ISR.ei] tuples, for whole-sequence comparison. */
export function evTuples(s: EmuState): [bigint, bigint, bigint, bigint][] {
  return s.events.map(ev).map((e) => [e.vector, e.code, e.iip, e.ei]);
}

/** The VMM's dump at the exit hypercall (lib/vmm.inc vmm_dump): bank-0 r16-r26. */
export function dump(s: EmuState) {
  return {
    vpsr: gr(s, 16),
    vitm: gr(s, 17),
    viva: gr(s, 18),
    emulated: gr(s, 19),
    reflected: gr(s, 20),
    vipsr: gr(s, 21),
    visr: gr(s, 22),
    viip: gr(s, 23),
    vifa: gr(s, 24),
    err: gr(s, 25),
    errIp: gr(s, 26),
  };
}
