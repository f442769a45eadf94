// Column layout of the vti_core event interface (docs/vti_core.md): the input ports the
// lockstep drives and the outputs it compares, with their widths, as typed-array columns of
// ceil(width/32) words per cycle (the engines' batch format, sim/engine.ts) — the column
// layout of the block co-simulation (model/blocks/columns.ts), whose types and helpers it uses.
import { NON_ACCESS_WIDTH } from '../../../arch/non-access.js';
import { allocColumns, getBig, port as p, type Columns, type Port } from '../../../model/blocks/columns.js';

export { allocColumns, type Columns };

export const INPUTS: readonly Port[] = [
  p('rst', 1),
  p('ev_valid', 1),
  p('iclass', 5),
  p('variant', 1),
  p('ip', 64),
  p('slot', 2),
  p('bundle', 128),
  p('next_ip_in', 64),
  p('next_slot_in', 2),
  p('imm', 24),
  p('r2', 64),
  p('r2_nat', 1),
  p('cr_num', 7),
  p('page_ar', 3),
  p('page_pl', 2),
  p('pfs_ppl', 2),
  p('addr', 64),
  p('has_addr', 1),
  p('non_access_kind', NON_ACCESS_WIDTH),
  p('cfm', 38),
  p('ext_int', 1),
  p('env_pending', 56),
  p('vm_disabled', 1),
  p('vmsw_disabled', 1),
];

/** The interruption CRs the core holds, as output names (hdl/vti/core-inputs.ts CORE_CRS). */
export const CR_OUTPUTS = ['dcr', 'iva', 'ipsr', 'isr', 'iip', 'ifa', 'iipa', 'ifs', 'iim', 'iib0', 'iib1'] as const;
export type CrOutput = (typeof CR_OUTPUTS)[number];

export const OUTPUTS: readonly Port[] = [
  p('psr', 64),
  ...CR_OUTPUTS.map((n) => p(n, 64)),
  p('taken', 1),
  p('intr_vector', 15),
  p('redirect', 1),
  p('next_ip', 64),
  p('next_slot', 2),
  p('completed', 1),
  p('rd_valid', 1),
  p('rd_value', 64),
];

export const INPUT_BY_NAME: ReadonlyMap<string, Port> = new Map(INPUTS.map((q) => [q.name, q]));
export const OUTPUT_BY_NAME: ReadonlyMap<string, Port> = new Map(OUTPUTS.map((q) => [q.name, q]));

/** Value of vector i of a column as a bigint (reports only; off the hot path). */
export function valueAt(cols: Columns, port: Port, i: number): bigint {
  return getBig(cols[port.name]!, port, i);
}

/** Copies vectors [from, from+count) of every column into fresh columns. */
export function sliceColumns(ports: readonly Port[], cols: Columns, from: number, count: number): Columns {
  return Object.fromEntries(ports.map((q) => [q.name, cols[q.name]!.slice(from * q.words, (from + count) * q.words)]));
}

/** Columns from scalar rows (directed stimuli, replay of a stimulus file). */
export function columnsFromRows(
  ports: readonly Port[],
  rows: readonly Record<string, bigint | number | string>[],
): Columns {
  const cols = allocColumns(ports, rows.length);
  rows.forEach((r, i) => {
    for (const q of ports) {
      const raw = r[q.name];
      if (raw === undefined) continue;
      let v = BigInt(raw);
      for (let k = 0; k < q.words; k++) {
        cols[q.name]![i * q.words + k] = Number(v & 0xffffffffn);
        v >>= 32n;
      }
    }
  });
  return cols;
}

/** Vector i of every column as hex strings (stimulus files). */
export function rowAt(ports: readonly Port[], cols: Columns, i: number): Record<string, string> {
  return Object.fromEntries(ports.map((q) => [q.name, '0x' + valueAt(cols, q, i).toString(16)]));
}
