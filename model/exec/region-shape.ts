// The control structure of a region (region.ts) as JavaScript statements: which bundles head a
// loop (`for (;;)`, entered by `continue` from its back-edges), which forward branches inside a
// loop land after a labelled block (`break`), and which bundles the region's top-level
// `switch` can enter. Structured loops keep a hot loop's registers and predicates in machine
// registers (the JIT sees a plain loop, not a dispatch switch per bundle).
//
// Bundles are numbered 0..len-1 in address order; a branch from bundle b to bundle t is a
// back-edge when t <= b. Every back-edge makes a loop [t, b]; loops that overlap without
// nesting are widened until they nest (a wider loop body is still correct: its end falls out).
// A forward branch whose target lies inside a loop is a labelled block when the branch is in
// that loop too; a forward branch into the middle of a loop from outside it (no structured
// form) leaves the region. Top-level forward branches go through the switch.

/** One loop: its header bundle and last bundle (inclusive). */
export interface RegionLoop {
  readonly head: number;
  end: number;
}

/** How a branch from one bundle of the region to another is written. */
export type EdgeKind = 'continue' | 'block' | 'dispatch' | 'exit';

export interface RegionShape {
  /** Loops, nested or disjoint, ordered by header. */
  readonly loops: readonly RegionLoop[];
  /** The loop headed by bundle j, or -1. */
  readonly loopAt: readonly number[];
  /** The innermost loop holding bundle j other than as its header (-1: top level). */
  readonly owner: readonly number[];
  /** Per loop: the targets of its forward blocks (bundles owned by the loop or headers of loops it owns). */
  readonly blocks: readonly (readonly number[])[];
  /** How the branch from bundle b to bundle t is written. */
  edge(b: number, t: number): EdgeKind;
  /** Bundles the region can be entered at (top-level bundles and top-level loop headers). */
  readonly entries: readonly number[];
}

/** Builds the shape of a region of `len` bundles with static branches `edges` ([from, to], both inside). */
export function regionShape(len: number, edges: readonly (readonly [number, number])[]): RegionShape {
  const byHead = new Map<number, number>();
  for (const [b, t] of edges) if (t <= b) byHead.set(t, Math.max(byHead.get(t) ?? t, b));
  const loops: RegionLoop[] = [...byHead].map(([head, end]) => ({ head, end })).sort((x, y) => x.head - y.head);
  // Widen until laminar: a loop that starts inside another one ends inside it too.
  for (let changed = true; changed; ) {
    changed = false;
    for (const outer of loops)
      for (const inner of loops)
        if (inner.head > outer.head && inner.head <= outer.end && inner.end > outer.end) {
          outer.end = inner.end;
          changed = true;
        }
  }
  const loopAt = new Array<number>(len).fill(-1);
  loops.forEach((l, i) => {
    loopAt[l.head] = i;
  });
  // Loops are sorted by header and nest, so the last one holding j is the innermost.
  const owner = Array.from({ length: len }, (_, j) => {
    let o = -1;
    loops.forEach((l, i) => {
      if (l.head < j && j <= l.end) o = i;
    });
    return o;
  });
  const inside = (i: number, b: number) => loops[i]!.head <= b && b <= loops[i]!.end;
  const edge = (b: number, t: number): EdgeKind => {
    if (t <= b) return 'continue';
    const c = owner[t]!;
    if (c < 0) return 'dispatch';
    return inside(c, b) ? 'block' : 'exit';
  };
  const blocks = loops.map(() => new Set<number>());
  for (const [b, t] of edges) if (edge(b, t) === 'block') blocks[owner[t]!]!.add(t);
  const entries = [...Array(len).keys()].filter((j) => owner[j] === -1);
  return {
    loops,
    loopAt,
    owner,
    blocks: blocks.map((s) => [...s].sort((x, y) => x - y)),
    edge,
    entries,
  };
}
