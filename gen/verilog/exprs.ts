// Expression emission for the Verilog backend. Expressions are written inline, word-level,
// fully sized; a temporary wire (`_t<n>`) is introduced only where Verilog-2005 needs a name
// (part-select or sign bit of a non-identifier), where a sub-expression is shared (so text
// never grows exponentially), or where inline text would get too deep or too long for the
// tools (Verilator stops at 40000 tokens on a line, iverilog's scanner at one 16 KB token,
// Yosys recurses on nesting): every emitted expression is bounded in depth and size, so a
// design of any width (a 65536-input tree, a 65536-part concatenation) stays within them.
import type { IRExpr, IRField, IRModule } from '../../hdl/ir/types.js';
import { forEachOperand, secondOperand } from '../../hdl/ir/walk.js';

const BIN: Record<string, string> = {
  and: '&',
  or: '|',
  xor: '^',
  add: '+',
  sub: '-',
  eq: '==',
  ne: '!=',
  ult: '<',
  ule: '<=',
  ugt: '>',
  uge: '>=',
  slt: '<',
  sle: '<=',
  sgt: '>',
  sge: '>=',
  shl: '<<',
  shr: '>>',
};
const SIGNED_CMP = new Set(['slt', 'sle', 'sgt', 'sge']);
/** Bitwise operators whose chains are written without inner parentheses. */
const ASSOCIATIVE = new Set(['and', 'or', 'xor']);
/** Inline nesting beyond this depth gets a temporary (Verilator and Yosys recurse on it). */
const MAX_INLINE_DEPTH = 24;
/**
 * Inline text longer than this gets a temporary, so one statement is at most a few times this
 * long (an operator joins at most three operands that each fit). Far above any expression of
 * the VT-i blocks (≤ 1 KB), far below the tools' limits.
 */
export const MAX_INLINE_CHARS = 4096;
/** Constants wider than this are written as a concatenation of literals of at most this many bits. */
export const MAX_LITERAL_BITS = 4096;
/**
 * A value wider than this with more than this many bit/part-selects is read through windows of
 * this many bits (`wire [1023:0] _tK = pending[2047:1024]`), and the selects take their bits
 * from the windows. iverilog's elaboration joins each select to the selected net's list of
 * connections by walking that whole list, so the selects of one net cost time quadratic in
 * their number: 16384 selects of one input took 28 s of `ivl` CPU and 65536 did not finish in
 * 15 min; through windows it is 1.4 s (bench/gen/README.md). Far above any VT-i block. Only
 * windows whose every bit some select reads are made (Verilator -Wall reports unread bits).
 */
export const SELECT_WINDOW_BITS = 1024;

export function constLiteral(width: number, hex: string): string {
  if (width === 1) return `1'b${hex === '0' ? '0' : '1'}`;
  if (width > MAX_LITERAL_BITS) return chunkedLiteral(width, hex);
  return `${width}'h${hex}`;
}

/** A wide constant as `{W1'h…, W2'h…}`: no literal token longer than MAX_LITERAL_BITS / 4 digits. */
function chunkedLiteral(width: number, hex: string): string {
  const digits = hex.padStart(Math.ceil(width / 4), '0');
  const chunks: string[] = [];
  // From the least significant end: every chunk but the top one is MAX_LITERAL_BITS wide.
  for (let lo = 0; lo < width; lo += MAX_LITERAL_BITS) {
    const w = Math.min(MAX_LITERAL_BITS, width - lo);
    const end = digits.length - lo / 4;
    const part = digits.slice(Math.max(0, end - Math.ceil(w / 4)), end).replace(/^0+(?=.)/, '');
    chunks.unshift(constLiteral(w, part));
  }
  return `{${chunks.join(', ')}}`;
}

export interface Temp {
  readonly name: string;
  readonly width: number;
  readonly text: string;
  readonly expr: number;
}

export class ExprEmitter {
  readonly temps: Temp[] = [];
  /** Enum constants used: localparam name → literal. */
  readonly localparams = new Map<string, string>();
  private readonly text: (string | undefined)[];
  private readonly depth: Int32Array;
  private readonly uses: Int32Array;
  private readonly needsName: Uint8Array;
  /**
   * Per expression, what its current text is: IDENT (an identifier: a signal, a localparam, a
   * temporary), ATOMIC (needs no parentheses as an operand: a literal, a part-select, a braced
   * concatenation) or 0. Known from how the text was built, so no text is scanned for it.
   */
  private readonly shape: Uint8Array;
  /** Per signal: IDENT when its name is an identifier, NOT_IDENT when not, 0 not yet known. */
  private readonly signalShape: Uint8Array;
  /**
   * Per expression read by more than SELECT_WINDOW_BITS selects: its windows' names (made on
   * first use), '' for a window some bit of which no select reads (its selects read the value).
   */
  private readonly windows = new Map<number, string[]>();
  private tempCounter = 0;

  constructor(
    private readonly m: IRModule,
    private readonly reserved: Set<string>,
    /** The named fields of a signal (its bundle layout, or its instance port's), if any. */
    private readonly fieldsOf: (signal: number) => readonly IRField[] | undefined = (s) => m.signals[s]!.fields,
  ) {
    const n = m.exprs.length;
    this.text = new Array(n);
    this.depth = new Int32Array(n);
    this.uses = new Int32Array(n);
    this.needsName = new Uint8Array(n);
    this.shape = new Uint8Array(n);
    this.signalShape = new Uint8Array(m.signals.length);
    const uses = this.uses;
    const countUse = (id: number) => {
      uses[id]!++;
    };
    const selects = new Map<number, number>();
    for (const e of m.exprs) {
      if (e.op === 'slice' && m.exprs[e.a]!.width > SELECT_WINDOW_BITS) selects.set(e.a, (selects.get(e.a) ?? 0) + 1);
      forEachOperand(e, countUse);
      if (e.op === 'slice' || e.op === 'sext' || e.op === 'trunc') this.needsName[e.a] = 1;
    }
    for (const [a, count] of selects) if (count > SELECT_WINDOW_BITS) this.windows.set(a, this.denseWindows(a));
  }

  /** Per window of expression `a`: undefined when selects read all of its bits, else ''. */
  private denseWindows(a: number): string[] {
    const width = this.m.exprs[a]!.width;
    const read = new Uint8Array(width);
    for (const e of this.m.exprs) if (e.op === 'slice' && e.a === a) read.fill(1, e.lo, e.hi + 1);
    const windows: string[] = [];
    for (let base = 0, k = 0; base < width; base += SELECT_WINDOW_BITS, k++)
      if (read.subarray(base, base + SELECT_WINDOW_BITS).includes(0)) windows[k] = '';
    return windows;
  }

  /**
   * Bits hi..lo of expression `a` (named `name`) as a part-select, through the window holding
   * them when `a` is read by many selects (see SELECT_WINDOW_BITS) and they fit in one.
   */
  private select(a: number, name: string, hi: number, lo: number, field: string): string {
    const windows = this.windows.get(a);
    const k = Math.floor(lo / SELECT_WINDOW_BITS);
    const base = k * SELECT_WINDOW_BITS;
    const top = Math.min(base + SELECT_WINDOW_BITS, this.m.exprs[a]!.width) - 1;
    // A select across a window boundary, or a 1-bit last window (not selectable), reads `a`.
    if (!windows || hi > top || top === base || windows[k] === '') return partSelect(name, hi, lo, field);
    windows[k] ??= this.addTemp(a, top - base + 1, partSelect(name, top, base));
    return partSelect(windows[k]!, hi - base, lo - base, field);
  }

  /** Counts a use from a statement or an instance connection. */
  use(id: number): void {
    this.uses[id]++;
  }

  /** The Verilog text of expression `id` (emitting temporaries for its operands as needed). */
  emit(id: number): string {
    return this.ensure(id);
  }

  /** An identifier (signal, localparam or temporary) holding expression `id`. */
  private named(id: number): string {
    const e = this.m.exprs[id]!;
    if (e.op === 'ref') return this.m.signals[e.signal]!.name;
    const t = this.ensure(id);
    if (this.shape[id] === IDENT) return t;
    return this.makeTemp(id, t);
  }

  private makeTemp(id: number, t: string): string {
    const name = this.addTemp(id, this.m.exprs[id]!.width, t);
    this.text[id] = name;
    this.depth[id] = 0;
    this.shape[id] = IDENT;
    return name;
  }

  /** A temporary wire of `width` bits holding `text` (a part of expression `id`, or all of it). */
  private addTemp(id: number, width: number, text: string): string {
    let name: string;
    do name = `_t${this.tempCounter++}`;
    while (this.reserved.has(name));
    this.reserved.add(name);
    this.temps.push({ name, width, text, expr: id });
    return name;
  }

  /**
   * `{a, b, …}` of many parts: runs of parts whose text exceeds MAX_INLINE_CHARS become
   * temporaries (and runs of those again), so the result and every temporary stay bounded.
   */
  private concatText(id: number, parts: { text: string; width: number }[]): string {
    let level = parts;
    while (level.reduce((n, p) => n + p.text.length + 2, 0) > MAX_INLINE_CHARS && level.length > 1) {
      const next: { text: string; width: number }[] = [];
      let run: { text: string; width: number }[] = [];
      let chars = 0;
      const flush = () => {
        if (run.length === 1) next.push(run[0]!);
        else if (run.length > 1) {
          const width = run.reduce((w, p) => w + p.width, 0);
          next.push({ text: this.addTemp(id, width, `{${run.map((p) => p.text).join(', ')}}`), width });
        }
        run = [];
        chars = 0;
      };
      for (const p of level) {
        if (chars + p.text.length + 2 > MAX_INLINE_CHARS) flush();
        run.push(p);
        chars += p.text.length + 2;
      }
      flush();
      level = next;
    }
    // Joined by `+`, not Array#join: `+` makes a rope that points at the parts, join copies
    // them, and a tree's texts nest (each level would copy the levels below it again).
    let t = `{${level[0]!.text}`;
    for (let i = 1; i < level.length; i++) t += `, ${level[i]!.text}`;
    return `${t}}`;
  }

  private ensure(root: number): string {
    if (this.text[root] !== undefined) return this.text[root]!;
    // Iterative post-order so deep expression chains never overflow the JS stack.
    const stack = this.stack;
    const base = stack.length;
    stack.push(root);
    while (stack.length > base) {
      const id = stack[stack.length - 1]!;
      if (this.text[id] !== undefined) {
        stack.pop();
        continue;
      }
      if (this.pushUnbuilt(this.m.exprs[id]!)) continue;
      stack.pop();
      this.build(id);
    }
    return this.text[root]!;
  }

  /** The post-order stack of `ensure` (one array for the whole module). */
  private readonly stack: number[] = [];

  /** Pushes the operands of `e` not built yet; true if there was one (a switch, no callback: once per node). */
  private pushUnbuilt(e: IRExpr): boolean {
    const { stack, text } = this;
    const before = stack.length;
    switch (e.op) {
      case 'const':
      case 'ref':
        return false;
      case 'concat':
        for (const p of e.parts) if (text[p] === undefined) stack.push(p);
        break;
      case 'mux':
        if (text[e.sel] === undefined) stack.push(e.sel);
        if (text[e.a] === undefined) stack.push(e.a);
        if (text[e.b] === undefined) stack.push(e.b);
        break;
      default: {
        if (text[e.a] === undefined) stack.push(e.a);
        const b = secondOperand(e);
        if (b >= 0 && text[b] === undefined) stack.push(b);
      }
    }
    return stack.length !== before;
  }

  /** The shape of what `named(id)` returned: a temporary's name, or a signal's name. */
  private namedShape(id: number): number {
    const e = this.m.exprs[id]!;
    if (e.op !== 'ref') return IDENT;
    let s = this.signalShape[e.signal]!;
    if (s === 0) this.signalShape[e.signal] = s = identifierShape(this.m.signals[e.signal]!.name) || NOT_IDENT;
    return s;
  }

  /** Nesting depth of the expression being built (raised by `op` and `flat`). */
  private buildDepth = 1;

  /** Operand `o` as inline text, parenthesized unless atomic. */
  private op(o: number): string {
    this.buildDepth = Math.max(this.buildDepth, this.depth[o]! + 1);
    const s = this.text[o]!;
    return this.shape[o] ? s : `(${s})`;
  }

  /**
   * Operand `o` of associative operator `op`: `(a | b) | c` is written `a | b | c`, the same
   * associative operator needs no parentheses around an inline operand of its own (a long OR
   * of conditions reads flat).
   */
  private flat(o: number, op: string): string {
    this.buildDepth = Math.max(this.buildDepth, this.depth[o]! + 1);
    const x = this.m.exprs[o]!;
    const s = this.text[o]!;
    return (x.op === op && this.shape[o] !== IDENT) || this.shape[o] ? s : `(${s})`;
  }

  // Methods rather than closures: this runs once per expression node, and closures created
  // per call cost more than the text they build.
  private build(id: number): void {
    const e = this.m.exprs[id]!;
    let t: string;
    // Literals, part-selects and braced texts need no parentheses; operator texts do.
    let shape = ATOMIC;
    this.buildDepth = 1;
    switch (e.op) {
      case 'const':
        if (e.name) {
          this.localparams.set(e.name, constLiteral(e.width, e.value));
          t = e.name;
          shape = identifierShape(t);
        } else t = constLiteral(e.width, e.value);
        this.buildDepth = 0;
        break;
      case 'ref':
        t = this.m.signals[e.signal]!.name;
        shape = this.namedShape(id) === IDENT ? IDENT : 0;
        this.buildDepth = 0;
        break;
      case 'not':
        t = `~${this.op(e.a)}`;
        shape = 0;
        break;
      case 'neg':
        t = `-${this.op(e.a)}`;
        shape = 0;
        break;
      case 'redand':
        t = `&${this.op(e.a)}`;
        shape = 0;
        break;
      case 'redor':
        t = `|${this.op(e.a)}`;
        shape = 0;
        break;
      case 'redxor':
        t = `^${this.op(e.a)}`;
        shape = 0;
        break;
      case 'shli':
        t = `${this.op(e.a)} << ${e.amount}`;
        shape = 0;
        break;
      case 'shri':
        t = `${this.op(e.a)} >> ${e.amount}`;
        shape = 0;
        break;
      // $unsigned(...) makes the arithmetic shift self-determined, so an unsigned context
      // cannot turn it back into a logical shift.
      case 'srai':
        t = `$unsigned($signed(${this.text[e.a]}) >>> ${e.amount})`;
        this.buildDepth = this.depth[e.a]! + 1;
        shape = 0;
        break;
      case 'sra':
        t = `$unsigned($signed(${this.text[e.a]}) >>> ${this.op(e.b)})`;
        this.buildDepth = Math.max(this.buildDepth, this.depth[e.a]! + 1);
        shape = 0;
        break;
      case 'slice': {
        const a = this.m.exprs[e.a]!;
        if (a.op === 'const') {
          t = constLiteral(
            e.width,
            ((BigInt('0x' + a.value) >> BigInt(e.lo)) & ((1n << BigInt(e.width)) - 1n)).toString(16),
          );
          this.buildDepth = 0;
        } else {
          const n = this.named(e.a);
          const field = a.op === 'ref' ? fieldName(this.fieldsOf(a.signal), e.hi, e.lo) : '';
          t = this.select(e.a, n, e.hi, e.lo, field);
          // name[bits] and name[bits /* field */] are atomic when the name and field are words.
          if (this.namedShape(e.a) !== IDENT || (field && !WORD.test(field))) shape = 0;
          this.buildDepth = 1;
        }
        break;
      }
      case 'trunc': {
        const n = this.named(e.a);
        t = e.width === 1 ? `${n}[0]` : `${n}[${e.width - 1}:0]`;
        if (this.namedShape(e.a) !== IDENT) shape = 0;
        break;
      }
      case 'sext': {
        const n = this.named(e.a);
        const aw = this.m.exprs[e.a]!.width;
        const sign = aw === 1 ? n : `${n}[${aw - 1}]`;
        t = `{{${e.width - aw}{${sign}}}, ${n}}`;
        break;
      }
      case 'zext': {
        const aw = this.m.exprs[e.a]!.width;
        t = `{${constLiteral(e.width - aw, '0')}, ${this.text[e.a]}}`;
        this.buildDepth = this.depth[e.a]! + 1;
        break;
      }
      case 'concat':
        t = this.concatText(
          id,
          e.parts.map((p) => {
            this.buildDepth = Math.max(this.buildDepth, this.depth[p]! + 1);
            return { text: this.text[p]!, width: this.m.exprs[p]!.width };
          }),
        );
        break;
      case 'repl':
        t = `{${e.count}{${this.text[e.a]}}}`;
        this.buildDepth = this.depth[e.a]! + 1;
        break;
      case 'mux':
        t = `${this.op(e.sel)} ? ${this.op(e.a)} : ${this.op(e.b)}`;
        shape = 0;
        break;
      default: {
        shape = 0;
        if (SIGNED_CMP.has(e.op)) {
          t = `$signed(${this.text[e.a]}) ${BIN[e.op]} $signed(${this.text[e.b]})`;
          this.buildDepth = Math.max(this.depth[e.a]!, this.depth[e.b]!) + 1;
        } else if (ASSOCIATIVE.has(e.op)) {
          t = `${this.flat(e.a, e.op)} ${BIN[e.op]} ${this.flat(e.b, e.op)}`;
        } else t = `${this.op(e.a)} ${BIN[e.op]} ${this.op(e.b)}`;
      }
    }
    const depth = this.buildDepth;
    this.text[id] = t;
    this.depth[id] = depth;
    this.shape[id] = shape;
    const trivial = e.op === 'const' || e.op === 'ref';
    if (
      !trivial &&
      (depth > MAX_INLINE_DEPTH ||
        t.length > MAX_INLINE_CHARS ||
        (this.uses[id]! > 1 && !atomicCheap(e)) ||
        (this.needsName[id] && shape !== IDENT))
    )
      this.makeTemp(id, t);
  }
}

/** The field of `fields` that is exactly bits hi..lo, or ''. */
export function fieldName(fields: readonly IRField[] | undefined, hi: number, lo: number): string {
  return fields?.find((f) => f.lo === lo && f.width === hi - lo + 1)?.name ?? '';
}

/** `name[hi:lo]`, with the field's name as a comment inside the brackets when it has one. */
export function partSelect(name: string, hi: number, lo: number, field = ''): string {
  const bits = hi === lo ? `${hi}` : `${hi}:${lo}`;
  return `${name}[${bits}${field ? ` /* ${field} */` : ''}]`;
}

/** Text shapes (ExprEmitter.shape): 0 = an operator expression, parenthesized as an operand. */
const ATOMIC = 1;
const IDENT = 2;
const NOT_IDENT = 3;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const WORD = /^\w+$/;
const identifierShape = (t: string): number => (IDENTIFIER.test(t) ? IDENT : 0);

/** Cheap enough to repeat inline rather than name (a bit or slice of a named value). */
function atomicCheap(e: IRExpr): boolean {
  return e.op === 'slice';
}
