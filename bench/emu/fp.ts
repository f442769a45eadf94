// FP speed: FP operations per second of the emulator on bench/emu/fp-loop.s (xma.l and two
// fma per iteration), against the integer loop (bench/emu/loop.s) measured in the same run, so
// the ratio says what an FP operation costs relative to an integer instruction. CPU time of
// this process (process.cpuUsage). Usage: npx tsx bench/emu/fp.ts [ITERATIONS]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator } from '../../model/emulator.js';

const iterations = Number(process.argv[2] ?? 200_000);
if (!Number.isInteger(iterations) || iterations <= 0) {
  console.error('usage: fp.ts [ITERATIONS]');
  process.exit(2);
}

function build(name: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'vti-bench-'));
  try {
    const src = readFileSync(new URL(`./${name}.s`, import.meta.url), 'utf8').replace('ITERATIONS', String(iterations));
    writeFileSync(join(dir, 'p.s'), src);
    execFileSync('ia64-linux-gnu-as', ['-x', '-o', join(dir, 'p.o'), join(dir, 'p.s')], { stdio: 'pipe' });
    execFileSync('ia64-linux-gnu-ld', [
      '-static',
      '-e',
      '_start',
      '-Ttext=0x100000',
      '-o',
      join(dir, 'p.elf'),
      join(dir, 'p.o'),
    ]);
    return new Uint8Array(readFileSync(join(dir, 'p.elf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cpuRun(name: string): { steps: number; cpu: number; emu: Emulator } {
  const emu = new Emulator();
  emu.loadElf(build(name));
  const c0 = process.cpuUsage();
  const r = emu.run(iterations * 10 + 100);
  const d = process.cpuUsage(c0);
  if (!r.halted) throw new Error(`${name}: did not halt`);
  return { steps: r.steps, cpu: (d.user + d.system) / 1000, emu };
}

const fp = cpuRun('fp-loop');
// fma.d.s1 f10 = 3·1 + f10 each iteration: 3·iterations exactly.
const f10 = fp.emu.machine.fr[10]!;
if (f10.m * 2n ** BigInt(f10.e - 0xffff - 63 + 200) !== BigInt(3 * iterations) * 2n ** 200n)
  throw new Error('fp-loop result wrong');
const int = cpuRun('loop');
const fpOps = iterations * 3;
const f = (x: number) => (x / 1e6).toFixed(2) + ' M/s';
const fpRate = fpOps / (fp.cpu / 1000),
  fpInsnRate = fp.steps / (fp.cpu / 1000),
  intRate = int.steps / (int.cpu / 1000);
console.log(
  `fp loop: ${fp.steps} instructions (${fpOps} FP ops), ${fp.cpu.toFixed(0)} ms CPU = ${f(fpRate)} FP ops, ${f(fpInsnRate)} instructions`,
);
console.log(`integer loop: ${int.steps} instructions, ${int.cpu.toFixed(0)} ms CPU = ${f(intRate)}`);
console.log(`ratio fp-loop instructions / integer instructions: ${(fpInsnRate / intRate).toFixed(3)}`);
