// `vti demo`: flags, the cost model, and (with the emulator) the three techniques' counts.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../programs/build.js';
import { parseArgs } from '../../cli/args.js';
import { UserError } from '../../cli/errors.js';
import { command } from '../../cli/commands/demo.js';
import { cyclesPerOp, totalCycles } from '../../demo/cost.js';
import { TECHNIQUES, type TechniqueResult, formatTable, measure, vmBit } from '../../demo/techniques.js';
import { programSymbols } from '../../demo/run.js';

// The command itself, not cli/main.ts: main imports every command module, and this test
// should not depend on the others. main prints a UserError as `vti demo: <message>`.
const runDemoCli = (args: string[]) => command.run(parseArgs('demo', args, command.flags));

describe('vti demo flags', () => {
  it('rejects out-of-range values with the allowed range', async () => {
    await expect(runDemoCli(['--iterations', '0'])).rejects.toThrow(
      new UserError('--iterations must be between 1 and 10000, got 0'),
    );
    await expect(runDemoCli(['--flush-cycles', '-5'])).rejects.toThrow(
      new UserError('--flush-cycles must be between 0 and 10000, got -5'),
    );
    await expect(runDemoCli(['extra'])).rejects.toThrow(
      new UserError("unexpected argument 'extra' (demo takes options only)"),
    );
    expect(() => parseArgs('demo', ['--iterations', 'many'], command.flags)).toThrow(
      "vti demo: option '--iterations' expects an integer, got 'many'",
    );
  });
});

describe('vmBit', () => {
  it('reads PSR bit 46 from a hex string', () => {
    expect(vmBit('0x401000022000')).toBe(1);
    expect(vmBit('0x1000022000')).toBe(0);
    expect(vmBit('0x0')).toBe(0);
    expect(vmBit('0xbfffffffffff')).toBe(0);
    expect(vmBit('0xffffbfffffffffff')).toBe(0);
    expect(vmBit('0xffffffffffffffff')).toBe(1);
  });
});

describe('cost model', () => {
  it('charges 1 cycle per instruction and flushCycles per interruption', () => {
    const c = { interruptions: 6, vmmInstructions: 300, guestInstructions: 40, emulatedOps: 6 };
    expect(cyclesPerOp(c, 30)).toBe((300 + 6 * 30) / 6);
    expect(cyclesPerOp(c, 0)).toBe(50);
    expect(totalCycles(c, 20)).toBe(40 + 300 + 120);
    expect(cyclesPerOp({ ...c, emulatedOps: 0 }, 30)).toBe(0);
  });
});

describe('formatTable', () => {
  it('prints one row per technique with per-operation figures and warnings for bad runs', () => {
    const t: TechniqueResult = {
      id: 'x',
      title: 'some technique',
      program: 'prog',
      vt: true,
      interruptions: 6,
      vmmInstructions: 300,
      guestInstructions: 40,
      emulatedOps: 6,
      vm0Instructions: 300,
      cyclesPerOp: 80,
      cyclesPerOpRange: [70, 90],
      totalCycles: 520,
      halted: false,
      vmmError: 2,
      windowComplete: false,
    };
    const text = formatTable({ iterations: 1, flushCycles: 30, flushRange: [20, 40], techniques: [t] });
    expect(text.split('\n')).toEqual([
      'workload: 1 iterations x 6 privileged operations; cost model: 1 cycle/instruction + 30 cycles/interruption (programs/README.md)',
      'technique       interruptions  VMM instr  guest instr  ops emulated  VMM instr/op  cycles/op @30     @20..40',
      '--------------  -------------  ---------  -----------  ------------  ------------  -------------  ----------',
      'some technique              6        300           40             6          50.0           80.0  70.0..90.0',
      'warning: prog did not run its whole workload window; its counts are partial',
      'warning: prog did not halt within the step limit',
      'warning: prog: the VMM gave up (error 2, see programs/README.md)',
      '',
    ]);
  });
});

/** Instructions of each para-virtual entry, counted in the disassembly: each runs straight
 * through from its label to the next one (the page holds nothing else). */
function pvEntryLengths(): Map<string, number> {
  const elf = buildProgram('paravirt');
  const syms = programSymbols('paravirt');
  const names = ['pv_rsm_i', 'pv_ssm_i', 'pv_get_itm', 'pv_set_itm', 'pv_get_psr', 'pv_set_psr_l'];
  const starts = names.map((n) => Number(syms.get(n)!)).sort((a, b) => a - b);
  const end = Number(syms.get('__pv_end')!);
  const dis = spawnSync('ia64-linux-gnu-objdump', ['-d', '-j', '.text.pv', elf], { encoding: 'utf8' }).stdout;
  const addrs: number[] = [];
  // one line per instruction: "  400006:\t<bytes>\t  [MLX]   movl ..." (an MLX bundle: two lines)
  for (const line of dis.split('\n')) {
    const m = /^\s+([0-9a-f]+):\t[^\t]+\t(.*)$/.exec(line);
    if (m && m[2]!.trim() !== '') addrs.push(parseInt(m[1]!, 16));
  }
  const lens = new Map<string, number>();
  for (const n of names) {
    const lo = Number(syms.get(n)!);
    const hi = starts.find((a) => a > lo) ?? end;
    lens.set(n, addrs.filter((a) => a >= lo && a < hi).length);
  }
  return lens;
}

describe('vti demo measurements', () => {
  it('counts 6 emulated operations per iteration, interruptions only without vmsw', async () => {
    const [a, c, d] = await Promise.all(TECHNIQUES.map((t) => measure(t, 3, 30)));
    for (const t of [a!, c!, d!]) {
      expect(t.halted).toBe(true);
      expect(t.windowComplete).toBe(true);
      expect(t.vmmError).toBe(0);
      expect(t.emulatedOps).toBe(18);
    }
    expect(a!.interruptions).toBe(18); // one Virtualization fault per operation
    expect(c!.interruptions).toBe(0); // vmsw: none
    expect(d!.interruptions).toBe(18); // one Privileged Operation fault per operation
    // The para-virtual entries run straight through: 3 x the sum of the six entries' lengths.
    const lens = pvEntryLengths();
    const perIter = ['pv_rsm_i', 'pv_get_itm', 'pv_ssm_i', 'pv_get_psr', 'pv_set_itm', 'pv_set_psr_l'].reduce(
      (s, n) => s + lens.get(n)!,
      0,
    );
    expect(c!.vmmInstructions).toBe(3 * perIter);
    // Software re-checks make the classic handler longer than the VT-i one.
    expect(d!.vmmInstructions).toBeGreaterThan(a!.vmmInstructions);
    expect(a!.vmmInstructions).toBeGreaterThan(c!.vmmInstructions);
    expect(a!.cyclesPerOp).toBe((a!.vmmInstructions + 30 * 18) / 18);
    // Under VT-i trap-and-emulate the VMM is exactly what runs with vm = 0: the address-range
    // classification and the PSR agree. Without VT-i everything runs with vm = 0.
    expect(a!.vm0Instructions).toBe(a!.vmmInstructions);
    expect(d!.vm0Instructions).toBe(d!.vmmInstructions + d!.guestInstructions);
  });

  it('is linear in the iteration count (every iteration takes the same path)', async () => {
    for (const t of [TECHNIQUES[0]!, TECHNIQUES[2]!]) {
      const [x, y] = await Promise.all([measure(t, 2, 30), measure(t, 4, 30)]);
      expect(y!.vmmInstructions).toBe(2 * x!.vmmInstructions);
      expect(y!.interruptions).toBe(2 * x!.interruptions);
    }
  });
});
