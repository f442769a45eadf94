// Block compilation (issue 13): a run of consecutive bundles of one code page, generated as one
// JavaScript function that falls through from bundle to bundle and follows taken branches to
// any bundle of the run without returning to the dispatcher (run.ts). Loops inside the run are
// JavaScript loops (region-shape.ts), so the JIT keeps a hot loop's state in machine registers.
// Simple instructions (ALU, compares, the IP-relative br.cond: region-inline.ts) are written
// out inline, on locals that hold the general registers and predicates they use (RegLocals);
// every other slot calls its closure with the per-bundle function's bookkeeping (codegen.ts):
// m.slot for closures that read it, IIPA, pending traps (taken at once, then back to the
// dispatcher), faults, halt.
// Control goes back to the dispatcher when it leaves the run, when the step budget cannot cover
// the rest of the run (checked where control arrives other than by falling through), and
// whenever an instruction may have changed what the region assumes: a
// pending trap, PSR.ss or PSR.tb set (the region raises neither the Single Step nor the Taken
// Branch trap itself), a write to any code page (self-modifying code: mem.codeWrites), a
// translation change (xlateEpoch: TLB inserts and purges, RR/PKR/PSR changes), a cpl or vm
// change (the fetch's translation context). Hook for checks on the access path (e.g. debug
// faults under PSR.db): loads and stores always go through their closures, never inline.
import type { Insn } from '../decode/insn.js';
import { jump } from './compile-br.js';
import type { Exec, Machine } from './machine.js';
import { type GrNames, inlineBody, inlineBranch } from './region-inline.js';
import { type RegionShape, regionShape } from './region-shape.js';

/**
 * Runs the region from its bundle at page index `k` (slot 0, one of the region's entries)
 * until control leaves it or `limit` total steps could be exceeded before the next budget
 * check (the dispatcher steps that tail). False when it ran nothing (the budget cannot cover
 * the rest of the region from `k`). Entered only with no pending trap and PSR.ss = tb = 0
 * (run.ts); it leaves as soon as an instruction changes any of these.
 */
export type RegionRun = (k: number, limit: number) => boolean;

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
 * The region's locals for the general registers and predicates its inline bodies use (`l8`,
 * `h8`, `n8` for r8, `p6` for p6; r0 reads as the constant 0, writes to p0 go to the scratch
 * `z`): loaded at entry, written back (the ones inline code writes) before every closure and
 * whenever control leaves the region, loaded again after every closure (which may write any
 * register or predicate, switch the bank of r16-r31 or rotate p16-p63).
 */
class RegLocals implements GrNames {
  readonly used = new Set<number>();
  readonly written = new Set<number>();
  readonly preds = new Set<number>();
  readonly predsWritten = new Set<number>();
  private pending: number[] = [];
  private pendingWrites: number[] = [];
  private pendingPreds: number[] = [];
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
  pr(p: number): string {
    if (p === 0) return 'z';
    this.pendingPreds.push(p);
    return `p${p}`;
  }
  /** A qualifying predicate read (kept at once: every slot with a predicate reads it). */
  qp(p: number): string {
    this.preds.add(p);
    return `p${p}`;
  }
  private name(k: string, r: number): string {
    if (r === 0) return '0';
    this.pending.push(r);
    return `${k}${r}`;
  }
  /** Keeps (or drops) the registers and predicates named since the last call. */
  settle(keep: boolean): void {
    if (keep) {
      for (const r of this.pending) this.used.add(r);
      for (const r of this.pendingWrites) this.written.add(r);
      for (const p of this.pendingPreds) {
        this.preds.add(p);
        this.predsWritten.add(p);
      }
    }
    this.pending = [];
    this.pendingWrites = [];
    this.pendingPreds = [];
  }
  declare(): string {
    return [
      ...[...this.used].map((r) => `l${r} = L[${r}], h${r} = H[${r}], n${r} = N[${r}]`),
      ...[...this.preds].map((p) => `p${p} = P[${p}]`),
    ].join(', ');
  }
  /** Reloads the locals after a closure that may write GR `writes` only (null: any register). */
  load(writes: number | null): string {
    return [
      ...[...this.used]
        .filter((r) => writes === null || r === writes)
        .map((r) => `l${r} = L[${r}]; h${r} = H[${r}]; n${r} = N[${r}];`),
      ...[...this.preds].map((p) => `p${p} = P[${p}];`),
    ].join(' ');
  }
  store(): string {
    return [
      ...[...this.written].map((r) => `L[${r}] = l${r}; H[${r}] = h${r}; N[${r}] = n${r};`),
      ...[...this.predsWritten].map((p) => `P[${p}] = p${p};`),
    ].join(' ');
  }
}

function planSlot(b: RegionBundle, i: number, regs: RegLocals): SlotPlan {
  if (b.exec[i] === null) return { kind: 'nop' };
  const ins = b.insns[i]!;
  if (b.qp[i]) regs.qp(b.qp[i]!);
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

/** The bundle (relative to the region's first) an inline branch of bundle `j` targets, or -1 outside the region. */
function branchTarget(plan: SlotPlan, j: number, len: number): number {
  if (plan.kind !== 'branch') return -1;
  // A region lies in one page, so a target inside it has the same high half and its offset
  // from the region's first bundle is known now.
  const disp =
    plan.hi === 0 && plan.lo < 2 ** 31
      ? plan.lo
      : plan.hi === 0xffffffff && plan.lo >= 2 ** 31
        ? plan.lo - 2 ** 32
        : null;
  const rel = disp === null ? -1 : j * 16 + disp;
  return rel >= 0 && rel < len * 16 ? rel >>> 4 : -1;
}

// Inside a region the machine's IP, slot and step count are not kept up to date: the bundle's
// address is the local `bl`, the steps before the bundle `st`. They are written before a
// closure runs (m.ipLo, m.stepBase, m.slot: what closures read) and whenever control leaves the
// region (m.ipLo, m.slot, m.steps). IIPA: inline slots neither fault nor change PSR.ic, so the
// bundle of the last one that completed is kept in `ib` (-1: none since the last store) and
// stored with the register write-back; a closure's own IIPA is stored right after it, under
// PSR.ic as the closure started.
const IIPA_FLUSH = 'if (ib !== -1) { if (ic !== 0) { m.iipaLo = ib; m.iipaHi = hi; } ib = -1; }';
const IIPA_NOW = 'if (ic !== 0) { m.iipaLo = bl; m.iipaHi = hi; }';

/**
 * Leaving the region for a bundle of the same page (IP and slot 0 in m, no pending trap, the
 * same fetch context): straight into the region entered there, if any, without the
 * dispatcher's round trip (its checks hold: PSR.ss = tb = 0, nothing pending, the same step
 * limit). Nested at most 8 deep (regions that branch to each other come back).
 */
const CHAIN =
  'if (C.depth < 8 && m.ipHi === hi && ((m.ipLo ^ vb) >>> 12) === 0) { g = G[(m.ipLo >>> 4) & 255]; if (g !== undefined) { C.depth++; g((m.ipLo >>> 4) & 255, limit); C.depth--; } }';

/** The dispatcher's count of regions entered from regions (reset at every run). */
export interface RegionChain {
  depth: number;
}

/** What the slot generator needs to know of the whole region. */
interface RegionCtx {
  readonly len: number;
  readonly shape: RegionShape;
  /** Register, predicate and IIPA write-back (before closures and at every exit). */
  readonly flush: string;
  readonly reload: (writes: number | null) => string;
  readonly same: string;
  readonly qp: (q: number) => string;
}

/** The code of one slot `i` of bundle `j` (its closure is `e`). */
function slotCode(
  ctx: RegionCtx,
  plan: SlotPlan,
  prev: SlotPlan | null,
  b: RegionBundle,
  j: number,
  i: number,
  e: string,
): string[] {
  const q = b.qp[i]!;
  const { same } = ctx;
  switch (plan.kind) {
    case 'nop':
      return [];
    case 'inline':
      return [q ? `      if (${ctx.qp(q)} !== 0) { ${plan.body} }` : `      ${plan.body}`];
    case 'branch': {
      const t = branchTarget(plan, j, ctx.len);
      const kind = t < 0 ? 'exit' : ctx.shape.edge(j, t);
      const go =
        kind === 'continue'
          ? [`st += ${i + 1}; continue L${t};`]
          : kind === 'block'
            ? [`st += ${i + 1}; break B${t};`]
            : kind === 'dispatch'
              ? [`st += ${i + 1}; j = ${t}; continue dispatch;`]
              : [
                  `t = bl + ${plan.lo}; u = (hi + ${plan.hi} + (t > 0xffffffff ? 1 : 0)) >>> 0; t = (t & ~0xf) >>> 0;`,
                  `st += ${i + 1}; y = ${i}; x = ${EXIT_BRANCH}; break dispatch;`,
                ];
      return [
        q ? `      if (${ctx.qp(q)} !== 0) {` : '      {',
        '        ib = bl;',
        ...go.map((l) => `        ${l}`),
        '      }',
      ];
    }
    case 'call': {
      const call = q ? `(${ctx.qp(q)} === 0 ? 0 : ${e}(m))` : `${e}(m)`;
      // A closure that may change the PSR, the translations, the code or the pending traps:
      // leave at the next instruction when it did (the dispatcher goes on from there).
      const check = !plan.pure || plan.branch;
      const leave =
        i + 1 < b.n
          ? `{ m.steps = st + ${i + 1}; m.slot = ${i + 1}; m.takeTraps(${i}, st + ${i}); return true; }`
          : `{ m.steps = st + ${i + 1}; advance(m, ${i}); return true; }`;
      const lines = [
        plan.pure ? '' : `      m.slot = ${i};`,
        // The slots before it in this bundle completed (a closure's IIPA is stored after it).
        prev !== null && prev.kind !== 'call' ? '      ib = bl;' : '',
        `      ${ctx.flush}`,
        `      r = ${call};`,
        `      ${ctx.reload(plan.writes)}`,
        // A pure closure other than a branch neither faults nor halts nor jumps (compile.ts):
        // it always continues, and needs none of the checks below (less code for the JIT).
        ...(plan.pure && !plan.branch ? [`      ${IIPA_NOW}`] : []),
      ];
      if (plan.pure && !plan.branch) return lines;
      return [
        ...lines,
        `      if (r > 1) { m.steps = st + ${i + 1}; if (r === 3) { m.halted = true; m.slot = ${i}; } return true; }`,
        `      ${IIPA_NOW}`,
        plan.pure ? '' : '      ic = m.ic;',
        '      if (r === 1) {',
        `        m.steps = st + ${i + 1};`,
        `        if (m.pendingTraps !== 0) { m.takeTraps(${i}, st + ${i}); return true; }`,
        // A taken branch to a bundle of this region (slot 0 only: rfi may resume mid-bundle):
        // go on through the switch, which leaves the region when it is no entry.
        '        d = (m.ipLo - vb) | 0;',
        `        if (m.slot === 0 && (m.ss | m.tb) === 0 && ${same}) {`,
        `          if (m.ipHi === hi && d >= 0 && d < ${ctx.len * 16}) { j = d >>> 4; st += ${i + 1}; continue dispatch; }`,
        `          ${CHAIN}`,
        '        }',
        '        return true;',
        '      }',
        check ? `      if ((m.pendingTraps | m.ss | m.tb) !== 0 || !(${same})) ${leave}` : '',
      ];
    }
  }
}

/** The code of bundle `j`: its slots, then `st` and IIPA moved past it. */
function bundleCode(ctx: RegionCtx, plans: readonly SlotPlan[], b: RegionBundle, j: number): string[] {
  const calls = plans.some((p) => p.kind === 'call');
  const last = plans[b.n - 1]!;
  return [
    `      bl = (vb + ${j * 16}) >>> 0;`,
    calls ? '      m.ipLo = bl; m.stepBase = st;' : '',
    ...plans.flatMap((p, i) => slotCode(ctx, p, i > 0 ? plans[i - 1]! : null, b, j, i, `e${j}_${i}`)),
    // After a closure in the last slot its IIPA is already stored (under its own PSR.ic).
    last.kind === 'call' ? '' : '      ib = bl;',
    `      st += ${b.n};`,
  ];
}

/** Why control leaves the region through its common exit: the budget check at bundle j, a branch to (t, u) from slot y, the end. */
const EXIT_BUDGET = 0,
  EXIT_BRANCH = 1,
  EXIT_END = 2;

/**
 * Generates the region of `bundles` (consecutive, the first at page index `first`). The last
 * bundle falls through with `advance` (it may cross into the next page). Returns the region
 * and the bundles (relative to the first) it can be entered at.
 */
export function genRegionRun(
  m: Machine,
  bundles: readonly RegionBundle[],
  first: number,
  advance: Advance,
  regions: readonly (RegionRun | undefined)[],
  chain: RegionChain,
): { run: RegionRun; entries: readonly number[] } {
  const len = bundles.length;
  // Fetch and code unchanged since the region was entered: a write to any code page
  // (mem.codeWrites), a translation change (xlateEpoch), a cpl or vm change.
  const same = 'm.xlateEpoch === E0 && mem.codeWrites === W0 && m.cpl === C0 && m.vm === V0';
  const regs = new RegLocals();
  const plans = bundles.map((b) => Array.from({ length: b.n }, (_, i) => planSlot(b, i, regs)));
  const edges: [number, number][] = [];
  plans.forEach((bp, j) => {
    for (const p of bp) {
      const t = branchTarget(p, j, len);
      if (t >= 0) edges.push([j, t]);
    }
  });
  const shape = regionShape(len, edges);
  const flush = `${regs.store()} ${IIPA_FLUSH}`;
  const ctx: RegionCtx = {
    len,
    shape,
    flush,
    reload: (w) => regs.load(w),
    same,
    qp: (q) => regs.qp(q),
  };
  // Steps from bundle j to the region's end: checked against the budget wherever control
  // arrives other than by falling through (entry, loop headers, the switch), so no bundle
  // between two checks can overrun it.
  const rest: number[] = [];
  for (let j = len - 1, s = 0; j >= 0; j--) rest[j] = s += bundles[j]!.n;
  const body: string[] = [];
  const emitLoop = (li: number): void => {
    const loop = shape.loops[li]!,
      h = loop.head;
    const blocks = shape.blocks[li]!;
    body.push(
      `    L${h}: for (;;) {`,
      `      if (lim - st < ${rest[h]}) { j = ${h}; x = ${EXIT_BUDGET}; break dispatch; }`,
    );
    for (const t of [...blocks].reverse()) body.push(`    B${t}: {`);
    body.push(...bundleCode(ctx, plans[h]!, bundles[h]!, h));
    for (let x = h + 1; x <= loop.end; ) {
      if (blocks.includes(x)) body.push('    }');
      if (shape.owner[x] !== li) throw new Error(`internal: region bundle ${x} outside its loop`);
      x = emitAt(x);
    }
    body.push('      break;', '    }');
  };
  /** Emits the loop that starts at bundle x, or bundle x itself; returns the bundle after it. */
  const emitAt = (x: number): number => {
    const li = shape.loopAt[x]!;
    if (li >= 0) {
      emitLoop(li);
      return shape.loops[li]!.end + 1;
    }
    body.push(...bundleCode(ctx, plans[x]!, bundles[x]!, x));
    return x + 1;
  };
  for (let x = 0; x < len; ) {
    body.push(`    case ${x}:`);
    x = emitAt(x);
  }
  const declared = regs.declare();
  const lines: string[] = [
    'return function regionRun(k, limit) {',
    `  let j = k - ${first};`,
    '  const hi = m.ipHi, vb = (m.ipLo - (j << 4)) >>> 0;',
    '  const E0 = m.xlateEpoch, W0 = mem.codeWrites, C0 = m.cpl, V0 = m.vm;',
    '  let r = 0, ic = m.ic, st = m.steps, bl = 0, ib = -1, d = 0, t = 0, u = 0, z = 0, x = 0, y = 0, g;',
    // A long loop runs in one call, in the code the JIT compiled while it ran (on-stack
    // replacement): a small cap on the steps per call would take an exit that code has never
    // seen (a deoptimization) on every call. The cap of 2^30 only keeps `lim` a small integer
    // when the limit is Infinity (integer arithmetic in the budget checks).
    `  const S0 = st, lim = limit - st > ${2 ** 30} ? st + ${2 ** 30} : limit;`,
    declared ? `  let ${declared};` : '',
    '  dispatch: for (;;) {',
    `    if (lim - st < R[j]) { x = ${EXIT_BUDGET}; break; }`,
    '    switch (j) {',
    `    default: x = ${EXIT_BUDGET}; break dispatch;`,
    ...body,
    '    }',
    `    x = ${EXIT_END};`,
    '    break;',
    '  }',
    // The exits that write the locals back, in one place (smaller code for the JIT).
    `  ${flush}`,
    `  if (x === ${EXIT_BUDGET}) { m.ipLo = (vb + (j << 4)) >>> 0; m.slot = 0; m.steps = st; return st !== S0; }`,
    `  if (x === ${EXIT_BRANCH}) {`,
    '    m.steps = st; jump(m, t, u);',
    '    if (m.pendingTraps !== 0) { m.takeTraps(y, st - 1); return true; }',
    `    ${CHAIN}`,
    '    return true;',
    '  }',
    `  m.ipLo = bl; m.steps = st; advance(m, ${bundles[len - 1]!.n - 1});`,
    // Chained only when no trap was taken there (the IP is the next bundle).
    `  if (m.ipLo === ((bl + 16) >>> 0)) ${CHAIN}`,
    '  return true;',
    '};',
  ];
  const names = bundles.flatMap((b, j) => b.exec.map((_, i) => `e${j}_${i}`));
  const closures = bundles.flatMap((b) => b.exec);
  const factory = new Function(
    'm',
    'mem',
    'P',
    'L',
    'H',
    'N',
    'R',
    'G',
    'C',
    'advance',
    'jump',
    ...names,
    lines.filter((l) => l.trim()).join('\n'),
  ) as (...a: unknown[]) => RegionRun;
  const run = factory(
    m,
    m.mem,
    m.pr,
    m.grLo,
    m.grHi,
    m.nat,
    Int32Array.from(rest),
    regions,
    chain,
    advance,
    jump,
    ...closures,
  );
  return { run, entries: shape.entries };
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
