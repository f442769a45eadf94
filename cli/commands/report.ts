// `vti report`: build the self-contained HTML report (report/index.ts) and print where it is.
import { accessSync, constants, mkdirSync } from 'node:fs';
import type { Command } from '../command.js';
import { engineFlag, seedFlag, vectorsFlag } from '../flags.js';
import { UserError } from '../errors.js';
import { onlyWith } from '../args.js';
import { progressBar } from '../progress.js';
import { chooseEngine } from './cosim.js';
import type { EngineName } from '../../sim/engine.js';
import { SKIPPABLE } from '../../report/sections.js';
import { defaultReportCacheDir } from '../../report/cache.js';

/** --cache, else the default folder (none when VTI_CACHE_DIR=off). */
function cacheDirOption(flag: string | undefined): { cacheDir?: string } {
  const dir = flag ?? defaultReportCacheDir();
  return dir === undefined ? {} : { cacheDir: dir };
}
import { MAX_ITERATIONS } from './demo.js';

export const command: Command = {
  positionals: true,
  summary:
    'write a self-contained HTML report: ports, schematics, synthesis cost, co-simulation, formal, timing diagrams, demo',
  usage:
    '[--out DIR] [--vectors N] [--seed S] [--engine verilator|builtin] [--iterations N] [--flush-cycles N] [--skip LIST] [--cache DIR] [--no-cache] [--json]',
  flags: {
    out: { type: 'string', metavar: 'DIR', help: 'output folder (index.html is written there)', default: 'out/report' },
    vectors: vectorsFlag('random co-simulation vectors per block', 100_000),
    seed: seedFlag(),
    engine: engineFlag('RTL engine of the block co-simulation (default: verilator if installed)'),
    iterations: {
      type: 'int',
      metavar: 'N',
      help: 'demo workload iterations',
      default: 100,
      min: 1,
      max: MAX_ITERATIONS,
    },
    'flush-cycles': {
      type: 'int',
      metavar: 'N',
      help: 'demo cost of one interruption in cycles',
      default: 30,
      min: 0,
      max: 10_000,
    },
    skip: { type: 'string', metavar: 'LIST', help: `sections to leave out, comma-separated (${SKIPPABLE.join(', ')})` },
    cache: {
      type: 'string',
      metavar: 'DIR',
      help: 'cache of schematic layouts and synthesis figures (default: report/ in $VTI_CACHE_DIR, else .cache/report)',
    },
    'no-cache': { type: 'bool', help: 'recompute schematics and synthesis figures' },
    json: { type: 'bool', help: 'print a JSON summary on stdout (progress goes to stderr)' },
  },
  async run(parsed) {
    const { flags, positional } = parsed;
    onlyWith('report', parsed, 'cache', flags['no-cache'] !== true, 'and --no-cache exclude each other');
    if (positional.length)
      throw new UserError(`unexpected argument '${positional[0]}' (vti report takes only options)`, 2);
    const vectors = flags.vectors as number,
      iterations = flags.iterations as number,
      flush = flags['flush-cycles'] as number;
    if (vectors < 0) throw new UserError(`--vectors must be ≥ 0, got ${vectors}`, 2);
    if (iterations < 1) throw new UserError(`--iterations must be ≥ 1, got ${iterations}`, 2);
    if (flush < 0) throw new UserError(`--flush-cycles must be ≥ 0, got ${flush}`, 2);
    const skip =
      flags.skip === undefined
        ? []
        : String(flags.skip)
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean);
    for (const x of skip)
      if (!(SKIPPABLE as readonly string[]).includes(x))
        throw new UserError(`--skip: unknown section '${x}' (sections: ${SKIPPABLE.join(', ')})`, 2);
    const out = flags.out as string;
    try {
      mkdirSync(out, { recursive: true });
      accessSync(out, constants.W_OK);
    } catch (e) {
      throw new UserError(`cannot write the report to '${out}': ${(e as Error).message}`);
    }
    const engine = chooseEngine(flags.engine as EngineName | undefined);
    const json = flags.json === true;
    const log = (line: string) => (json ? process.stderr : process.stdout).write(line + '\n');
    const { buildReport, summarize } = await import('../../report/index.js');
    const r = await buildReport({
      out,
      vectors,
      seed: flags.seed as number,
      engine,
      iterations,
      flushCycles: flush,
      ...(flags['no-cache'] ? {} : cacheDirOption(flags.cache as string | undefined)),
      skip,
      progress: log,
      progressBar,
    });
    if (json) process.stdout.write(JSON.stringify(summarize(r), null, 2) + '\n');
    else {
      const failed = r.data.sections.filter((s) => s.status === 'FAIL');
      log(`\nreport: ${r.file} (${(r.bytes / 1024).toFixed(0)} KiB, ${r.seconds.toFixed(1)} s)`);
      if (failed.length)
        log(`${failed.length} section(s) failed: ${failed.map((s) => s.id).join(', ')} (the page shows the details)`);
    }
    return r.ok ? 0 : 1;
  },
};
