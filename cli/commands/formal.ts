// `vti formal`: the Yosys lint gate, an equivalence proof against the hand-written
// reference and the safety properties (formal/properties.ts) for each generated block; optionally RTL-vs-netlist proofs, synthesis figures and
// a mutation count. Verilog comes from `--dir` (the output of `vti gen --out DIR`) or, by
// default, is generated in-process with the same options.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLOCK_NAMES, BLOCKS, type BlockName } from '../../blocks/registry.js';
import { blockProperties, checkGeneratedBlock } from '../../formal/blocks.js';
import { synthEquivalent } from '../../formal/equiv.js';
import { formatProblem } from '../../formal/gate.js';
import { isEquivalentMutant, mutants } from '../../formal/yosys-mutants.js';
import { proveProperties } from '../../formal/property-prover.js';
import { synthStats } from '../../formal/stats.js';
import { checkConfig, ConfigError, vtiSpec, type VtiConfig } from '../../gen/vti.js';
import type { Command } from '../command.js';
import { UserError } from '../errors.js';
import { onlyWith } from '../args.js';
import { table } from '../progress.js';
import { PROP_NAMES, runProperties } from '../../formal/props/index.js';
import { runShardCommand, SHARD_FLAGS, shardRequested } from '../shard-flags.js';
import { outDir } from '../dirs.js';
import { manifestConfig, refuseConflicts, type ConfigOption } from '../manifest-config.js';

interface Row {
  check: string;
  result: string;
  ms: number;
  ok: boolean;
}

/** The same Verilog `vti gen` writes for these options. */
function generate(block: BlockName, g: VtiConfig): Record<string, string> {
  return vtiSpec(block, g).files;
}

function readDir(dir: string, block: BlockName): Record<string, string> {
  if (!existsSync(dir)) throw new UserError(`--dir ${dir}: no such directory`);
  const names = readdirSync(dir).filter((n) => n.endsWith('.v'));
  if (!names.includes(`${block}.v`))
    throw new UserError(`--dir ${dir}: no ${block}.v there (run 'vti gen --out ${dir}' first)`);
  return Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
}

/** The options that set the configuration, compared with a --dir manifest. */
const CONFIG_OPTIONS: readonly ConfigOption[] = [
  { flag: 'no-vt', field: 'vmImplemented', value: (f) => f['no-vt'] !== true },
  { flag: 'impl-va-msb', field: 'implVaMsb', value: (f) => f['impl-va-msb'] as number },
  { flag: 'impl-pa-msb', field: 'implPaMsb', value: (f) => f['impl-pa-msb'] as number },
  { flag: 'guest-shrink', field: 'guestShrink', value: (f) => f['guest-shrink'] as number },
];

export const command: Command = {
  summary:
    'lint gate, equivalence to hand-written references and safety properties of the generated blocks (Yosys-WASM)',
  usage:
    '[--shard I/N] [--result FILE] [--block NAME] [--dir DIR] [--no-vt] [--impl-va-msb N] [--impl-pa-msb N] [--guest-shrink N] [--synth] [--stats] [--mutants N]',
  flags: {
    block: {
      type: 'choice',
      choices: ['all', ...BLOCK_NAMES, 'vti_core'],
      default: 'all',
      help: 'which block to check (vti_core: the safety properties P1-P6)',
    },
    dir: {
      type: 'string',
      metavar: 'DIR',
      help: "read <block>.v from DIR (from 'vti gen --out DIR') instead of generating; the options come from DIR/manifest.json",
    },
    'no-vt': { type: 'bool', help: 'the Verilog was generated with VT-i not implemented (vmImplemented = false)' },
    'impl-va-msb': {
      type: 'int',
      metavar: 'N',
      default: 60,
      help: 'IMPL_VA_MSB the Verilog was generated with (50..60)',
    },
    'impl-pa-msb': { type: 'int', metavar: 'N', default: 62, help: 'IMPL_PA_MSB (31..62)' },
    'guest-shrink': { type: 'int', metavar: 'N', default: 1, help: 'guestShrink (>= 1)' },
    synth: { type: 'bool', help: "also prove each block equal to its own 'synth' netlist" },
    stats: { type: 'bool', help: 'print generic and iCE40 synthesis figures' },
    mutants: {
      type: 'int',
      metavar: 'N',
      help: 'also make N Yosys mutants of each block and count the non-equivalent ones',
    },
    json: { type: 'bool', help: 'print the results as JSON' },
    ...SHARD_FLAGS,
  },
  async run(parsed) {
    const { flags } = parsed;
    onlyWith(
      'formal',
      parsed,
      'guest-shrink',
      flags['no-vt'] !== true,
      'applies only with VT-i (there is no guest with --no-vt)',
    );
    const dir = flags.dir as string | undefined;
    // The Verilog of --dir was generated with the options in its manifest: those are the ones to check against.
    const fromDir = dir !== undefined ? manifestConfig(dir) : undefined;
    if (fromDir) refuseConflicts('formal', dir!, parsed, fromDir, CONFIG_OPTIONS);
    const g: VtiConfig = fromDir ?? {
      vmImplemented: flags['no-vt'] !== true,
      implVaMsb: flags['impl-va-msb'] as number,
      implPaMsb: flags['impl-pa-msb'] as number,
      guestShrink: flags['guest-shrink'] as number,
    };
    const vt = g.vmImplemented;
    try {
      checkConfig(g); // the same validation and message as `vti gen`
    } catch (e) {
      if (e instanceof ConfigError) throw new UserError(`bad generator options: ${e.message}`, 2);
      throw e;
    }
    const nMutants = flags.mutants as number | undefined;
    if (nMutants !== undefined && nMutants < 1) throw new UserError(`--mutants must be at least 1, got ${nMutants}`);
    if (nMutants !== undefined && nMutants > 1000)
      throw new UserError(`--mutants must be at most 1000, got ${nMutants}`, 2);
    const blocks =
      flags.block === 'all' ? [...BLOCK_NAMES] : flags.block === 'vti_core' ? [] : [flags.block as BlockName];
    const withCore = flags.block === 'all' || flags.block === 'vti_core';
    if (shardRequested(parsed)) {
      for (const f of ['dir', 'synth', 'stats', 'mutants'] as const)
        if (parsed.given?.has(f)) throw new UserError(`--${f} does not shard; run it without --shard/--result`, 2);
      return runShardCommand(parsed, {
        kind: 'formal',
        blocks,
        properties: withCore ? [...PROP_NAMES] : [],
        sweep: [g],
      });
    }
    const json = flags.json === true;
    const out = (s: string) => {
      if (!json) process.stdout.write(s + '\n');
    };
    const rows: Row[] = [];
    const row = (check: string, result: string, msTaken: number, ok: boolean) =>
      rows.push({ check, result, ms: Math.round(msTaken), ok });
    for (const block of blocks) {
      const files = dir ? readDir(dir, block) : generate(block, g);
      const t0 = performance.now();
      const r = await checkGeneratedBlock(block, files, g);
      if (!r.gate.ok) {
        row(`${block}: Yosys gate`, 'FAILED', performance.now() - t0, false);
        for (const p of r.gate.problems) out(`  ${formatProblem(p)}`);
        continue;
      }
      const e = r.equiv!;
      row(
        `${block}: gate + equivalence to ref_${block}`,
        e.verdict === 'equivalent' ? `equivalent (${e.method})` : e.verdict.toUpperCase(),
        e.ms,
        e.verdict === 'equivalent',
      );
      if (e.verdict !== 'equivalent') {
        if (e.table)
          out(
            e.table
              .split('\n')
              .map((l) => '  ' + l)
              .join('\n'),
          );
        if (e.vcdPath) out(`  counterexample VCD: ${e.vcdPath}`);
      }
      const t1 = performance.now();
      const props = await proveProperties({ files, top: block }, blockProperties(block, g), {
        sequential: BLOCKS[block].sequential,
      });
      const notHolding = props.filter((p) => p.verdict !== 'holds');
      row(
        `${block}: ${props.length} block properties`,
        notHolding.length ? `${notHolding.length} FAILED` : 'all hold',
        performance.now() - t1,
        notHolding.length === 0,
      );
      for (const p of notHolding) {
        out(`  property "${p.name}": ${p.verdict.toUpperCase()}`);
        if (p.table)
          out(
            p.table
              .split('\n')
              .map((l) => '    ' + l)
              .join('\n'),
          );
      }
      if (flags.synth) {
        const sy = await synthEquivalent(files, block, { sequential: BLOCKS[block].sequential });
        row(`${block}: RTL = its synth netlist`, sy.verdict, sy.ms, sy.equivalent);
        if (sy.table) out(sy.table);
      }
      if (flags.stats) {
        const st = await synthStats(files, block);
        row(
          `${block}: synthesis`,
          `${st.generic.cells} cells, depth ${st.generic.depth}; iCE40 ${st.ice40.luts} LUT4, ${st.ice40.ffs} FF, depth ${st.ice40.depth}`,
          st.ms,
          true,
        );
      }
      if (nMutants !== undefined) {
        const t2 = performance.now();
        const list = await mutants(files, block, nMutants, 1);
        let killable = 0;
        for (const m of list)
          if (!(await isEquivalentMutant({ files, top: block }, m, { sequential: BLOCKS[block].sequential })))
            killable++;
        row(
          `${block}: mutants`,
          `${killable}/${list.length} not equivalent to the original`,
          performance.now() - t2,
          true,
        );
      }
    }
    if (withCore) {
      if (dir)
        out('note: vti_core properties are proven on the in-process generated core (--dir is used for the blocks)');
      const results = await runProperties({ gen: g, vcdDir: join(outDir(), 'formal') });
      for (const r of results) {
        // Without VT-i, vm never becomes 1: covers that need vm = 1 are unreachable, and the
        // property holds vacuously — expected, not a failure.
        const reachable = r.cover?.reachable ?? true;
        const cover = r.cover
          ? reachable
            ? ', cover reachable'
            : vt
              ? ', cover NOT reachable'
              : ', vacuous without VT-i (cover unreachable)'
          : '';
        row(
          `vti_core: ${r.name} ${r.title}`,
          `${r.verdict}${cover}`,
          r.ms,
          r.verdict === 'proven' && (reachable || !vt),
        );
        if (r.counterexample)
          out(`${r.name} counterexample:\n${r.counterexample.table}\n  VCD: ${r.counterexample.vcdPath}`);
      }
    }
    const failed = rows.filter((r) => !r.ok).length;
    if (json) process.stdout.write(JSON.stringify({ rows, failed }, null, 2) + '\n');
    else
      out(
        table(
          ['check', 'result', 'time'],
          rows.map((r) => [r.check, r.result, `${(r.ms / 1000).toFixed(2)} s`]),
          [1],
        ) + `${rows.length - failed}/${rows.length} checks passed`,
      );
    return failed ? 1 : 0;
  },
};
