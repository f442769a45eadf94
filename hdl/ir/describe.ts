// Short human-readable descriptions of IR expressions, for diagnostics and the text dump.
import type { IRExpr, IRModule } from './types.js';

const SYM: Record<string, string> = {
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
  slt: '<s',
  sle: '<=s',
  sgt: '>s',
  sge: '>=s',
  shl: '<<',
  shr: '>>',
  sra: '>>>',
  shli: '<<',
  shri: '>>',
  srai: '>>>',
};

export function constText(width: number, hex: string): string {
  return `${width}'h${hex}`;
}

/** A compact description of expression `id`, at most `depth` levels deep. */
export function describeExpr(m: IRModule, id: number, depth = 2): string {
  const e: IRExpr = m.exprs[id]!;
  const sub = (x: number) => (depth <= 0 ? '…' : describeExpr(m, x, depth - 1));
  switch (e.op) {
    case 'const':
      return e.name ?? constText(e.width, e.value);
    case 'ref':
      return m.signals[e.signal]!.name;
    case 'not':
      return `~${sub(e.a)}`;
    case 'neg':
      return `-${sub(e.a)}`;
    case 'redand':
      return `&${sub(e.a)}`;
    case 'redor':
      return `|${sub(e.a)}`;
    case 'redxor':
      return `^${sub(e.a)}`;
    case 'shli':
    case 'shri':
    case 'srai':
      return `${sub(e.a)} ${SYM[e.op]} ${e.amount}`;
    case 'slice':
      return e.hi === e.lo ? `${sub(e.a)}[${e.hi}]` : `${sub(e.a)}[${e.hi}:${e.lo}]`;
    case 'concat':
      return `{${e.parts.map(sub).join(', ')}}`;
    case 'repl':
      return `{${e.count}{${sub(e.a)}}}`;
    case 'mux':
      return `${sub(e.sel)} ? ${sub(e.a)} : ${sub(e.b)}`;
    case 'zext':
    case 'sext':
    case 'trunc':
      return `${e.op}(${sub(e.a)}, ${e.width})`;
    default:
      return `${sub(e.a)} ${SYM[e.op]} ${sub(e.b)}`;
  }
}
