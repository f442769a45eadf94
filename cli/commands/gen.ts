// `vti gen`: write the VT-i RTL (one Verilog file per module), manifest.json and a FuseSoC
// core file; `--stats` adds Yosys synthesis figures per module.
import type { Command } from '../command.js';
import { UserError } from '../errors.js';
import { onlyWith } from '../args.js';
import { writeFilesAtomic } from '../../cache/atomic-write.js';
import { ConfigError, DEFAULT_CONFIG, generateVti, type VtiConfig } from '../../gen/vti.js';
import { dumpDesign } from '../../hdl/ir/dump.js';
import type { FpgaTarget, FpgaTiming } from '../../formal/fpga-timing.js';

export const command: Command = {
  summary: 'generate the VT-i RTL (Verilog-2005), manifest.json and a FuseSoC core file',
  usage:
    '[--out DIR] [--impl-va-msb N] [--impl-pa-msb N] [--guest-shrink K] [--no-vt] [--stats [--fpga ice40-hx8k|ice40-up5k [--seeds N]]] [--json]',
  flags: {
    out: { type: 'string', metavar: 'DIR', help: 'output folder', default: 'out/rtl' },
    'impl-va-msb': {
      type: 'int',
      metavar: 'N',
      help: 'highest implemented virtual-address bit, 50..60',
      default: DEFAULT_CONFIG.implVaMsb,
    },
    'impl-pa-msb': {
      type: 'int',
      metavar: 'N',
      help: 'highest implemented physical-address bit, 31..62',
      default: DEFAULT_CONFIG.implPaMsb,
    },
    'guest-shrink': {
      type: 'int',
      metavar: 'K',
      help: 'guest IMPL_VA_MSB = IMPL_VA_MSB - K',
      default: DEFAULT_CONFIG.guestShrink,
    },
    'no-vt': { type: 'bool', help: 'generate a processor without VT-i (PSR.vm tied to 0, vmsw illegal)' },
    stats: {
      type: 'bool',
      help: 'synthesize every module with Yosys (synth, synth_ice40) and print cells, LUTs, depth',
    },
    fpga: {
      type: 'choice',
      choices: ['ice40-hx8k', 'ice40-up5k'],
      help: 'with --stats: place and route every module out of context (nextpnr-ice40, median of --seeds) and print Fmax and the critical path',
    },
    seeds: {
      type: 'int',
      metavar: 'N',
      help: 'with --fpga: place and route with seeds 1..N, report the median (README: 1)',
      default: 3,
      min: 1,
      max: 20,
    },
    'dump-ir': { type: 'bool', help: 'also write the IR text dump (design.ir)' },
    json: { type: 'bool', help: 'print the manifest (and stats) as JSON' },
  },
  async run(parsed) {
    const { flags } = parsed;
    onlyWith(
      'gen',
      parsed,
      'guest-shrink',
      flags['no-vt'] !== true,
      'applies only with VT-i (there is no guest with --no-vt)',
    );
    onlyWith('gen', parsed, 'fpga', flags.stats === true, 'needs --stats');
    onlyWith('gen', parsed, 'seeds', flags.fpga !== undefined, 'needs --fpga');
    const o: VtiConfig = {
      vmImplemented: !flags['no-vt'],
      implVaMsb: flags['impl-va-msb'] as number,
      implPaMsb: flags['impl-pa-msb'] as number,
      guestShrink: flags['guest-shrink'] as number,
    };
    let gen: ReturnType<typeof generateVti>;
    try {
      gen = generateVti(o);
    } catch (e) {
      if (e instanceof ConfigError) throw new UserError(`bad generator options: ${e.message}`, 2);
      throw e;
    }
    const out = flags.out as string;
    writeFilesAtomic(out, {
      ...gen.files,
      'manifest.json': JSON.stringify(gen.manifest, null, 2) + '\n',
      ...(flags['dump-ir'] ? { 'design.ir': dumpDesign(gen.design) } : {}),
    });

    let stats: Awaited<ReturnType<typeof collectStats>> | undefined;
    if (flags.stats) stats = await collectStats(gen.files);
    const target = flags.fpga as FpgaTarget | undefined;
    let timing: FpgaTiming[] | undefined;
    if (target) timing = await collectTiming(gen, target, flags.seeds as number);
    if (flags.json) {
      process.stdout.write(
        JSON.stringify(
          { out, manifest: gen.manifest, ...(stats ? { stats } : {}), ...(timing ? { timing } : {}) },
          null,
          2,
        ) + '\n',
      );
      return 0;
    }
    process.stdout.write(
      `wrote ${Object.keys(gen.files).length} files + manifest.json to ${out}/ ` +
        `(IMPL_VA_MSB ${o.implVaMsb}, guest ${o.implVaMsb - o.guestShrink}, IMPL_PA_MSB ${o.implPaMsb}, VT ${o.vmImplemented ? 'on' : 'off'})\n`,
    );
    for (const m of gen.manifest.modules) process.stdout.write(`  ${m.file.padEnd(20)} ${m.ports.length} ports\n`);
    if (stats) process.stdout.write('\n' + formatStats(stats, timing));
    if (timing) process.stdout.write('\n' + formatTiming(timing));
    return 0;
  },
};

/** Yosys figures of every module (what `vti gen --stats` prints; README's synthesis table is this). */
export async function collectStats(files: Record<string, string>) {
  const { synthStats } = await import('../../formal/stats.js');
  const verilog = Object.fromEntries(Object.entries(files).filter(([f]) => f.endsWith('.v')));
  const rows = [];
  for (const f of Object.keys(verilog)) {
    const top = f.replace(/\.v$/, '');
    const s = await synthStats(verilog, top);
    rows.push({
      module: top,
      cells: s.generic.cells,
      depth: s.generic.depth,
      luts: s.ice40.luts,
      carries: s.ice40.carries,
      ffs: s.ice40.ffs,
      iceDepth: s.ice40.depth,
      ms: Math.round(s.ms),
    });
  }
  return rows;
}

/**
 * The table of `vti gen --stats`; with `timing` (--fpga) a column of each module's Fmax and a
 * line below saying how it was measured.
 */
export function formatStats(rows: Awaited<ReturnType<typeof collectStats>>, timing?: readonly FpgaTiming[]): string {
  const fmaxOf = new Map(timing?.map((t) => [t.top, t.fmaxMHz.toFixed(1)]));
  const target = timing?.[0]?.target;
  const head = [
    'module',
    'cells (synth)',
    'depth',
    'iCE40 LUT4',
    'carry',
    'DFF',
    'LUT depth',
    ...(target ? [`Fmax ${FPGA_LABEL[target]} (MHz)`] : []),
  ];
  const body = rows.map((r) =>
    [
      r.module,
      r.cells,
      r.depth,
      r.luts,
      r.carries,
      r.ffs,
      r.iceDepth,
      ...(target ? [fmaxOf.get(r.module) ?? '–'] : []),
    ].map(String),
  );
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join(' | ') + ' |';
  const seeds = timing?.[0]?.seeds.map((s) => s.seed) ?? [];
  const caption = target
    ? [
        '',
        `Fmax: out of context on ${FPGA_LABEL[target]} (registered inputs and outputs), nextpnr-ice40, ` +
          (seeds.length === 1
            ? `one seed (${seeds[0]}); seeds vary it by several per cent.`
            : `median of seeds ${seeds.join(', ')}.`),
      ]
    : [];
  return (
    [
      line(head),
      '|' + w.map((x, i) => (i === 0 ? '-' : '') + '-'.repeat(x + 1) + (i === 0 ? '' : ':')).join('|') + '|',
      ...body.map(line),
      ...caption,
    ].join('\n') + '\n'
  );
}

const FPGA_LABEL = { 'ice40-hx8k': 'HX8K', 'ice40-up5k': 'UP5K' } as const satisfies Record<FpgaTarget, string>;

/**
 * Every module placed and routed out of context on `target` with seeds 1..`seeds` (the core
 * last: it takes longest); results are kept in the P&R cache (formal/fpga-timing-cache.ts).
 */
export async function collectTiming(
  gen: ReturnType<typeof generateVti>,
  target: FpgaTarget,
  seeds = 3,
): Promise<FpgaTiming[]> {
  const { cachedFpgaTiming, moduleFiles } = await import('../../formal/fpga-timing-cache.js');
  const out: FpgaTiming[] = [];
  const seedList = Array.from({ length: seeds }, (_, i) => i + 1);
  for (const m of gen.design.modules) {
    process.stderr.write(`place and route ${m.name} on ${target} …\n`);
    out.push((await cachedFpgaTiming(moduleFiles(gen.design, gen.files, m.name), m, target, seedList)).timing);
  }
  return out;
}

function formatTiming(rows: readonly FpgaTiming[]): string {
  const lines = [
    `Fmax out of context on ${rows[0]?.target ?? ''} (nextpnr-ice40, registered boundary, median of ${rows[0]?.seeds.length ?? 0} seeds):`,
    ...rows.map(
      (r) =>
        `  ${r.top.padEnd(16)} ${r.fmaxMHz.toFixed(1).padStart(6)} MHz  (seeds ${r.seeds.map((s) => s.fmaxMHz.toFixed(1)).join(', ')})  ${r.lcUsed}/${r.lcAvailable} LCs`,
    ),
  ];
  const worst = [...rows].sort((a, b) => a.fmaxMHz - b.fmaxMHz)[0];
  if (worst) {
    lines.push(`critical path of ${worst.top} (${worst.criticalPath.length} nets, arrival in ns):`);
    for (const s of worst.criticalPath)
      lines.push(`  ${s.arrivalNs.toFixed(2).padStart(7)}  ${s.net}${s.source ? `  (${s.source})` : ''}`);
  }
  return lines.join('\n') + '\n';
}
