// The winner selection of vti_fault_prio in three shapes (issue 18, item 3), one parameter apart:
// the rows are cut into groups of `group` consecutive rows; inside a group the winner is found
// by a log-depth prefix OR and its fields by OR-ing the one-hot winner masked with constant
// columns; across groups a balanced binary tree passes up (valid, fields) and each node picks
// its lower half when that has a pending row. group = N is the pure prefix form (one group),
// group = 1 the pure tree (every leaf one row), anything between a hybrid. Which shape is the
// default is a measurement (bench/rtl/fault-prio.ts, bench/rtl/README.md), not a taste.
import { cat, type ModuleBuilder, mux, type Value } from '../dsl/index.js';

export const FAULT_PRIO_STRUCTURES = ['prefix', 'tree', 'hybrid'] as const;
export type FaultPrioStructure = (typeof FAULT_PRIO_STRUCTURES)[number];

/** What the selection produces: the one-hot winner and the winner's packed row value (0 when none). */
export interface Selection {
  readonly onehot: Value;
  readonly fields: Value;
}

/** Rows per group for a structure name (`hybrid` takes `hybridGroup`). */
export function groupSize(structure: FaultPrioStructure, rows: number, hybridGroup: number): number {
  if (structure === 'prefix') return rows;
  if (structure === 'tree') return 1;
  return Math.min(rows, Math.max(1, hybridGroup));
}

/**
 * The winner (lowest set bit of `pending`) and its packed row value; `rowValue[i]` is row i's
 * value (`width` bits). `group`: rows per group (1..N).
 */
export function selectWinner(
  m: ModuleBuilder,
  pending: Value,
  rowValue: readonly bigint[],
  width: number,
  group: number,
): Selection {
  const n = pending.width;
  const groups: { lo: number; hi: number }[] = [];
  for (let lo = 0; lo < n; lo += group) groups.push({ lo, hi: Math.min(n, lo + group) });
  const leaves = groups.map((g) => leafOf(m, pending.bits(g.hi - 1, g.lo), rowValue.slice(g.lo, g.hi), width));
  const root = treeOf(leaves, []);
  return { onehot: cat(...[...root.onehot].reverse()), fields: root.fields };
}

interface Leaf {
  readonly valid: Value;
  /** The group's own winner, one-hot over its rows. */
  readonly winner: Value;
  readonly fields: Value;
}

/** One group: prefix-OR winner, fields as OR of the winner under constant column masks. */
function leafOf(m: ModuleBuilder, pending: Value, rows: readonly bigint[], width: number): Leaf {
  const n = pending.width;
  const valid = n === 1 ? pending : pending.orR();
  // `below` has bit i set when some bit under i is pending: shift-and-OR doubling, log2 levels.
  let prefix: Value = pending;
  for (let s = 1; s < n; s *= 2) prefix = prefix.or(prefix.shl(s));
  const winner = n === 1 ? pending : pending.and(prefix.shl(1).not());
  const bits: Value[] = [];
  for (let b = width - 1; b >= 0; b--) {
    // The mask is built as hex digits, not by OR-ing bigints, so it costs O(n) not O(n^2).
    const nibbles = new Uint8Array(Math.ceil(n / 4));
    let any = false;
    rows.forEach((v, i) => {
      if ((v >> BigInt(b)) & 1n) {
        const k = nibbles.length - 1 - (i >> 2);
        nibbles[k] = (nibbles[k] ?? 0) | (1 << (i & 3));
        any = true;
      }
    });
    const mask = BigInt('0x' + Array.from(nibbles, (x) => x.toString(16)).join(''));
    bits.push(!any ? m.lit(0, 1) : n === 1 ? winner : winner.and(mask).orR());
  }
  return { valid, winner, fields: cat(...bits) };
}

interface Node {
  readonly valid: Value;
  readonly fields: Value;
  /** Each group's slice of the one-hot winner, lowest rows first. */
  readonly onehot: readonly Value[];
}

/**
 * Balanced tree over `leaves`: the lower half wins when it has a pending row. `blockers` are
 * the valid bits of every lower half on the way down; a group's winner counts only when none is set.
 */
function treeOf(leaves: readonly Leaf[], blockers: readonly Value[]): Node {
  const [only] = leaves;
  if (!only) throw new Error('vti_fault_prio: a tree over no rows');
  if (leaves.length === 1) {
    const blocked = blockers.reduce<Value | undefined>((a, b) => (a ? a.or(b) : b), undefined);
    const winner = blocked ? only.winner.and(blocked.not().repeat(only.winner.width)) : only.winner;
    return { valid: only.valid, fields: only.fields, onehot: [winner] };
  }
  const mid = Math.ceil(leaves.length / 2);
  const low = treeOf(leaves.slice(0, mid), blockers);
  const high = treeOf(leaves.slice(mid), [...blockers, low.valid]);
  return {
    valid: low.valid.or(high.valid),
    fields: mux(low.valid, low.fields, high.fields),
    onehot: [...low.onehot, ...high.onehot],
  };
}
