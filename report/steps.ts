// The report's own steps, run by the pipeline's runner between the shared ones
// (pipeline/steps.ts): the modules (ports, schematics, synthesis cost) and the timing diagrams.
import type { Generated, VtiConfig } from '../gen/vti.js';
import type { SynthStats } from '../formal/stats.js';
import type { Step } from '../pipeline/step.js';
import type { Cache } from './cache.js';
import { schematic } from './schematic.js';
import { traceSequences } from './sequences.js';
import type { ModuleReport, WaveReport } from './types.js';
import { renderWave, traceToWaveJson } from './wave.js';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The modules section: per generated module its ports, a schematic and the synthesis figures (both cached by content). */
export function modulesStep(
  g: Generated,
  gen: VtiConfig,
  cache: Cache,
  yosysVersion: string,
): Step<readonly ModuleReport[]> {
  return {
    id: 'modules',
    title: 'modules: ports, schematics, synthesis cost',
    async run({ say }) {
      const { VTI_MODULES, vtiSpec } = await import('../gen/vti.js');
      const modules: ModuleReport[] = [];
      let bad = 0,
        hits = 0;
      for (const name of VTI_MODULES) {
        const mm = g.manifest.modules.find((m) => m.name === name);
        if (!mm) throw new Error(`module ${name} missing from the manifest`);
        const spec = vtiSpec(name, gen);
        const doc = g.design.modules.find((m) => m.name === name)?.doc;
        const entry: { -readonly [K in keyof ModuleReport]: ModuleReport[K] } = {
          name,
          manifest: mm,
          ...(doc ? { doc } : {}),
        };
        try {
          entry.schematic = await schematic(spec.files, name, cache);
          if (entry.schematic.cached) hits++;
        } catch (e) {
          entry.schematicError = message(e);
          bad++;
        }
        try {
          const { synthStats } = await import('../formal/stats.js');
          const key = ['stats-v1', name, yosysVersion, ...Object.entries(spec.files).sort().flat()];
          const r = await cache.text('stats', key, async () => JSON.stringify(await synthStats(spec.files, name)));
          entry.stats = JSON.parse(r.value) as SynthStats;
          entry.statsCached = r.hit;
          if (r.hit) hits++;
        } catch (e) {
          entry.statsError = message(e);
          bad++;
        }
        modules.push(entry);
        say(
          `${name}: ${mm.ports.length} ports, ${entry.schematic ? `schematic ${entry.schematic.cells} cells${entry.schematic.cached ? ' (cached)' : ''}` : 'no schematic'}, ` +
            `${entry.stats ? `${entry.stats.ice40.luts} iCE40 LUTs` : 'no synthesis figures'}`,
        );
      }
      return {
        status: bad ? 'FAIL' : 'pass',
        detail: `${modules.length} modules, ${bad} problems${hits ? `, ${hits} results from the cache` : ''}`,
        data: modules,
      };
    },
  };
}

/** The timing diagrams: vti_core's key sequences simulated, drawn by WaveDrom, their facts checked on the trace. */
export const wavesStep: Step<readonly WaveReport[]> = {
  id: 'waves',
  title: 'timing diagrams: vti_core key sequences (simulated)',
  async run() {
    const traces = await traceSequences('builtin');
    const waves = traces.map((trace, i) => {
      const json = traceToWaveJson(trace);
      return { trace, json, svg: renderWave(json, i) };
    });
    const failed = traces.flatMap((t) => t.checks.filter((c) => !c.ok).map((c) => `${t.sequence.id}: ${c.what}`));
    const n = traces.reduce((s, t) => s + t.checks.length, 0);
    return {
      status: failed.length ? 'FAIL' : 'pass',
      detail: `${traces.length} sequences, ${n - failed.length}/${n} expected facts seen in the trace${failed.length ? `; not seen: ${failed.join('; ')}` : ''}`,
      data: waves,
    };
  },
};
