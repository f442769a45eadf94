// `vti report`: one self-contained HTML page (inline CSS, JS and SVG; no network) with, per
// generated module, its ports, a schematic and the synthesis cost; the co-simulation and
// formal results; WaveDrom timing diagrams of vti_core's key sequences from real simulation
// traces; and the `vti demo` comparison as a bar chart. Every section is run for real when
// the report is built; a section that fails is shown as failed (with its error) and makes
// the result non-ok, the rest of the report is still written.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG, generateVti, vtiSpec, VTI_MODULES, type Manifest, type VtiConfig } from '../gen/vti.js';
import type { SynthStats } from '../formal/stats.js';
import type { BlockCosimResult } from '../sim/cosim/blocks.js';
import type { EngineName } from '../sim/engine.js';
import type { DemoResult } from '../model/demo/techniques.js';
import { createCache, type Cache } from './cache.js';
import { netlistsvgVersion, schematic, type Schematic } from './schematic.js';
import { traceSequences, type Trace } from './sequences.js';
import { renderWave, traceToWaveJson, type WaveJson } from './wave.js';
import { renderHtml } from './page.js';

export interface ReportOptions {
  /** Output folder (index.html is written there). */
  readonly out: string;
  /** Random co-simulation vectors per block. */
  readonly vectors: number;
  readonly seed: number;
  readonly engine: EngineName;
  /** Demo workload iterations. */
  readonly iterations: number;
  readonly flushCycles: number;
  /** Cache folder for schematics and synthesis figures; undefined: none. */
  readonly cacheDir?: string;
  readonly gen?: VtiConfig;
  /** Sections not to run (shown as skipped): any of SKIPPABLE. */
  readonly skip?: readonly string[];
  /** Progress lines (one per section start and end). */
  readonly progress?: (line: string) => void;
}

export type Status = 'pass' | 'FAIL' | 'skipped';

/** Sections that --skip can leave out (the module section is the report's core and always runs). */
export { SKIPPABLE } from './sections.js';

export interface SectionResult {
  readonly id: string;
  readonly title: string;
  readonly status: Status;
  readonly detail: string;
  readonly seconds: number;
  readonly error?: string;
}

export interface ModuleReport {
  readonly name: string;
  readonly doc?: string;
  readonly manifest: Manifest['modules'][number];
  readonly schematic?: Schematic;
  readonly schematicError?: string;
  readonly stats?: SynthStats;
  readonly statsCached?: boolean;
  readonly statsError?: string;
}

export interface FormalRow {
  readonly block: string;
  readonly gateOk: boolean;
  readonly problems: readonly string[];
  readonly verdict: string;
  readonly method?: string;
  readonly ms?: number;
}

/** What the report keeps of sim/cosim/core's CoreCosimResult (no divergence data). */
export interface CoreCosimSummary {
  readonly engine: string;
  readonly instructions: number;
  readonly mismatches: number;
  readonly seconds: number;
  readonly throughput: number;
  readonly runs: readonly { readonly name: string; readonly instructions: number; readonly halted: boolean; readonly seconds: number; readonly mismatchEvent?: number; readonly report?: string }[];
  readonly coverage: {
    readonly pct: number;
    readonly sets: readonly { readonly name: string; readonly bins: number; readonly hit: number; readonly pct: number; readonly minHits: number; readonly holes: readonly string[]; readonly holeCount: number }[];
    readonly modelDisagreements: number;
  };
  readonly exclusions: readonly { readonly id: string; readonly port: string; readonly why: string }[];
  readonly seeded?: readonly SeededBugRow[];
}

export interface SeededBugRow {
  readonly bug: string;
  /** The input tied to 0 ('' for the unmodified core). */
  readonly tied: string;
  readonly instructions: number;
  readonly seconds: number;
  readonly found?: { readonly event: number; readonly insn: string; readonly fields: readonly string[] };
}

/** What the report keeps of formal/props' PropertyResult (no traces). */
export interface PropertyRow {
  readonly name: string;
  readonly title: string;
  readonly verdict: string;
  readonly method: string;
  readonly ms: number;
  readonly cover?: { readonly reachable: boolean; readonly ms: number };
  readonly counterexample?: { readonly table: string; readonly vcdPath: string };
}

export interface WaveReport {
  readonly trace: Trace;
  readonly json: WaveJson;
  readonly svg: string;
}

export interface ReportData {
  readonly generatedAt: string;
  readonly versions: Readonly<Record<string, string>>;
  readonly options: Omit<ReportOptions, 'progress'>;
  readonly manifest: Manifest;
  readonly modules: readonly ModuleReport[];
  readonly cosim?: readonly BlockCosimResult[];
  readonly coreCosim?: CoreCosimSummary;
  readonly formal?: readonly FormalRow[];
  readonly properties?: readonly PropertyRow[];
  readonly waves?: readonly WaveReport[];
  readonly demo?: DemoResult;
  readonly sections: readonly SectionResult[];
}

export interface ReportResult {
  readonly file: string;
  readonly bytes: number;
  readonly seconds: number;
  readonly ok: boolean;
  readonly data: ReportData;
}

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const pkgVersion = (name: string): string => {
  try {
    // Some packages do not export package.json; find it next to the resolved entry instead.
    let dir = dirname(require.resolve(name));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch { return 'unknown'; }
};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function buildReport(o: ReportOptions): Promise<ReportResult> {
  const t0 = performance.now();
  const say = o.progress ?? (() => {});
  const cache: Cache = createCache(o.cacheDir);
  const gen = o.gen ?? DEFAULT_CONFIG;
  const sections: SectionResult[] = [];
  const section = async (id: string, title: string, body: () => Promise<{ status?: Status; detail: string }>) => {
    const t = performance.now();
    say(`== ${title}`);
    let r: { status?: Status; detail: string; error?: string };
    try {
      r = o.skip?.includes(id) ? { status: 'skipped', detail: 'left out (--skip)' } : await body();
    } catch (e) {
      r = { status: 'FAIL', detail: message(e).split('\n')[0]!, error: e instanceof Error ? e.stack ?? e.message : String(e) };
    }
    const res: SectionResult = { id, title, status: r.status ?? 'pass', detail: r.detail, seconds: (performance.now() - t) / 1000, ...(r.error ? { error: r.error } : {}) };
    sections.push(res);
    say(`   ${res.status}: ${res.detail} (${res.seconds.toFixed(1)} s)`);
  };

  const g = generateVti(gen);
  const modules: ModuleReport[] = [];

  await section('modules', 'modules: ports, schematics, synthesis cost', async () => {
    let bad = 0, hits = 0;
    for (const name of VTI_MODULES) {
      const mm = g.manifest.modules.find((m) => m.name === name);
      if (!mm) throw new Error(`module ${name} missing from the manifest`);
      const spec = vtiSpec(name, gen);
      const doc = g.design.modules.find((m) => m.name === name)?.doc;
      const entry: { -readonly [K in keyof ModuleReport]: ModuleReport[K] } = { name, manifest: mm, ...(doc ? { doc } : {}) };
      try {
        entry.schematic = await schematic(spec.files, name, cache);
        if (entry.schematic.cached) hits++;
      } catch (e) { entry.schematicError = message(e); bad++; }
      try {
        const { synthStats } = await import('../formal/stats.js');
        const key = ['stats-v1', name, pkgVersion('@yowasp/yosys'), ...Object.entries(spec.files).sort().flat()];
        const r = await cache.text('stats', key, async () => JSON.stringify(await synthStats(spec.files, name)));
        entry.stats = JSON.parse(r.value) as SynthStats;
        entry.statsCached = r.hit;
        if (r.hit) hits++;
      } catch (e) { entry.statsError = message(e); bad++; }
      modules.push(entry);
      say(`   ${name}: ${mm.ports.length} ports, ${entry.schematic ? `schematic ${entry.schematic.cells} cells${entry.schematic.cached ? ' (cached)' : ''}` : 'no schematic'}, ` +
        `${entry.stats ? `${entry.stats.ice40.luts} iCE40 LUTs` : 'no synthesis figures'}`);
    }
    return { status: bad ? 'FAIL' : 'pass', detail: `${modules.length} modules, ${bad} problems${hits ? `, ${hits} results from the cache` : ''}` };
  });

  let cosim: BlockCosimResult[] | undefined;
  await section('cosim', 'co-simulation: blocks vs golden model', async () => {
    const { runBlockCosim } = await import('../cli/commands/cosim.js');
    const { BLOCK_NAMES } = await import('../blocks/registry.js');
    cosim = await runBlockCosim(BLOCK_NAMES, o.engine, o.vectors, o.seed);
    const vectors = cosim.reduce((s, r) => s + r.vectors, 0), bad = cosim.reduce((s, r) => s + r.mismatches, 0);
    return { status: bad ? 'FAIL' : 'pass', detail: `${vectors.toLocaleString('en-US')} vectors on ${o.engine}, ${bad} mismatches` };
  });

  let coreCosim: CoreCosimSummary | undefined;
  await section('core-cosim', 'co-simulation: vti_core lockstep with the golden model', async () => {
    const { runCoreCosim } = await import('../sim/cosim/core/index.js');
    const r = await runCoreCosim({ engine: o.engine, gen });
    coreCosim = {
      engine: r.engine, instructions: r.instructions, mismatches: r.mismatches, seconds: r.seconds, throughput: r.throughput,
      runs: r.runs.map((x) => ({ name: x.name, instructions: x.instructions, halted: x.halted, seconds: x.seconds, ...(x.mismatch ? { mismatchEvent: x.mismatch.event } : {}), ...(x.artifacts ? { report: x.artifacts.text } : {}) })),
      coverage: {
        pct: r.coverage.pct,
        sets: ([['class × cpl × vm × outcome', r.coverage.outcomes], ['fault pairs', r.coverage.pairs], ['PSR field transitions', r.coverage.psr]] as const)
          .map(([name, b]) => ({ name, bins: b.bins, hit: b.hit, pct: b.pct, minHits: b.minHits, holes: b.holes.slice(0, 20), holeCount: b.holes.length })),
        modelDisagreements: r.coverage.modelDisagreements,
      },
      exclusions: r.exclusions.map((e) => ({ id: e.id, port: e.port, why: e.why })),
    };
    // Seeded bugs: vti_core with one check removed (sim/cosim/core/mutants.ts), each run in
    // lockstep on one random program (built-in engine: no model build per variant), next to the
    // unmodified core on the same program. A bug the lockstep does not find is a hole in it.
    const { SEEDED_BUGS, seededBugDesign } = await import('../sim/cosim/core/mutants.js');
    const { RANDOM_GEN } = await import('../sim/cosim/random/layout.js');
    const { randomItems } = await import('../sim/cosim/random/program.js');
    const { itemRunner } = await import('../sim/cosim/random/shrink.js');
    const { createEngine } = await import('../sim/engine.js');
    const { vtiDesign } = await import('../gen/vti.js');
    const items = randomItems(o.seed, 300);
    const seeded: SeededBugRow[] = [];
    for (const bug of [null, ...(Object.keys(SEEDED_BUGS) as (keyof typeof SEEDED_BUGS)[])]) {
      const e = await createEngine('builtin', bug ? seededBugDesign(bug, RANDOM_GEN) : vtiDesign('vti_core', RANDOM_GEN));
      try {
        const t = performance.now();
        const x = await itemRunner(e, RANDOM_GEN)(items);
        seeded.push({
          bug: bug ?? '(none: the generated core)', tied: bug ? SEEDED_BUGS[bug] : '', instructions: x.instructions, seconds: (performance.now() - t) / 1000,
          ...(x.mismatch ? { found: { event: x.mismatch.event, insn: x.mismatch.insn, fields: x.mismatch.fields.map((f) => f.field) } } : {}),
        });
      } finally { await e.close(); }
    }
    coreCosim = { ...coreCosim, seeded };
    const missed = seeded.filter((b) => b.tied && !b.found).map((b) => b.bug);
    const falseAlarm = seeded.some((b) => !b.tied && b.found);
    for (const x of coreCosim.runs) say(`   ${x.name}: ${x.instructions.toLocaleString('en-US')} instructions${x.mismatchEvent !== undefined ? `, MISMATCH at event ${x.mismatchEvent}` : ''}`);
    const found = seeded.filter((b) => b.tied && b.found).length;
    return {
      status: r.mismatches || missed.length || falseAlarm ? 'FAIL' : 'pass',
      detail: `${r.instructions.toLocaleString('en-US')} instructions in ${r.runs.length} programs on ${r.engine}, ${r.mismatches} mismatches, coverage ${r.coverage.pct.toFixed(1)} %; ` +
        `seeded bugs found ${found}/${seeded.length - 1}${missed.length ? ` (missed: ${missed.join(', ')})` : ''}${falseAlarm ? '; the unmodified core MISMATCHED on the random program' : ''}`,
    };
  });

  let formal: FormalRow[] | undefined;
  await section('formal', 'formal: generated blocks ≡ hand-written references', async () => {
    const { checkGeneratedBlock } = await import('../formal/blocks.js');
    const { BLOCK_NAMES } = await import('../blocks/registry.js');
    const { formatProblem } = await import('../formal/gate.js');
    formal = [];
    for (const b of BLOCK_NAMES) {
      const c = await checkGeneratedBlock(b, vtiSpec(b, gen).files, gen);
      formal.push({
        block: b, gateOk: c.gate.ok, problems: c.gate.problems.map(formatProblem),
        verdict: c.equiv?.verdict ?? 'gate failed', ...(c.equiv ? { method: c.equiv.method, ms: c.equiv.ms } : {}),
      });
      say(`   ${b}: ${c.equiv?.verdict ?? 'gate failed'}${c.equiv ? ` (${c.equiv.ms.toFixed(0)} ms)` : ''}`);
    }
    const good = formal.filter((f) => f.verdict === 'equivalent').length;
    return { status: good === formal.length ? 'pass' : 'FAIL', detail: `${good}/${formal.length} proven equivalent` };
  });

  let properties: PropertyRow[] | undefined;
  {
    await section('properties', 'formal: properties of vti_core', async () => {
      const { runProperties } = await import('../formal/props/index.js');
      const rs = await runProperties({ gen });
      properties = rs.map((p) => ({
        name: p.name, title: p.title, verdict: p.verdict, method: p.method, ms: p.ms,
        ...(p.cover ? { cover: { reachable: p.cover.reachable, ms: p.cover.ms } } : {}),
        ...(p.counterexample ? { counterexample: { table: p.counterexample.table, vcdPath: p.counterexample.vcdPath } } : {}),
      }));
      for (const p of properties) say(`   ${p.name}: ${p.verdict} (${p.ms.toFixed(0)} ms)${p.cover ? `, cover ${p.cover.reachable ? 'reached' : 'NOT reached'}` : ''}`);
      const proven = properties.filter((p) => p.verdict === 'proven' && (p.cover?.reachable ?? true)).length;
      return { status: proven === properties.length ? 'pass' : 'FAIL', detail: `${proven}/${properties.length} properties proven (non-vacuous)` };
    });
  }

  let waves: WaveReport[] | undefined;
  await section('waves', 'timing diagrams: vti_core key sequences (simulated)', async () => {
    const traces = await traceSequences('builtin');
    waves = traces.map((trace, i) => {
      const json = traceToWaveJson(trace);
      return { trace, json, svg: renderWave(json, i) };
    });
    const failed = traces.flatMap((t) => t.checks.filter((c) => !c.ok).map((c) => `${t.sequence.id}: ${c.what}`));
    const n = traces.reduce((s, t) => s + t.checks.length, 0);
    return { status: failed.length ? 'FAIL' : 'pass', detail: `${traces.length} sequences, ${n - failed.length}/${n} expected facts seen in the trace${failed.length ? `; not seen: ${failed.join('; ')}` : ''}` };
  });

  let demo: DemoResult | undefined;
  await section('demo', 'demo: VT-i vs para-virtualized vs classic', async () => {
    const { emulatorAvailable } = await import('../model/demo/emu.js');
    if (!emulatorAvailable()) return { status: 'skipped', detail: 'golden-model emulator not available' };
    const { runDemo } = await import('../model/demo/techniques.js');
    demo = await runDemo(o.iterations, o.flushCycles);
    const bad = demo.techniques.filter((t) => !t.windowComplete || !t.halted || t.vmmError);
    return {
      status: bad.length ? 'FAIL' : 'pass',
      detail: demo.techniques.map((t) => `${t.id} ${t.cyclesPerOp.toFixed(1)} cycles/op`).join(', ') + (bad.length ? `; incomplete: ${bad.map((t) => t.program).join(', ')}` : ''),
    };
  });

  const { progress: _p, ...options } = o;
  const data: ReportData = {
    generatedAt: new Date().toISOString(),
    versions: {
      'vti-hdl': readVersion(), node: process.version,
      yosys: `@yowasp/yosys ${pkgVersion('@yowasp/yosys')}`, netlistsvg: netlistsvgVersion(), wavedrom: pkgVersion('wavedrom'),
    },
    options, manifest: g.manifest, modules, sections,
    ...(cosim ? { cosim } : {}), ...(coreCosim !== undefined ? { coreCosim } : {}), ...(formal ? { formal } : {}),
    ...(properties !== undefined ? { properties } : {}), ...(waves ? { waves } : {}), ...(demo ? { demo } : {}),
  };
  say('== writing the page');
  const html = renderHtml(data, (performance.now() - t0) / 1000);
  mkdirSync(o.out, { recursive: true });
  const file = resolve(o.out, 'index.html');
  writeFileSync(file, html);
  const ok = sections.every((s) => s.status !== 'FAIL');
  return { file, bytes: Buffer.byteLength(html), seconds: (performance.now() - t0) / 1000, ok, data };
}

function readVersion(): string {
  try { return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version; } catch { return 'unknown'; }
}

/** The --json summary: section results and the headline numbers (no SVG). */
export function summarize(r: ReportResult): Record<string, unknown> {
  const d = r.data;
  return {
    file: r.file, bytes: r.bytes, seconds: Number(r.seconds.toFixed(2)), ok: r.ok,
    sections: d.sections,
    modules: d.modules.map((m) => ({
      name: m.name, ports: m.manifest.ports.length,
      schematic: m.schematic ? { cells: m.schematic.cells, cached: m.schematic.cached } : { error: m.schematicError },
      synth: m.stats ? { cells: m.stats.generic.cells, depth: m.stats.generic.depth, ice40Luts: m.stats.ice40.luts, ice40Ffs: m.stats.ice40.ffs } : { error: m.statsError },
    })),
    cosim: d.cosim?.map((c) => ({ block: c.block, engine: c.engine, vectors: c.vectors, mismatches: c.mismatches, vectorsPerSecond: Math.round(c.vectors / c.seconds) })),
    formal: d.formal?.map((f) => ({ block: f.block, verdict: f.verdict, ms: f.ms === undefined ? undefined : Math.round(f.ms) })),
    properties: d.properties?.map((p) => ({ name: p.name, verdict: p.verdict, ms: Math.round(p.ms), coverReachable: p.cover?.reachable })),
    coreCosim: d.coreCosim ? { instructions: d.coreCosim.instructions, mismatches: d.coreCosim.mismatches, programs: d.coreCosim.runs.length, coveragePct: d.coreCosim.coverage.pct, throughput: Math.round(d.coreCosim.throughput), seededBugsFound: d.coreCosim.seeded?.filter((b) => b.tied && b.found).length, seededBugs: d.coreCosim.seeded?.filter((b) => b.tied).length } : undefined,
    waves: d.waves?.map((w) => ({ id: w.trace.sequence.id, cycles: w.trace.sequence.events.length, checks: w.trace.checks })),
    demo: d.demo?.techniques.map((t) => ({ id: t.id, cyclesPerOp: t.cyclesPerOp, interruptions: t.interruptions, emulatedOps: t.emulatedOps })),
  };
}
