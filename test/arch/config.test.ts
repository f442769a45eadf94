// The one configuration type: its validator returns every problem as data, the one error class
// words them for each edge (architecture names, the emulator's lengths, the `vti emu` flags),
// and every consumer (generator, block reference, emulator) rejects with that class.
import { describe, expect, it } from 'vitest';
import {
  checkConfig,
  ConfigError,
  configFromLengths,
  configProblems,
  DEFAULT_CONFIG,
  describeProblem,
  lengthsOf,
  type VtiConfig,
} from '../../arch/config.js';
import { generateVti } from '../../gen/vti.js';
import { createAddrCheckModel } from '../../model/blocks/addr-check.js';
import { Emulator } from '../../model/emulator.js';

const cfg = (o: Partial<VtiConfig>): VtiConfig => ({ ...DEFAULT_CONFIG, ...o });

describe('configProblems', () => {
  it('is empty for the defaults and for a no-VT processor with no room for a guest', () => {
    expect(configProblems(DEFAULT_CONFIG)).toEqual([]);
    expect(configProblems(cfg({ vmImplemented: false, implVaMsb: 50 }))).toEqual([]);
  });

  it('returns every problem at once, as data', () => {
    expect(configProblems(cfg({ implVaMsb: 61, implPaMsb: 30, guestShrink: 0 }))).toEqual([
      { kind: 'range', field: 'implVaMsb', value: 61, min: 50, max: 60 },
      { kind: 'range', field: 'implPaMsb', value: 30, min: 31, max: 62 },
      { kind: 'guestShrink', value: 0 },
    ]);
    expect(configProblems(cfg({ implVaMsb: 52, guestShrink: 3 }))).toEqual([
      { kind: 'noGuest', implVaMsb: 52, guestShrink: 3 },
    ]);
    expect(configProblems(cfg({ implVaMsb: 55.5 }))).toEqual([
      { kind: 'range', field: 'implVaMsb', value: 55.5, min: 50, max: 60 },
    ]);
  });
});

describe('one error, worded per edge', () => {
  const bad = cfg({ implVaMsb: 61, implPaMsb: 63 });

  it('names the fields as the architecture does, the emulator does (lengths) and `vti emu` does (flags)', () => {
    const [va] = configProblems(bad);
    expect(describeProblem(va!, 'spec')).toBe('IMPL_VA_MSB 61 is out of range: allowed 50..60');
    expect(describeProblem(va!, 'lengths')).toBe('valen 62 is out of range: allowed 51..61');
    expect(describeProblem(va!, 'emuFlags')).toBe('--valen 62 is out of range: allowed 51..61');
    const noGuest = configProblems(cfg({ implVaMsb: 50 }))[0]!;
    expect(describeProblem(noGuest, 'emuFlags')).toBe(
      '--valen 51 with --guest-shrink 1 leaves no room for a guest: guest IMPL_VA_MSB 49 is below 50 (needs valen - 1 - guest-shrink >= 50 with --vt on)',
    );
    expect(describeProblem({ kind: 'guestShrink', value: -2 }, 'emuFlags')).toBe(
      '--guest-shrink -2 is out of range: must be an integer >= 1',
    );
  });

  it('checkConfig throws a ConfigError holding the problems, with the prefix of whoever rejected it', () => {
    let e: unknown;
    try {
      checkConfig(bad, { prefix: 'here: ' });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(ConfigError);
    const c = e as ConfigError;
    expect(c.message).toBe(
      'here: IMPL_VA_MSB 61 is out of range: allowed 50..60; IMPL_PA_MSB 63 is out of range: allowed 31..62',
    );
    expect(c.problems.map((p) => p.kind)).toEqual(['range', 'range']);
    expect(c.describe('lengths')).toBe(
      'valen 62 is out of range: allowed 51..61; palen 64 is out of range: allowed 32..63',
    );
    // By value it is the plain Error its message says.
    expect(() => checkConfig(bad)).toThrow(
      new Error(describeProblem(configProblems(bad)[0]!) + '; ' + describeProblem(configProblems(bad)[1]!)),
    );
    expect(checkConfig(DEFAULT_CONFIG)).toBe(DEFAULT_CONFIG);
  });

  it('the generator, a block reference and the emulator all throw it', () => {
    expect(() => generateVti(bad)).toThrow(ConfigError);
    expect(() => createAddrCheckModel({ implVaMsb: 61 })).toThrow(ConfigError);
    expect(() => new Emulator({ palen: 20 })).toThrow(ConfigError);
  });
});

describe("the emulator's spelling", () => {
  it('maps valen/palen/vt onto the configuration and back', () => {
    expect(configFromLengths()).toEqual(DEFAULT_CONFIG);
    const c = configFromLengths({ vt: false, valen: 55, palen: 40, guestShrink: 2 });
    expect(c).toEqual({ vmImplemented: false, implVaMsb: 54, implPaMsb: 39, guestShrink: 2 });
    expect(lengthsOf(c)).toEqual({ vt: false, valen: 55, palen: 40, guestShrink: 2 });
    expect(new Emulator(lengthsOf(c)).config).toEqual(c);
  });
});
