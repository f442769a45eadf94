// `vti formal`: the Yosys lint gate, an equivalence proof against the hand-written
// reference and the safety properties (formal/properties.ts) for each generated block; optionally RTL-vs-netlist proofs, synthesis figures and
// a mutation count. Verilog comes from `--dir` (the output of `vti gen --out DIR`) or, by
// default, is generated in-process with the same options.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLOCKS, type BlockName, type BlockOptions, checkGeneratedBlock, isSequential } from '../../formal/blocks.js';
import { synthEquivalent } from '../../formal/equiv.js';
import { formatProblem } from '../../formal/gate.js';
import { isEquivalentMutant, mutants } from '../../formal/mutate.js';
import { blockProperties } from '../../formal/block_properties.js';
import { proveProperties } from '../../formal/block_props.js';
import { synthStats } from '../../formal/stats.js';
import { checkGenOptions, GenOptionsError, vtiSpec, type VtiGenOptions } from '../../gen/vti.js';
import type { Command } from '../command.js';
import { UserError } from '../errors.js';

/** The same Verilog `vti gen` writes for these options. */
function generate(block: BlockName, g: VtiGenOptions): Record<string, string> {
  return vtiSpec(block, g).files;
}

function readDir(dir: string, block: BlockName): Record<string, string> {
  if (!existsSync(dir)) throw new UserError(`--dir ${dir}: no such directory`);
  const names = readdirSync(dir).filter((n) => n.endsWith('.v'));
  if (!names.includes(`${block}.v`)) throw new UserError(`--dir ${dir}: no ${block}.v there (run 'vti gen --out ${dir}' first)`);
  return Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

export const command: Command = {
  summary: 'lint gate, equivalence to hand-written references and safety properties of the generated blocks (Yosys-WASM)',
  usage: '[--block NAME] [--dir DIR] [--no-vt] [--impl-va-msb N] [--impl-pa-msb N] [--guest-shrink N] [--synth] [--stats] [--mutants N]',
  flags: {
    block: { type: 'choice', choices: ['all', ...BLOCKS], default: 'all', help: 'which block to check' },
    dir: { type: 'string', metavar: 'DIR', help: "read <block>.v from DIR (from 'vti gen --out DIR') instead of generating" },
    'no-vt': { type: 'bool', help: 'the Verilog was generated with VT-i not implemented (vmImplemented = false)' },
    'impl-va-msb': { type: 'int', metavar: 'N', default: 60, help: 'IMPL_VA_MSB the Verilog was generated with (50..60)' },
    'impl-pa-msb': { type: 'int', metavar: 'N', default: 62, help: 'IMPL_PA_MSB (31..62)' },
    'guest-shrink': { type: 'int', metavar: 'N', default: 1, help: 'guestShrink (>= 1)' },
    synth: { type: 'bool', help: "also prove each block equal to its own 'synth' netlist" },
    stats: { type: 'bool', help: 'print generic and iCE40 synthesis figures' },
    mutants: { type: 'int', metavar: 'N', help: 'also make N Yosys mutants of each block and count the non-equivalent ones' },
  },
  async run({ flags }) {
    const vt = flags['no-vt'] !== true;
    const o: BlockOptions = {
      vmImplemented: vt,
      implVaMsb: flags['impl-va-msb'] as number,
      implPaMsb: flags['impl-pa-msb'] as number,
      guestShrink: flags['guest-shrink'] as number,
    };
    const g: VtiGenOptions = { vt, implVaMsb: o.implVaMsb!, implPaMsb: o.implPaMsb!, guestShrink: o.guestShrink! };
    try {
      checkGenOptions(g); // the same validation and message as `vti gen`
    } catch (e) {
      if (e instanceof GenOptionsError) throw new UserError(`bad generator options: ${e.message}`, 2);
      throw e;
    }
    const nMutants = flags.mutants as number | undefined;
    if (nMutants !== undefined && nMutants < 1) throw new UserError(`--mutants must be at least 1, got ${nMutants}`);
    const blocks = flags.block === 'all' ? [...BLOCKS] : [flags.block as BlockName];
    const dir = flags.dir as string | undefined;
    const out = (s: string) => process.stdout.write(s + '\n');
    let failed = 0;
    for (const block of blocks) {
      const files = dir ? readDir(dir, block) : generate(block, g);
      const r = await checkGeneratedBlock(block, files, o);
      if (!r.gate.ok) {
        failed++;
        out(`${block}: FAILED the Yosys gate`);
        for (const p of r.gate.problems) out(`  ${formatProblem(p)}`);
        continue;
      }
      const e = r.equiv!;
      if (e.verdict === 'equivalent') out(`${block}: gate ok; equivalent to ref_${block} (${e.method}, ${ms(e.ms)})`);
      else {
        failed++;
        out(`${block}: gate ok; ${e.verdict.toUpperCase()} from ref_${block} (${e.method})`);
        if (e.table) out(e.table.split('\n').map((l) => '  ' + l).join('\n'));
        if (e.vcdPath) out(`  counterexample VCD: ${e.vcdPath}`);
      }
      const props = await proveProperties({ files, top: block }, blockProperties(block, o), { sequential: isSequential(block) });
      const notHolding = props.filter((p) => p.verdict !== 'holds');
      failed += notHolding.length;
      out(`  properties: ${props.length - notHolding.length}/${props.length} hold`);
      for (const p of notHolding) {
        out(`  property "${p.name}": ${p.verdict.toUpperCase()}`);
        if (p.table) out(p.table.split('\n').map((l) => '    ' + l).join('\n'));
      }
      if (flags.synth) {
        const s = await synthEquivalent(files, block, { sequential: isSequential(block) });
        if (!s.equivalent) failed++;
        out(`  vs its synth netlist: ${s.verdict} (${ms(s.ms)})${s.table ? '\n' + s.table : ''}`);
      }
      if (flags.stats) {
        const s = await synthStats(files, block);
        out(`  synth: ${s.generic.cells} cells, depth ${s.generic.depth}; iCE40: ${s.ice40.luts} LUT4, ${s.ice40.carries} carry, ${s.ice40.ffs} FF, depth ${s.ice40.depth}`);
      }
      if (nMutants !== undefined) {
        const list = await mutants(files, block, nMutants, 1);
        let killable = 0;
        for (const m of list) if (!(await isEquivalentMutant({ files, top: block }, m, { sequential: isSequential(block) }))) killable++;
        out(`  mutants: ${killable}/${list.length} not equivalent to the original`);
      }
    }
    return failed ? 1 : 0;
  },
};
