// The decoded form of one instruction slot: its class (`op`, what the executor dispatches on),
// the operand fields the executor needs, and the objdump-compatible text (`mn` + `ops`).

export type Unit = 'A' | 'I' | 'M' | 'B' | 'F' | 'X';

export interface Insn {
  /** Instruction class, e.g. 'add', 'cmp', 'ld', 'mov_to_cr', 'vmsw'; 'unsupported' if not covered. */
  readonly op: string;
  readonly unit: Unit;
  /** Qualifying predicate (0 for never-predicated instructions). */
  readonly qp: number;
  /** Mnemonic with completers, as `ia64-linux-gnu-objdump -d` prints it. */
  readonly mn: string;
  /** Operand text, as objdump prints it (branch targets as absolute hex without 0x). */
  readonly ops: string;
  readonly r1: number;
  readonly r2: number;
  readonly r3: number;
  readonly p1: number;
  readonly p2: number;
  readonly b1: number;
  readonly b2: number;
  /** Immediate (sign-extended where the format says so; branch targets are absolute). */
  readonly imm: bigint;
  /** Format-specific numbers: size/count/pos/len/ar/cr/sof/... (see each decoder). */
  readonly n1: number;
  readonly n2: number;
  readonly n3: number;
  /** Format-specific variant: compare relation and type, load completer, branch type, ... */
  readonly sub: string;
}

export type InsnFields = Partial<Omit<Insn, 'op' | 'unit' | 'qp' | 'mn' | 'ops'>>;

export function mk(op: string, unit: Unit, qp: number, mn: string, ops: string, f: InsnFields = {}): Insn {
  return {
    op,
    unit,
    qp,
    mn,
    ops,
    r1: f.r1 ?? 0,
    r2: f.r2 ?? 0,
    r3: f.r3 ?? 0,
    p1: f.p1 ?? 0,
    p2: f.p2 ?? 0,
    b1: f.b1 ?? 0,
    b2: f.b2 ?? 0,
    imm: f.imm ?? 0n,
    n1: f.n1 ?? 0,
    n2: f.n2 ?? 0,
    n3: f.n3 ?? 0,
    sub: f.sub ?? '',
  };
}

export function unsupported(unit: Unit, qp: number, why: string): Insn {
  return mk('unsupported', unit, qp, 'unsupported', why);
}

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Highest GR number named in an operand text (0 if none): the matches of /\br(\d+)\b/g, without a regex. */
export function maxGrIn(ops: string): number {
  let max = 0;
  const n = ops.length;
  for (let j = 0; j < n; ) {
    if (ops.charCodeAt(j) === 114 /* r */ && (j === 0 || !isWordChar(ops.charCodeAt(j - 1)))) {
      let k = j + 1,
        v = 0;
      for (; k < n; k++) {
        const c = ops.charCodeAt(k);
        if (c < 48 || c > 57) break;
        v = v * 10 + (c - 48);
      }
      if (k > j + 1 && (k === n || !isWordChar(ops.charCodeAt(k)))) {
        if (v > max) max = v;
        j = k;
        continue;
      }
    }
    j++;
  }
  return max;
}

/** objdump's text for one slot: "(p06) cmp.eq p1,p2=r3,r4". */
export function insnText(i: Insn): string {
  const pred = i.qp ? `(p${String(i.qp).padStart(2, '0')}) ` : '';
  return pred + i.mn + (i.ops ? ' ' + i.ops : '');
}

export const hex = (v: bigint | number): string => '0x' + BigInt.asUintN(64, BigInt(v)).toString(16);
