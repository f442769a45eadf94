// Writes the 65536-input sweep table of bench/gen/README.md (between `<!-- sweep-65536 -->` and
// `<!-- /sweep-65536 -->`) from the output of bench/gen/sweep.ts runs, so the figures there are
// the script's own, never retyped. Each log holds one or more points; a later log's point of the
// same style and size replaces an earlier one.
// Run: npx tsx bench/gen/sweep-record.ts /tmp/sweep-*.log
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface SweepLogPoint {
  readonly style: string;
  readonly n: number;
  readonly genMs: number;
  readonly kb: number;
  readonly longestLine: number;
  readonly verdict: string;
  /** Wall seconds: the three lint runs (concurrent), the Yosys gate, the whole point. */
  readonly lintS: number;
  readonly yosysS: number;
  readonly allS: number;
  /** CPU seconds of the Yosys gate's process, when the log has it. */
  readonly yosysCpuS?: number;
}

const SUMMARY =
  /^(\S+)\s+n=\s*(\d+)\s+gen\s+(\d+) ms\s+(\d+) KB\s+longest line\s+(\d+)\s+(.+?)\s+\((?:lint ([\d.]+) s, yosys ([\d.]+) s, )?all ([\d.]+) s\)$/;
const TOOL = /^\s+(verilator|verilator-1364-2005|iverilog|yosys)\s+(\S+)\s+([\d.]+) s wall(?:, ([\d.]+) s CPU)?/;

/** The points of one sweep.ts log (both its one-line and its per-tool formats). */
export function parseSweepLog(text: string): SweepLogPoint[] {
  const points: SweepLogPoint[] = [];
  let cur: { p: SweepLogPoint; lint: number[]; yosys?: number; cpu?: number; summaryTimes: boolean } | undefined;
  const flush = () => {
    if (!cur) return;
    const { p } = cur;
    points.push(
      cur.summaryTimes
        ? { ...p, ...(cur.cpu !== undefined ? { yosysCpuS: cur.cpu } : {}) }
        : {
            ...p,
            lintS: Math.max(0, ...cur.lint),
            yosysS: cur.yosys ?? 0,
            ...(cur.cpu !== undefined ? { yosysCpuS: cur.cpu } : {}),
          },
    );
    cur = undefined;
  };
  for (const line of text.replace(/\0/g, '').split('\n')) {
    const m = SUMMARY.exec(line.trimEnd());
    if (m) {
      flush();
      const [, style, n, gen, kb, longest, verdict, lint, yosys, all] = m;
      cur = {
        p: {
          style: style!,
          n: Number(n),
          genMs: Number(gen),
          kb: Number(kb),
          longestLine: Number(longest),
          verdict: verdict!,
          lintS: Number(lint ?? 0),
          yosysS: Number(yosys ?? 0),
          allS: Number(all),
        },
        lint: [],
        summaryTimes: lint !== undefined,
      };
      continue;
    }
    const t = TOOL.exec(line);
    if (t && cur) {
      if (t[1] === 'yosys') {
        cur.yosys = Number(t[3]);
        if (t[4]) cur.cpu = Number(t[4]);
      } else cur.lint.push(Number(t[3]));
    }
  }
  flush();
  return points;
}

/** The README table of the given points, in style order then size. */
export function sweepTable(points: readonly SweepLogPoint[], styleOrder: readonly string[]): string {
  const rows = [...points].sort((a, b) => styleOrder.indexOf(a.style) - styleOrder.indexOf(b.style) || a.n - b.n);
  const kb = (k: number) => (k >= 1024 ? `${(k / 1024).toFixed(1)} MB` : `${k} KB`);
  return [
    '| style | N | generation | Verilog | longest line | Verilator ×2, iverilog, Yosys | lint | Yosys | wall (all tools) |',
    '|---|---:|---:|---:|---:|---|---:|---:|---:|',
    ...rows.map((p) => {
      const yosys = `${p.yosysS.toFixed(0)} s${p.yosysCpuS !== undefined ? ` (${p.yosysCpuS.toFixed(0)} s CPU)` : ''}`;
      const verdict = p.verdict === 'all 4 tools clean' ? 'all clean' : p.verdict;
      return `| ${p.style} | ${p.n} | ${p.genMs} ms | ${kb(p.kb)} | ${p.longestLine} | ${verdict} | ${p.lintS.toFixed(0)} s | ${yosys} | ${p.allS.toFixed(0)} s |`;
    }),
  ].join('\n');
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const { STYLES } = await import('./styles.js');
  const logs = process.argv.slice(2);
  if (logs.length === 0) {
    console.error('usage: npx tsx bench/gen/sweep-record.ts <sweep.ts log>...');
    process.exit(2);
  }
  const byKey = new Map<string, SweepLogPoint>();
  for (const log of logs) for (const p of parseSweepLog(readFileSync(log, 'utf8'))) byKey.set(`${p.style}/${p.n}`, p);
  const readme = fileURLToPath(new URL('./README.md', import.meta.url));
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- sweep-65536 -->\n';
  const end = '<!-- /sweep-65536 -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) {
    console.error(`${readme}: no ${start.trim()} … ${end} block`);
    process.exit(1);
  }
  const table = sweepTable([...byKey.values()], STYLES);
  writeFileSync(`${readme}.tmp`, `${text.slice(0, a + start.length)}${table}\n${text.slice(b)}`);
  renameSync(`${readme}.tmp`, readme);
  console.log(table);
}
