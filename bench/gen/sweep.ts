// The big style × size sweep (issue 18): every design style of bench/gen/styles.ts at N = 64 …
// 65536 inputs through Verilator -Wall (both language modes), iverilog -g2005 and the Yosys gate.
// CI runs the small end of it (test/gen/style-sweep.test.ts); this script runs it all and
// prints one line per point and tool. Minutes of CPU: run it alone, `nice`.
// Run: nice -n 10 npx tsx bench/gen/sweep.ts [--min N] [--max N] [--style NAME] [--timeout S]
// --timeout: seconds a tool may run before it is stopped and reported as timed out (default 1800).
import { SWEEP_TOOLS, sweepPoint } from './sweep-check.js';
import { STYLES, type Style } from './styles.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const count = (name: string, fallback: number) => {
  const v = Number(arg(name) ?? fallback);
  if (!Number.isInteger(v) || v < 1) {
    console.error(`${name} must be a positive integer, got '${arg(name)}'`);
    process.exit(2);
  }
  return v;
};
const max = count('--max', 65536);
const min = count('--min', 64);
const timeoutS = count('--timeout', 1800);
const only = arg('--style');
if (only && !(STYLES as readonly string[]).includes(only)) {
  console.error(`--style must be one of ${STYLES.join(', ')}`);
  process.exit(2);
}
const styles: readonly Style[] = only ? [only as Style] : STYLES;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
let failed = 0;
for (const style of styles)
  for (let n = min; n <= max; n *= 4) {
    const t0 = performance.now();
    try {
      const p = await sweepPoint(style, n, { timeoutMs: timeoutS * 1000 });
      const rejected = SWEEP_TOOLS.filter((t) => p.tools[t] && !p.timedOut.includes(t));
      if (rejected.length || p.timedOut.length) failed++;
      const verdict = rejected.length
        ? 'REJECTED'
        : p.timedOut.length
          ? `TIMED OUT (${p.timedOut.join(', ')})`
          : 'all 4 tools clean';
      console.log(
        `${style.padEnd(12)} n=${String(n).padStart(6)}  gen ${p.genMs.toFixed(0).padStart(6)} ms  ${p.verilogKB.toFixed(0).padStart(6)} KB  longest line ${String(p.maxLine).padStart(6)}  ${verdict}  (lint ${s(p.lintMs)}, yosys ${s(p.yosysMs)}, all ${s(performance.now() - t0)})`,
      );
      for (const t of SWEEP_TOOLS) {
        const status = p.timedOut.includes(t) ? 'TIMEOUT' : p.tools[t] ? 'REJECTED' : 'clean';
        const cpu = t === 'yosys' && p.yosysCpuMs !== undefined ? `, ${s(p.yosysCpuMs)} CPU` : '';
        console.log(
          `    ${t.padEnd(20)} ${status.padEnd(8)} ${s(p.toolMs[t])} wall${cpu}${p.tools[t] ? `  ${p.tools[t]}` : ''}`,
        );
      }
    } catch (e) {
      failed++;
      console.log(`${style.padEnd(12)} n=${String(n).padStart(6)}  failed: ${String(e).split('\n')[0]}`);
    }
  }
process.exit(failed ? 1 : 0);
