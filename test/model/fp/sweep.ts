// The long run of fp-core.test.ts's reference comparison: `npx tsx test/model/fp/sweep.ts
// [CASES] [SEED]` (default 10^6) prints the cases per operation/rounding mode and every
// mismatch (at most 20), exit status 1 on any mismatch.
import { compareOps } from './compare-ops.js';

const n = Number(process.argv[2] ?? 1e6),
  seed = Number(process.argv[3] ?? 1);
if (!Number.isInteger(n) || n <= 0 || !Number.isInteger(seed)) {
  console.error('usage: sweep.ts [CASES] [SEED]');
  process.exit(2);
}
const t0 = Date.now();
const chunk = 50000;
const total: Record<string, number> = {};
const bad: string[] = [];
for (let done = 0, k = 0; done < n; done += chunk, k++) {
  const s = compareOps(seed * 1000003 + k, Math.min(chunk, n - done), 20 - bad.length);
  for (const [op, c] of Object.entries(s.cases)) total[op] = (total[op] ?? 0) + c;
  bad.push(...s.mismatches);
}
for (const op of Object.keys(total).sort()) console.log(`${op.padEnd(22)} ${total[op]}`);
console.log(`${n} cases, ${bad.length} mismatches, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
for (const b of bad) console.log(b);
process.exit(bad.length ? 1 : 0);
