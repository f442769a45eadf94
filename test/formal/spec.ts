// Spec facts parsed from the spec TEXT (fixtures/spec-excerpts.md, verbatim copies of
// architecture.md / blocks.md tables), so the formal tests' expected values do not come from
// arch/*.ts, nor from the reference RTL's own constants. BigInt is fine here: a few hundred vectors.
import { readFileSync } from 'node:fs';

const TEXT = readFileSync(new URL('./fixtures/spec-excerpts.md', import.meta.url), 'utf8');

export function excerpt(title: string): string[] {
  const start = TEXT.indexOf(`## ${title}`);
  if (start < 0) throw new Error(`spec excerpt '${title}' missing`);
  const body = TEXT.slice(start).split('\n').slice(1);
  const end = body.findIndex((l) => l.startsWith('## '));
  return (end < 0 ? body : body.slice(0, end)).filter((l) => l.trim() !== '');
}

const cells = (row: string) =>
  row
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((c) => c.trim());
const tableRows = (lines: string[]) =>
  lines
    .filter((l) => l.startsWith('|'))
    .slice(2)
    .map(cells);

/** Bits h..l as a mask. */
export const bitsMask = (h: number, l: number): bigint => ((1n << BigInt(h - l + 1)) - 1n) << BigInt(l);
export const M64 = (1n << 64n) - 1n;

export interface PsrSpec {
  /** Field name -> [hi, lo] (reserved `rv` rows excluded). */
  readonly field: Record<string, [number, number]>;
  readonly reserved: bigint;
  readonly kept: bigint;
}

/** architecture.md §2 PSR layout table. */
export function psrSpec(): PsrSpec {
  const field: Record<string, [number, number]> = {};
  let reserved = 0n;
  let kept = 0n;
  for (const [bits, name, , onInt] of tableRows(excerpt('architecture.md §2: PSR layout'))) {
    const [h, l] = bits!.includes(':') ? bits!.split(':').map(Number) : [Number(bits), Number(bits)];
    const m = bitsMask(h!, l!);
    const fname = name!.replace(/\*/g, '');
    if (fname === 'rv') reserved |= m;
    else field[fname] = [h!, l!];
    if (onInt === 'kept') kept |= m;
  }
  return { field, reserved, kept };
}

/**
 * The `fault if operand sets ...` rule of each op row of the blocks.md vti_psr table, as a mask
 * (0n = the op never faults). Understands "bit 0, 6-12, 16 or 28-31", "any of 23:6" and
 * "same fault rule as SSM".
 */
export function psrFaultMasks(): bigint[] {
  const rows = tableRows(excerpt('blocks.md: vti_psr op table'));
  const byName = new Map<string, bigint>();
  const masks: bigint[] = Array(16).fill(0n);
  for (const [op, name, text] of rows) {
    let mask = 0n;
    const same = /same fault rule as (\w+)/.exec(text!);
    const m = /fault if operand sets (.*?)(?: \(|$)/.exec(text!);
    if (same) mask = byName.get(same[1]!)!;
    else if (m) {
      for (const tok of m[1]!.replace(/^bit /, '').split(/, | or /)) {
        const any = /^any of (\d+):(\d+)$/.exec(tok);
        const range = /^(\d+)-(\d+)$/.exec(tok);
        if (any) mask |= bitsMask(Number(any[1]), Number(any[2]));
        else if (range) mask |= bitsMask(Number(range[2]), Number(range[1]));
        else if (/^\d+$/.test(tok)) mask |= 1n << BigInt(tok);
        else throw new Error(`cannot read fault rule token '${tok}' of op ${op}`);
      }
    }
    byName.set(name!, mask);
    for (const o of op!.split(', ')) masks[Number(o)] = mask;
  }
  return masks;
}

export interface PrioRow {
  rank: number;
  title: string;
  vector: number;
  isrCode: number;
  kind: 0 | 1 | 2;
}

/** architecture.md §6 table plus its "Rows 1-2 are interrupts, 52-56 traps, the rest faults." */
export function priorityRows(): PrioRow[] {
  const lines = excerpt('architecture.md §6: priority');
  const kinds = /^Rows (\d+)-(\d+) are interrupts, (\d+)-(\d+) traps, the rest faults\./.exec(
    lines.find((l) => l.startsWith('Rows'))!,
  )!;
  const [i0, i1, t0, t1] = kinds.slice(1, 5).map(Number) as [number, number, number, number];
  return tableRows(lines).map(([rank, title, vec, code]) => {
    const r = Number(rank);
    const kind = r >= i0 && r <= i1 ? 0 : r >= t0 && r <= t1 ? 2 : 1;
    return {
      rank: r,
      title: title!.replace(/\*/g, ''),
      vector: Number(vec!.replace(/\*/g, '')),
      isrCode: Number(code),
      kind,
    };
  });
}
