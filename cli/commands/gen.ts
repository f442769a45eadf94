// `vti gen`: write the VT-i RTL (one Verilog file per module), manifest.json and a FuseSoC
// core file; `--stats` adds Yosys synthesis figures per module.
import type { Command } from '../command.js';
import { UserError } from '../errors.js';
import { onlyWith } from '../args.js';
import { writeFilesAtomic } from '../../cache/atomic-write.js';
import { ConfigError, DEFAULT_CONFIG, generateVti, type VtiConfig } from '../../gen/vti.js';
import { dumpDesign } from '../../hdl/ir/dump.js';

export const command: Command = {
  summary: 'generate the VT-i RTL (Verilog-2005), manifest.json and a FuseSoC core file',
  usage: '[--out DIR] [--impl-va-msb N] [--impl-pa-msb N] [--guest-shrink K] [--no-vt] [--stats] [--json]',
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
    if (flags.json) {
      process.stdout.write(
        JSON.stringify({ out, manifest: gen.manifest, ...(stats ? { stats } : {}) }, null, 2) + '\n',
      );
      return 0;
    }
    process.stdout.write(
      `wrote ${Object.keys(gen.files).length} files + manifest.json to ${out}/ ` +
        `(IMPL_VA_MSB ${o.implVaMsb}, guest ${o.implVaMsb - o.guestShrink}, IMPL_PA_MSB ${o.implPaMsb}, VT ${o.vmImplemented ? 'on' : 'off'})\n`,
    );
    for (const m of gen.manifest.modules) process.stdout.write(`  ${m.file.padEnd(20)} ${m.ports.length} ports\n`);
    if (stats) process.stdout.write('\n' + formatStats(stats));
    return 0;
  },
};

async function collectStats(files: Record<string, string>) {
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

function formatStats(rows: Awaited<ReturnType<typeof collectStats>>): string {
  const head = ['module', 'cells (synth)', 'depth', 'iCE40 LUT4', 'carry', 'DFF', 'LUT depth'];
  const body = rows.map((r) => [r.module, r.cells, r.depth, r.luts, r.carries, r.ffs, r.iceDepth].map(String));
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join(' | ') + ' |';
  return (
    [
      line(head),
      '|' + w.map((x, i) => (i === 0 ? '-' : '') + '-'.repeat(x + 1) + (i === 0 ? '' : ':')).join('|') + '|',
      ...body.map(line),
    ].join('\n') + '\n'
  );
}
