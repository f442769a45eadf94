// Measures `vti all` (what `npm start` runs) once and writes the figure into README.md between
// `<!-- generated: bench/timings/vti-all.ts -->` and `<!-- /generated -->`, with the date,
// the machine (cores, CPU) and the load before and after — so README's time is a measurement
// with its conditions, never a hand-written guess. Run: `nice npx tsx bench/timings/vti-all.ts`
// (several minutes on a loaded machine). test/docs/generated-numbers.test.ts checks the block.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../cache/atomic-write.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const README = join(root, 'README.md');
export const MARK = 'bench/timings/vti-all.ts';

const load = () => loadavg()[0]!.toFixed(1);
const out = mkdtempSync(join(tmpdir(), 'vti-all-timing-'));
const loadBefore = load();
const t0 = performance.now();
const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'all', '--out', out, '--json'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 << 20,
});
const seconds = (performance.now() - t0) / 1000;
rmSync(out, { recursive: true, force: true });
if (r.status !== 0) throw new Error(`vti all exited ${r.status}: ${r.stderr.slice(-2000)}`);
const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})`;
const text =
  `\`vti all\` took ${Math.round(seconds)} s on ${new Date().toISOString().slice(0, 10)}, ` +
  `${machine}, load average ${loadBefore} before / ${load()} after (a cold run is slower: Verilator models are built once and cached).`;
const readme = readFileSync(README, 'utf8');
const block = new RegExp(`(<!-- generated: ${MARK} -->\\n)[\\s\\S]*?(\\n<!-- /generated -->)`);
if (!block.test(readme)) throw new Error(`README.md has no <!-- generated: ${MARK} --> block`);
writeFileAtomic(README, readme.replace(block, `$1${text}$2`));
console.log(text);
