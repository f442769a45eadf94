// Programs on which the model is known to disagree with Ski. `settled: 'model'` means the SDM
// rule is clear and the model breaks it (to be fixed); 'ski' means Ski breaks the SDM rule and
// the model follows the SDM (kept for good); 'open' means the SDM text still has to be read
// closely before deciding which side is wrong. The fixture test fails when a listed divergence disappears or changes, and when any
// other program diverges, so this list is always exactly the set of open divergences.

export interface KnownDivergence {
  /** The first divergence as compare.ts reports it: step (1-based) and what differs. */
  readonly step: number;
  readonly what: string;
  /** Who is wrong: the model ('model'), Ski ('ski'), or not decided yet ('open'). */
  readonly settled: 'model' | 'ski' | 'open';
  /** The architectural rule at stake. */
  readonly rule: string;
}

export const KNOWN_DIVERGENCES: Readonly<Record<string, KnownDivergence>> = {
  'alat-cmpxchg-fail': {
    step: 18,
    what: 'ip',
    settled: 'ski',
    rule: 'A cmpxchg whose compare fails stores nothing and removes no ALAT entry (SDM vol 3 cmpxchg pseudo-code: alat_inval_multiple_entries only when AR[CCV] equals the value read); Ski with -alat removes the overlapping entries on every cmpxchg, so its chk.a.nc branches',
  },
  'break-x': {
    step: 10,
    what: 'iim',
    settled: 'open',
    rule: 'IIM of a Break Instruction fault from break.x 0x3fffffffffffffff: Ski writes the low 21 bits of imm62 (0x1fffff), the model the whole imm62; the SDM break pseudo-code (X-unit form) decides',
  },
  'unimpl-ia': {
    step: 18,
    what: 'iip',
    settled: 'ski',
    rule: 'IIP of the Unimplemented Instruction Address trap on a branch to 0x10000100000 (palen 40) is the full target, unimplemented bits included, so that the handler sees where the branch went (SDM vol 2, IIP and "Unimplemented Address Bits"); Ski keeps only the implemented bits of IP (0x100000)',
  },
};
