// vti_core, part 2 of 3: the dispatch (architecture.md §4). The interruptions the checks
// raised and those the environment reports form the pending vector; vti_fault_prio picks the
// winner. From the winner's row (its columns in arch/priority.ts) follow the vector, ISR.code,
// which address IFA reports, and Data Nested TLB while PSR.ic = 0. A trap is delivered after
// its instruction completed, so the state it saves is the state after that instruction's own
// effect, computed here too. core-commit.ts registers all of it.
import { CR, DCR_BIT, VECTOR } from '../../arch/cr.js';
import { isIrRow, priorityIndex, type PriorityRow } from '../../arch/priority.js';
import { cat, fieldsOf, mux, type Bit, type ModuleBuilder, type Value } from '../dsl/index.js';
import type { vtiFaultPrio } from './fault-prio.js';
import { CORE_DECIDED_ROWS, type CoreChecks } from './core-checks.js';
import { ONE_SHOT_PSR_MASK, type ClassTests, type CoreEvent, type CoreState } from './core-inputs.js';
import { interruptionState, psrNext } from './psr-next.js';
import { PsrBundle } from './psr-type.js';

/** Rows without a data access that a non-access instruction still reports with ISR.na (model/exec/compile-tlb.ts). */
const NON_ACCESS_FAULT_ROWS: ReadonlySet<string> = new Set(['priv_op', 'reg_nat', 'virtualization']);

export interface CoreDispatch {
  /** An interruption is delivered for this event. */
  readonly dispatch: Bit;
  /** The event's instruction completes with no interruption. */
  readonly done: Bit;
  /** The winner is a trap (delivered after its instruction completed). */
  readonly isTrap: Bit;
  /** dispatch and isTrap. */
  readonly trapWin: Bit;
  /** The winner reports a data access (IFA ← addr, ISR.r/w/na). */
  readonly dataWin: Bit;
  /** The winner reports an instruction fetch (IFA ← ip, ISR.x). */
  readonly instWin: Bit;
  /** The winner is Break Instruction (IIM ← imm21). */
  readonly breakWin: Bit;
  /**
   * The winner is an IR row (arch/priority.ts isIrRow): a fault on a mandatory RSE load of
   * the current frame, reported as an RSE read (ISR.ir, rs, r), not as the instruction's access.
   */
  readonly irWin: Bit;
  /** The winner is Register NaT Consumption (a load's or store's reports ISR.r / ISR.w). */
  readonly regNatWin: Bit;
  /**
   * The winner is a fault a non-access instruction reports with ISR.na, its code{3:0} and r/w
   * (model/exec: every fault tpa, tak, fc, probe and lfetch.fault raise themselves — Privileged
   * Operation, Register NaT Consumption, Virtualization and the data-reference faults).
   */
  readonly nonAccessWin: Bit;
  /** Delivered as Data Nested TLB (PSR.ic = 0 and a data TLB-class winner). */
  readonly nested: Bit;
  /** state.oneShot and the event is not an rfi: its completion clears id, da, dd, ed, ia. */
  readonly oneShotClear: Bit;
  /** The vector offset from IVA (15 bits). */
  readonly vector: Value;
  /** ISR.code (16 bits): a trap's has the bit of every pending trap. */
  readonly isrCode: Value;
  /**
   * The PSR after the instruction's own command and, when state.oneShot, with the
   * one-instruction bits (id, da, dd, ed, ia) cleared (what a trap saves in IPSR).
   */
  readonly psrAfter: Value;
  /** The interruption state a trap loads: computed from psrAfter and DCR after the instruction. */
  readonly trapPsr: Value;
  /** PSR.ic as the dispatch sees it: after the instruction for traps, before it otherwise. */
  readonly icDispatch: Bit;
  /** dispatch, icDispatch and not nested: the dispatch saves IPSR, IIP, IFS, IIB0/1 (and IFA, IIM). */
  readonly savesState: Bit;
  /** The winner is a fault or an interrupt. */
  readonly nonTrapWin: Bit;
  /** done or trapWin: the instruction's own effect is applied. */
  readonly effect: Bit;
  /** IVA{63:15} after the instruction (a mov to IVA takes effect before its trap). */
  readonly ivaBaseAfter: Value;
}

/** The dispatch's inputs besides the module. */
export interface DispatchInputs {
  readonly ev: CoreEvent;
  readonly state: CoreState;
  readonly cls: ClassTests;
  readonly checks: CoreChecks;
  /** The vti_fault_prio block for `table`, instantiated here as u_prio. */
  readonly prioBlock: ReturnType<typeof vtiFaultPrio>;
  readonly table: readonly PriorityRow[];
  readonly vmImplemented: boolean;
}

export function coreDispatch(m: ModuleBuilder, inp: DispatchInputs): CoreDispatch {
  const { ev, state, cls, checks, table } = inp;
  const { psr, ic, cr } = state;
  const n = table.length;

  // ---- the pending vector and the winner ----
  // The environment's rows arrive straight from the inputs; the rows the core decides come
  // late, after its checks. So the winner is found in two steps: vti_fault_prio picks the
  // environment's winner (u_prio_env, early), and the few core rows are merged after it: a
  // core row wins when it is raised, no environment row above it is pending (a prefix OR of
  // the inputs, early) and no core row above it is raised. Each late signal then passes a
  // few gates, not the whole priority chain.
  const own = CORE_DECIDED_ROWS.flatMap((name) => {
    const at = priorityIndex(name, table);
    const row = table[at];
    return row ? [{ name, at, row }] : [];
  }).sort((a, b) => a.at - b.at);
  const ownBits: Value[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const hit = own.find((r) => r.at === i);
    ownBits.push(hit ? checks.raised[hit.name] : m.lit(0, 1));
  }
  const envValid = ev.envPending.and(ev.valid.repeat(n));
  const pending = m.named('pending', envValid.or(cat(...ownBits)));
  const ownMask = own.reduce((acc, r) => acc | (1n << BigInt(r.at)), 0n);
  const envOnly = m.named('env_only', envValid.and(~ownMask & ((1n << BigInt(n)) - 1n)));
  const prio = m.instance('u_prio_env', inp.prioBlock, { pending: envOnly });
  const envAny = prio.valid.asBit();
  /** Some environment row above row `at` is pending. */
  const envAbove = (at: number): Bit => (at === 0 ? m.lit(0, 1).asBit() : envOnly.bits(at - 1, 0).orR());
  // The core row `r` is pending (raised, or reported by the environment: same row).
  const ownPendingRows = own.map((r) => ({ ...r, pending: m.named(`own_${r.name}`, pending.bit(r.at)).asBit() }));
  const ownPending = ownPendingRows.map((r) => r.pending);
  const ownRows = ownPendingRows.map((r, j) => ({
    ...r,
    win: m
      .named(
        `win_${r.name}`,
        ownPending.slice(0, j).reduce((acc: Bit, above) => acc.and(above.not()), r.pending.and(envAbove(r.at).not())),
      )
      .asBit(),
  }));
  const envWins = m.named(
    'env_wins',
    ownRows.reduce((acc: Bit, r) => acc.and(r.pending.not().or(envAbove(r.at))), envAny),
  );
  /**
   * The winner is a row for which `pred` holds. Per run of adjacent such rows [a, b): the
   * winner is in it when nothing above a is pending and something in it is — flat ORs of the
   * pending vector, with the late core rows among their inputs, instead of the chain
   * through the winner.
   */
  const winIs = (pred: (row: PriorityRow) => boolean): Bit => {
    const runs: [number, number][] = [];
    table.forEach((r, i) => {
      if (!pred(r)) return;
      const last = runs.at(-1);
      if (last && last[1] === i) last[1] = i + 1;
      else runs.push([i, i + 1]);
    });
    const terms = runs.map(([a, b]) => {
      const inRun = pending.bits(b - 1, a).orR();
      return a === 0
        ? inRun
        : inRun.and(
            pending
              .bits(a - 1, 0)
              .orR()
              .not(),
          );
    });
    return terms.length ? (terms.reduce((x, y) => x.or(y)) as Bit) : m.lit(0, 1).asBit();
  };
  /** The winner's value of a column of the table (`width` bits; 0 when nothing is pending). */
  const column = (width: number, fromEnv: Value, value: (row: PriorityRow) => number): Value =>
    ownRows.reduce(
      (acc: Value, r) => {
        const v = value(r.row);
        return v ? acc.or(mux(r.win, m.lit(v, width), m.lit(0, width))) : acc;
      },
      mux(envWins, fromEnv, m.lit(0, width)),
    );
  const isTrap = m.named(
    'is_trap',
    winIs((r) => r.kind === 'trap'),
  );
  const dataWin = m.named(
    'data_win',
    winIs((r) => r.access === 'data'),
  );
  const instWin = winIs((r) => r.access === 'fetch');
  const nested = m.named('nested', ic.not().and(winIs((r) => r.whenIcOff === 'data_nested_tlb')));
  const dispatch = m.named(
    'dispatch',
    ownPending.reduce((acc: Bit, p) => acc.or(p), envAny),
  );
  const done = m.named('done', ev.valid.and(dispatch.not()));
  const vector = mux(
    nested,
    m.lit(VECTOR.dataNestedTlb, 15),
    column(15, prio.iva_offset, (r) => r.vector),
  );
  // Several traps of one instruction are one interruption (the winner's vector) whose
  // ISR.code has every pending trap's bit (architecture.md §5: trap codes are bits).
  const trapCodeBits: Value[] = [];
  for (let b = 15; b >= 0; b--) {
    const mask = table.reduce(
      (acc, r, i) => (r.kind === 'trap' && (r.isrCode >> b) & 1 ? acc | (1n << BigInt(i)) : acc),
      0n,
    );
    trapCodeBits.push(mask ? pending.and(mask).orR() : m.lit(0, 1));
  }
  const trapCode = m.named('trap_code', cat(...trapCodeBits));
  const isrCode = mux(
    nested,
    m.lit(0, 16),
    mux(
      isTrap,
      trapCode,
      column(16, prio.isr_code, (r) => r.isrCode),
    ),
  );

  // ---- the state after the instruction, for traps ----
  // A trap is delivered after its instruction completed (§4): IPSR, ISR.ni, the
  // interruption state and the vector base are those *after* the instruction's own effect
  // (its PSR command, a mov to DCR or IVA). The PSR after it is the same next-state logic
  // vti_psr uses, built here combinationally.
  const crAfter = (k: 'DCR' | 'IVA', hi: number, lo: number) =>
    mux(checks.movToCr.and(ev.crNum.eq(CR[k])), ev.r2.bits(hi, lo), cr[k].bits(hi, lo));
  const dcrAfter = m.named('dcr_be_pp_after', crAfter('DCR', DCR_BIT.be, DCR_BIT.pp)); // {be, pp}
  const ivaBaseAfter = m.named('iva_base_after', crAfter('IVA', 63, 15));
  // (The instruction's own command is never INTERRUPT, so that arm is left out.) These values
  // are used only when the instruction completes or a trap follows it, and then it raised no
  // Reserved Register/Field fault: the command is applied without waiting for that check (a
  // wide OR of the operand), so they differ from the PSR after a faulting command, and their
  // names say so.
  const psrAfterOwn = psrNext(
    m,
    'psr_after_cmd',
    { psr, op: checks.command.op, operand: checks.command.operand, rsvFault: m.lit(0, 1).asBit() },
    inp.vmImplemented,
  ).next;
  // The one-instruction bits the last rfi restored are cleared once this instruction
  // completes (before a trap after it saves IPSR), unless it is an rfi loading new ones.
  const oneShotClear = m.named('one_shot_clear', state.oneShot.and(cls.is('RFI').not())).asBit();
  const psrAfter = m.named(
    'psr_after_done',
    mux(oneShotClear, psrAfterOwn.and(~ONE_SHOT_PSR_MASK & 0xffff_ffff_ffff_ffffn), psrAfterOwn),
  );
  const trapPsr = interruptionState(m, 'trap_load_psr', psrAfter, dcrAfter.bit(DCR_BIT.be), dcrAfter.bit(DCR_BIT.pp));
  const trapWin = m.named('trap_win', dispatch.and(isTrap)).asBit();
  const icAfter = fieldsOf(PsrBundle, psrAfter).ic.asBit();
  const icDispatch = m.named('ic_dispatch', mux(isTrap, icAfter, ic));
  // icDispatch and not nested, without waiting for `nested` where it cannot matter: a fault
  // or an interrupt with ic = 1 is never nested (nested needs ic = 0), and a trap is nested
  // only if some trap row turns into Data Nested TLB (none in the architecture's table).
  const trapMayNest = table.some((r) => r.kind === 'trap' && r.whenIcOff === 'data_nested_tlb');
  // dispatch and icDispatch and not nested, as two flat terms: the winner is not a trap and
  // ic = 1, or it is a trap and ic after the instruction = 1.
  const nonTrapWin = m.named(
    'non_trap_win',
    winIs((r) => r.kind !== 'trap'),
  );
  const savesState = m.named(
    'saves_state',
    nonTrapWin.and(ic).or(isTrap.and(trapMayNest ? icAfter.and(nested.not()) : icAfter)),
  );
  // done or trapWin: the event is valid and the winner, if any, is not a fault or interrupt.
  const effect = m.named('effect', ev.valid.and(nonTrapWin.not()));
  const breakWin = winIs((r) => r.name === 'break_inst');
  const irWin = m.named('ir_win', winIs(isIrRow)).asBit();
  const regNatWin = winIs((r) => r.name === 'reg_nat');
  const nonAccessWin = m.named(
    'non_access_win',
    // (An IR row's data access is the RSE's, not the instruction's: no ISR.na.)
    winIs((r) => (r.access === 'data' && !isIrRow(r)) || NON_ACCESS_FAULT_ROWS.has(r.name)),
  );

  return {
    dispatch,
    done,
    isTrap,
    trapWin,
    dataWin,
    instWin,
    breakWin,
    irWin,
    regNatWin,
    nonAccessWin,
    oneShotClear,
    nested,
    vector,
    isrCode,
    psrAfter,
    trapPsr,
    icDispatch,
    savesState,
    nonTrapWin,
    effect,
    ivaBaseAfter,
  };
}
