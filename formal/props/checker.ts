// `vti_props`: P1-P6 of docs/properties.md as eDSL properties (m.assert / m.cover) around
// vti_core. The checker instantiates the core with all its inputs free, computes the spec's
// facts about the event of each cycle (facts.ts) together with the PSR/IPSR/IVA/DCR the core
// shows before that event, keeps them one cycle (past()) and in the next cycle compares them
// with what the core committed (its registered outputs after the edge). So each ok_pN judges
// the event of the PREVIOUS cycle; past() enables the properties from the second cycle after a
// reset (the cycle after a reset is exempt: reset is the power-on state, not an instruction).
// cov_pN mark a step whose previous event is an interesting case of each antecedent
// (non-vacuity covers). o_* repeat the core's outputs and ok_pN / cov_pN are outputs too, so
// a trace can show them. Lowered like any eDSL property: immediate assertions under
// `ifdef FORMAL` (formal/props/sat.ts proves them), run-time checks in both simulators.
import type { VtiConfig } from '../../arch/config.js';
import { DCR_BIT, ISR_BIT, IVA_OFFSET_BITS, VECTOR } from '../../arch/cr.js';
import { ICLASS } from '../../arch/iclass.js';
import { NON_ACCESS } from '../../arch/non-access.js';
import { PRIORITY_TABLE, priorityIndex, type PriorityRowName } from '../../arch/priority.js';
import { PSR_BIT, PSR_KEPT_MASK } from '../../arch/psr.js';
import { type Bit, cat, defineModule, fieldsOf, type HdlModule, mux, past, type Value } from '../../hdl/dsl/index.js';
import { PsrBundle } from '../../hdl/vti/psr-type.js';
import { type FactEvent, specFacts } from './facts.js';
import type { PropName } from './properties.js';

export const TOP = 'vti_props';

/** The IVT offsets of §5 the core may dispatch to: every priority row's, plus Data Nested TLB. */
export function dispatchVectors(): number[] {
  return [...new Set([...PRIORITY_TABLE.map((r) => r.vector), VECTOR.dataNestedTlb])].sort((a, b) => a - b);
}

const FACT_INPUTS = [
  'ev_valid',
  'iclass',
  'variant',
  'imm',
  'r2',
  'r2_nat',
  'cr_num',
  'page_ar',
  'page_pl',
  'pfs_ppl',
  'addr',
  'has_addr',
  'ext_int',
  'env_pending',
  'vm_disabled',
  'vmsw_disabled',
] as const satisfies readonly (keyof FactEvent)[];

/** The message of property `p`'s assertion and of its cover (sat.ts finds them by this prefix). */
export const assertMessage = (p: PropName, text: string) => `${p}: ${text}`;
export const coverMessage = (p: PropName, text: string) => `${p} cover: ${text}`;

/** The checker around `core` (vti_core built for configuration `o`, possibly with faults). */
export function propsChecker(core: HdlModule, o: VtiConfig): HdlModule {
  return defineModule(
    TOP,
    (m) => {
      const clk = m.clock();
      const rst = m.reset();
      const ins: Record<string, Value> = { clk, rst };
      const ports = core.ir.signals.filter((s) => s.kind === 'input' || s.kind === 'output');
      for (const p of ports) if (p.kind === 'input' && !(p.name in ins)) ins[p.name] = m.input(p.name, p.width);
      for (const n of FACT_INPUTS) if (!ins[n]) throw new Error(`vti_core has no input ${n}`);
      const u = m.instance('u_core', core, ins) as Readonly<Record<string, Value>>;
      const out = (name: string): Value => {
        const v = u[name];
        if (!v) throw new Error(`vti_core has no output ${name}`);
        return v;
      };
      for (const p of ports) if (p.kind === 'output') m.output(`o_${p.name}`, p.width).set(out(p.name));
      const psr = fieldsOf(PsrBundle, out('psr'));
      const [taken, completed, vector, isr] = [out('taken'), out('completed'), out('intr_vector'), out('isr')];
      const [dcr, iva] = [out('dcr'), out('iva')];
      m.output('o_vm', 1).set(psr.vm);
      m.output('o_cpl', 2).set(psr.cpl);
      m.output('o_it', 1).set(psr.it);
      m.output('o_ic', 1).set(psr.ic);
      m.output('o_dt', 1).set(psr.dt);

      // ---- facts about this cycle's event, from the spec, and the state before it ----
      const ev = Object.fromEntries(FACT_INPUTS.map((n) => [n, ins[n]!])) as unknown as FactEvent;
      const f = specFacts(m, ev, out('psr'), o);
      const rfi = ev.ev_valid.and(ev.iclass.eq(ICLASS.RFI.code));
      // ISR.code{3:0} a non-access instruction's fault adds to the row's code (arch/non-access.ts).
      const naCode = Object.values(NON_ACCESS)
        .filter((k) => k.code !== 0)
        .reduce<Value>((rest, k) => mux(ins.non_access_kind!.eq(k.value), m.lit(k.code, 4), rest), m.lit(0, 4));

      // ---- the previous cycle: its facts and the state before its event ----
      const p = {
        vmsw0: past(f.vmsw0Allowed),
        guestBad: past(f.guestBadData),
        monitorOnly: past(f.monitorOnly),
        aboveUnimpl: past(f.aboveUnimpl),
        aboveVirt: past(f.aboveVirt),
        privCpl: past(f.privAtCpl),
        abovePriv: past(f.abovePriv),
        epcLegal: past(f.epcLegal),
        epcCpl: past(f.epcCpl),
        rfi: past(rfi),
        naCode: past(naCode),
        ipsrCpl: past(fieldsOf(PsrBundle, out('ipsr')).cpl),
        psr: past(out('psr')),
        ivaHi: past(iva.bits(63, IVA_OFFSET_BITS)),
        dcrBePp: past(cat(dcr.bit(DCR_BIT.be), dcr.bit(DCR_BIT.pp))),
      };
      const pPsr = fieldsOf(PsrBundle, p.psr);
      const vm = psr.vm;
      const cpl = psr.cpl;
      const virtTaken = taken.and(vector.eq(VECTOR.virtualization));
      const isrCode = isr.bits(15, 0);
      const ok = (name: PropName, v: Value): Bit => {
        const s = m.output(`ok_${name.toLowerCase()}`, 1);
        s.set(v);
        return s.asBit();
      };
      const cov = (name: PropName, v: Value): Bit => {
        const s = m.output(`cov_${name.toLowerCase()}`, 1);
        s.set(v);
        return s.asBit();
      };

      // P1: vm 1 -> 0 only by an interruption or a committed vmsw.0 that passes every §3.1 check.
      // Without VT-i the checker proves the stronger "vm is never 1" (§1: vm never becomes 1),
      // which implies P1 and, unlike P1 alone, is inductive: P1 by itself would also have to hold
      // from the unreachable states with vm = 1, where any PSR load (rfi, br.ret) clears vm.
      const okP1 = ok(
        'P1',
        o.vmImplemented ? pPsr.vm.and(vm.not()).not().or(taken).or(p.vmsw0.and(completed)) : vm.not(),
      );
      m.assert(okP1, assertMessage('P1', 'PSR.vm goes 1 -> 0 only by an interruption or a committed vmsw.0'));
      // P2: with vm = 1 (translation on) no data access to a guest-unimplemented address completes:
      // it is interrupted, by Unimplemented Data Address (0x5400, ISR.code 0x30, plus code{3:0} of
      // a non-access instruction) unless a higher-priority condition held.
      const unimplRow = row('unimpl_data_addr');
      const unimplCode = m.lit(unimplRow.isrCode, 16).or(p.naCode.zext(16));
      const okP2 = ok(
        'P2',
        p.guestBad
          .not()
          .or(
            taken.and(completed.not()).and(p.aboveUnimpl.or(vector.eq(unimplRow.vector).and(isrCode.eq(unimplCode)))),
          ),
      );
      m.assert(okP2, assertMessage('P2', 'with vm = 1 no data access to a guest-unimplemented address completes'));
      // P3: a Virtualization fault is never taken while a higher-priority condition held.
      const okP3 = ok('P3', virtTaken.not().or(p.aboveVirt.not()));
      m.assert(okP3, assertMessage('P3', 'no Virtualization fault while a higher-priority condition holds'));
      // P4: after an interruption: the interruption PSR of §4 (cpl 0, vm 0, ic 0, i 0, bn 0, ri 0,
      // be/pp from DCR, kept bits unchanged) and IP = IVA{63:15} || vector, an IVT offset of §5.
      // A fault or an interrupt sees the state before the event. A trap is delivered after its
      // instruction completed, so it sees the DCR/IVA after it (the dispatch writes neither) and
      // the PSR after it, which is IPSR when PSR.ic was 1 after the instruction (ISR.ni = 0);
      // with ic = 0 after it IPSR is not written and the kept bits are not checked.
      const trapVectors = [...new Set(PRIORITY_TABLE.filter((r) => r.kind === 'trap').map((r) => r.vector))];
      const isTrap = taken.and(anyVector(vector, trapVectors));
      const keptFrom = mux(isTrap, out('ipsr'), p.psr);
      const keptKnown = isTrap.not().or(isr.bit(ISR_BIT.ni).not());
      const dcrBePp = mux(isTrap, cat(dcr.bit(DCR_BIT.be), dcr.bit(DCR_BIT.pp)), p.dcrBePp);
      const ivaHi = mux(isTrap, iva.bits(63, IVA_OFFSET_BITS), p.ivaHi);
      const intrPsr = keptFrom
        .and(PSR_KEPT_MASK)
        .or(dcrBePp.bit(1).zext(64).shl(PSR_BIT.be))
        .or(dcrBePp.bit(0).zext(64).shl(PSR_BIT.pp));
      const all64 = (1n << 64n) - 1n;
      const compared = mux(keptKnown, m.lit(all64, 64), m.lit(all64 & ~PSR_KEPT_MASK, 64));
      const okP4 = ok(
        'P4',
        taken.not().or(
          out('psr')
            .xor(intrPsr)
            .and(compared)
            .eq(0)
            .and(cpl.eq(0))
            .and(vm.not())
            .and(out('redirect'))
            .and(out('next_ip').eq(cat(ivaHi, vector)))
            .and(out('next_slot').eq(0))
            .and(completed.not())
            .and(anyVector(vector, dispatchVectors())),
        ),
      );
      m.assert(okP4, assertMessage('P4', 'after any interruption cpl = 0, vm = 0 and IP = IVA{63:15} || vector'));
      // P5: cpl decreases only by an interruption, a completed rfi (to IPSR.cpl) or a completed legal
      // epc (to the cpl of §3.2).
      const okP5 = ok(
        'P5',
        cpl
          .ult(pPsr.cpl)
          .not()
          .or(taken)
          .or(p.rfi.and(completed).and(cpl.eq(p.ipsrCpl)))
          .or(p.epcLegal.and(completed).and(cpl.eq(p.epcCpl))),
      );
      m.assert(okP5, assertMessage('P5', 'cpl becomes smaller only by an interruption, rfi or epc'));
      // P6: a privileged instruction (or vmsw) at cpl != 0 does not complete; it is interrupted, never
      // by a Virtualization fault, and by Privileged Operation (0x5400, ISR.code 0x10, plus
      // code{3:0} of a non-access instruction) unless a higher-priority condition held.
      const privRow = row('priv_op');
      const privCode = m.lit(privRow.isrCode, 16).or(p.naCode.zext(16));
      const okP6 = ok(
        'P6',
        p.privCpl.not().or(
          taken
            .and(completed.not())
            .and(virtTaken.not())
            .and(p.abovePriv.or(vector.eq(privRow.vector).and(isrCode.eq(privCode)))),
        ),
      );
      m.assert(okP6, assertMessage('P6', 'at cpl != 0 no privileged instruction executes'));

      // ---- non-vacuity covers ----
      const covers: Record<PropName, [Value, string]> = {
        P1: [pPsr.vm.and(vm.not()).and(taken.not()).and(p.vmsw0).and(completed), 'vm 1 -> 0 by a committed vmsw.0'],
        P2: [p.monitorOnly, 'a guest data access to a monitor-only address'],
        P3: [virtTaken, 'a Virtualization fault is taken'],
        P4: [taken.and(pPsr.vm).and(pPsr.cpl.ne(0)), 'an interruption from a guest at cpl != 0'],
        P5: [cpl.ult(pPsr.cpl).and(taken.not()), 'cpl decreases without an interruption'],
        P6: [p.privCpl.and(p.abovePriv.not()), 'the Privileged Operation case'],
      };
      for (const [name, [v, text]] of Object.entries(covers) as [PropName, [Value, string]][])
        m.cover(cov(name, v), coverMessage(name, text));
    },
    { doc: 'vti_props: P1-P6 of docs/properties.md over vti_core (formal/props/checker.ts).' },
  );
}

/** A row of the architecture's priority table by name. */
const row = (name: PriorityRowName) => PRIORITY_TABLE[priorityIndex(name)]!;

/** 1 when `vector` is one of `vectors`. */
function anyVector(vector: Value, vectors: readonly number[]): Bit {
  return vectors.map((v) => vector.eq(v)).reduce((a, b) => a.or(b)) as Bit;
}
