// Programs on which the model is known to disagree with Ski. `settled: 'model'` means the SDM
// rule is clear and the model breaks it (to be fixed); 'ski' means Ski breaks the SDM rule and
// the model follows the SDM (kept for good); 'spec' means the project's normative spec
// (docs/spec/architecture.md) settles a point the SDM leaves to it and Ski does otherwise (kept
// for good); 'open' means the SDM text still has to be read
// closely before deciding which side is wrong. The fixture test fails when a listed divergence disappears or changes, and when any
// other program diverges, so this list is always exactly the set of open divergences.

export interface KnownDivergence {
  /** The first divergence as compare.ts reports it: step (1-based) and what differs. */
  readonly step: number;
  readonly what: string;
  /** Who is wrong: the model ('model'), Ski ('ski' by the SDM, 'spec' by the project's spec), or not decided yet ('open'). */
  readonly settled: 'model' | 'ski' | 'spec' | 'open';
  /** The architectural rule at stake. */
  readonly rule: string;
}

export const KNOWN_DIVERGENCES: Readonly<Record<string, KnownDivergence>> = {
  'dbg-ski-quick': {
    step: 52,
    what: 'ip',
    settled: 'ski',
    rule: 'With PSR.db = 1 every load, store and semaphore whose address matches an enabled DBR pair takes the Data Debug fault (SDM vol 2 §7.1, Debug vector); Ski 1.5.1 checks the DBRs only on its slow data-translation path, so with PSR.dt = 1 a load through a page with a = d = 1 and sufficient rights never faults',
  },
  'dbg-ski-fallthrough': {
    step: 27,
    what: 'ip',
    settled: 'ski',
    rule: 'With PSR.db = 1 every instruction fetched from a bundle that matches an enabled IBR pair takes the Instruction Debug fault (SDM vol 2 §7.1); Ski 1.5.1 checks the IBRs only when it looks a code page up (a branch or rfi to another page, an interruption), so falling through into a breakpointed bundle of the same page raises nothing',
  },
  'alat-cmpxchg-fail': {
    step: 18,
    what: 'ip',
    settled: 'ski',
    rule: 'A cmpxchg whose compare fails stores nothing and removes no ALAT entry (SDM vol 3 cmpxchg pseudo-code: alat_inval_multiple_entries only when AR[CCV] equals the value read); Ski with -alat removes the overlapping entries on every cmpxchg, so its chk.a.nc branches',
  },
  'spec-natpage-abit': {
    step: 51,
    what: 'ip',
    settled: 'ski',
    rule: 'A speculative load from a NaTPage whose access bit is 0 returns a NaT without a fault: Data NaT Page Consumption ranks above Data Access Bit (SDM vol 2, interruption priorities) and is always deferred for speculative loads (vol 2 §5.5.5); Ski 1.5.1 checks the access bit first and takes the Data Access Bit fault (0x2800)',
  },
  'tlb-ptr-tc': {
    step: 39,
    what: 'r11',
    settled: 'ski',
    rule: 'ptr.d purges the overlapping data TC entries as well as the TRs (SDM vol 2 §4.1.1.4 purge behaviour; vol 3 itr: the old TR translation "may remain as a TC entry" and software uses ptr to purge it), so tak then finds no translation and returns 1; Ski 1.5.1 purges only the TRs and still returns the TC entry\'s key',
  },
  'ifs-interruption': {
    step: 19,
    what: 'ifs',
    settled: 'ski',
    rule: 'An interruption with PSR.ic = 1 clears IFS.v and writes no other IFS field (SDM vol 2, IFS (CR23): v "cleared to 0 on interruption if PSR.ic is 1"; the frame marker is written only by cover and read only by rfi with v = 1); Ski 1.5.1 clears all of IFS, so the frame marker written before (0x185) reads back 0',
  },
  'mm-sss': {
    step: 13,
    what: 'r4',
    settled: 'ski',
    rule: 'padd/psub .sss clip each element to the signed limits of its width (SDM vol 3 padd/psub: max = 0x7f/0x7fff, min = 0x80/0x8000 on the sign-extended sum); Ski 1.5.1 saturates elements that do not overflow (padd1.sss 0x…01+0x…02 gives 0x80)',
  },
  'mm-shladd': {
    step: 13,
    what: 'r4',
    settled: 'ski',
    rule: 'pshladd2/pshradd2 shift each signed halfword (the left shift saturating), then add with signed saturation (SDM vol 3 pshladd2/pshradd2); Ski 1.5.1 returns 0x8000 in every element',
  },
  'mm-pack-sss': {
    step: 14,
    what: 'r4',
    settled: 'ski',
    rule: 'pack2.sss/pack4.sss clip each signed source element to the signed limits of the half width, r2 into the low half (SDM vol 3 pack); Ski 1.5.1 clips in-range elements to the minimum (0x80)',
  },
  'be-xchg4': {
    step: 14,
    what: 'r4',
    settled: 'ski',
    rule: 'With PSR.be = 1 a 4-byte semaphore reads 4 bytes, the lowest-addressed most significant, zero-extended (SDM vol 1 §4.5 byte ordering, vol 3 xchg); Ski 1.5.1 returns 0x0004030201020304 for the bytes 01 02 03 04 (an 8-byte mix), while its 8-byte semaphores and plain big-endian loads agree with the model',
  },
  'brl-unimpl': {
    step: 12,
    what: 'iip',
    settled: 'ski',
    rule: 'As unimpl-ia, for brl: IIP of the Unimplemented Instruction Address trap is the full target 0x10000100090 (palen 40), unimplemented bits included (SDM vol 2, IIP and "Unimplemented Address Bits"); Ski keeps only the implemented bits (0x100090)',
  },
  'unimpl-ia': {
    step: 18,
    what: 'iip',
    settled: 'ski',
    rule: 'IIP of the Unimplemented Instruction Address trap on a branch to 0x10000100000 (palen 40) is the full target, unimplemented bits included, so that the handler sees where the branch went (SDM vol 2, IIP and "Unimplemented Address Bits"); Ski keeps only the implemented bits of IP (0x100000)',
  },
  'vhpt-nested-ic0': {
    step: 174,
    what: 'isr',
    settled: 'spec',
    rule: 'ISR of a Data Nested TLB fault (0x1400, a data TLB miss with PSR.ic = 0, here a walk whose own reference misses): the project spec (architecture.md §4: a data TLB-class fault while PSR.ic = 0 "becomes a Data Nested TLB fault and writes no interruption registers except ISR") has ISR written (r, ni = 1), and vti_core does so; Ski 1.5.1 writes no interruption register at all on this vector',
  },
};
