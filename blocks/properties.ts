// The safety properties of the four blocks, each a sentence of blocks.md / architecture.md
// written in the eDSL over the block's ports: `s('psr')` is a port's value in the current
// cycle, past() its value one clock earlier (clocked blocks). formal/property-checker.ts builds
// one checker module from them (an m.assert per sentence), binds it to the design and proves it
// (formal/property-prover.ts). They hold for the references and must hold for the generated RTL
// (test/formal/property-prover.test.ts). One function per block; registry.ts says which block has which.
import type { VtiConfig } from '../arch/config.js';
import { priorityIndex } from '../arch/priority.js';
import { PSR_OP, type PsrOpName } from '../arch/psr-op.js';
import { PSR_BIT, PSR_RESERVED_MASK } from '../arch/psr.js';
import { VECTOR } from '../arch/cr.js';
import { type Bit, cat, fieldsOf, mux, past, type Value } from '../hdl/dsl/index.js';
import { PsrBundle } from '../hdl/vti/psr-type.js';

/** A port of the design by name, as the checker module sees it (an error names a missing port). */
export type PortOf = (name: string) => Value;

/** A safety property of one design, as formal/property-prover.ts proves it. */
export interface Property {
  /** The sentence; also the message of the checker's m.assert. */
  readonly name: string;
  /** Built inside the checker module: 1 when the property holds in this cycle. */
  readonly holds: (s: PortOf) => Value;
}

const any = (vs: readonly Value[]): Value => vs.reduce((a, b) => a.or(b));
const all = (vs: readonly Value[]): Value => vs.reduce((a, b) => a.and(b));

/** The previous cycle was a normal (non-reset) cycle running one of `ops` (blocks.md). */
const after = (s: PortOf, ops: readonly PsrOpName[]): Bit =>
  past(s('rst'))
    .not()
    .and(any(ops.map((o) => past(s('op')).eq(PSR_OP[o]))))
    .asBit();

export function psrProperties({ vmImplemented: vt }: Pick<VtiConfig, 'vmImplemented'>): Property[] {
  const psr = (s: PortOf) => fieldsOf(PsrBundle, s('psr'));
  const prev = (s: PortOf) => fieldsOf(PsrBundle, past(s('psr')));
  /** The previous cycle was a reset, or `v` held. */
  const unlessReset = (s: PortOf, v: Value) => past(s('rst')).or(v);
  return [
    { name: 'reserved PSR bits always read 0', holds: (s) => s('psr').and(PSR_RESERVED_MASK).eq(0) },
    {
      name: 'rsv_fault = 1 leaves the PSR unchanged',
      holds: (s) =>
        unlessReset(
          s,
          past(s('rsv_fault'))
            .not()
            .or(s('psr').eq(past(s('psr')))),
        ),
    },
    {
      name: 'ipsr_save is psr with ri <- slot',
      holds: (s) =>
        s('ipsr_save').eq(cat(s('psr').bits(63, PSR_BIT.ri + 2), s('slot'), s('psr').bits(PSR_BIT.ri - 1, 0))),
    },
    {
      name: 'cpl changes only by EPC, RFI or INTERRUPT',
      holds: (s) =>
        unlessReset(
          s,
          psr(s)
            .cpl.eq(prev(s).cpl)
            .or(after(s, ['EPC', 'RFI', 'INTERRUPT'])),
        ),
    },
    {
      name: 'EPC never lowers privilege (cpl never grows)',
      holds: (s) =>
        after(s, ['EPC'])
          .not()
          .or(psr(s).cpl.ule(prev(s).cpl)),
    },
    {
      name: 'vm changes only by VMSW0/1, RFI or INTERRUPT',
      holds: (s) =>
        unlessReset(
          s,
          psr(s)
            .vm.eq(prev(s).vm)
            .or(after(s, ['INTERRUPT', 'RFI', 'VMSW0', 'VMSW1'])),
        ),
    },
    {
      name: 'INTERRUPT clears vm, cpl, ic, i, bn and ri',
      holds: (s) => {
        const p = psr(s);
        return after(s, ['INTERRUPT'])
          .not()
          .or(all([p.vm, p.cpl, p.ic, p.i, p.bn, p.ri].map((f) => f.eq(0))));
      },
    },
    ...(vt ? [] : [{ name: 'vm is tied to 0 without VT-i', holds: (s: PortOf) => psr(s).vm.eq(0) }]),
  ];
}

export function vmswProperties({ vmImplemented: vt }: Pick<VtiConfig, 'vmImplemented'>): Property[] {
  const verdicts = ['illegal_op', 'priv_op', 'virt_fault', 'commit'] as const;
  return [
    {
      name: 'valid: exactly one of illegal_op, priv_op, virt_fault, commit; else none',
      holds: (s) => {
        const count = verdicts.map((n) => s(n).zext(3)).reduce((a, b) => a.add(b));
        return mux(s('valid'), count.eq(1), count.eq(0));
      },
    },
    {
      name: 'vm_next = commit ? to_vm : psr_vm',
      holds: (s) => s('vm_next').eq(mux(s('commit'), s('to_vm'), s('psr_vm'))),
    },
    {
      name: 'commit only at cpl 0 on an it = 1, ar = 7 page with VM and vmsw enabled',
      holds: (s) =>
        s('commit')
          .not()
          .or(all([s('cpl').eq(0), s('psr_it'), s('itlb_ar').eq(7), s('vm_disabled').not(), s('vmsw_disabled').not()])),
    },
    vt
      ? {
          name: 'cpl != 0 always takes Privileged Operation',
          holds: (s) => s('valid').and(s('cpl').ne(0)).not().or(s('priv_op')),
        }
      : { name: 'without VT-i every vmsw is an Illegal Operation', holds: (s) => s('valid').not().or(s('illegal_op')) },
  ];
}

export function addrCheckProperties(): Property[] {
  return [
    { name: 'physical accesses are never monitor-only', holds: (s) => s('phys').and(s('monitor_only')).not() },
    {
      name: 'monitor-only addresses are implemented for the VMM (vm = 0)',
      holds: (s) => s('monitor_only').and(s('vm').not()).and(s('unimpl')).not(),
    },
    {
      name: 'monitor-only addresses are unimplemented for a guest (vm = 1)',
      holds: (s) => s('monitor_only').and(s('vm')).not().or(s('unimpl')),
    },
  ];
}

/** The `kind` output's code for a fault (blocks.md "vti_fault_prio": interrupt 0, fault 1, trap 2). */
const KIND_FAULT = 1;

export function faultPrioProperties(): Property[] {
  const virt = priorityIndex('virtualization');
  return [
    { name: 'valid = some bit of pending is set', holds: (s) => s('valid').eq(s('pending').ne(0)) },
    {
      name: 'onehot is one-hot or zero, and a pending row',
      holds: (s) => {
        const onehot = s('onehot');
        return onehot
          .and(onehot.sub(1))
          .eq(0)
          .and(onehot.and(s('pending').not()).eq(0));
      },
    },
    {
      name: 'no pending row ranks above the winner',
      holds: (s) =>
        s('valid')
          .not()
          .or(s('onehot').sub(1).and(s('pending')).eq(0)),
    },
    {
      name: 'index names the onehot bit; all zero when not valid',
      holds: (s) =>
        mux(
          s('valid'),
          s('onehot').shr(s('index')).eq(1),
          all(['index', 'onehot', 'iva_offset', 'isr_code', 'kind'].map((n) => s(n).eq(0))),
        ),
    },
    {
      name: 'Virtualization (rank 35) dispatches to 0x6100 as a fault with code 0',
      holds: (s) =>
        s('onehot')
          .bit(virt)
          .not()
          .or(all([s('iva_offset').eq(VECTOR.virtualization), s('isr_code').eq(0), s('kind').eq(KIND_FAULT)])),
    },
  ];
}
