// Mutation testing support: Yosys `mutate -list N -seed S` picks N single-bit faults spread
// over the design; each is applied to a fresh copy of the elaborated design and written out as
// Verilog. All mutants come from one Yosys call (`design -save` / `design -load`).
// A mutant that is provably equivalent to the original (isEquivalentMutant) cannot be killed by
// any test and should be left out of a mutation score.
import { yosys } from './yosys.js';
import { type DesignRef, placeFiles } from './design.js';
import { proveEquivalent, type EquivResult } from './equiv.js';

export interface Mutant {
  /** 1-based number in the list. */
  readonly id: number;
  /** The `mutate -mode ...` command Yosys generated (names the cell, port, bit and source). */
  readonly command: string;
  /** The mutated design as one Verilog file `<top>.v` (module name unchanged, flattened). */
  readonly files: Readonly<Record<string, string>>;
  readonly top: string;
}

export async function mutants(
  files: Readonly<Record<string, string>>,
  top: string,
  count: number,
  seed: number,
  params?: DesignRef['params'],
): Promise<Mutant[]> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`mutants: count must be a positive integer, got ${count}`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`mutants: seed must be a non-negative integer, got ${seed}`);
  const placed = placeFiles({ files, top }, 'src');
  const names = Object.keys(placed).filter((n) => /\.s?v$/.test(n));
  const chparam = Object.entries(params ?? {})
    .map(([k, v]) => ` -chparam ${k} ${v}`)
    .join('');
  // `prep` = hierarchy + proc + opt: the netlist mutate works on; flattened so every cell is visible.
  const base = [
    `read_verilog ${names.map((n) => `"${n}"`).join(' ')}`,
    `hierarchy -check -top ${top}${chparam}`,
    `prep -flatten -top ${top}`,
    'memory',
    'opt_clean',
  ].join('\n');
  const listed = await yosys(`${base}\nmutate -list ${count} -seed ${seed} -o mutants.txt`, placed);
  const list = (listed.files['mutants.txt'] ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('mutate '));
  if (list.length === 0) return [];
  const script = [base, 'design -save base'];
  list.forEach((cmd, i) => {
    // `-src` is documentation only and may hold characters our script splitter treats specially.
    script.push('design -load base', cmd.replace(/ -src \S+/g, ''), 'opt_clean', `write_verilog -noattr m${i + 1}.v`);
  });
  const r = await yosys(script.join('\n'), placed);
  return list.map((command, i) => {
    const v = r.files[`m${i + 1}.v`];
    if (v === undefined) throw new Error(`mutants: yosys wrote no Verilog for mutant ${i + 1} (${command})`);
    return { id: i + 1, command, files: { [`${top}.v`]: v }, top };
  });
}

/** true when the mutant is provably equivalent to the original (an unkillable mutant). */
export async function isEquivalentMutant(
  original: DesignRef,
  mutant: Mutant,
  opts: { sequential?: boolean } = {},
): Promise<boolean> {
  const r: EquivResult = await proveEquivalent({
    gold: original,
    gate: { files: mutant.files, top: mutant.top },
    sequential: opts.sequential ?? false,
  });
  return r.verdict === 'equivalent';
}
