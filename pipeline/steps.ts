// The steps of the flow, described once: generate → lint → block co-simulation → core
// lockstep → formal (block equivalence, core properties) → demo. `vti all` runs them all and
// prints text; `vti report` runs all but generate and lint, adds its own (modules, timing
// diagrams) and renders HTML. Each step's data is what both renderers need.
import { join } from 'node:path';
import { writeFilesAtomic } from '../cache/atomic-write.js';
import type { BlockCosimResult } from '../sim/cosim/blocks.js';
import type { DemoResult } from '../demo/techniques.js';
import { lockstepStep } from './lockstep.js';
import type { Step } from './step.js';

export { lockstepStep, type CoreCosimSummary, type SeededBugRow } from './lockstep.js';

export interface FormalRow {
  readonly block: string;
  readonly gateOk: boolean;
  readonly problems: readonly string[];
  readonly verdict: string;
  readonly method?: string;
  readonly ms?: number;
}

/** What the pipeline keeps of formal/props' PropertyResult (no traces). */
export interface PropertyRow {
  readonly name: string;
  readonly title: string;
  readonly verdict: string;
  readonly method: string;
  readonly ms: number;
  readonly cover?: { readonly reachable: boolean; readonly ms: number };
  readonly counterexample?: { readonly table: string; readonly vcdPath: string };
}

const n = (x: number) => x.toLocaleString('en-US');

export const generateStep: Step<{ readonly dir: string; readonly files: readonly string[] }> = {
  id: 'generate',
  title: 'generate RTL',
  async run({ options: o }) {
    if (o.rtlDir === undefined) throw new Error('the generate step needs rtlDir (where to write the RTL)');
    const { generateVti } = await import('../gen/vti.js');
    const g = generateVti(o.gen);
    // All files renamed into place together: a failed write leaves the previous RTL whole.
    writeFilesAtomic(o.rtlDir, { ...g.files, 'manifest.json': JSON.stringify(g.manifest, null, 2) + '\n' });
    return {
      detail: `${g.manifest.modules.length} modules in ${o.rtlDir}/`,
      data: { dir: o.rtlDir, files: [...Object.keys(g.files), 'manifest.json'] },
    };
  },
};

export const lintStep: Step<{ readonly files: number; readonly messages: readonly string[] }> = {
  id: 'lint',
  title: 'lint (Verilator -Wall x2, iverilog, Yosys)',
  async run({ options: o }) {
    const { vtiSpec } = await import('../gen/vti.js');
    const { assertYosysGate } = await import('../formal/gate.js');
    const { iverilogAvailable, verilatorAvailable } = await import('../sim/verilator/index.js');
    const { lintVerilog, formatLintMessage } = await import('../sim/lint/index.js');
    const spec = vtiSpec('vti_core', o.gen);
    const files = Object.keys(spec.files).length;
    await assertYosysGate(spec.files, spec.top);
    if (!verilatorAvailable() || !iverilogAvailable())
      return { status: 'skipped', detail: 'Yosys gate clean; Verilator/iverilog not installed' };
    const r = await lintVerilog(spec);
    const data = { files, messages: r.messages.map(formatLintMessage) };
    return r.clean
      ? { detail: `0 warnings in ${files} files`, data }
      : { status: 'FAIL', detail: `${r.messages.length} lint messages`, data };
  },
};

export const blockCosimStep: Step<readonly BlockCosimResult[]> = {
  id: 'cosim',
  title: 'co-simulation: blocks vs golden model',
  async run({ options: o, bar }) {
    const { BLOCK_NAMES } = await import('../blocks/registry.js');
    const { barPerBlock, runBlockCosim } = await import('../sim/cosim/run-blocks.js');
    const res = await runBlockCosim(BLOCK_NAMES, {
      engine: o.engine,
      vectors: o.vectors,
      seed: o.seed,
      ...barPerBlock(bar),
    });
    const vectors = res.reduce((s, r) => s + r.vectors, 0),
      bad = res.reduce((s, r) => s + r.mismatches, 0);
    return {
      status: bad ? 'FAIL' : 'pass',
      detail: `${n(vectors)} vectors on ${o.engine}, ${bad} mismatches`,
      data: res,
    };
  },
};

export const formalStep: Step<readonly FormalRow[]> = {
  id: 'formal',
  title: 'formal: generated blocks ≡ hand-written references',
  async run({ options: o, say }) {
    const { checkGeneratedBlock } = await import('../formal/blocks.js');
    const { BLOCK_NAMES } = await import('../blocks/registry.js');
    const { formatProblem } = await import('../formal/gate.js');
    const { vtiSpec } = await import('../gen/vti.js');
    const rows: FormalRow[] = [];
    for (const b of BLOCK_NAMES) {
      const c = await checkGeneratedBlock(b, vtiSpec(b, o.gen).files, o.gen);
      rows.push({
        block: b,
        gateOk: c.gate.ok,
        problems: c.gate.problems.map(formatProblem),
        verdict: c.equiv?.verdict ?? 'gate failed',
        ...(c.equiv ? { method: c.equiv.method, ms: c.equiv.ms } : {}),
      });
      say(`${b}: ${c.equiv?.verdict ?? 'gate failed'}${c.equiv ? ` (${c.equiv.ms.toFixed(0)} ms)` : ''}`);
    }
    const good = rows.filter((f) => f.verdict === 'equivalent').length;
    return {
      status: good === rows.length ? 'pass' : 'FAIL',
      detail: `${good}/${rows.length} blocks proven equivalent`,
      data: rows,
    };
  },
};

export const propertiesStep: Step<readonly PropertyRow[]> = {
  id: 'properties',
  title: 'formal: properties of vti_core',
  async run({ options: o, say }) {
    const { runProperties } = await import('../formal/props/index.js');
    const rows: PropertyRow[] = (await runProperties({ gen: o.gen, vcdDir: join(o.outDir, 'formal') })).map((p) => ({
      name: p.name,
      title: p.title,
      verdict: p.verdict,
      method: p.method,
      ms: p.ms,
      ...(p.cover ? { cover: { reachable: p.cover.reachable, ms: p.cover.ms } } : {}),
      ...(p.counterexample
        ? { counterexample: { table: p.counterexample.table, vcdPath: p.counterexample.vcdPath } }
        : {}),
    }));
    for (const p of rows)
      say(
        `vti_core ${p.name}: ${p.verdict} (${p.ms.toFixed(0)} ms)${p.cover ? `, cover ${p.cover.reachable ? 'reached' : 'NOT reached'}` : ''}`,
      );
    const proven = rows.filter((p) => p.verdict === 'proven' && (p.cover?.reachable ?? true)).length;
    return {
      status: proven === rows.length ? 'pass' : 'FAIL',
      detail: `${proven}/${rows.length} properties proven (non-vacuous)`,
      data: rows,
    };
  },
};

export const demoStep: Step<DemoResult> = {
  id: 'demo',
  title: 'demo: VT-i vs para-virtualized vs classic',
  async run({ options: o }) {
    const { runDemo } = await import('../demo/techniques.js');
    const demo = await runDemo(o.demo.iterations, o.demo.flushCycles);
    const bad = demo.techniques.filter((t) => !t.windowComplete || !t.halted || t.vmmError);
    return {
      status: bad.length ? 'FAIL' : 'pass',
      detail:
        demo.techniques.map((t) => `${t.id} ${t.cyclesPerOp.toFixed(1)} cycles/op`).join(', ') +
        (bad.length ? `; incomplete: ${bad.map((t) => t.program).join(', ')}` : ''),
      data: demo,
    };
  },
};

/** The whole flow in order (`vti all`); the report runs FLOW minus generate and lint, with its own steps between. */
export const FLOW = [
  generateStep,
  lintStep,
  blockCosimStep,
  lockstepStep,
  formalStep,
  propertiesStep,
  demoStep,
] as const;
