// The model against HP's Ski without Ski: every directed program of tools/ski/programs is
// assembled, run on the model step by step, and compared with its recorded Ski run
// (test/fixtures/ski). Re-record with SKI=/path/to/bski npx tsx tools/ski/record.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../programs/build.js';
import { firstDivergence, formatDivergence } from '../../tools/ski/compare.js';
import {
  decodeSteps,
  encodeSteps,
  fixtureRun,
  readFixture,
  skiProgramNames,
  sourceHash,
} from '../../tools/ski/fixture.js';
import { KNOWN_DIVERGENCES } from '../../tools/ski/known-divergences.js';
import { runModel } from '../../tools/ski/model-run.js';
import { SKI_PROGRAMS_DIR } from '../../tools/ski/paths.js';
import { parseProgramConfig, programConfig, skiFlags } from '../../tools/ski/program-config.js';
import { evalExpressions, parseSkiOutput } from '../../tools/ski/ski-run.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/ski/', import.meta.url));
const PROGRAMS = skiProgramNames(SKI_PROGRAMS_DIR);
const outDir = mkdtempSync(join(tmpdir(), 'vti-ski-programs-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the model against recorded Ski runs', () => {
  it('has at least 10 programs, each with a fixture, and no known divergence without a program', () => {
    expect(PROGRAMS.length).toBeGreaterThanOrEqual(10);
    for (const p of Object.keys(KNOWN_DIVERGENCES)) expect(PROGRAMS).toContain(p);
  });

  for (const program of PROGRAMS) {
    it(program, () => {
      const fixture = readFixture(FIXTURES, program);
      expect(fixture.sourceHash, `${program}: source changed since recording; re-record it`).toBe(
        sourceHash(SKI_PROGRAMS_DIR, program),
      );
      expect(fixture.end).toBe('halted');
      const elf = buildProgram(program, { srcDir: SKI_PROGRAMS_DIR, outDir });
      const d = firstDivergence(
        fixtureRun(fixture),
        runModel(elf, fixture.maxSteps, programConfig(SKI_PROGRAMS_DIR, program)),
      );
      const known = KNOWN_DIVERGENCES[program];
      if (known)
        expect(d && { step: d.step, what: d.what }, `known divergence of ${program}`).toEqual({
          step: known.step,
          what: known.what,
        });
      else expect(d && formatDivergence(program, d)).toBeNull();
    });
  }
});

describe('Ski output and fixture encoding', () => {
  it('a fixture decodes to the steps it was encoded from', () => {
    const steps = decodeSteps(readFixture(FIXTURES, 'branch-call').steps);
    expect(decodeSteps(encodeSteps(steps))).toEqual(steps);
  });

  // One record of bski output as the command file asks for it: every expression, in order.
  const skiRecord = (values: Record<string, string>) =>
    evalExpressions()
      .map((e) => `${e} = ${values[e] ?? '0'}`)
      .join('\n');

  it('reads ip as bundle + 4 * slot, ARs in hex, predicate and NaT masks, and interruptions by $faults$', () => {
    const text = [
      'Halting simulation',
      skiRecord({ ip: '100024', cfm: '408', ar65: 'fedcba9876543210', p6: '1', 'r3.nat': '1', r3: '5' }),
      skiRecord({ ip: '205400', cfm: '408', $faults$: '1', isr: '0', ifa: '100020', iipa: '100024' }),
    ].join('\n');
    const [a, b] = parseSkiOutput(text);
    expect(a).toMatchObject({ ip: '0x100020', slot: 1, interrupted: false, halted: false });
    expect(a!.regs).toMatchObject({ lc: '0xfedcba9876543210', pr: '0x41', nat: '0x8', r3: '0x5', cfm: '0x408' });
    expect(a!.regs).not.toHaveProperty('iipa'); // compared only at interruptions
    expect(b).toMatchObject({ ip: '0x205400', slot: 0, interrupted: true });
    expect(b!.regs.iipa).toBe('0x100020'); // slot bits dropped
    expect(b!.regs).not.toHaveProperty('ifa'); // undefined after an Illegal Operation fault
  });

  it('compares only the stacked registers inside the frame', () => {
    const [s] = parseSkiOutput(skiRecord({ ip: '100000', cfm: '2', r34: '7', 'r34.nat': '1' }));
    expect(s!.regs).toHaveProperty('r33');
    expect(s!.regs).not.toHaveProperty('r34');
    expect(s!.regs.nat).toBe('0x0');
  });

  it('reads the FRs of an fr=N program as spill images (sign, exponent, significand) and FPSR as ar40', () => {
    const record = evalExpressions(3)
      .map(
        (e) =>
          `${e} = ${{ ip: '100000', 'f3.s': '1', 'f3.e': '1fffe', 'f2.e': 'ffff', 'f2.m': '8000000000000000', ar40: '9804c0270033f' }[e] ?? '0'}`,
      )
      .join('\n');
    const [s] = parseSkiOutput(record, 3);
    expect(s!.regs).toMatchObject({
      f2: '0xffff8000000000000000',
      f3: '0x3fffe0000000000000000',
      fpsr: '0x9804c0270033f',
    });
    expect(s!.regs).not.toHaveProperty('f4');
    expect(parseSkiOutput(skiRecord({}))[0]!.regs).not.toHaveProperty('fpsr');
    expect(parseProgramConfig('// config: fr=31\n')).toEqual({ fr: 31 });
    expect(() => parseProgramConfig('// config: fr=1\n')).toThrow(/bad config item/);
  });

  it('rejects output that does not follow the command file', () => {
    expect(() => parseSkiOutput(skiRecord({}).replace('psr = 0', 'pta = 3c'))).toThrow(/unexpected bski output/);
  });

  it("reads a program's address lengths from its config line", () => {
    expect(parseProgramConfig('// x\n// config: valen=51 palen=40\n')).toEqual({ valen: 51, palen: 40 });
    expect(parseProgramConfig('mov r2=1\n')).toEqual({});
    expect(() => parseProgramConfig('// config: vt=off\n')).toThrow(/bad config item/);
    expect(parseProgramConfig('// ski: -alat\n// config: valen=51\n')).toEqual({ alat: true, valen: 51 });
    expect(skiFlags(parseProgramConfig('// ski: -alat\n'))).toEqual(['-alat']);
    expect(() => parseProgramConfig('// ski: -noalat\n')).toThrow(/bad ski flag/);
  });
});
