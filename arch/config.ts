// The implementation configuration of a VT-i processor (architecture.md §7, blocks.md,
// emulator.md): ONE type shared by the RTL generator, the block references, the formal checks,
// the co-simulation and the emulator, with the one validation all of them apply and the one
// error class it throws. Edges that spell it differently map onto it here: the emulator's
// address *lengths* (valen = IMPL_VA_MSB + 1, palen = IMPL_PA_MSB + 1) and the `vti emu` flags.
// Other flags (`--impl-va-msb`, `--guest-shrink`, `--no-vt`, `--vt on|off`) map field by field.

export interface VtiConfig {
  /** VT-i implemented; when false PSR.vm is tied to 0 and vmsw is an Illegal Operation. */
  readonly vmImplemented: boolean;
  /** Highest implemented virtual-address bit for the VMM (vm = 0): 50..60. */
  readonly implVaMsb: number;
  /** Highest implemented physical-address bit: 31..62. */
  readonly implPaMsb: number;
  /** The guest (vm = 1) IMPL_VA_MSB is implVaMsb − guestShrink. */
  readonly guestShrink: number;
}

export const DEFAULT_CONFIG: VtiConfig = Object.freeze({
  vmImplemented: true,
  implVaMsb: 60,
  implPaMsb: 62,
  guestShrink: 1,
});

/** Lowest IMPL_VA_MSB the architecture allows, and (project decision) the lowest guest value. */
export const MIN_IMPL_VA_MSB = 50;
export const MAX_IMPL_VA_MSB = 60;
export const MIN_IMPL_PA_MSB = 31;
export const MAX_IMPL_PA_MSB = 62;

/** One thing wrong with a configuration, as data; `describeProblem` words it for an edge. */
export type ConfigProblem =
  | {
      readonly kind: 'range';
      readonly field: 'implVaMsb' | 'implPaMsb';
      readonly value: number;
      readonly min: number;
      readonly max: number;
    }
  | { readonly kind: 'notConfig'; readonly got: string }
  | { readonly kind: 'vmImplemented'; readonly got: string }
  | { readonly kind: 'guestShrink'; readonly value: number }
  | { readonly kind: 'noGuest'; readonly implVaMsb: number; readonly guestShrink: number };

/** Returns every problem with the configuration (empty when valid). */
export function configProblems(c: VtiConfig): ConfigProblem[] {
  // Library callers can pass anything: a non-object is one problem, not a TypeError.
  if (typeof c !== 'object' || c === null) return [{ kind: 'notConfig', got: c === null ? 'null' : typeof c }];
  const p: ConfigProblem[] = [];
  if (typeof c.vmImplemented !== 'boolean')
    p.push({ kind: 'vmImplemented', got: JSON.stringify(c.vmImplemented) ?? 'undefined' });
  const int = (v: number) => Number.isInteger(v);
  if (!int(c.implVaMsb) || c.implVaMsb < MIN_IMPL_VA_MSB || c.implVaMsb > MAX_IMPL_VA_MSB)
    p.push({ kind: 'range', field: 'implVaMsb', value: c.implVaMsb, min: MIN_IMPL_VA_MSB, max: MAX_IMPL_VA_MSB });
  if (!int(c.implPaMsb) || c.implPaMsb < MIN_IMPL_PA_MSB || c.implPaMsb > MAX_IMPL_PA_MSB)
    p.push({ kind: 'range', field: 'implPaMsb', value: c.implPaMsb, min: MIN_IMPL_PA_MSB, max: MAX_IMPL_PA_MSB });
  if (!int(c.guestShrink) || c.guestShrink < 1) p.push({ kind: 'guestShrink', value: c.guestShrink });
  // Without VT there is no guest, so any IMPL_VA_MSB leaves room for one.
  else if (c.vmImplemented && p.length === 0 && c.implVaMsb - c.guestShrink < MIN_IMPL_VA_MSB)
    p.push({ kind: 'noGuest', implVaMsb: c.implVaMsb, guestShrink: c.guestShrink });
  return p;
}

/**
 * How an edge names the configuration:
 * - 'spec': the architecture's names (IMPL_VA_MSB, IMPL_PA_MSB, guestShrink): `vti gen`, the
 *   generator, the block references, `vti formal`;
 * - 'lengths': the emulator's options (valen, palen: address lengths in bits, emulator.md);
 * - 'emuFlags': the `vti emu` command line (--valen, --palen, --guest-shrink).
 */
export type ConfigSpelling = 'spec' | 'lengths' | 'emuFlags';

/** A value as the caller wrote it: numbers plain, anything else (a string "60") quoted as JSON. */
const shown = (v: unknown): string => (typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v)));

export function describeProblem(p: ConfigProblem, spelling: ConfigSpelling = 'spec'): string {
  const flag = spelling === 'emuFlags' ? '--' : '';
  switch (p.kind) {
    case 'range': {
      if (spelling === 'spec')
        return `${p.field === 'implVaMsb' ? 'IMPL_VA_MSB' : 'IMPL_PA_MSB'} ${shown(p.value)} is out of range: allowed ${p.min}..${p.max}`;
      const name = p.field === 'implVaMsb' ? 'valen' : 'palen';
      return `${flag}${name} ${p.value + 1} is out of range: allowed ${p.min + 1}..${p.max + 1}`;
    }
    case 'notConfig':
      return `expected a configuration { vmImplemented, implVaMsb, implPaMsb, guestShrink }, got ${p.got}`;
    case 'vmImplemented':
      return `vmImplemented must be true or false, got ${p.got}`;
    case 'guestShrink':
      return `${spelling === 'emuFlags' ? '--guest-shrink' : 'guestShrink'} ${shown(p.value)} is out of range: must be an integer >= 1`;
    case 'noGuest': {
      const guest = p.implVaMsb - p.guestShrink;
      if (spelling === 'emuFlags')
        return (
          `--valen ${p.implVaMsb + 1} with --guest-shrink ${p.guestShrink} leaves no room for a guest: guest IMPL_VA_MSB ` +
          `${guest} is below ${MIN_IMPL_VA_MSB} (needs valen - 1 - guest-shrink >= ${MIN_IMPL_VA_MSB} with --vt on)`
        );
      return `no room for a guest: IMPL_VA_MSB ${p.implVaMsb} - guestShrink ${p.guestShrink} = ${guest} is below ${MIN_IMPL_VA_MSB}`;
    }
  }
}

/**
 * An invalid configuration: every problem, worded for the edge that was given it. Tell it apart
 * with `instanceof`; it keeps the name 'Error' and holds its problems out of sight
 * (non-enumerable), so to anything comparing errors by value it is the plain Error its message
 * says (the block references promise exactly that error, test/model/blocks).
 */
export class ConfigError extends Error {
  declare readonly problems: readonly ConfigProblem[];

  constructor(
    problems: readonly ConfigProblem[],
    /** Who rejected it, e.g. 'vti_addr_check: ' or 'bad emulator configuration: '. */
    prefix = '',
    spelling: ConfigSpelling = 'spec',
  ) {
    super(prefix + problems.map((p) => describeProblem(p, spelling)).join('; '));
    Object.defineProperty(this, 'problems', { value: problems, enumerable: false });
  }

  /** The same problems in another edge's words (e.g. the `vti emu` flags). */
  describe(spelling: ConfigSpelling): string {
    return this.problems.map((p) => describeProblem(p, spelling)).join('; ');
  }
}

/** Throws a ConfigError naming every problem; returns the configuration when it is valid. */
export function checkConfig<C extends VtiConfig>(
  c: C,
  o: { readonly prefix?: string; readonly spelling?: ConfigSpelling } = {},
): C {
  const problems = configProblems(c);
  if (problems.length) throw new ConfigError(problems, o.prefix ?? '', o.spelling ?? 'spec');
  return c;
}

export function guestImplVaMsb(c: VtiConfig): number {
  return c.implVaMsb - c.guestShrink;
}

/** The emulator's spelling of the configuration (emulator.md, `vti emu`): address lengths. */
export interface AddressLengthOptions {
  /** VT-i implemented (default true). */
  vt?: boolean;
  /** Implemented virtual-address bits, 51..61 (IMPL_VA_MSB = valen − 1; default 61). */
  valen?: number;
  /** Implemented physical-address bits, 32..63 (IMPL_PA_MSB = palen − 1; default 63). */
  palen?: number;
  /** Guest IMPL_VA_MSB = IMPL_VA_MSB − guestShrink (default 1). */
  guestShrink?: number;
}

/** The configuration the emulator's options describe (defaults: DEFAULT_CONFIG); not validated. */
export function configFromLengths(o: AddressLengthOptions = {}): VtiConfig {
  return {
    vmImplemented: o.vt ?? DEFAULT_CONFIG.vmImplemented,
    implVaMsb: (o.valen ?? DEFAULT_CONFIG.implVaMsb + 1) - 1,
    implPaMsb: (o.palen ?? DEFAULT_CONFIG.implPaMsb + 1) - 1,
    guestShrink: o.guestShrink ?? DEFAULT_CONFIG.guestShrink,
  };
}

/** The emulator's options for a configuration (the inverse of configFromLengths). */
export function lengthsOf(c: VtiConfig): Required<AddressLengthOptions> {
  return { vt: c.vmImplemented, valen: c.implVaMsb + 1, palen: c.implPaMsb + 1, guestShrink: c.guestShrink };
}
