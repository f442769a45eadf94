// Implementation parameters shared by the RTL generator and the golden model (architecture.md §7,
// blocks.md, emulator.md), with the one validation both must apply.

export interface ImplConfig {
  /** VT-i implemented. */
  readonly vt: boolean;
  /** Highest implemented virtual-address bit for the VMM (vm = 0): 50..60. */
  readonly implVaMsb: number;
  /** Highest implemented physical-address bit: 31..62. */
  readonly implPaMsb: number;
  /** The guest (vm = 1) IMPL_VA_MSB is implVaMsb − guestShrink. */
  readonly guestShrink: number;
}

export const DEFAULT_IMPL: ImplConfig = Object.freeze({ vt: true, implVaMsb: 60, implPaMsb: 62, guestShrink: 1 });

/** Lowest IMPL_VA_MSB the architecture allows, and (project decision) the lowest guest value. */
export const MIN_IMPL_VA_MSB = 50;
export const MAX_IMPL_VA_MSB = 60;
export const MIN_IMPL_PA_MSB = 31;
export const MAX_IMPL_PA_MSB = 62;

/** Returns every problem with the configuration (empty when valid). */
export function implConfigProblems(c: ImplConfig): string[] {
  const p: string[] = [];
  const int = (v: number) => Number.isInteger(v);
  if (!int(c.implVaMsb) || c.implVaMsb < MIN_IMPL_VA_MSB || c.implVaMsb > MAX_IMPL_VA_MSB)
    p.push(`IMPL_VA_MSB ${c.implVaMsb} is out of range: allowed ${MIN_IMPL_VA_MSB}..${MAX_IMPL_VA_MSB}`);
  if (!int(c.implPaMsb) || c.implPaMsb < MIN_IMPL_PA_MSB || c.implPaMsb > MAX_IMPL_PA_MSB)
    p.push(`IMPL_PA_MSB ${c.implPaMsb} is out of range: allowed ${MIN_IMPL_PA_MSB}..${MAX_IMPL_PA_MSB}`);
  if (!int(c.guestShrink) || c.guestShrink < 1)
    p.push(`guestShrink ${c.guestShrink} is out of range: must be an integer >= 1`);
  else if (c.vt && p.length === 0 && c.implVaMsb - c.guestShrink < MIN_IMPL_VA_MSB)
    p.push(`no room for a guest: IMPL_VA_MSB ${c.implVaMsb} - guestShrink ${c.guestShrink} = ` +
      `${c.implVaMsb - c.guestShrink} is below ${MIN_IMPL_VA_MSB}`);
  return p;
}

export function guestImplVaMsb(c: ImplConfig): number {
  return c.implVaMsb - c.guestShrink;
}
