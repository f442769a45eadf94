// Reference model of vti_fault_prio (blocks.md "vti_fault_prio", architecture.md §6): the
// priority encoder generated from an ordered table (default arch/priority.ts). Scalar
// reference: scan the rows in order on a BigInt. Batched reference: branch-free lowest-set-bit
// scan over the words, then per-row lookup tables.
// Deliberately a separate copy (N-version): this file, the eDSL block (hdl/vti/), the hand-
// written Verilog reference (formal/ref/) and the emulator (model/exec/) each state these
// semantics on their own, so that co-simulation and the equivalence proofs compare independent
// opinions. Keep them apart: they may share the spec data of arch/, never code.
import { PRIORITY_TABLE, type InterruptionKind } from '../../arch/priority.js';
import { checkInputs, outputColumns, port, topWordMask, type Columns, type Port } from './columns.js';
import { checkOptionKeys } from './options.js';

const BLOCK = 'vti_fault_prio';

/** One table row as blocks.md lists it (PriorityRow from arch/ fits; `title` is not needed). */
export interface PrioRow {
  readonly name: string;
  readonly vector: number;
  readonly isrCode: number;
  readonly kind: InterruptionKind;
}
export interface FaultPrioOptions {
  readonly table?: readonly PrioRow[];
}
export interface ResolvedFaultPrioOptions {
  readonly table: readonly PrioRow[];
  /** N: number of rows = width of `pending` and `onehot`. */
  readonly rows: number;
  /** ceil(log2 N): width of `index`. */
  readonly indexWidth: number;
}

/** kind output encoding (blocks.md). */
export const KIND_CODE: Readonly<Record<InterruptionKind, number>> = Object.freeze({ interrupt: 0, fault: 1, trap: 2 });

const hex = (v: unknown): string =>
  Number.isInteger(v) && (v as number) >= 0 ? `0x${(v as number).toString(16)}` : JSON.stringify(v);
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function resolveFaultPrioOptions(opts: FaultPrioOptions = {}): ResolvedFaultPrioOptions {
  checkOptionKeys(BLOCK, opts, ['table']);
  const table = opts.table ?? PRIORITY_TABLE;
  if (!Array.isArray(table)) throw new Error(`${BLOCK}: option table must be an array of rows`);
  // N = 1 would make `index` 0 bits wide, which Verilog cannot declare.
  if (table.length < 2) throw new Error(`${BLOCK}: option table must have at least 2 rows, got ${table.length}`);
  const seen = new Map<string, number>();
  table.forEach((r, i) => {
    const where = `${BLOCK}: table row ${i + 1}`;
    if (typeof r !== 'object' || r === null) throw new Error(`${where}: not an object`);
    if (typeof r.name !== 'string' || !NAME_RE.test(r.name))
      throw new Error(`${where}: name ${JSON.stringify(r.name)} is not an identifier`);
    const at = `${where} ('${r.name}')`;
    const prev = seen.get(r.name);
    if (prev !== undefined) throw new Error(`${at}: duplicate name, also row ${prev}`);
    seen.set(r.name, i + 1);
    if (!Number.isInteger(r.vector) || r.vector < 0 || r.vector > 0x7fff)
      throw new Error(`${at}: vector ${hex(r.vector)} does not fit iva_offset (integer 0..0x7fff)`);
    if (!Number.isInteger(r.isrCode) || r.isrCode < 0 || r.isrCode > 0xffff)
      throw new Error(`${at}: isrCode ${hex(r.isrCode)} does not fit isr_code (integer 0..0xffff)`);
    if (!Object.hasOwn(KIND_CODE, r.kind))
      throw new Error(`${at}: kind ${JSON.stringify(r.kind)} is not one of interrupt, fault, trap`);
  });
  return { table, rows: table.length, indexWidth: Math.ceil(Math.log2(table.length)) };
}

export function faultPrioPorts(o: ResolvedFaultPrioOptions): { inputs: readonly Port[]; outputs: readonly Port[] } {
  return {
    inputs: [port('pending', o.rows)],
    outputs: [
      port('valid', 1),
      port('index', o.indexWidth),
      port('onehot', o.rows),
      port('iva_offset', 15),
      port('isr_code', 16),
      port('kind', 2),
    ],
  };
}

export interface FaultPrioScalarResult {
  readonly valid: 0 | 1;
  readonly index: number;
  readonly onehot: bigint;
  readonly ivaOffset: number;
  readonly isrCode: number;
  readonly kind: number;
}

/** Bit i of `pending` = row i+1; the lowest set bit wins. Bits at or above N are not ports. */
export function faultPrioScalar(pending: bigint, opts: FaultPrioOptions = {}): FaultPrioScalarResult {
  const { table } = resolveFaultPrioOptions(opts);
  for (let i = 0; i < table.length; i++) {
    if (((pending >> BigInt(i)) & 1n) === 1n) {
      const r = table[i]!;
      return {
        valid: 1,
        index: i,
        onehot: 1n << BigInt(i),
        ivaOffset: r.vector,
        isrCode: r.isrCode,
        kind: KIND_CODE[r.kind],
      };
    }
  }
  return { valid: 0, index: 0, onehot: 0n, ivaOffset: 0, isrCode: 0, kind: 0 };
}

export interface FaultPrioModel {
  readonly module: 'vti_fault_prio';
  readonly options: ResolvedFaultPrioOptions;
  readonly inputs: readonly Port[];
  readonly outputs: readonly Port[];
  evalBatch(inputs: Columns, count: number, out?: Columns): Columns;
}

export function createFaultPrioModel(opts: FaultPrioOptions = {}): FaultPrioModel {
  const options = resolveFaultPrioOptions(opts);
  const { inputs: ins, outputs: outs } = faultPrioPorts(options);
  const n = options.rows,
    W = Math.ceil(n / 32),
    top = topWordMask(n);
  // Lookup tables indexed by winner+1; entry 0 is "nothing pending" (all outputs 0).
  const idx = new Uint32Array(n + 1),
    vec = new Uint32Array(n + 1),
    code = new Uint32Array(n + 1),
    kind = new Uint32Array(n + 1);
  options.table.forEach((r, i) => {
    idx[i + 1] = i;
    vec[i + 1] = r.vector;
    code[i + 1] = r.isrCode;
    kind[i + 1] = KIND_CODE[r.kind];
  });
  return {
    module: BLOCK,
    options,
    inputs: ins,
    outputs: outs,
    evalBatch(inputs, count, out) {
      checkInputs(BLOCK, ins, inputs, count);
      const o = outputColumns(BLOCK, outs, count, out);
      const pend = inputs.pending!;
      const va = o.valid!,
        ix = o.index!,
        oh = o.onehot!,
        iv = o.iva_offset!,
        ic = o.isr_code!,
        kd = o.kind!;
      if (W === 2) {
        // The same scan unrolled for two words (33..64 rows, the architectural table).
        for (let i = 0; i < count; i++) {
          const b = i << 1;
          const x0 = pend[b]!,
            x1 = pend[b + 1]! & top;
          const l0 = x0 & -x0,
            nz0 = (l0 | -l0) >> 31;
          const l1 = x1 & -x1 & ~nz0,
            nz1 = (l1 | -l1) >> 31;
          oh[b] = l0;
          oh[b + 1] = l1;
          const win = ((32 - Math.clz32(l0)) & nz0) | ((64 - Math.clz32(l1)) & nz1);
          va[i] = (win | -win) >>> 31;
          ix[i] = idx[win]!;
          iv[i] = vec[win]!;
          ic[i] = code[win]!;
          kd[i] = kind[win]!;
        }
        return o;
      }
      for (let i = 0; i < count; i++) {
        const base = i * W;
        // Branch-free scan (random pending patterns would defeat the branch predictor):
        // `rest` is all ones until a word with a set bit has been seen, then 0; `win` ends as
        // winner index + 1, or 0 when nothing is pending.
        let rest = -1,
          win = 0;
        for (let w = 0; w < W; w++) {
          const x = w === W - 1 ? pend[base + w]! & top : pend[base + w]!;
          const l = x & -x & rest; // lowest set bit of this word, if no lower word had one
          const nz = (l | -l) >> 31;
          oh[base + w] = l;
          win |= (w * 32 + 32 - Math.clz32(l)) & nz;
          rest &= ~nz;
        }
        va[i] = win === 0 ? 0 : 1;
        ix[i] = idx[win]!;
        iv[i] = vec[win]!;
        ic[i] = code[win]!;
        kd[i] = kind[win]!;
      }
      return o;
    },
  };
}
