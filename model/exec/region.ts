// Block compilation (issue 13): a run of consecutive bundles of one code page, generated as one
// JavaScript function that falls through from bundle to bundle and follows taken branches to
// any bundle of the run without returning to the dispatcher (run.ts). Simple instructions (ALU,
// compares, the IP-relative br.cond: region-inline.ts) are written out inline, on locals that
// hold the general registers they use (RegLocals); every other slot
// calls its closure with the per-bundle function's bookkeeping (codegen.ts): m.slot for closures
// that read it, IIPA, pending traps (taken at once, then back to the dispatcher), faults, halt.
// Control goes back to the dispatcher when it leaves the run, when the step budget cannot cover
// the next bundle, and whenever an instruction may have changed what the region assumes: a
// pending trap, PSR.ss or PSR.tb set (the region raises neither the Single Step nor the Taken
// Branch trap itself), a write to any code page (self-modifying code: mem.codeWrites), a
// translation change (xlateEpoch: TLB inserts and purges, RR/PKR/PSR changes), a cpl or vm
// change (the fetch's translation context). Hook for checks on the access path (e.g. debug
// faults under PSR.db): loads and stores always go through their closures, never inline.
import type { Insn } from '../decode/insn.js';
import { jump } from './compile-br.js';
import type { Exec, Machine } from './machine.js';
import { type GrNames, inlineBody, inlineBranch } from './region-inline.js';

/**
 * Runs the region from its bundle at page index `k`, slot `start`, until control leaves it or
 * `limit` total steps would be exceeded by the next bundle (the dispatcher steps that tail).
 * Entered only with no pending trap and PSR.ss = tb = 0 (run.ts); it leaves as soon as an
 * instruction changes any of these.
 */
export type RegionRun = (k: number, start: number, limit: number) => void;

/** One bundle of a region: its decoded slots and their closures as compiled for the per-bundle path. */
export interface RegionBundle {
  readonly insns: readonly Insn[];
  readonly exec: readonly (Exec | null)[];
  readonly qp: Uint8Array;
  readonly pure: readonly boolean[];
  readonly n: number;
}

type Advance = (m: Machine, lastSlot: number) => void;

/** How a region runs one slot: nothing (nop), source text, an inline branch, or its closure. */
type SlotPlan =
  | { readonly kind: 'nop' }
  | { readonly kind: 'inline'; readonly body: string }
  | { readonly kind: 'branch'; readonly lo: number; readonly hi: number }
  | {
      readonly kind: 'call';
      readonly pure: boolean;
      readonly branch: boolean;
      /** The only general register the closure may write (reloaded after it), or null: any. */
      readonly writes: number | null;
    };

/**
 * Classes whose closure writes no general register but its r1 (if any) and never switches the
 * register bank: after them the region reloads r1 alone. (Stacked registers, which alloc,
 * calls, returns and rotation move, are never held in locals: inline bodies name r0-r31 only.)
 */
const WRITES_AT_MOST_R1 = new Set([
  'mov_from_cr',
  'mov_to_cr',
  'mov_from_ar',
  'mov_to_ar',
  'mov_to_ar_imm',
  'mov_from_psr',
  'mov_from_psr_um',
  'mov_to_psr_l',
  'mov_to_psr_um',
  'sum',
  'rum',
  'ssm',
  'rsm',
  'srlz',
  'shl',
  'shru',
  'shr',
  'extr',
  'depz',
  'depzi',
  'dep',
  'depi',
  'shrp',
  'zxt',
  'sxt',
  'addp4',
  'addp4i',
  'shladdp4',
  'mm',
  'movl',
  'mov_from_pr',
  'mov_from_br',
  'mov_from_ip',
  'mov_to_pr',
  'mov_to_br',
  'tbit',
  'tnat',
  'cmp',
  'cmpi',
  'add',
  'add1',
  'sub',
  'sub1',
  'addi',
  'subi',
  'and',
  'andcm',
  'or',
  'xor',
  'andi',
  'andcmi',
  'ori',
  'xori',
  'shladd',
]);

/** Classes among the pure ones that may change control, the PSR or the frame (always a JUMP when they do). */
const BRANCH_CLASSES = new Set(['br_cond', 'br_ind', 'br_cloop', 'br_call', 'br_call_ind', 'br_ret']);

/**
 * The region's locals for the general registers its inline bodies use (`l8`, `h8`, `n8` for
 * r8; r0 reads as the constant 0): loaded at entry, written back before every closure and
 * whenever control leaves the region, loaded again after every closure (which may write any
 * register, or switch the bank of r16-r31).
 */
class RegLocals implements GrNames {
  readonly used = new Set<number>();
  readonly written = new Set<number>();
  private pending: number[] = [];
  private pendingWrites: number[] = [];
  lo(r: number): string {
    return this.name('l', r);
  }
  hi(r: number): string {
    return this.name('h', r);
  }
  nat(r: number): string {
    return this.name('n', r);
  }
  wrote(r: number): void {
    this.pendingWrites.push(r);
  }
  private name(k: string, r: number): string {
    if (r === 0) return '0';
    this.pending.push(r);
    return `${k}${r}`;
  }
  /** Keeps (or drops) the registers named since the last call. */
  settle(keep: boolean): void {
    if (keep) {
      for (const r of this.pending) this.used.add(r);
      for (const r of this.pendingWrites) this.written.add(r);
    }
    this.pending = [];
    this.pendingWrites = [];
  }
  declare(): string {
    return [...this.used].map((r) => `l${r} = L[${r}], h${r} = H[${r}], n${r} = N[${r}]`).join(', ');
  }
  /** Reloads the locals after a closure that may write `writes` only (null: any register). */
  load(writes: number | null): string {
    return [...this.used]
      .filter((r) => writes === null || r === writes)
      .map((r) => `l${r} = L[${r}]; h${r} = H[${r}]; n${r} = N[${r}];`)
      .join(' ');
  }
  store(): string {
    return [...this.written].map((r) => `L[${r}] = l${r}; H[${r}] = h${r}; N[${r}] = n${r};`).join(' ');
  }
}

function planSlot(b: RegionBundle, i: number, regs: RegLocals): SlotPlan {
  if (b.exec[i] === null) return { kind: 'nop' };
  const ins = b.insns[i]!;
  if (b.pure[i]) {
    const d = inlineBranch(ins);
    if (d !== null) return { kind: 'branch', lo: d.lo, hi: d.hi };
    const body = inlineBody(ins, regs);
    regs.settle(body !== null);
    if (body !== null) return { kind: 'inline', body };
  }
  const writes = WRITES_AT_MOST_R1.has(ins.op) ? ins.r1 : null;
  return { kind: 'call', pure: b.pure[i]!, branch: BRANCH_CLASSES.has(ins.op), writes };
}

/** The register locals' write-back and reload (FLUSH/RELOAD in the templates), once known. */
interface RegCode {
  readonly flush: string;
  readonly reload: (writes: number | null) => string;
}

// Inside a region the machine's IP, slot and step count are not kept up to date: the bundle's
// address is the local `bl`, the steps before the bundle `st` (and `sb` = st - start, the step
// of slot 0). They are written before a closure runs (m.ipLo, m.stepBase, m.slot: what
// closures read) and whenever control leaves the region (m.ipLo, m.slot, m.steps). IIPA is
// stored after the last slot of a run of inline slots (inline slots neither fault nor read it)
// and after every closure.
const IIPA = 'if (ic !== 0) { m.iipaLo = bl; m.iipaHi = hi; }';

/** The per-slot code; `e` is the closure's name, `len` the region's length in bundles. */
function slotCode(
  plan: SlotPlan,
  next: SlotPlan | null,
  b: RegionBundle,
  j: number,
  i: number,
  e: string,
  len: number,
  same: string,
  rc: RegCode,
): string[] {
  const q = b.qp[i]!;
  const iipaAfter = next === null || next.kind === 'call' ? `        ${IIPA}` : '';
  switch (plan.kind) {
    case 'nop':
      return [`      case ${i}:`, iipaAfter];
    case 'inline':
      return [
        `      case ${i}:`,
        q ? `        if (P[${q}] !== 0) { ${plan.body} }` : `        ${plan.body}`,
        iipaAfter,
      ];
    case 'branch': {
      // The target's offset from the region's first bundle, known now: a region lies in one
      // page, so a target inside it has the same high half and needs no arithmetic at run time.
      const disp =
        plan.hi === 0 && plan.lo < 2 ** 31
          ? plan.lo
          : plan.hi === 0xffffffff && plan.lo >= 2 ** 31
            ? plan.lo - 2 ** 32
            : null;
      const rel = disp === null ? -1 : j * 16 + disp;
      const inside = rel >= 0 && rel < len * 16;
      return [
        `      case ${i}:`,
        q ? `        if (P[${q}] !== 0) {` : '        {',
        `          ${IIPA}`,
        inside
          ? `          j = ${rel >>> 4}; start = 0; st = sb + ${i + 1}; continue;`
          : `          t = bl + ${plan.lo}; u = (hi + ${plan.hi} + (t > 0xffffffff ? 1 : 0)) >>> 0; t = (t & ~0xf) >>> 0;`,
        inside ? '' : `          ${rc.flush} m.steps = sb + ${i + 1}; jump(m, t, u);`,
        inside ? '' : `          if (m.pendingTraps !== 0) m.takeTraps(${i}, sb + ${i});`,
        inside ? '' : '          return;',
        '        }',
        iipaAfter,
      ];
    }
    case 'call': {
      const call = q ? `(P[${q}] === 0 ? 0 : ${e}())` : `${e}()`;
      // A closure that may change the PSR, the translations, the code or the pending traps:
      // leave at the next instruction when it did (the dispatcher goes on from there).
      const check = !plan.pure || plan.branch;
      const leave =
        i + 1 < b.n
          ? `{ m.steps = sb + ${i + 1}; m.slot = ${i + 1}; m.takeTraps(${i}, sb + ${i}); return; }`
          : `{ m.steps = sb + ${i + 1}; advance(m, ${i}); return; }`;
      return [
        `      case ${i}:`,
        plan.pure ? '' : `        m.slot = ${i};`,
        rc.flush ? `        ${rc.flush}` : '',
        `        r = ${call};`,
        `        ${rc.reload(plan.writes)}`,
        `        if (r > 1) { m.steps = sb + ${i + 1}; if (r === 3) { m.halted = true; m.slot = ${i}; } return; }`,
        `        ${IIPA}`,
        plan.pure ? '' : '        ic = m.ic;',
        '        if (r === 1) {',
        `          m.steps = sb + ${i + 1};`,
        `          if (m.pendingTraps !== 0) { m.takeTraps(${i}, sb + ${i}); return; }`,
        // A taken branch to a bundle of this region: go on here (slot 0 only: rfi may resume mid-bundle).
        '          d = (m.ipLo - vb) | 0;',
        `          if (m.ipHi === hi && m.slot === 0 && d >= 0 && d < ${len * 16} && (m.ss | m.tb) === 0 && ${same}) { j = d >>> 4; start = 0; st = sb + ${i + 1}; ic = m.ic; continue; }`,
        '          return;',
        '        }',
        check ? `        if ((m.pendingTraps | m.ss | m.tb) !== 0 || !(${same})) ${leave}` : '',
      ];
    }
  }
}

/**
 * Generates the region of `bundles` (consecutive, the first at page index `first`). The last
 * bundle falls through with `advance` (it may cross into the next page); every other one to its
 * successor in the region.
 */
export function genRegionRun(m: Machine, bundles: readonly RegionBundle[], first: number, advance: Advance): RegionRun {
  const len = bundles.length;
  // Fetch and code unchanged since the region was entered: a write to any code page
  // (mem.codeWrites), a translation change (xlateEpoch), a cpl or vm change.
  const same = 'm.xlateEpoch === E0 && mem.codeWrites === W0 && m.cpl === C0 && m.vm === V0';
  const regs = new RegLocals();
  const plans = bundles.map((b) => Array.from({ length: b.n }, (_, i) => planSlot(b, i, regs)));
  const rc: RegCode = { flush: regs.store(), reload: (w) => regs.load(w) };
  const declared = regs.declare();
  const lines: string[] = [
    'return function regionRun(k, start, limit) {',
    `  let j = k - ${first};`,
    '  const hi = m.ipHi, vb = (m.ipLo - (j << 4)) >>> 0;',
    '  const E0 = m.xlateEpoch, W0 = mem.codeWrites, C0 = m.cpl, V0 = m.vm;',
    '  let r = 0, ic = m.ic, st = m.steps, sb = 0, bl = 0, d = 0, t = 0, u = 0;',
    declared ? `  let ${declared};` : '',
    '  for (;;) {',
    '    switch (j) {',
  ];
  bundles.forEach((b, j) => {
    const bp = plans[j]!;
    const calls = bp.some((p) => p.kind === 'call');
    lines.push(
      `    case ${j}:`,
      `      bl = (vb + ${j * 16}) >>> 0;`,
      `      if (limit - st < ${b.n} - start) { ${rc.flush} m.ipLo = bl; m.slot = start; m.steps = st; return; }`,
      '      sb = st - start;',
      calls ? '      m.ipLo = bl; m.stepBase = sb;' : '',
      '      switch (start) {',
    );
    bp.forEach((p, i) => {
      lines.push(...slotCode(p, i + 1 < b.n ? bp[i + 1]! : null, b, j, i, `e${j}_${i}`, len, same, rc));
    });
    lines.push('      }', `      st = sb + ${b.n}; start = 0;`);
    if (j + 1 === len)
      lines.push(`      ${rc.flush} m.ipLo = bl; m.steps = st; advance(m, ${b.n - 1});`, '      return;');
  });
  lines.push('    }', '    return;', '  }', '};');
  const names = bundles.flatMap((b, j) => b.exec.map((_, i) => `e${j}_${i}`));
  const closures = bundles.flatMap((b) => b.exec);
  const factory = new Function(
    'm',
    'mem',
    'P',
    'L',
    'H',
    'N',
    'advance',
    'jump',
    ...names,
    lines.filter((l) => l).join('\n'),
  ) as (...a: unknown[]) => RegionRun;
  return factory(m, m.mem, m.pr, m.grLo, m.grHi, m.nat, advance, jump, ...closures);
}

/** Ops after which a region ends when not predicated (control never falls through them). */
const REGION_END_OPS = new Set(['br_cond', 'br_ind', 'br_ret', 'br_call', 'br_call_ind', 'rfi']);

/**
 * Whether a bundle with these slots ends a region: an unconditional transfer of control, or
 * `break 0` (the halt). Other breaks do not end it: the handler of a Break Instruction fault
 * returns to the next bundle (a VMM's trap-and-emulate), which is then still in the region.
 */
export function endsRegion(slots: readonly { op: string; qp: number; imm: bigint }[]): boolean {
  return slots.some((s) => s.qp === 0 && (REGION_END_OPS.has(s.op) || (s.op === 'break' && s.imm === 0n)));
}

/** Most bundles in one region (the generated function's size stays small for the JIT). */
export const REGION_MAX_BUNDLES = 24;

/** Dispatcher entries at one bundle before a region is generated from it. */
export const REGION_AFTER = 24;
