// External interrupts in the random programs: before about one item in four the monitor arms
// the interval timer (ITV ← a vector 16..255 with m = 0, ITM ← ITC + a delay), so that the
// model pends the vector a few steps later — during the set-up (PSR.i = 0: vti_core sees
// `ext_int` = 1 and must not take it), at the test instruction, or items later. It is taken
// at the first instruction that runs with PSR.i = 1 while it is unmasked (TPR, in-service); the
// IVT's External Interrupt entry acquires it (IVR), ends it (EOI) and resumes the instruction
// (layout.ts). A separate random stream, so the items themselves are those of the seed.
import { rng, type Item, type Profile } from './items.js';

/**
 * Timer delays, in steps after the ITC read (the ITM write is 6 steps later, so each is > 6):
 * the vector pends before the rfi, around the test instruction, or items later.
 */
const DELAYS = [8, 14, 20, 26, 60] as const;
const SHARE = 0.25;

export function withTimerInterrupts(seed: number, items: readonly Item[], p: Profile): Item[] {
  if (p.interrupts === false) return [...items];
  const r = rng((seed ^ 0x1e7a_3001) >>> 0);
  return items.map((it) => {
    if (r() >= SHARE) return it;
    const vector = 16 + Math.floor(r() * 240);
    const delay = DELAYS[Math.floor(r() * DELAYS.length)]!;
    return { ...it, timer: { vector, delay } };
  });
}

/** The monitor's set-up lines arming the timer for `it` (r9 scratch), in program.ts's bundle helpers. */
export function timerSetup(it: Item, m0: (x: string) => string, i1: (x: string) => string): string[] {
  if (!it.timer) return [];
  return [
    i1(`mov r9 = ${it.timer.vector}`),
    m0('mov cr.itv = r9'),
    m0('mov r9 = ar.itc'),
    i1(`adds r9 = ${it.timer.delay}, r9`),
    m0('mov cr.itm = r9'),
  ];
}
