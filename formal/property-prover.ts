// Safety properties of one design, proved with Yosys `sat`. A property is written in the eDSL
// over the design's ports (blocks/properties.ts); property-checker.ts builds and emits the
// checker module of the properties to prove, and a small structural top binds it to the design
// (every design port to the checker input of the same name) and outputs the checker's `ok`,
// proved with `sat -prove ok 1`: combinationally, or (clocked) by k-induction from reset exactly
// like the sequential equivalence check (step 1 forces `rst` and is not checked).
import { yosys, YosysError } from './yosys.js';
import { type DesignRef, designPorts, placeFiles, type PortInfo } from './design.js';
import { type CexValue, waveSteps } from './cex.js';
import type { Property } from '../blocks/properties.js';
import { CHECKER_TOP, propertyCheckerFiles } from './property-checker.js';

export type { Property };

export interface PropStep {
  readonly step: number;
  readonly compared: boolean;
  /** Design inputs and outputs at this step. */
  readonly signals: Readonly<Record<string, CexValue>>;
}

export interface PropResult {
  readonly name: string;
  readonly verdict: 'holds' | 'fails' | 'inconclusive';
  readonly ms: number;
  readonly counterexample?: readonly PropStep[];
  readonly table?: string;
}

/** The top: the design and the checker side by side on the same nets; `ok` is the checker's. */
function wrapper(d: DesignRef, ps: PortInfo[]): string {
  const range = (w: number) => (w > 1 ? `[${w - 1}:0] ` : '');
  const decl = ps.map((p) => `    ${p.dir} ${range(p.width)}${p.name};`);
  const params = Object.entries(d.params ?? {})
    .map(([k, v]) => `.${k}(${v})`)
    .join(', ');
  const bind = ps.map((p) => `.${p.name}(${p.name})`).join(', ');
  return `module __prop(${[...ps.map((p) => p.name), 'ok'].join(', ')});
${decl.join('\n')}
    output ok;
    ${d.top} ${params ? `#(${params}) ` : ''}dut (${bind});
    ${CHECKER_TOP} chk (${bind}, .ok(ok));
endmodule
`;
}

function table(steps: readonly PropStep[]): string {
  const names = Object.keys(steps[0]?.signals ?? {}).filter((n) => n !== 'clk');
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

async function proveChecked(
  d: DesignRef,
  ps: PortInfo[],
  props: readonly Property[],
  clocked: boolean,
  maxSteps: number,
): Promise<Outcome> {
  const checker = placeFiles({ files: propertyCheckerFiles(ps, props), top: CHECKER_TOP }, 'chk');
  const files = { ...placeFiles(d, 'dut'), ...checker, '__prop.v': wrapper(d, ps) };
  const reads = [...Object.keys(placeFiles(d, 'dut')), ...Object.keys(checker)]
    .filter((n) => /\.s?v$/.test(n))
    .map((n) => `"${n}"`)
    .join(' ');
  const show = '-show-inputs -show-outputs -dump_json cex.json';
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
  const all = await proveChecked(d, ps, props, clocked, maxSteps);
  if (all.verdict === 'holds') return props.map((p) => ({ name: p.name, verdict: 'holds', ms: all.ms }));
  const results: PropResult[] = [];
  for (const p of props) {
    const r = await proveChecked(d, ps, [p], clocked, maxSteps);
    results.push({
      name: p.name,
      verdict: r.verdict,
      ms: r.ms,
      ...(r.counterexample ? { counterexample: r.counterexample, table: table(r.counterexample) } : {}),
    });
  }
  return results;
}
