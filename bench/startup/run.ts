// Start-up time of the `vti` bin (issue 13, item 4: `vti --help` and `vti emu` of a 20-step
// program in ≤ 0.15 s from the compiled package, dist/js): each command run REPEAT times as a
// child process (`node bin/vti.js ...`), median wall time and median CPU time (user + system
// of the child, from this process's cutime/cstime in /proc/self/stat: 10 ms ticks). Measured
// from the compiled JavaScript (bin/vti.js takes dist/js when it is fresh) and, for comparison,
// from the sources through tsx (VTI_FROM_SOURCE=1).
// Usage: npx tsx bench/startup/run.ts [REPEAT]   (build dist/js first: npm run build:js)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsFresh } from '../../bin/dist-stamp.cjs';
import { buildBenchLoop } from '../emu/build-loop.js';

const REPEAT = Number(process.argv[2] ?? 10);
const TARGET_SECONDS = 0.15;
const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const vti = join(root, 'bin', 'vti.js');

/** CPU seconds of this process's waited-for children so far (Linux: /proc/self/stat). */
function childCpu(): number {
  // Fields after the command name "(...)": utime is field 14, cutime 16 and cstime 17 (1-based).
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[13]) + Number(f[14])) / 100;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Timing {
  readonly what: string;
  readonly wall: number;
  readonly cpu: number;
}

function time(what: string, args: string[], env: NodeJS.ProcessEnv, script: string[] = [vti]): Timing {
  const walls: number[] = [],
    cpus: number[] = [];
  for (let k = 0; k < REPEAT; k++) {
    const c0 = childCpu(),
      t0 = performance.now();
    const r = spawnSync(process.execPath, [...script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    walls.push((performance.now() - t0) / 1000);
    cpus.push(childCpu() - c0);
    if (r.status !== 0) throw new Error(`bench/startup: vti ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return { what, wall: median(walls), cpu: median(cpus) };
}

const work = mkdtempSync(join(tmpdir(), 'vti-startup-'));
try {
  // bench/emu/loop.s with 3 iterations: 5 + 3 × 6 + 1 = 24 steps, about the 20-step program.
  const elf = buildBenchLoop(work, 'loop.s', { ITERATIONS: 3 });
  const fresh = distIsFresh(root);
  const compiled = { ...process.env, VTI_FROM_SOURCE: '0' },
    source = { ...process.env, VTI_FROM_SOURCE: '1' };
  const load = loadavg()[0]!.toFixed(2);
  // The floor: node itself starting and exiting on this machine at this load.
  const rows: Timing[] = [time('node -e 0 (the floor)', ['-e', '0'], process.env, [])];
  if (fresh) {
    rows.push(time('vti --help (dist/js)', ['--help'], compiled));
    rows.push(time('vti emu loop.elf (dist/js)', ['emu', elf], compiled));
  }
  rows.push(time('vti --help (sources, tsx)', ['--help'], source));
  rows.push(time('vti emu loop.elf (sources, tsx)', ['emu', elf], source));
  process.stdout.write(`start-up, median of ${REPEAT} runs, node ${process.version}, load ${load} before\n`);
  process.stdout.write(`${'command'.padEnd(36)}  wall (s)  CPU (s)\n`);
  for (const r of rows)
    process.stdout.write(`${r.what.padEnd(36)}  ${r.wall.toFixed(3).padStart(8)}  ${r.cpu.toFixed(3).padStart(7)}\n`);
  if (!fresh) process.stdout.write('dist/js is missing or stale: run `npm run build:js` to measure the compiled CLI\n');
  for (const r of rows.filter((x) => x.what.includes('dist/js')))
    process.stdout.write(
      `target <= ${TARGET_SECONDS} s, ${r.what}: ${r.wall <= TARGET_SECONDS ? 'met' : 'not met'} (wall ${r.wall.toFixed(3)} s, CPU ${r.cpu.toFixed(3)} s)\n`,
    );
} finally {
  rmSync(work, { recursive: true, force: true });
}
