// Deliberately broken variants of the core, at least one per property (the first of each
// property is its primary variant, mutantFor(p)): each is an eDSL fault injection
// (hdl/dsl/faults.ts) into one named signal of a block, breaking exactly the spec rule its
// property depends on. The negative tests prove that the property then FAILS, with a
// counterexample that is a case of that rule. A fault whose module or signal no longer exists
// is an elaboration error, never a silent no-op.
import { ICLASS } from '../../arch/iclass.js';
import { PSR_KEPT_MASK } from '../../arch/psr.js';
import { type Fault, fieldsOf, withField } from '../../hdl/dsl/index.js';
import { PsrBundle } from '../../hdl/vti/psr-type.js';
import type { PropName } from './properties.js';

export interface PropertyMutant {
  readonly property: PropName;
  readonly name: string;
  /** The spec rule the faults break. */
  readonly description: string;
  readonly faults: readonly Fault[];
}

const ALL_64 = (1n << 64n) - 1n;

export const PROPERTY_MUTANTS: readonly PropertyMutant[] = [
  {
    property: 'P1',
    name: 'vmsw-without-ar7',
    description: '§3.1 step 3 without the page check: vmsw commits on a page whose access rights are not 7',
    faults: [
      {
        module: 'vti_vmsw',
        signal: 'switch_allowed',
        value: (s) => s.signal('psr_it').and(s.signal('vm_disabled').not()).and(s.signal('vmsw_disabled').not()),
      },
    ],
  },
  {
    property: 'P2',
    name: 'guest-va-not-shrunk',
    description: '§7 without the guest limit: with vm = 1 addresses are checked against the VMM IMPL_VA_MSB',
    faults: [{ module: 'vti_addr_check', signal: 'guest_impl', value: (s) => s.signal('vmm_impl') }],
  },
  {
    property: 'P3',
    name: 'nat-unchecked-in-guest',
    description: '§1.3 broken: Register NaT Consumption is not checked with vm = 1, so the Virtualization fault wins',
    faults: [
      {
        module: 'vti_core',
        signal: 'reg_nat',
        value: (s) => s.original.and(fieldsOf(PsrBundle, s.signal('u_psr_psr')).vm.not()),
      },
    ],
  },
  {
    property: 'P4',
    name: 'interrupt-keeps-vm',
    description: '§4 step 4 broken: the interruption state keeps PSR.vm instead of clearing it',
    faults: [
      {
        // The core computes the interruption state a fault or an interrupt loads (vti_psr loads it).
        module: 'vti_core',
        signal: 'psr_intr',
        value: (s) => withField(PsrBundle, s.original, 'vm', fieldsOf(PsrBundle, s.signal('u_psr_psr')).vm),
      },
    ],
  },
  {
    property: 'P4',
    name: 'trap-psr-before',
    description:
      '§4 broken for traps: the interruption state of a trap keeps the kept bits of the PSR before the trapping instruction, not after it (the instruction completed)',
    faults: [
      {
        module: 'vti_core',
        signal: 'trap_load_psr',
        value: (s) => s.original.and(ALL_64 & ~PSR_KEPT_MASK).or(s.signal('u_psr_psr').and(PSR_KEPT_MASK)),
      },
    ],
  },
  {
    property: 'P5',
    name: 'epc-any-page',
    description: '§3.2 without the ar = 7 check: epc promotes to the page pl on any page',
    faults: [{ module: 'vti_core', signal: 'epc_promotes', value: (s) => s.lit(1, 1) }],
  },
  {
    property: 'P6',
    name: 'bsw-not-privileged',
    description: '§2 broken: bsw is missing from the Privileged Operation check, so it executes at cpl != 0',
    faults: [
      {
        module: 'vti_core',
        signal: 'priv_op',
        value: (s) => s.original.and(s.signal('ev_valid').and(s.signal('iclass').eq(ICLASS.BSW.code)).not()),
      },
    ],
  },
];

/** The primary broken variant of property `p`, or its variant called `name`. */
export function mutantFor(p: PropName, name?: string): PropertyMutant {
  const v = PROPERTY_MUTANTS.find((x) => x.property === p && (name === undefined || x.name === name));
  if (!v) throw new Error(`no broken variant ${name ?? ''} for ${p}`.replace('  ', ' '));
  return v;
}
