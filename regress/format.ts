// A merged result as text: the summary (workload, shards, counts, mismatches with their
// replay commands), the coverage table (per bin group: bins hit / bins, lowest count) and a
// Markdown section for a report or a CI job summary.
import type { MergedResult } from './merge.js';

/** Bins grouped by the text before ': ' in their names. */
export function coverageGroups(bins: Readonly<Record<string, number>>) {
  const groups = new Map<string, { bins: number; hit: number; minHits: number; hits: number }>();
  for (const [name, count] of Object.entries(bins)) {
    const g = name.includes(': ') ? name.slice(0, name.indexOf(': ')) : name;
    const e = groups.get(g) ?? { bins: 0, hit: 0, minHits: Number.POSITIVE_INFINITY, hits: 0 };
    e.bins++;
    if (count > 0) e.hit++;
    e.minHits = Math.min(e.minHits, count);
    e.hits += count;
    groups.set(g, e);
  }
  return [...groups].map(([group, e]) => ({ group, ...e }));
}

/** RTL coverage points by kind: points with count > 0 (toggle: >= 2, a rise and a fall) of all. */
export function rtlGroups(points: Readonly<Record<string, number>>) {
  const kinds = new Map<string, { points: number; covered: number }>();
  for (const [key, count] of Object.entries(points)) {
    const kind = key.slice(0, key.indexOf(' '));
    const e = kinds.get(kind) ?? { points: 0, covered: 0 };
    e.points++;
    if (count >= (kind === 'toggle' ? 2 : 1)) e.covered++;
    kinds.set(kind, e);
  }
  return [...kinds].map(([kind, e]) => ({ kind, ...e }));
}

const n = (x: number) => x.toLocaleString('en-US');

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), line(w.map((k) => '-'.repeat(k))), ...rows.map(line)].join('\n') + '\n';
}

export function formatMerged(m: MergedResult, maxMismatches = 10): string {
  let s = `${m.workload.kind}: ${m.shards} shard(s), ${n(m.items.done)}/${n(m.items.total)} ${m.items.unit}${m.complete ? '' : ' — INCOMPLETE'}\n`;
  if (m.missing.length) s += `missing shards: ${m.missing.join(', ')}\n`;
  for (const f of m.failed) s += `failed shard ${f.index}: ${f.error}\n`;
  s += Object.entries(m.counts)
    .map(([k, v]) => `${k} ${n(v)}`)
    .join(', ');
  s += `\nshard time ${m.timings.shardSeconds.toFixed(1)} s (slowest ${m.timings.slowestShard.toFixed(1)} s) on ${m.timings.hosts.join(', ')}\n`;
  const groups = coverageGroups(m.bins);
  if (groups.length)
    s += table(
      ['coverage', 'bins', 'hit', '%', 'min hits'],
      groups.map((g) => [
        g.group,
        String(g.bins),
        String(g.hit),
        ((100 * g.hit) / g.bins).toFixed(1),
        String(g.minHits),
      ]),
    );
  if (m.rtlCoverage)
    s += table(
      ['RTL coverage', 'points', 'covered', '%'],
      rtlGroups(m.rtlCoverage).map((g) => [
        g.kind,
        String(g.points),
        String(g.covered),
        ((100 * g.covered) / g.points).toFixed(1),
      ]),
    );
  s += `mismatches: ${m.mismatches.length}\n`;
  for (const x of m.mismatches.slice(0, maxMismatches)) s += `  ${x.what}\n    replay: vti ${x.replay.join(' ')}\n`;
  if (m.mismatches.length > maxMismatches)
    s += `  ... ${m.mismatches.length - maxMismatches} more (--json lists all)\n`;
  return s;
}

/** A Markdown section (a report page, a CI job summary). */
export function markdownSection(ms: readonly MergedResult[]): string {
  let s =
    '## Regression\n\n| workload | shards | items | status | mismatches | coverage |\n|---|---:|---:|---|---:|---|\n';
  for (const m of ms) {
    const cov = coverageGroups(m.bins)
      .map((g) => `${g.group} ${g.hit}/${g.bins}`)
      .join('; ');
    const status = m.complete ? 'complete' : `missing ${m.missing.length}, failed ${m.failed.length}`;
    s += `| ${m.workload.kind} | ${m.shards} | ${m.items.done}/${m.items.total} ${m.items.unit} | ${status} | ${m.mismatches.length} | ${cov || '-'} |\n`;
  }
  for (const m of ms)
    for (const x of m.mismatches.slice(0, 5)) s += `\n* ${m.workload.kind}: ${x.what} — \`vti ${x.replay.join(' ')}\``;
  return s + '\n';
}
