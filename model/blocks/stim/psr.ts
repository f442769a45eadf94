// vti_psr stimulus. Directed: every op with operand 0, each single bit 0..63 (so each reserved
// bit and each field alone), all ones and the defined bits, from a set of start states that
// cover sp 0/1 with up 0/1, every cpl, ri = 3, vm/bn set and all fields set. Random: reachable
// states (reserved bits 0), operands mostly shaped so that the op does not fault.
import {
  PSR_BIT,
  PSR_DEFINED_MASK,
  PSR_L_RESERVED_MASK,
  PSR_SM_RESERVED_MASK,
  PSR_UM_MASK,
  type PsrFieldName,
} from '../../../arch/psr.js';
import { PSR_OP } from '../../../arch/psr-op.js';
import { PSR_COMB_INPUTS, PSR_STEP_INPUTS, resolvePsrOptions, type PsrOptions } from '../psr.js';
import { split64 } from '../columns.js';
import type { RandomSource } from '../prng.js';
import { columnsFor, packVectors, randomWords, sourceOf, type RandomOptions, type Stimulus } from './common.js';

const b = (name: PsrFieldName): bigint => 1n << BigInt(PSR_BIT[name]);
const M64 = (1n << 64n) - 1n;
const OP_NAME = Object.fromEntries(Object.entries(PSR_OP).map(([k, v]) => [v, k])) as Record<number, string>;
const opName = (op: number): string => OP_NAME[op] ?? `op${op}`;

function startStates(vmImplemented: boolean): { label: string; psr: bigint }[] {
  const all = vmImplemented ? PSR_DEFINED_MASK : PSR_DEFINED_MASK & ~b('vm');
  const s = [
    { label: 'psr 0', psr: 0n },
    { label: 'psr all fields', psr: all },
    { label: 'psr up=1 sp=0', psr: b('up') },
    { label: 'psr up=0 sp=1', psr: b('sp') },
    { label: 'psr up=1 sp=1', psr: b('up') | b('sp') },
    { label: 'psr cpl=1', psr: 1n << 32n },
    { label: 'psr cpl=2', psr: 2n << 32n },
    { label: 'psr cpl=3 it=1', psr: (3n << 32n) | b('it') },
    { label: 'psr ri=3', psr: 3n << BigInt(PSR_BIT.ri!) },
  ];
  if (vmImplemented) s.push({ label: 'psr vm=1 bn=1', psr: b('vm') | b('bn') });
  return s;
}

function operands(): { label: string; v: bigint }[] {
  const o = [{ label: 'operand 0', v: 0n }];
  for (let i = 0; i < 64; i++) o.push({ label: `operand bit ${i}`, v: 1n << BigInt(i) });
  o.push(
    { label: 'operand all ones', v: M64 },
    { label: 'operand defined bits', v: PSR_DEFINED_MASK },
    { label: 'operand user mask', v: 0x3en },
    { label: 'operand 3', v: 3n },
  );
  return o;
}

/** Combinational-form vectors (inputs PSR_COMB_INPUTS), each labelled. */
export function directedPsr(opts: PsrOptions = {}): Stimulus {
  const { vmImplemented } = resolvePsrOptions(opts);
  const rows: { label: string; v: Record<string, bigint | number> }[] = [];
  for (const st of startStates(vmImplemented))
    for (let op = 0; op < 16; op++)
      for (const od of operands()) {
        const i = rows.length;
        rows.push({
          label: `${opName(op)} ${od.label}, ${st.label}`,
          v: { psr: st.psr, op, operand: od.v, slot: i & 3, dcr_be: (i >> 2) & 1, dcr_pp: (i >> 3) & 1 },
        });
      }
  // INTERRUPT with every DCR combination, and reset over a non-zero state.
  for (const st of startStates(vmImplemented)) {
    for (let k = 0; k < 4; k++)
      rows.push({
        label: `INTERRUPT dcr_be=${k & 1} dcr_pp=${k >> 1}, ${st.label}`,
        v: { psr: st.psr, op: PSR_OP.INTERRUPT, slot: k, dcr_be: k & 1, dcr_pp: k >> 1 },
      });
    rows.push({ label: `rst during SSM, ${st.label}`, v: { psr: st.psr, rst: 1, op: PSR_OP.SSM, operand: 0xffffffn } });
  }
  return packVectors(PSR_COMB_INPUTS, rows);
}

/** Clocked-form sequence covering the same transitions: reset, then per case an RFI that
 *  loads the start state (start states have no reserved bits, so RFI loads them exactly)
 *  followed by the op under test. Labels name the op cycles. */
export function directedPsrSequence(opts: PsrOptions = {}): Stimulus {
  const comb = directedPsr(opts);
  const rows: { label: string; v: Record<string, bigint | number> }[] = [{ label: 'reset', v: { rst: 1 } }];
  const get = (name: string, i: number, words: number): bigint => {
    const c = comb.inputs[name]!;
    return words === 2 ? (BigInt(c[2 * i + 1]!) << 32n) | BigInt(c[2 * i]!) : BigInt(c[i]!);
  };
  for (let i = 0; i < comb.count; i++) {
    rows.push({ label: `load state for: ${comb.labels![i]}`, v: { op: PSR_OP.RFI, operand: get('psr', i, 2) } });
    const v: Record<string, bigint | number> = {};
    for (const p of PSR_STEP_INPUTS) v[p.name] = get(p.name, i, p.words);
    rows.push({ label: comb.labels![i]!, v });
  }
  return packVectors(PSR_STEP_INPUTS, rows);
}

// Per op, the operand bits that make it fault (lo word, hi word): cleared by the shaping so
// that most random vectors actually write the PSR.
const FAULT_BITS: [number, number][] = Array.from({ length: 16 }, (): [number, number] => [0, 0]);
FAULT_BITS[PSR_OP.MOV_PSR_L] = split64(PSR_L_RESERVED_MASK);
FAULT_BITS[PSR_OP.SSM] = FAULT_BITS[PSR_OP.RSM] = split64(PSR_SM_RESERVED_MASK);
FAULT_BITS[PSR_OP.SUM] = FAULT_BITS[PSR_OP.RUM] = split64(~PSR_UM_MASK & 0xffffffn);
FAULT_BITS[PSR_OP.MOV_PSR_UM] = split64(~PSR_UM_MASK & M64);

const FAULT_LO = Int32Array.from(FAULT_BITS, (f) => f[0]),
  FAULT_HI = Int32Array.from(FAULT_BITS, (f) => f[1]);

interface PsrRandomOptions extends RandomOptions {
  readonly options?: PsrOptions;
}

/** The per-cycle inputs from random words: the operand from two, everything else from one
 *  (op bits 0..3, slot 4..5, dcr_be 6, dcr_pp 7, bits 8..9 nonzero (3 in 4): the op's faulting
 *  operand bits cleared; rst when bits 10.. (log2 rstOneIn of them) are all 0). */
function shapeOps(cols: Record<string, Uint32Array>, count: number, src: RandomSource, rstOneIn: number): void {
  const rstMask = rstOneIn - 1;
  if ((rstOneIn & rstMask) !== 0) throw new Error(`shapeOps: rstOneIn must be a power of 2, got ${rstOneIn}`);
  const op = cols.op!,
    od = cols.operand!,
    rst = cols.rst!,
    slot = cols.slot!,
    be = cols.dcr_be!,
    pp = cols.dcr_pp!;
  src.fill(od.subarray(0, 2 * count));
  const w = randomWords(src, count);
  for (let i = 0; i < count; i++) {
    const x = w[i]!,
      o = x & 15;
    op[i] = o;
    slot[i] = (x >>> 4) & 3;
    be[i] = (x >>> 6) & 1;
    pp[i] = (x >>> 7) & 1;
    const clear = -((((x >>> 8) & 3) + 3) >>> 2);
    od[2 * i] = od[2 * i]! & ~(FAULT_LO[o]! & clear);
    od[2 * i + 1] = od[2 * i + 1]! & ~(FAULT_HI[o]! & clear);
    // EPC: an operand{1:0} that is often below cpl needs no help; keep as drawn.
    rst[i] = ((x >>> 10) & rstMask) === 0 ? 1 : 0;
  }
}

/** Random combinational-form vectors; current state reachable (reserved bits 0). */
export function randomPsr(count: number, o: PsrRandomOptions = {}): Stimulus {
  const { vmImplemented } = resolvePsrOptions(o.options);
  const src = sourceOf(o);
  const cols = columnsFor(PSR_COMB_INPUTS, count, o.into);
  const [dl, dh] = split64(vmImplemented ? PSR_DEFINED_MASK : PSR_DEFINED_MASK & ~b('vm'));
  const psr = cols.psr!;
  src.fill(psr.subarray(0, 2 * count));
  for (let i = 0; i < count; i++) {
    psr[2 * i]! &= dl;
    psr[2 * i + 1]! &= dh;
  }
  shapeOps(cols, count, src, 32);
  return { count, inputs: cols };
}

/** Random clocked-form cycle sequence: reset in cycle 0 (unless resetFirst is false), then
 *  about one reset in 256 cycles; RFI (1 op in 16) moves the PSR to random states. */
export function randomPsrSequence(
  count: number,
  o: PsrRandomOptions & { readonly resetFirst?: boolean } = {},
): Stimulus {
  resolvePsrOptions(o.options);
  const src = sourceOf(o);
  const cols = columnsFor(PSR_STEP_INPUTS, count, o.into);
  shapeOps(cols, count, src, 256);
  if (count > 0 && o.resetFirst !== false) cols.rst![0] = 1;
  return { count, inputs: cols };
}
