// The big style × size sweep (issue 18): every design style of bench/gen/styles.ts at N = 64 …
// 65536 inputs through Verilator -Wall (both language modes), iverilog -g2005 and the Yosys gate.
// CI runs the small end of it (test/gen/style-sweep.test.ts); this script runs it all and
// prints one line per point. Minutes of CPU: run it alone, `nice`.
// Run: nice -n 10 npx tsx bench/gen/sweep.ts [--min N] [--max N] [--style NAME]
import { sweepPoint } from './sweep-check.js';
import { STYLES, type Style } from './styles.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const max = Number(arg('--max') ?? 65536);
const min = Number(arg('--min') ?? 64);
const only = arg('--style');
if (only && !(STYLES as readonly string[]).includes(only)) {
  console.error(`--style must be one of ${STYLES.join(', ')}`);
  process.exit(2);
}
const styles: readonly Style[] = only ? [only as Style] : STYLES;
let failed = 0;
for (const style of styles)
  for (let n = min; n <= max; n *= 4) {
    const t0 = performance.now();
    try {
      const p = await sweepPoint(style, n);
      const bad = Object.entries(p.tools).filter(([, msg]) => msg);
      if (bad.length) failed++;
      console.log(
        `${style.padEnd(12)} n=${String(n).padStart(6)}  gen ${p.genMs.toFixed(0).padStart(6)} ms  ${p.verilogKB.toFixed(0).padStart(6)} KB  longest line ${String(p.maxLine).padStart(6)}  ` +
          (bad.length ? `REJECTED ${bad.map(([t, m]) => `${t}: ${m}`).join('; ')}` : 'all 4 tools clean') +
          `  (lint ${(p.lintMs / 1000).toFixed(1)} s, yosys ${(p.yosysMs / 1000).toFixed(1)} s, all ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
      );
    } catch (e) {
      failed++;
      console.log(`${style.padEnd(12)} n=${String(n).padStart(6)}  generation failed: ${String(e).split('\n')[0]}`);
    }
  }
process.exit(failed ? 1 : 0);
