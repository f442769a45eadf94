// Safety properties of one design, proved with Yosys `sat`. A property is a Verilog boolean
// expression over the design's port names, plus `prev_<port>` = that port's value one clock
// earlier (clocked designs). Each is wrapped in a small module whose `ok` output is the
// property and proved with `sat -prove ok 1`: combinationally, or (clocked) by k-induction from
// reset exactly like the sequential equivalence check (step 1 forces `rst` and is not checked).
import { yosys, YosysError } from './yosys.js';
import { type DesignRef, designPorts, placeFiles, type PortInfo } from './design.js';
import { type CexValue, waveSteps } from './cex.js';
import type { Property } from '../blocks/properties.js';

export type { Property };

export interface PropStep {
  readonly step: number;
  readonly compared: boolean;
  /** Design inputs and outputs (and prev_* registers) at this step. */
  readonly signals: Readonly<Record<string, CexValue>>;
}

export interface PropResult {
  readonly name: string;
  readonly verdict: 'holds' | 'fails' | 'inconclusive';
  readonly ms: number;
  readonly counterexample?: readonly PropStep[];
  readonly table?: string;
}

function wrapper(d: DesignRef, ps: PortInfo[], expr: string, clocked: boolean): string {
  const range = (w: number) => (w > 1 ? `[${w - 1}:0] ` : '');
  const decl = ps.map((p) => `    ${p.dir} ${range(p.width)}${p.name};`);
  const params = Object.entries(d.params ?? {})
    .map(([k, v]) => `.${k}(${v})`)
    .join(', ');
  const prev = clocked
    ? ps
        .filter((p) => p.name !== 'clk')
        .map((p) => `    reg ${range(p.width)}prev_${p.name};\n    always @(posedge clk) prev_${p.name} <= ${p.name};`)
    : [];
  return `module __prop(${[...ps.map((p) => p.name), 'ok'].join(', ')});
${decl.join('\n')}
    output ok;
    ${d.top} ${params ? `#(${params}) ` : ''}dut (${ps.map((p) => `.${p.name}(${p.name})`).join(', ')});
${prev.join('\n')}
    assign ok = ${expr};
endmodule
`;
}

function table(steps: readonly PropStep[]): string {
  const names = Object.keys(steps[0]?.signals ?? {}).filter((n) => n !== 'clk' && !n.startsWith('prev_'));
  const w = Math.max(4, ...names.map((n) => n.length));
  const head =
    'step'.padEnd(w) + ' | ' + steps.map((s) => `${s.step}${s.compared ? '' : ' (reset, not checked)'}`).join(' | ');
  return [head, ...names.map((n) => n.padEnd(w) + ' | ' + steps.map((s) => s.signals[n]?.hex ?? '?').join(' | '))].join(
    '\n',
  );
}

interface Outcome {
  verdict: PropResult['verdict'];
  ms: number;
  counterexample?: PropStep[];
}

async function proveExpr(
  d: DesignRef,
  ps: PortInfo[],
  expr: string,
  clocked: boolean,
  maxSteps: number,
): Promise<Outcome> {
  const files = { ...placeFiles(d, 'dut'), '__prop.v': wrapper(d, ps, expr, clocked) };
  const reads = Object.keys(d.files)
    .filter((n) => /\.s?v$/.test(n))
    .map((n) => `"dut/${n}"`)
    .join(' ');
  const show = '-show-inputs -show-outputs -show-regs -dump_json cex.json';
  const sat = clocked
    ? `sat -verify -tempinduct -prove ok 1 -seq 1 -set-at 1 rst 1 -maxsteps ${maxSteps} ${show} __prop`
    : `sat -verify -prove ok 1 ${show} __prop`;
  const script = `read_verilog ${reads} __prop.v\nhierarchy -check -top __prop\nproc\nflatten\nmemory\nopt_clean\n${sat}`;
  const t0 = performance.now();
  try {
    await yosys(script, files);
    return { verdict: 'holds', ms: performance.now() - t0 };
  } catch (e) {
    if (!(e instanceof YosysError) || !e.errors.some((m) => m.includes('proof did fail'))) throw e;
    const ms = performance.now() - t0;
    if (clocked && !/model found for base case: FAIL/.test(e.log)) return { verdict: 'inconclusive', ms };
    const steps = waveSteps(e.files['cex.json']!, clocked).map(
      (sig, i): PropStep => ({
        step: i + 1,
        compared: !clocked || i > 0,
        signals: Object.fromEntries(sig),
      }),
    );
    const first = steps.findIndex((s) => s.compared && s.signals.ok?.bin === '0');
    return { verdict: 'fails', ms, counterexample: first < 0 ? steps : steps.slice(0, first + 1) };
  }
}

/**
 * Proves the conjunction of all properties in one sat run (cheap, and under induction each
 * property may lean on the others); only if that fails is each property proved on its own, so
 * the failing ones are named with their own counterexamples.
 */
export async function proveProperties(
  d: DesignRef,
  props: readonly Property[],
  opts: { sequential?: boolean; maxSteps?: number } = {},
): Promise<PropResult[]> {
  const clocked = opts.sequential ?? false;
  const maxSteps = opts.maxSteps ?? 8;
  const ps = await designPorts(d, yosys);
  const all = await proveExpr(d, ps, props.map((p) => `(${p.expr})`).join(' && '), clocked, maxSteps);
  if (all.verdict === 'holds') return props.map((p) => ({ name: p.name, verdict: 'holds', ms: all.ms }));
  const results: PropResult[] = [];
  for (const p of props) {
    const r = await proveExpr(d, ps, p.expr, clocked, maxSteps);
    results.push({
      name: p.name,
      verdict: r.verdict,
      ms: r.ms,
      ...(r.counterexample ? { counterexample: r.counterexample, table: table(r.counterexample) } : {}),
    });
  }
  return results;
}
