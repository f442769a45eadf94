// Deliberately broken variants of the generated core, at least one per property (the first of
// each property is its primary variant, mutantFor(p)): each is one textual
// edit of the generated Verilog (default options) that breaks exactly the spec rule its
// property depends on. The negative tests prove that the property then FAILS, with a
// counterexample that is a case of that rule. An edit that no longer applies (the generator's
// text changed) is an error, never a silent no-op.
import type { PropName } from './properties.js';

export interface PropertyMutant {
  readonly property: PropName;
  readonly name: string;
  /** The spec rule the edit breaks. */
  readonly description: string;
  readonly file: string;
  /** Only the line starting with this text is edited (the text may occur elsewhere too). */
  readonly line?: string;
  readonly from: string;
  readonly to: string;
}

export const PROPERTY_MUTANTS: readonly PropertyMutant[] = [
  {
    property: 'P1',
    name: 'vmsw-without-ar7',
    file: 'vti_vmsw.v',
    description: '§3.1 step 3 without the page check: vmsw commits on a page whose access rights are not 7',
    from: "(psr_it & (itlb_ar == 3'h7))",
    to: 'psr_it',
  },
  {
    property: 'P2',
    name: 'guest-va-not-shrunk',
    file: 'vti_addr_check.v',
    description: '§7 without the guest limit: with vm = 1 addresses are checked against the VMM IMPL_VA_MSB',
    from: '(vm ? guest_impl : vmm_impl)',
    to: '(vm ? vmm_impl : vmm_impl)',
  },
  {
    property: 'P3',
    name: 'nat-unchecked-in-guest',
    file: 'vti_core.v',
    line: '  assign reg_nat = ',
    description: '§1.3 broken: Register NaT Consumption is not checked with vm = 1, so the Virtualization fault wins',
    from: 'assign reg_nat = r2_nat &',
    to: 'assign reg_nat = (~u_psr_psr[46]) & r2_nat &',
  },
  {
    property: 'P4',
    name: 'interrupt-keeps-vm',
    file: 'vti_psr.v',
    description: '§4 step 4 broken: the interruption state keeps PSR.vm instead of clearing it',
    from: "psr_d_intr = psr_q & 64'h1808028034;",
    to: "psr_d_intr = psr_q & 64'h401808028034;",
  },
  {
    property: 'P4',
    name: 'trap-psr-before',
    file: 'vti_core.v',
    description:
      '§4 broken for traps: the interruption state of a trap keeps the kept bits of the PSR before the trapping instruction, not after it (the instruction completed)',
    from: "trap_psr = psr_after & 64'h1808028034;",
    to: "trap_psr = u_psr_psr & 64'h1808028034;",
  },
  {
    property: 'P5',
    name: 'epc-any-page',
    file: 'vti_core.v',
    description: '§3.2 without the ar = 7 check: epc promotes to the page pl on any page',
    from: "if ((~u_psr_psr[36]) | (page_ar == 3'h7)) begin",
    to: "if (1'b1) begin",
  },
  {
    property: 'P6',
    name: 'bsw-not-privileged',
    file: 'vti_core.v',
    line: '  assign priv_op = ',
    description: '§2 broken: bsw is missing from the Privileged Operation check, so it executes at cpl != 0',
    from: '(ev_valid & (iclass == ICLASS_BSW))',
    to: "1'b0",
  },
];

/** The primary broken variant of property `p`, or its variant called `name`. */
export function mutantFor(p: PropName, name?: string): PropertyMutant {
  const v = PROPERTY_MUTANTS.find((x) => x.property === p && (name === undefined || x.name === name));
  if (!v) throw new Error(`no broken variant ${name ?? ''} for ${p}`.replace('  ', ' '));
  return v;
}

/** The core's files with the variant's edit applied (exactly once). */
export function applyMutant(files: Readonly<Record<string, string>>, v: PropertyMutant): Record<string, string> {
  const text = files[v.file];
  if (text === undefined) throw new Error(`variant ${v.name}: no file ${v.file}`);
  const lines = text.split('\n');
  const at = lines
    .map((l, i) => [l, i] as const)
    .filter(([l]) => (v.line ? l.startsWith(v.line) : true) && l.includes(v.from));
  const count = at.reduce((n, [l]) => n + l.split(v.from).length - 1, 0);
  if (count !== 1)
    throw new Error(
      `variant ${v.name}: '${v.from}' occurs ${count} times in ${v.file}${v.line ? ` (lines '${v.line}…')` : ''}, expected once`,
    );
  const i = at[0]![1];
  lines[i] = lines[i]!.replace(v.from, v.to);
  return { ...files, [v.file]: lines.join('\n') };
}
