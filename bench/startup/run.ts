// Start-up time of the `vti` bin (issue 13, item 4: `vti --help` and `vti emu` of a ~20-step
// program in ≤ 0.15 s from the installed package's compiled JavaScript): each command run as a
// child process (`node bin/vti.cjs ...`, the package's bin), REPEAT rounds with the commands
// interleaved (so a change of the machine's load hits them all alike), median wall time and
// median CPU time (user + system, from bash's `time`, millisecond resolution). Measured from the
// start-up bundles in dist/js (bin/vti.cjs takes them while they match the sources; built here
// when stale) and, for comparison, from the sources through tsx (VTI_FROM_SOURCE=1). `node -e 0`
// on the same machine at the same load is the floor: the "over node" column is what vti adds.
// Usage: npx tsx bench/startup/run.ts [--repeat N] [--write]
//   --write: the table, with the command, date, machine and load, into README.md between
//   `<!-- generated: bench/startup/run.ts -->` and `<!-- /generated -->`
//   (test/packaging/startup-doc.test.ts checks the block's form).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../cache/atomic-write.js';
import { distIsFresh } from '../../bin/dist-stamp.cjs';
import { buildBenchLoop } from '../emu/build-loop.js';

const args = process.argv.slice(2);
const repeatAt = args.indexOf('--repeat');
const REPEAT = repeatAt >= 0 ? Number(args[repeatAt + 1]) : 10;
if (!Number.isInteger(REPEAT) || REPEAT < 1) throw new Error('bench/startup: --repeat takes a positive integer');
const TARGET_SECONDS = 0.15;
const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const vti = join(root, 'bin', 'vti.cjs');
const load = () => loadavg()[0]!.toFixed(1);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Case {
  readonly what: string;
  readonly argv: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly walls: number[];
  readonly cpus: number[];
}

/** One run of `node ...argv` under bash's `time`: wall and CPU seconds; throws on a failed command. */
function timeOnce(c: Case): void {
  const r = spawnSync(
    'bash',
    ['-c', 'TIMEFORMAT="%3R %3U %3S"; { time "$@" >/dev/null 2>/dev/null; } 2>&1', '_', process.execPath, ...c.argv],
    { env: c.env, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`bench/startup: ${c.what} exited ${r.status}`);
  const [wall, user, sys] = r.stdout.trim().split('\n').at(-1)!.split(' ').map(Number);
  c.walls.push(wall!);
  c.cpus.push(user! + sys!);
}

if (!distIsFresh(root)) {
  const b = spawnSync(process.execPath, [join(root, 'bin', 'build-js.js')], { stdio: 'inherit' });
  if (b.status !== 0) throw new Error('bench/startup: npm run build:js failed');
}
const work = mkdtempSync(join(tmpdir(), 'vti-startup-'));
const loadBefore = load();
let cases: Case[];
try {
  // bench/emu/loop.s with 3 iterations: 28 instruction slots, about the issue's 20-step program.
  const elf = buildBenchLoop(work, 'loop.s', { ITERATIONS: 3 });
  const compiled = { ...process.env, VTI_FROM_SOURCE: '0' },
    source = { ...process.env, VTI_FROM_SOURCE: '1' };
  const make = (what: string, argv: string[], env: NodeJS.ProcessEnv): Case => ({
    what,
    argv,
    env,
    walls: [],
    cpus: [],
  });
  cases = [
    make('`node -e 0` (the floor)', ['-e', '0'], process.env),
    make('`vti --help` (bundle)', [vti, '--help'], compiled),
    make('`vti emu loop.elf` (bundle)', [vti, 'emu', elf], compiled),
    make('`vti --help` (sources, tsx)', [vti, '--help'], source),
    make('`vti emu loop.elf` (sources, tsx)', [vti, 'emu', elf], source),
  ];
  for (let k = 0; k < REPEAT; k++) for (const c of cases) timeOnce(c);
} finally {
  rmSync(work, { recursive: true, force: true });
}

const floorCpu = median(cases[0]!.cpus);
const header = ['| command | wall (s) | CPU (s) | CPU over node (s) |', '|---|---|---|---|'];
const rows = cases.map((c, i) => {
  const cpu = median(c.cpus);
  return `| ${c.what} | ${median(c.walls).toFixed(3)} | ${cpu.toFixed(3)} | ${i === 0 ? '—' : (cpu - floorCpu).toFixed(3)} |`;
});
const conditions = `Measured by \`npx tsx bench/startup/run.ts${args.length ? ` ${args.join(' ')}` : ''}\` on ${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), node ${process.version}, load average ${loadBefore} before / ${load()} after; medians of ${REPEAT} interleaved runs each (CPU: user + system of the process):`;
console.log(`${conditions}\n\n${[...header, ...rows].join('\n')}\n`);
for (const c of cases.filter((x) => x.what.includes('(bundle)'))) {
  const wall = median(c.walls);
  console.log(
    `target <= ${TARGET_SECONDS} s wall, ${c.what}: ${wall <= TARGET_SECONDS ? 'met' : 'not met'} (${wall.toFixed(3)} s)`,
  );
}
if (args.includes('--write')) {
  const MARK = 'bench/startup/run.ts';
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const block = new RegExp(`(<!-- generated: ${MARK} -->\\n)[\\s\\S]*?(\\n<!-- /generated -->)`);
  if (!block.test(readme)) throw new Error(`README.md has no <!-- generated: ${MARK} --> block`);
  const text = [conditions, '', ...header, ...rows].join('\n');
  writeFileAtomic(
    readmePath,
    readme.replace(block, () => `<!-- generated: ${MARK} -->\n${text}\n<!-- /generated -->`),
  );
  console.log(`written to ${readmePath}`);
}
