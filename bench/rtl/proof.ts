// The proof that a hand-written block is equivalent to the generated one, kept by content: the
// key is both designs' Verilog, their tops, the kind of proof and the Yosys version, so a proof
// that passed is not run again for identical Verilog (vti_core's takes 15–40 minutes on a loaded
// 2-core machine). Only passed proofs are kept; a failed or unproven one runs every time.
import { type Cache, createContentCache } from '../../cache/content-cache.js';
import { cacheSubdir } from '../../cache/root.js';
import { proveEquivalent } from '../../formal/equiv.js';
import { yosysPackageVersion } from '../../formal/yosys-version.js';
import { proveMatchedState } from './equiv-matched.js';
import type { Design } from './measure.js';

/** 'comb' a combinational miter, 'induction' the miter by k-induction from reset, 'matched' equiv-matched.ts. */
export type ProofKind = 'comb' | 'induction' | 'matched';

export interface BlockProof {
  readonly verdict: 'equivalent' | 'different' | 'unproven' | 'inconclusive';
  readonly detail: string;
  /** The proof passed before for the same Verilog (from the cache). */
  readonly cached: boolean;
}

/** The proof cache: bench-rtl-proofs/ below the cache root (none when VTI_CACHE_DIR=off). */
export const proofCache = (): Cache => createContentCache(cacheSubdir('bench-rtl-proofs'), undefined, 'proof cache');

async function prove(gen: Design, hand: Design, kind: ProofKind): Promise<Omit<BlockProof, 'cached'>> {
  if (kind === 'matched') return proveMatchedState(gen, hand);
  const r = await proveEquivalent({
    gold: { files: gen.files, top: gen.top },
    gate: { files: hand.files, top: hand.top },
    sequential: kind === 'induction',
  });
  return { verdict: r.verdict, detail: r.table ?? r.method };
}

const verilogOf = (d: Design) =>
  Object.entries(d.files)
    .filter(([f]) => f.endsWith('.v'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flat();

class NotProven extends Error {
  constructor(readonly result: Omit<BlockProof, 'cached'>) {
    super(result.verdict);
  }
}

/** Proves `hand` equivalent to `gen`, or takes the passed proof of the same Verilog from `cache`. */
export async function proveBlock(
  gen: Design,
  hand: Design,
  kind: ProofKind,
  cache = proofCache(),
): Promise<BlockProof> {
  const key = [
    'bench-rtl-proof-v1',
    kind,
    yosysPackageVersion(),
    gen.top,
    ...verilogOf(gen),
    hand.top,
    ...verilogOf(hand),
  ];
  try {
    const r = await cache.text('proof', key, async () => {
      const p = await prove(gen, hand, kind);
      if (p.verdict !== 'equivalent') throw new NotProven(p);
      return p.detail;
    });
    return { verdict: 'equivalent', detail: r.value, cached: r.hit };
  } catch (e) {
    if (e instanceof NotProven) return { ...e.result, cached: false };
    throw e;
  }
}
