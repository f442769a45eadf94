// Emulator speed: instructions per second on a long integer loop (bench/emu/loop.s), against
// a baseline measured in the same run: a plain JS loop doing the same arithmetic on 32-bit
// halves. Rates are per second of this process's CPU time (process.cpuUsage), which is far
// less noisy than wall time on a shared machine; wall time is printed too.
// Usage: npx tsx bench/emu/run.ts [ITERATIONS]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator } from '../../model/emulator.js';

const iterations = Number(process.argv[2] ?? 5_000_000);
const INSNS_PER_ITER = 6;

function buildLoop(): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'vti-bench-'));
  try {
    const src = readFileSync(new URL('./loop.s', import.meta.url), 'utf8').replace('ITERATIONS', String(iterations));
    writeFileSync(join(dir, 'loop.s'), src);
    execFileSync('ia64-linux-gnu-as', ['-x', '-o', join(dir, 'loop.o'), join(dir, 'loop.s')], { stdio: 'pipe' });
    execFileSync('ia64-linux-gnu-ld', [
      '-static',
      '-e',
      '_start',
      '-Ttext=0x100000',
      '-o',
      join(dir, 'loop.elf'),
      join(dir, 'loop.o'),
    ]);
    return new Uint8Array(readFileSync(join(dir, 'loop.elf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The loop body in plain JS on (lo, hi) halves, as the emulator must compute it. */
/** CPU milliseconds (user + system) of this process since `from`. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

function baseline(n: number): { ms: number; cpu: number; check: number } {
  const lo = new Uint32Array(16),
    hi = new Uint32Array(16);
  lo[9] = n;
  lo[10] = 3;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let p6 = 1;
  while (p6) {
    let s = lo[8]! + lo[10]!;
    hi[8] = hi[8]! + hi[10]! + (s > 0xffffffff ? 1 : 0);
    lo[8] = s;
    s = lo[9]! + 0xffffffff;
    hi[9] = hi[9]! + 0xffffffff + (s > 0xffffffff ? 1 : 0);
    lo[9] = s;
    s = ((lo[10]! << 2) >>> 0) + lo[11]!;
    hi[11] = ((hi[10]! << 2) | (lo[10]! >>> 30)) + hi[11]! + (s > 0xffffffff ? 1 : 0);
    lo[11] = s;
    lo[12] = lo[12]! ^ lo[8]!;
    hi[12] = hi[12]! ^ hi[8]!;
    p6 = lo[9] !== 0 || hi[9] !== 0 ? 1 : 0;
  }
  return { ms: performance.now() - t0, cpu: cpuMs(c0), check: lo[8]! };
}

const elf = buildLoop();
const emu = new Emulator();
emu.loadElf(elf);
const c0 = process.cpuUsage();
const t0 = performance.now();
const r = emu.run(iterations * INSNS_PER_ITER + 100);
const ms = performance.now() - t0,
  cpu = cpuMs(c0);
const st = emu.state();
if (!r.halted || BigInt(st.gr[8]!) !== BigInt(iterations) * 3n)
  throw new Error(`emulator result wrong: ${st.gr[8]} after ${r.steps} steps`);
const base = baseline(iterations);
if (base.check !== (iterations * 3) >>> 0) throw new Error('baseline result wrong');

const ops = iterations * INSNS_PER_ITER;
const emuRate = r.steps / (cpu / 1000);
const baseRate = ops / (base.cpu / 1000);
const f = (x: number) => (x / 1e6).toFixed(1) + ' M/s';
console.log(
  `emulator: ${r.steps} instructions, ${cpu.toFixed(0)} ms CPU (${ms.toFixed(0)} ms wall) = ${f(emuRate)} (wall ${f(r.steps / (ms / 1000))})`,
);
console.log(
  `baseline: plain JS loop, same arithmetic, ${ops} operations, ${base.cpu.toFixed(0)} ms CPU (${base.ms.toFixed(0)} ms wall) = ${f(baseRate)}`,
);
console.log(`ratio emulator/baseline: ${(emuRate / baseRate).toFixed(3)}`);
