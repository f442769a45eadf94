// The emulator of this checkout against the emulator of an older commit, in one process, runs
// interleaved (old, new, old, new, ...), so that both see the same machine load: instructions
// per CPU second on the bench loops and the VT-i VMM demo (vtvmm, as in run.ts), and the ratio
// of the medians. The old model/ and arch/ are
// exported with `git archive` into a temporary directory and imported from there.
// Usage: npx tsx bench/emu/against-commit.ts COMMIT [--scale S] [--repeat N]
//   --scale 1: integer loop 5 M iterations (30 M instructions), interruption loop 300 k rounds.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { elfSymbols, patchWord, symbol } from '../../model/elf.js';
import { Emulator } from '../../model/emulator.js';
import { buildProgram } from '../../programs/build.js';
import { IVT_SECTION, buildBenchLoop } from './build-loop.js';

const args = process.argv.slice(2);
const argOf = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const commit = args[0];
if (!commit || commit.startsWith('--')) {
  console.error('usage: npx tsx bench/emu/against-commit.ts COMMIT [--scale S] [--repeat N]');
  process.exit(2);
}
const scale = Number(argOf('--scale') ?? 1);
const repeat = Math.max(1, Number(argOf('--repeat') ?? 3));
const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'vti-emu-against-'));
const build = (file: string, subst: Record<string, number>) =>
  new Uint8Array(readFileSync(buildBenchLoop(work, file, subst, [IVT_SECTION])));

type EmulatorClass = typeof Emulator;
interface Workload {
  name: string;
  elf: Uint8Array;
  vt: boolean;
}

/** Instructions per CPU second of one run to the halt. */
function rate(E: EmulatorClass, w: Workload): number {
  const emu = new E({ vt: w.vt });
  emu.loadElf(w.elf);
  const c0 = process.cpuUsage();
  const r = emu.run(2e9);
  const d = process.cpuUsage(c0);
  if (!r.halted) throw new Error('did not halt');
  return r.steps / ((d.user + d.system) / 1e6);
}

/** programs/vtvmm.s with `iterations` guest iterations and no extras (as bench/emu/run.ts). */
function vmmElf(iterations: number): Uint8Array {
  let bytes: Uint8Array = new Uint8Array(readFileSync(buildProgram('vtvmm')));
  const syms = elfSymbols(bytes);
  bytes = patchWord(bytes, symbol(syms, 'guest_iterations'), BigInt(iterations));
  return patchWord(bytes, symbol(syms, 'guest_extras'), 0n);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const M = (x: number) => `${(x / 1e6).toFixed(1)} M/s`;

try {
  const old = join(work, 'old');
  execFileSync('mkdir', ['-p', old]);
  execFileSync('bash', ['-c', `git -C "$0" archive "$1" model arch | tar -x -C "$2"`, root, commit, old]);
  writeFileSync(join(old, 'package.json'), '{"type":"module"}\n'); // ESM, as in the repository
  const Old = ((await import(pathToFileURL(join(old, 'model', 'emulator.ts')).href)) as { Emulator: EmulatorClass })
    .Emulator;
  const workloads: Workload[] = [
    { name: 'integer loop', elf: build('loop.s', { ITERATIONS: Math.round(5_000_000 * scale) }), vt: false },
    { name: 'interruption loop', elf: build('irq-loop.s', { ROUNDS: Math.round(300_000 * scale) }), vt: false },
    { name: 'guest kernel under the VT-i VMM (vtvmm)', elf: vmmElf(Math.round(20_000 * scale)), vt: true },
  ];
  console.log(`| workload | ${commit} | this checkout | ratio of medians |`);
  console.log('|---|---|---|---|');
  for (const w of workloads) {
    const a: number[] = [],
      b: number[] = [];
    for (let k = 0; k < repeat; k++) {
      a.push(rate(Old, w));
      b.push(rate(Emulator, w));
    }
    console.log(`| ${w.name} | ${M(median(a))} | ${M(median(b))} | ${(median(b) / median(a)).toFixed(2)} |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
