// `vti report`: one self-contained HTML page (inline CSS, JS and SVG; no network) with, per
// generated module, its ports, a schematic and the synthesis cost; the co-simulation and
// formal results; WaveDrom timing diagrams of vti_core's key sequences from real simulation
// traces; and the `vti demo` comparison as a bar chart. Every section is run for real when
// the report is built; a section that fails is shown as failed (with its error) and makes
// the result non-ok, the rest of the report is still written.
import { existsSync, readFileSync } from 'node:fs';
import { makeDir, writeFileAtomic, writeFilesAtomic } from '../cache/atomic-write.js';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { DEFAULT_CONFIG, generateVti } from '../gen/vti.js';
import type { PipelineOptions } from '../pipeline/options.js';
import { dataOf, runSteps, summaryOf } from '../pipeline/step.js';
import { stillRunningWithEstimates } from '../pipeline/step-durations.js';
import { blockCosimStep, demoStep, formalStep, lockstepStep, propertiesStep } from '../pipeline/steps.js';
import { createCache, type Cache } from './cache.js';
import { netlistsvgVersion } from './schematic.js';
import { renderHtml, schematicFile } from './page.js';
import { modulesStep, wavesStep } from './steps.js';
import { fpgaStep } from './timing.js';
import { defaultFpgaTimingCacheDir, fpgaTimingCache } from '../formal/fpga-timing-cache.js';
import type { ReportData, ReportOptions, ReportResult } from './types.js';

export type {
  CoreCosimSummary,
  FormalRow,
  ModuleReport,
  PropertyRow,
  ReportData,
  ReportOptions,
  ReportResult,
  SectionResult,
  SeededBugRow,
  Status,
  TimingReport,
  WaveReport,
} from './types.js';

/** Sections that --skip can leave out (the module section is the report's core and always runs). */
export { SKIPPABLE } from './sections.js';

/** The report's lockstep workload beyond the demo programs: the seeded bugs, each on one random program. */
const SEEDED_BUG_ITEMS = 300;

const require = createRequire(import.meta.url);
const pkgVersion = (name: string): string => {
  try {
    // Some packages do not export package.json; find it next to the resolved entry instead.
    let dir = dirname(require.resolve(name));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
};

export async function buildReport(o: ReportOptions): Promise<ReportResult> {
  const t0 = performance.now();
  const say = o.progress ?? (() => {});
  const cache: Cache = createCache(o.cacheDir, o.progress);
  const gen = o.gen ?? DEFAULT_CONFIG;
  const g = generateVti(gen);
  const options: PipelineOptions = {
    gen,
    engine: o.engine,
    seed: o.seed,
    vectors: o.vectors,
    outDir: o.artifactsDir ?? resolve('out'),
    lockstep: { seededBugs: { items: SEEDED_BUG_ITEMS } },
    demo: { iterations: o.iterations, flushCycles: o.flushCycles },
  };
  const modules = modulesStep(g, gen, cache, pkgVersion('@yowasp/yosys'));
  // Place-and-route results live in the one P&R cache (the one `vti gen --fpga` uses), not in
  // the report's folder; no report cache (--no-cache, VTI_CACHE_DIR=off): none either.
  const fpga = fpgaStep(
    g,
    fpgaTimingCache(o.cacheDir === undefined ? undefined : defaultFpgaTimingCacheDir(), o.progress),
  );
  const results = await runSteps(
    [modules, fpga, blockCosimStep, lockstepStep, formalStep, propertiesStep, wavesStep, demoStep],
    options,
    {
      ...(o.skip ? { skip: o.skip } : {}),
      ...(o.progressBar ? { bar: o.progressBar } : {}),
      stillRunning: stillRunningWithEstimates(),
      onEvent: (e) => {
        if (e.kind === 'start') say(`== ${e.step.title}`);
        else if (e.kind === 'line') say(`   ${e.text}`);
        else say(`   ${e.result.status}: ${e.result.detail} (${e.result.seconds.toFixed(1)} s)`);
      },
    },
  );
  const sections = results.map(summaryOf);
  const [cosim, coreCosim, formal, properties, waves, demo] = [
    dataOf(results, blockCosimStep),
    dataOf(results, lockstepStep),
    dataOf(results, formalStep),
    dataOf(results, propertiesStep),
    dataOf(results, wavesStep),
    dataOf(results, demoStep),
  ];

  const { progress: _p, progressBar: _b, ...reportOptions } = o;
  const data: ReportData = {
    generatedAt: new Date().toISOString(),
    versions: {
      'vti-hdl': readVersion(),
      node: process.version,
      yosys: `@yowasp/yosys ${pkgVersion('@yowasp/yosys')}`,
      netlistsvg: netlistsvgVersion(),
      wavedrom: pkgVersion('wavedrom'),
    },
    options: reportOptions,
    manifest: g.manifest,
    modules: dataOf(results, modules) ?? [],
    ...(dataOf(results, fpga)?.length ? { timing: dataOf(results, fpga) } : {}),
    sections,
    ...(cosim ? { cosim } : {}),
    ...(coreCosim !== undefined ? { coreCosim } : {}),
    ...(formal ? { formal } : {}),
    ...(properties !== undefined ? { properties } : {}),
    ...(waves ? { waves } : {}),
    ...(demo ? { demo } : {}),
  };
  say('== writing the page');
  const html = renderHtml(data, (performance.now() - t0) / 1000);
  makeDir(o.out);
  const file = resolve(o.out, 'index.html');
  const svgs = Object.fromEntries(
    data.modules.flatMap((m) => (m.schematic ? [[basename(schematicFile(m.name)), m.schematic.svg]] : [])),
  );
  if (Object.keys(svgs).length) writeFilesAtomic(resolve(o.out, dirname(schematicFile('x'))), svgs);
  writeFileAtomic(file, html);
  const ok = sections.every((s) => s.status !== 'FAIL');
  return { file, bytes: Buffer.byteLength(html), seconds: (performance.now() - t0) / 1000, ok, data };
}

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(require.resolve('vti-hdl/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** The --json summary: section results and the headline numbers (no SVG). */
export function summarize(r: ReportResult): Record<string, unknown> {
  const d = r.data;
  return {
    file: r.file,
    bytes: r.bytes,
    seconds: Number(r.seconds.toFixed(2)),
    ok: r.ok,
    sections: d.sections,
    modules: d.modules.map((m) => ({
      name: m.name,
      ports: m.manifest.ports.length,
      schematic: m.schematic ? { cells: m.schematic.cells, cached: m.schematic.cached } : { error: m.schematicError },
      synth: m.stats
        ? {
            cells: m.stats.generic.cells,
            depth: m.stats.generic.depth,
            ice40Luts: m.stats.ice40.luts,
            ice40Ffs: m.stats.ice40.ffs,
          }
        : { error: m.statsError },
    })),
    timing: d.timing?.map((t) => ({
      module: t.module,
      fmaxMHz: t.timing?.fmaxMHz,
      criticalPathNets: t.timing?.criticalPath.length,
      ...(t.error ? { error: t.error } : {}),
    })),
    cosim: d.cosim?.map((c) => ({
      block: c.block,
      engine: c.engine,
      vectors: c.vectors,
      mismatches: c.mismatches,
      vectorsPerSecond: Math.round(c.vectors / c.seconds),
    })),
    formal: d.formal?.map((f) => ({
      block: f.block,
      verdict: f.verdict,
      ms: f.ms === undefined ? undefined : Math.round(f.ms),
    })),
    properties: d.properties?.map((p) => ({
      name: p.name,
      verdict: p.verdict,
      ms: Math.round(p.ms),
      coverReachable: p.cover?.reachable,
    })),
    coreCosim: d.coreCosim
      ? {
          instructions: d.coreCosim.instructions,
          mismatches: d.coreCosim.mismatches,
          programs: d.coreCosim.runs.length,
          coveragePct: d.coreCosim.coverage.pct,
          throughput: Math.round(d.coreCosim.throughput),
          seededBugsFound: d.coreCosim.seeded?.filter((b) => b.tied && b.found).length,
          seededBugs: d.coreCosim.seeded?.filter((b) => b.tied).length,
        }
      : undefined,
    waves: d.waves?.map((w) => ({
      id: w.trace.sequence.id,
      cycles: w.trace.sequence.events.length,
      checks: w.trace.checks,
    })),
    demo: d.demo?.techniques.map((t) => ({
      id: t.id,
      cyclesPerOp: t.cyclesPerOp,
      interruptions: t.interruptions,
      emulatedOps: t.emulatedOps,
    })),
  };
}
