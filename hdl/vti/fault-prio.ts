// vti_fault_prio — the interruption priority encoder, generated from the priority table
// (arch/priority.ts, architecture.md §6). Word-level: the winner is the lowest set bit of
// `pending` (found by a log-depth prefix OR); every encoded output bit is an OR-reduction of the one-hot
// winner masked by a constant column of the table, so depth is logarithmic and size linear.
// Deliberately a separate copy (N-version): this file, the TS reference model (model/blocks/),
// the hand-written Verilog reference (formal/ref/) and the emulator (model/exec/) each state
// these semantics on their own, so that co-simulation and the equivalence proofs compare
// independent opinions. Keep them apart: they may share the spec data of arch/, never code.
import { PRIORITY_TABLE, type PriorityRow } from '../../arch/priority.js';
import { cat, defineModule, type Value } from '../dsl/index.js';

export interface FaultPrioOptions {
  readonly table?: readonly PriorityRow[];
}

const KIND_CODE = { interrupt: 0, fault: 1, trap: 2 } as const;

export function validateTable(table: readonly PriorityRow[]): string[] {
  const p: string[] = [];
  if (table.length === 0) p.push('the priority table is empty');
  const seen = new Map<string, number>();
  table.forEach((r, i) => {
    const row = `row ${i + 1} ('${r.name}')`;
    const first = seen.get(r.name);
    if (first !== undefined) p.push(`${row} duplicates row ${first + 1}`);
    else seen.set(r.name, i);
    if (!Number.isInteger(r.vector) || r.vector < 0 || r.vector > 0x7fff)
      p.push(`${row}: vector 0x${r.vector.toString(16)} does not fit in 15 bits`);
    if (!Number.isInteger(r.isrCode) || r.isrCode < 0 || r.isrCode > 0xffff)
      p.push(`${row}: ISR code 0x${r.isrCode.toString(16)} does not fit in 16 bits`);
    if (!(r.kind in KIND_CODE)) p.push(`${row}: kind '${r.kind}' must be interrupt, fault or trap`);
  });
  return p;
}

export function indexWidth(n: number): number {
  return Math.max(1, Math.ceil(Math.log2(n)));
}

export function vtiFaultPrio({ table = PRIORITY_TABLE }: FaultPrioOptions = {}) {
  const problems = validateTable(table);
  if (problems.length) throw new Error(`vti_fault_prio: ${problems.join('; ')}`);
  const n = table.length;
  const iw = indexWidth(n);
  return defineModule(
    'vti_fault_prio',
    (m) => {
      const pending = m.input('pending', n);
      const valid = m.output('valid', 1);
      const index = m.output('index', iw);
      const onehot = m.output('onehot', n);
      const ivaOffset = m.output('iva_offset', 15);
      const isrCode = m.output('isr_code', 16);
      const kind = m.output('kind', 2);

      valid.set(pending.orR());
      // Lowest set bit = highest priority (bit 0 = rank 1). `below` has bit i set when some bit
      // under i is pending: a log-depth prefix OR (shift-and-OR doubling), so synthesis gets
      // ceil(log2 N) levels instead of the ripple carry of pending & -pending.
      let prefix: Value = pending;
      for (let s = 1; s < n; s *= 2) prefix = prefix.or(prefix.shl(s));
      const below = m.named('below', prefix.shl(1));
      const winner = m.named('winner', pending.and(below.not()));
      onehot.set(winner);
      /** Bit `b` of the output = OR of the winner's bits of the rows whose value has bit b set. */
      const column = (width: number, rowValue: (row: PriorityRow, i: number) => number): Value => {
        const values = table.map(rowValue);
        const bits: Value[] = [];
        for (let b = width - 1; b >= 0; b--) {
          // The mask is built as hex digits, not by OR-ing bigints, so it costs O(N) not O(N^2).
          const nibbles = new Uint8Array(Math.ceil(n / 4));
          let any = false;
          values.forEach((v, i) => {
            if ((v >> b) & 1) {
              const k = nibbles.length - 1 - (i >> 2);
              nibbles[k] = (nibbles[k] ?? 0) | (1 << (i & 3));
              any = true;
            }
          });
          const mask = BigInt('0x' + Array.from(nibbles, (x) => x.toString(16)).join(''));
          bits.push(any ? winner.and(mask).orR() : m.lit(0, 1));
        }
        const [first] = bits;
        return first && bits.length === 1 ? first : cat(...bits);
      };
      index.set(column(iw, (_r, i) => i));
      ivaOffset.set(column(15, (r) => r.vector));
      isrCode.set(column(16, (r) => r.isrCode));
      kind.set(column(2, (r) => KIND_CODE[r.kind]));
      return { pending, valid, index, onehot, ivaOffset, isrCode, kind };
    },
    {
      // One comment line per row, so the masks below (bit i = row i) can be read by name.
      doc: [
        `vti_fault_prio: ${n}-row interruption priority encoder generated from the priority table (architecture.md §6).`,
        'Rows, highest priority first (bit i of pending / onehot and of every mask = row i):',
        ...table.map(
          (r, i) =>
            `  row ${i}: ${r.name} (${r.kind}, vector 0x${r.vector.toString(16).padStart(4, '0')}, ISR code 0x${r.isrCode.toString(16)})`,
        ),
      ].join('\n'),
      params: { rows: n, table: table.map((r) => r.name) },
    },
  );
}
