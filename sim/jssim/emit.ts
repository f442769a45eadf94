// Emits the body of one generated function: settle phases (units in schedule order, each
// expression computed at its first use in the current block scope and reused after), clock
// edges (next-state locals, reset override, simultaneous commit), loads and stores.
import type { IRStmt } from '../../hdl/ir/types.js';
import { ifChain } from '../../hdl/ir/walk.js';
import { localsIn, removeDeadAssignments } from './dce.js';
import type { FlatDesign, FSync } from './flatten.js';
import { type Plan, sigWord } from './expr.js';
import { cone, type Schedule } from './schedule.js';
import { field, hex, maskOf, nwords, parseHex, toWords, topBits } from './words.js';

/**
 * An if / else-if chain of more arms than this is generated flat (see flatIfChain); shorter
 * ones stay nested `if … else { if … }`, as the VT-i blocks' generated code always was.
 */
const MAX_NESTED_ELSE_IF = 16;

export interface GenContext {
  readonly flat: FlatDesign;
  readonly sch: Schedule;
  readonly plans: readonly Plan[];
  readonly exprStateDep: Uint8Array;
  readonly offset: Int32Array; // signal → first word in the state array S
  readonly syncReads: readonly number[]; // signals the clocked processes read (incl. resets)
}

export class FnBuilder {
  private readonly out: string[] = [];
  private ind = 1;
  private chars = 0;
  private readonly locals = new Set<string>();
  private readonly scopes: Set<string>[] = [new Set()];

  constructor(private readonly g: GenContext) {}

  line(s: string): void {
    this.out.push('  '.repeat(this.ind) + s);
    this.chars += s.length + 2 * this.ind + 1;
  }

  private valid(key: string): boolean {
    return this.scopes.some((s) => s.has(key));
  }

  private mark(key: string): void {
    this.scopes[this.scopes.length - 1]!.add(key);
  }

  /** Runs `body` one indentation level (and one validity scope) deeper. */
  block(open: string, body: () => void, close = '}'): void {
    this.line(open);
    this.ind++;
    this.scopes.push(new Set());
    body();
    this.scopes.pop();
    this.ind--;
    if (close) this.line(close);
  }

  /** Word expressions of expression `root`, emitting whatever is not yet valid here. */
  expr(root: number): readonly string[] {
    const { plans } = this.g;
    const stack: [number, boolean][] = [[root, false]];
    while (stack.length) {
      const [id, ready] = stack.pop()!;
      if (this.valid(`e${id}`)) continue;
      const p = plans[id]!;
      if (!ready) {
        stack.push([id, true]);
        for (const d of p.deps) if (!this.valid(`e${d}`)) stack.push([d, false]);
        continue;
      }
      for (const l of p.locals) this.locals.add(l);
      for (const l of p.lines) this.line(l);
      this.mark(`e${id}`);
    }
    return plans[root]!.words;
  }

  /** Forgets every value that depends on register state (after a clock edge). */
  invalidateState(): void {
    const { exprStateDep, sch } = this.g;
    for (const s of this.scopes)
      for (const k of [...s]) {
        const id = Number(k.slice(1));
        if (k[0] === 'e' ? exprStateDep[id] : sch.units[id]!.drives.some((d) => sch.stateDep[d])) s.delete(k);
      }
  }

  stmts(stmts: readonly IRStmt[], target: (sig: number, i: number) => string): void {
    const { flat } = this.g;
    for (const s of stmts) {
      if (s.kind === 'assign') {
        const V = this.expr(s.value);
        const t = flat.signals[s.target]!;
        const n = nwords(t.width);
        if (s.hi === undefined || s.lo === undefined) {
          for (let i = 0; i < n; i++) this.line(`${target(s.target, i)} = ${V[i]};`);
          continue;
        }
        const vw = s.hi - s.lo + 1;
        for (let j = Math.floor(s.lo / 32); j <= Math.floor(s.hi / 32); j++) {
          const len = j === n - 1 ? topBits(t.width) : 32;
          const a = Math.max(s.lo, 32 * j) - 32 * j;
          const b = Math.min(s.hi, 32 * j + len - 1) - 32 * j;
          const keep = maskOf(len) - maskOf(b - a + 1) * 2 ** a;
          const F = field(V, vw, 32 * j - s.lo, len);
          const T = target(s.target, j);
          this.line(keep === 0 ? `${T} = ${F};` : `${T} = ((${T} & ${hex(keep)}) | ${F}) >>> 0;`);
        }
      } else if (s.kind === 'if') {
        const chain = ifChain(s);
        if (chain.arms.length > MAX_NESTED_ELSE_IF) this.flatIfChain(chain, target);
        else {
          const c = this.expr(s.cond)[0]!;
          this.block(`if (${c}) {`, () => this.stmts(s.then, target), s.else.length ? '' : '}');
          if (s.else.length) this.block('} else {', () => this.stmts(s.else, target));
        }
      } else {
        const S = this.expr(s.subject);
        const w = flat.exprs[s.subject]!.width;
        const n = nwords(w);
        const vals = (c: (typeof s.cases)[number]) =>
          c.values.map((v) => toWords(parseHex(v, w, `switch at ${c.loc.file}:${c.loc.line}`), n));
        if (n === 1) {
          this.block(`switch (${S[0]}) {`, () => {
            for (const c of s.cases) {
              const head = c.values.length
                ? vals(c)
                    .map((v) => `case ${hex(v[0]!)}:`)
                    .join(' ')
                : 'default:';
              this.block(`${head} {`, () => {
                this.stmts(c.body, target);
                this.line('break;');
              });
            }
          });
        } else {
          let first = true;
          for (const c of s.cases) {
            const cond = vals(c)
              .map((v) => `(${v.map((x, i) => `${S[i]} === ${hex(x)}`).join(' && ')})`)
              .join(' || ');
            const open = c.values.length === 0 ? (first ? '{' : '} else {') : `${first ? '' : '} else '}if (${cond}) {`;
            this.block(open, () => this.stmts(c.body, target), '');
            first = false;
          }
          if (!first) this.line('}');
        }
      }
    }
  }

  /**
   * A long if / else-if chain as a labelled block of flat ifs, each leaving the block when its
   * arm ran: `L: { if (c0) { …; break L; } if (c1) { …; break L; } … last }`. Nested
   * `else { if … }` would be as deep as the chain is long (the JavaScript parser recurses on
   * it, and every arm would re-indent and re-scan the scopes of all arms before it). A later
   * arm's condition is computed after the earlier arms failed, so it stays valid for the arms
   * after it: the whole block is one scope.
   */
  private flatIfChain(chain: ReturnType<typeof ifChain>, target: (sig: number, i: number) => string): void {
    const label = `L${this.ind}`; // unique along the nesting: each level is one indentation deeper
    this.block(`${label}: {`, () => {
      for (const arm of chain.arms) {
        const c = this.expr(arm.cond)[0]!;
        this.block(`if (${c}) {`, () => {
          this.stmts(arm.then, target);
          this.line(`break ${label};`);
        });
      }
      this.stmts(chain.last, target);
    });
  }

  /** Computes the units in `order` that are not valid here. */
  settle(order: readonly number[], filter: (u: number) => boolean = () => true): void {
    const { sch } = this.g;
    for (const u of order) {
      if (this.valid(`u${u}`) || !filter(u)) continue;
      this.stmts(sch.units[u]!.body, sigWord);
      this.mark(`u${u}`);
    }
  }

  settleFor(targets: Iterable<number>, filter?: (u: number) => boolean): void {
    this.settle(cone(this.g.sch, targets), filter);
  }

  settleAll(filter?: (u: number) => boolean): void {
    this.settle(
      this.g.sch.units.map((_, i) => i),
      filter,
    );
  }

  /** One rising edge: next state from the settled values, reset override, commit. */
  edge(): void {
    const committed = this.next(this.g.flat.syncs);
    const { flat } = this.g;
    for (const d of committed)
      for (let i = 0; i < nwords(flat.signals[d]!.width); i++) this.line(`${sigWord(d, i)} = n${d}_${i};`);
    this.invalidateState();
  }

  /** Next-state locals n<id>_<i> of the registers of `procs`; returns those registers. */
  next(procs: readonly FSync[]): number[] {
    const { flat } = this.g;
    const next = (sig: number, i: number) => `n${sig}_${i}`;
    const regs: number[] = [];
    for (const p of procs) {
      for (const d of p.drives)
        for (let i = 0; i < nwords(flat.signals[d]!.width); i++) {
          this.locals.add(next(d, i));
          this.line(`${next(d, i)} = ${sigWord(d, i)};`);
        }
      this.stmts(p.body, next);
      const withInit = p.drives.filter((d) => flat.signals[d]!.init != null);
      if (p.reset !== null && withInit.length) {
        this.block(`if (${sigWord(p.reset, 0)}) {`, () => {
          for (const d of withInit) {
            const s = flat.signals[d]!;
            toWords(parseHex(s.init!, s.width, `reset value of '${s.name}'`), nwords(s.width)).forEach((v, i) => {
              this.line(`${next(d, i)} = ${hex(v)};`);
            });
          }
        });
      }
      regs.push(...p.drives);
    }
    return regs;
  }

  load(sigs: Iterable<number>): void {
    for (const s of sigs)
      for (let i = 0; i < nwords(this.g.flat.signals[s]!.width); i++)
        this.line(`${sigWord(s, i)} = S[${this.g.offset[s]! + i}];`);
  }

  store(sigs: Iterable<number>): void {
    for (const s of sigs)
      for (let i = 0; i < nwords(this.g.flat.signals[s]!.width); i++)
        this.line(`S[${this.g.offset[s]! + i}] = ${sigWord(s, i)};`);
  }

  /** Characters emitted so far (the chunker keeps functions small enough for the optimizer). */
  get size(): number {
    return this.chars;
  }

  /** Signals whose locals the emitted code mentions. */
  private referenced(): Set<number> {
    const out = new Set<number>();
    for (const l of this.out) for (const m of l.matchAll(/\bs(\d+)_\d+\b/g)) out.add(Number(m[1]));
    return out;
  }

  /** The function text: header, local declarations (all start at 0), body. */
  finish(header: string, prologue: readonly string[] = [], epilogue: readonly string[] = []): string {
    const body = removeDeadAssignments([...prologue, ...this.out, ...epilogue]);
    const decl = localsIn(body).map((l) => `${l} = 0`);
    const declLines: string[] = [];
    for (let i = 0; i < decl.length; i += 12) declLines.push(`  let ${decl.slice(i, i + 12).join(', ')};`);
    return `${header} {\n${[...declLines, ...body].join('\n')}\n}\n`;
  }

  /**
   * A chunk function working on the state array: loads every signal it reads but does not
   * drive, stores every signal in `driven`.
   */
  finishChunk(header: string, driven: ReadonlySet<number>): string {
    const { flat, offset } = this.g;
    const words = (s: number) => Array.from({ length: nwords(flat.signals[s]!.width) }, (_, i) => i);
    const loads = [...this.referenced()]
      .filter((s) => !driven.has(s))
      .flatMap((s) => words(s).map((i) => `  ${sigWord(s, i)} = S[${offset[s]! + i}];`));
    const stores = [...driven].flatMap((s) => words(s).map((i) => `  S[${offset[s]! + i}] = ${sigWord(s, i)};`));
    return this.finish(header, loads, stores);
  }
}
