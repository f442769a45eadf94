// Before/after equivalence of the emulator's fast paths (issue 13): runs a fixed set of
// programs — the random co-simulation programs (seeds 1000.., 500 items, as `vti cosim --core
// --random`), the bench loops and the VT-i VMM demo — and digests each run's final state, every
// interruption event, the application registers and all of physical memory. Each program runs
// three ways that must agree with each other: one run() to the end, run() in small step budgets
// (ends mid-bundle and mid-block) and, for its first steps, step() with onStep set.
//   npx tsx bench/emu/equivalence.ts --write FILE   record the digests (e.g. on the old commit)
//   npx tsx bench/emu/equivalence.ts --check FILE   compare with a recorded file; exit 1 on a difference
// Usage: [--programs N] (random programs, default 30)
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VtiConfig } from '../../arch/config.js';
import { elfSymbols, patchWord, symbol } from '../../model/elf.js';
import { Emulator } from '../../model/emulator.js';
import { buildProgram } from '../../programs/build.js';
import { buildBenchLoop } from './build-loop.js';
import { emulatorOptions } from '../../sim/cosim/lockstep/lockstep.js';
import { RANDOM_GEN } from '../../sim/cosim/random/layout.js';
import { buildRandomProgram, randomItems, renderProgram } from '../../sim/cosim/random/program.js';

const args = process.argv.slice(2);
const argOf = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const writeTo = argOf('--write'),
  checkAgainst = argOf('--check');
if (!writeTo === !checkAgainst) {
  console.error('usage: npx tsx bench/emu/equivalence.ts --write FILE | --check FILE [--programs N]');
  process.exit(2);
}
const programs = Number(argOf('--programs') ?? 30);
const MAX_STEPS = 5_000_000;

interface Program {
  name: string;
  elf: Uint8Array;
  opts: ConstructorParameters<typeof Emulator>[0];
}

const work = mkdtempSync(join(tmpdir(), 'vti-emu-equiv-'));
const benchElf = (file: string, subst: Record<string, number>, ldArgs: string[] = []) =>
  new Uint8Array(readFileSync(buildBenchLoop(work, file, subst, ldArgs)));

function programList(): Program[] {
  const list: Program[] = [];
  const randomOpts = { ...emulatorOptions(RANDOM_GEN as VtiConfig), keepEvents: true };
  for (let k = 0; k < programs; k++)
    list.push({
      name: `random-${1000 + k}`,
      elf: buildRandomProgram(renderProgram(randomItems(1000 + k, 500))).elf,
      opts: randomOpts,
    });
  list.push({
    name: 'integer-loop',
    elf: benchElf('loop.s', { ITERATIONS: 2000 }),
    opts: { vt: false, keepEvents: true },
  });
  list.push({
    name: 'interruption-loop',
    elf: benchElf('irq-loop.s', { ROUNDS: 300 }, ['--section-start=.ivt=0x200000']),
    opts: { vt: false, keepEvents: true },
  });
  let vmm: Uint8Array = new Uint8Array(readFileSync(buildProgram('vtvmm')));
  vmm = patchWord(vmm, symbol(elfSymbols(vmm), 'guest_iterations'), 200n);
  list.push({ name: 'vtvmm', elf: vmm, opts: { vt: true, keepEvents: true } });
  return list;
}

/** Digest of everything the run leaves behind: final state with events, ARs, memory. */
function digest(emu: Emulator): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(emu.state(), (_k, v) => (typeof v === 'bigint' ? `0x${v.toString(16)}` : v)));
  const m = emu.machine;
  h.update(m.arLo);
  h.update(m.arHi);
  for (const key of [...m.mem.pages.keys()].sort((a, b) => a - b)) {
    h.update(String(key));
    h.update(m.mem.pages.get(key)!);
  }
  return h.digest('hex').slice(0, 16);
}

function runWhole(p: Program): string {
  const emu = new Emulator(p.opts);
  emu.loadElf(p.elf);
  emu.run(MAX_STEPS);
  return digest(emu);
}

/** Budgets 1..7 in turn, so that runs end in every slot and at every bundle of a block. */
function runChunked(p: Program): string {
  const emu = new Emulator(p.opts);
  emu.loadElf(p.elf);
  let k = 0;
  while (!emu.machine.halted && emu.machine.steps < MAX_STEPS)
    emu.run(Math.min(MAX_STEPS, emu.machine.steps + 1 + (k++ % 7)));
  return digest(emu);
}

/** The first 2000 steps with onStep (the one-step path), then run() to the end. */
function runStepped(p: Program): string {
  const emu = new Emulator(p.opts);
  emu.loadElf(p.elf);
  emu.onStep = () => {};
  emu.run(2000);
  emu.onStep = undefined;
  emu.run(MAX_STEPS);
  return digest(emu);
}

const results: Record<string, string> = {};
let bad = 0;
try {
  for (const p of programList()) {
    const whole = runWhole(p),
      chunked = runChunked(p),
      stepped = runStepped(p);
    if (chunked !== whole || stepped !== whole) {
      console.error(`${p.name}: run ways disagree: whole ${whole}, chunked ${chunked}, stepped ${stepped}`);
      bad++;
    }
    results[p.name] = whole;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (writeTo) {
  writeFileSync(writeTo, `${JSON.stringify(results, null, 1)}\n`);
  console.log(`${Object.keys(results).length} programs recorded in ${writeTo}`);
} else {
  const old = JSON.parse(readFileSync(checkAgainst!, 'utf8')) as Record<string, string>;
  for (const [name, d] of Object.entries(results))
    if (old[name] !== d) {
      console.error(`${name}: differs from the recorded run (${old[name]} → ${d})`);
      bad++;
    }
  console.log(
    `${Object.keys(results).length} programs: ${bad === 0 ? 'identical to' : `${bad} differences from`} ${checkAgainst}`,
  );
}
process.exit(bad === 0 ? 0 : 1);
