// Word-level code for one expression node. A plan gives the node's result as one JS
// expression per 32-bit word (an operand's local, a literal, or a fresh local e<id>_<i>) and
// the statements computing those locals. Plans depend only on operand plans, so they are
// built once and emitted wherever (and as often as) a phase needs the value.
import type { IRExpr } from '../../hdl/ir/types.js';
import { at } from './flatten.js';
import { field, hex, isAtom, maskOf, nwords, parseHex, toWords, topBits } from './words.js';

export interface Plan {
  readonly words: readonly string[];
  readonly lines: readonly string[];
  readonly locals: readonly string[];
  readonly deps: readonly number[]; // operand expression ids
}

/** Word expression of a signal's current value. */
export const sigWord = (sig: number, i: number) => `s${sig}_${i}`;

function signedTop(w: string, r: number): string {
  return r === 32 ? `(${w} | 0)` : `((${w} << ${32 - r}) >> ${32 - r})`;
}

/**
 * `x < y` as 0/1 over word vectors, a borrow chain from the low word up. Booleans become numbers
 * with unary plus: `c ? 1 : 0` compiles to a branch in V8 (3× slower on random data).
 */
function lessThan(x: readonly string[], y: readonly string[], width: number, signed: boolean): string {
  const n = nwords(width);
  let c = '';
  for (let i = 0; i < n; i++) {
    let xi = x[i]!;
    let yi = y[i]!;
    if (signed && i === n - 1) {
      xi = signedTop(xi, topBits(width));
      yi = signedTop(yi, topBits(width));
    }
    c = i === 0 ? `+(${xi} < ${yi})` : `+(${xi} < ${yi} + ${c})`;
  }
  return c;
}

export function planExpr(
  e: IRExpr,
  id: number,
  planOf: (i: number) => Plan,
  widthOf: (i: number) => number,
  module: string,
): Plan {
  const W = e.width;
  const n = nwords(W);
  const r = topBits(W);
  const lenOf = (i: number) => (i === n - 1 ? r : 32);
  const lines: string[] = [];
  const locals: string[] = [];
  const words: string[] = [];
  const deps: number[] = [];
  const what = `${module}: '${e.op}' at ${at(e.loc)}`;
  const op = (i: number) => {
    deps.push(i);
    return planOf(i).words;
  };
  const local = (name: string, value: string) => {
    locals.push(name);
    lines.push(`${name} = ${value};`);
    return name;
  };
  // Result word i: kept inline when trivially cheap, else computed once into a local.
  const out = (i: number, value: string) => {
    words[i] = isAtom(value) ? value : local(`e${id}_${i}`, value);
  };
  const u32 = (i: number, value: string) =>
    lenOf(i) === 32 ? `((${value}) >>> 0)` : `((${value}) & ${hex(maskOf(lenOf(i)))})`;
  // Bits of result word i that lie at or above bit `from` (for sign fill), as a mask.
  const fillMask = (i: number, from: number) => {
    const lo = Math.max(0, from - 32 * i);
    if (lo >= lenOf(i)) return 0;
    return maskOf(lenOf(i)) - (lo === 0 ? 0 : maskOf(lo));
  };
  const withFill = (i: number, f: string, g: string, from: number) => {
    const fm = fillMask(i, from);
    if (fm === 0) return f;
    const v = f === '0' ? `(${g} & ${hex(fm)})` : `(${f} | (${g} & ${hex(fm)}))`;
    return lenOf(i) === 32 ? `(${v} >>> 0)` : v;
  };

  switch (e.op) {
    case 'const': {
      toWords(parseHex(e.value, W, what), n).forEach((v, i) => {
        words[i] = hex(v);
      });
      break;
    }
    case 'ref':
      for (let i = 0; i < n; i++) words[i] = sigWord(e.signal, i);
      break;
    case 'and':
    case 'or':
    case 'xor': {
      const A = op(e.a),
        B = op(e.b);
      const sym = e.op === 'and' ? '&' : e.op === 'or' ? '|' : '^';
      const ones = (i: number) => hex(maskOf(lenOf(i)));
      for (let i = 0; i < n; i++) {
        const [x, y] = [A[i]!, B[i]!];
        // Fold the constant words that masks produce (x & 0, x | 0, x ^ 0, x & ~0).
        if (e.op === 'and' && (x === '0' || y === '0')) out(i, '0');
        else if ((e.op !== 'and' && y === '0') || (e.op === 'and' && y === ones(i))) out(i, x);
        else if ((e.op !== 'and' && x === '0') || (e.op === 'and' && x === ones(i))) out(i, y);
        else out(i, lenOf(i) === 32 ? `((${x} ${sym} ${y}) >>> 0)` : `(${x} ${sym} ${y})`);
      }
      break;
    }
    case 'not': {
      const A = op(e.a);
      for (let i = 0; i < n; i++) out(i, lenOf(i) === 32 ? `(~${A[i]} >>> 0)` : `(~${A[i]} & ${hex(maskOf(r))})`);
      break;
    }
    case 'add':
    case 'sub':
    case 'neg': {
      const A = op(e.a);
      const B = 'b' in e ? op(e.b) : A.map(() => '0');
      const [x, y] = e.op === 'neg' ? [B, A] : [A, B];
      const sym = e.op === 'add' ? '+' : '-';
      if (n === 1) {
        out(0, u32(0, e.op === 'neg' ? `-${y[0]}` : `${x[0]} ${sym} ${y[0]}`));
        break;
      }
      const t = `t${id}`;
      locals.push(t);
      for (let i = 0; i < n; i++) {
        const carry = i === 0 ? '' : e.op === 'add' ? ` + +(${t} > 4294967295)` : ` - +(${t} < 0)`;
        lines.push(`${t} = ${x[i]} ${sym} ${y[i]}${carry};`);
        out(i, u32(i, t));
      }
      break;
    }
    case 'eq':
    case 'ne': {
      const A = op(e.a),
        B = op(e.b);
      const wa = widthOf(e.a);
      const terms = A.map((a, i) =>
        a === B[i] ? '' : B[i] === '0' ? a : a === '0' ? B[i]! : `(${a} ^ ${B[i]})`,
      ).filter(Boolean);
      const diff = nwords(wa) === 1 ? null : terms.length ? terms.join(' | ') : '0';
      const cmp = e.op === 'eq' ? '===' : '!==';
      out(0, diff === null ? `+(${A[0]} ${cmp} ${B[0]})` : `+((${diff}) ${cmp} 0)`);
      break;
    }
    case 'ult':
    case 'ule':
    case 'ugt':
    case 'uge':
    case 'slt':
    case 'sle':
    case 'sgt':
    case 'sge': {
      const A = op(e.a),
        B = op(e.b);
      const wa = widthOf(e.a);
      const signed = e.op[0] === 's';
      const kind = e.op.slice(1);
      // a > b is b < a; a >= b is !(a < b); a <= b is !(b < a).
      const lt = kind === 'lt' || kind === 'ge' ? lessThan(A, B, wa, signed) : lessThan(B, A, wa, signed);
      out(0, kind === 'lt' || kind === 'gt' ? lt : `(${lt} ^ 1)`);
      break;
    }
    case 'shli':
    case 'shri': {
      const A = op(e.a);
      const k = e.op === 'shli' ? -e.amount : e.amount;
      for (let i = 0; i < n; i++) out(i, field(A, W, 32 * i + k, lenOf(i)));
      break;
    }
    case 'srai': {
      const A = op(e.a);
      if (e.amount === 0) {
        A.forEach((w, i) => {
          words[i] = w;
        });
        break;
      }
      const g = local(`g${id}`, `-(${A[n - 1]} >>> ${r - 1})`);
      for (let i = 0; i < n; i++) out(i, withFill(i, field(A, W, 32 * i + e.amount, lenOf(i)), g, W - e.amount));
      break;
    }
    case 'slice': {
      const A = op(e.a);
      for (let i = 0; i < n; i++) out(i, field(A, widthOf(e.a), e.lo + 32 * i, lenOf(i)));
      break;
    }
    case 'trunc':
    case 'zext': {
      const A = op(e.a);
      const wa = widthOf(e.a);
      for (let i = 0; i < n; i++) out(i, field(A, wa, 32 * i, lenOf(i)));
      break;
    }
    case 'sext': {
      const A = op(e.a);
      const wa = widthOf(e.a);
      const na = nwords(wa);
      if (wa === W) {
        A.forEach((w, i) => {
          words[i] = w;
        });
        break;
      }
      const g = local(`g${id}`, `-(${A[na - 1]} >>> ${topBits(wa) - 1})`);
      for (let i = 0; i < n; i++) out(i, withFill(i, field(A, wa, 32 * i, lenOf(i)), g, wa));
      break;
    }
    case 'concat':
    case 'repl': {
      if (e.op === 'repl' && widthOf(e.a) === 1) {
        // A replicated bit (sign fills, masks): 0 - bit is all ones or zero.
        const A = op(e.a);
        for (let i = 0; i < n; i++)
          out(i, lenOf(i) === 32 ? `(-${A[0]} >>> 0)` : `(-${A[0]} & ${hex(maskOf(lenOf(i)))})`);
        break;
      }
      const ids = e.op === 'concat' ? e.parts : Array.from({ length: e.count }, () => e.a);
      const parts = ids.map((p) => ({ w: op(p), width: widthOf(p) }));
      let off = 0;
      const offs: number[] = [];
      for (let p = parts.length - 1; p >= 0; p--) {
        offs[p] = off;
        off += parts[p]!.width;
      }
      for (let i = 0; i < n; i++) {
        const cs = parts.map((p, j) => field(p.w, p.width, 32 * i - offs[j]!, lenOf(i))).filter((c) => c !== '0');
        out(
          i,
          cs.length === 0
            ? '0'
            : cs.length === 1
              ? cs[0]!
              : lenOf(i) === 32
                ? `((${cs.join(' | ')}) >>> 0)`
                : `(${cs.join(' | ')})`,
        );
      }
      break;
    }
    case 'mux': {
      const S = op(e.sel),
        A = op(e.a),
        B = op(e.b);
      // Branchless select (a ternary is a mispredicted branch on random data): b ^ ((a ^ b) & -sel).
      const m = isAtom(S[0]!) ? S[0]! : local(`m${id}`, S[0]!);
      for (let i = 0; i < n; i++) {
        if (A[i] === B[i]) out(i, A[i]!);
        else if (B[i] === '0') out(i, lenOf(i) === 32 ? `((${A[i]} & -${m}) >>> 0)` : `(${A[i]} & -${m})`);
        else if (A[i] === '0') out(i, lenOf(i) === 32 ? `((${B[i]} & (${m} - 1)) >>> 0)` : `(${B[i]} & (${m} - 1))`);
        else
          out(
            i,
            lenOf(i) === 32
              ? `((${B[i]} ^ ((${A[i]} ^ ${B[i]}) & -${m})) >>> 0)`
              : `(${B[i]} ^ ((${A[i]} ^ ${B[i]}) & -${m}))`,
          );
      }
      break;
    }
    case 'redor':
    case 'redand':
    case 'redxor': {
      const A = op(e.a);
      const wa = widthOf(e.a);
      const na = nwords(wa);
      const tm = maskOf(topBits(wa));
      if (wa === 1) {
        words[0] = A[0]!;
        break;
      }
      const nz = A.filter((w) => w !== '0');
      if (e.op === 'redor') out(0, nz.length === 0 ? '0' : `+((${nz.join(' | ')}) !== 0)`);
      else if (e.op === 'redand') {
        const terms = A.map((a, i) => (i === na - 1 ? `(${a} ^ ${hex(tm)})` : `~${a}`));
        out(0, `+((${terms.join(' | ')}) === 0)`);
      } else {
        const t = `t${id}`;
        locals.push(t);
        lines.push(`${t} = ${A.join(' ^ ')}; ${t} ^= ${t} >>> 16; ${t} ^= ${t} >>> 8; ${t} ^= ${t} >>> 4;`);
        out(0, `((0x6996 >>> (${t} & 15)) & 1)`);
      }
      break;
    }
    case 'shl':
    case 'shr':
    case 'sra':
      return planShift(e.op, W, id, op(e.a), op(e.b), widthOf(e.b), deps);
    default: {
      const never: never = e;
      throw new Error(`jssim: unknown expression op in ${JSON.stringify(never)}`);
    }
  }
  return { words, lines, locals, deps };
}

/** Dynamic shifts: amount clamped to [0, W], then word shifts (log stages) and a bit shift. */
function planShift(
  kind: 'shl' | 'shr' | 'sra',
  W: number,
  id: number,
  A: readonly string[],
  B: readonly string[],
  wb: number,
  deps: number[],
): Plan {
  const e = { op: kind };
  const n = nwords(W);
  const r = topBits(W);
  const tm = hex(maskOf(r));
  const lines: string[] = [];
  const locals: string[] = [];
  const words: string[] = [];
  const local = (name: string, value: string) => {
    locals.push(name);
    lines.push(`${name} = ${value};`);
    return name;
  };
  // Amounts >= W all give the same result as W, so clamp only when such amounts exist.
  const clamp = wb > 31 || 2 ** wb - 1 >= W;
  let k = B[0]!;
  if (clamp) {
    const high = B.slice(1).filter((w) => w !== '0');
    const over = high.length ? `(${high.join(' | ')}) !== 0 || ` : '';
    k = local(`k${id}`, `(${over}${B[0]} >= ${W} ? ${W} : ${B[0]})`);
  } else if (!isAtom(k)) k = local(`k${id}`, k);
  if (n === 1) {
    let v: string;
    if (e.op === 'shl')
      v =
        W < 32
          ? `((${A[0]} << ${k}) & ${tm})`
          : clamp
            ? `(${k} >= 32 ? 0 : ((${A[0]} << ${k}) >>> 0))`
            : `((${A[0]} << ${k}) >>> 0)`;
    else if (e.op === 'shr') v = W < 32 || !clamp ? `(${A[0]} >>> ${k})` : `(${k} >= 32 ? 0 : (${A[0]} >>> ${k}))`;
    else if (W < 32) v = `((${signedTop(A[0]!, W)} >> ${k}) & ${tm})`;
    else v = clamp ? `(((${A[0]} | 0) >> (${k} > 31 ? 31 : ${k})) >>> 0)` : `(((${A[0]} | 0) >> ${k}) >>> 0)`;
    words[0] = local(`e${id}_0`, v);
    return { words, lines, locals, deps };
  }
  const maxK = clamp ? W : 2 ** wb - 1;
  const q = local(`q${id}`, `${k} >>> 5`);
  const rr = local(`r${id}`, `${k} & 31`);
  let X = A.slice();
  let fill = '0';
  if (e.op === 'sra') {
    X[n - 1] = local(`x${id}`, signedTop(A[n - 1]!, r));
    fill = local(`g${id}`, `${X[n - 1]} >> 31`);
  }
  for (let m = 1, s = 0; m <= Math.floor(maxK / 32); m *= 2, s++) {
    const prev = X;
    X = prev.map((w, i) => {
      const src = e.op === 'shl' ? (i - m >= 0 ? prev[i - m]! : '0') : i + m < n ? prev[i + m]! : fill;
      if (src === w) return w;
      const bit = `-((${q} >>> ${s}) & 1)`;
      return local(`h${id}_${s}_${i}`, src === '0' ? `(${w} & ~${bit})` : `(${w} ^ ((${src} ^ ${w}) & ${bit}))`);
    });
  }
  for (let i = 0; i < n; i++) {
    let v: string;
    if (e.op === 'shl') {
      const low = i > 0 ? ` | ((${X[i - 1]} >>> 1) >>> (31 - ${rr}))` : '';
      v = i === n - 1 && r < 32 ? `(((${X[i]} << ${rr})${low}) & ${tm})` : `(((${X[i]} << ${rr})${low}) >>> 0)`;
    } else {
      const above = i + 1 < n ? X[i + 1]! : fill;
      if (i === n - 1 && e.op === 'sra') v = r < 32 ? `((${X[i]} >> ${rr}) & ${tm})` : `((${X[i]} >> ${rr}) >>> 0)`;
      else if (i === n - 1) v = `(${X[i]} >>> ${rr})`;
      else v = `(((${X[i]} >>> ${rr}) | ((${above} << 1) << (31 - ${rr}))) >>> 0)`;
    }
    words[i] = local(`e${id}_${i}`, v);
  }
  return { words, lines, locals, deps };
}
