// vti_fault_prio — the interruption priority encoder, generated from the priority table
// (arch/priority.ts, architecture.md §6). Word-level: the winner is the lowest set bit of
// `pending`, found in groups of rows (a log-depth prefix OR inside each) joined by a balanced
// tree (fault-prio-structure.ts); the encoded outputs are the winner's row value, OR-reductions
// of the one-hot winner under constant columns of the table. Depth is logarithmic, size linear.
// Deliberately a separate copy (N-version): this file, the TS reference model (model/blocks/),
// the hand-written Verilog reference (formal/ref/) and the emulator (model/exec/) each state
// these semantics on their own, so that co-simulation and the equivalence proofs compare
// independent opinions. Keep them apart: they may share the spec data of arch/, never code.
import { PRIORITY_TABLE, type PriorityRow } from '../../arch/priority.js';
import { defineModule } from '../dsl/index.js';
import { type FaultPrioStructure, groupSize, selectWinner } from './fault-prio-structure.js';

export interface FaultPrioOptions {
  readonly table?: readonly PriorityRow[];
  /** The winner selection's shape (fault-prio-structure.ts); the default was chosen by measurement. */
  readonly structure?: FaultPrioStructure;
  /** Rows per group of the `hybrid` structure. */
  readonly hybridGroup?: number;
}

/** The measured best (bench/rtl/README.md): smallest iCE40 LUT4 × LUT depth at the default table. */
export const DEFAULT_FAULT_PRIO_STRUCTURE: FaultPrioStructure = 'hybrid';
export const DEFAULT_HYBRID_GROUP = 4;

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

export function vtiFaultPrio({
  table = PRIORITY_TABLE,
  structure = DEFAULT_FAULT_PRIO_STRUCTURE,
  hybridGroup = DEFAULT_HYBRID_GROUP,
}: FaultPrioOptions = {}) {
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
      // Lowest set bit = highest priority (bit 0 = rank 1). A row's value packs its four encoded
      // outputs, kind in the low bits: {index, vector, ISR code, kind}.
      const rowValue = table.map(
        (r, i) =>
          (BigInt(i) << 33n) | (BigInt(r.vector) << 18n) | (BigInt(r.isrCode) << 2n) | BigInt(KIND_CODE[r.kind]),
      );
      const sel = selectWinner(m, pending, rowValue, iw + 33, groupSize(structure, n, hybridGroup));
      const winner = m.named('winner', sel.onehot);
      const row = m.named('winner_row', sel.fields);
      onehot.set(winner);
      index.set(row.bits(iw + 32, 33));
      ivaOffset.set(row.bits(32, 18));
      isrCode.set(row.bits(17, 2));
      kind.set(row.bits(1, 0));
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
      params: {
        rows: n,
        table: table.map((r) => r.name),
        structure,
        ...(structure === 'hybrid' ? { hybridGroup } : {}),
      },
    },
  );
}
