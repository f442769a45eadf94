// Programs on which the model is known to disagree with Ski (issue 12: each is fixed later,
// with its directed test). `settled: 'model'` means the SDM rule is clear and the model breaks
// it; 'open' means the SDM text still has to be read closely before deciding which side is
// wrong. The fixture test fails when a listed divergence disappears or changes, and when any
// other program diverges, so this list is always exactly the set of open divergences.

export interface KnownDivergence {
  /** The first divergence as compare.ts reports it: step (1-based) and what differs. */
  readonly step: number;
  readonly what: string;
  /** Who is wrong: the model ('model'), or not decided yet ('open'). */
  readonly settled: 'model' | 'open';
  /** The architectural rule at stake. */
  readonly rule: string;
}

export const KNOWN_DIVERGENCES: Readonly<Record<string, KnownDivergence>> = {
  'alloc-static': {
    step: 7,
    what: 'ip',
    settled: 'model',
    rule: 'alloc may target a static register (r1..r31): only r0 or a stacked target outside the new frame faults; the model raises Illegal Operation for every target below r32',
  },
  'ar-reserved': {
    step: 10,
    what: 'ip',
    settled: 'model',
    rule: 'EC{63:6} is ignored: mov ar.ec=-1 writes 0x3f (PFS with reserved bits set is the Reserved Register/Field fault); the model raises the fault already for EC',
  },
  'break-b': {
    step: 11,
    what: 'iim',
    settled: 'model',
    rule: 'a Break Instruction fault from break.b writes 0 to IIM (the B-unit immediate is ignored); the model writes the immediate',
  },
  'ignored-ar': {
    step: 9,
    what: 'ip',
    settled: 'model',
    rule: 'application registers 48-63 are ignored on the M unit (reads give 0, writes are dropped); the model raises Illegal Operation on mov to ar48',
  },
  'lvt-crs': {
    step: 14,
    what: 'ip',
    settled: 'model',
    rule: 'PMV (cr73), CMCV (cr74), LRR0/LRR1 (cr80/81) are architected CRs; the model does not implement PMV and raises Illegal Operation on mov to cr.pmv',
  },
  'nonaccess-fc': {
    step: 14,
    what: 'isr',
    settled: 'model',
    rule: 'fc faulting on a data translation reports ISR.na = 1, r = 1, code{3:0} = 1 (fc); the model reports code 0',
  },
  'nonaccess-probe-r': {
    step: 14,
    what: 'isr',
    settled: 'model',
    rule: 'probe.r (regular form) faulting on its translation reports ISR.na = 1, r = 1, code{3:0} = 2 (probe); the model reports code 0',
  },
  'nonaccess-probe-w-fault': {
    step: 14,
    what: 'isr',
    settled: 'model',
    rule: 'probe.w.fault reports ISR.na = 1, w = 1 (not r), code{3:0} = 5 (probe.fault); the model reports r = 1 and code 0',
  },
  'nonaccess-tpa': {
    step: 14,
    what: 'isr',
    settled: 'model',
    rule: 'tpa faulting on its translation reports ISR.na = 1 with r = w = 0, code{3:0} = 0; the model also sets ISR.r',
  },
  'psr-oneshot': {
    step: 25,
    what: 'psr',
    settled: 'model',
    rule: 'PSR.id, da, dd, ed and ia last for one instruction: they are cleared once the instruction after rfi completes; the model keeps them set',
  },
  'rfi-mlx': {
    step: 44,
    what: 'ip',
    settled: 'model',
    rule: 'rfi with IPSR.ri = 2 into an MLX bundle: Ski raises Illegal Operation (ISR.ei = 2) at the L slot; the model moves on to slot 1 of the next bundle, skipping its slot 0',
  },
  'rsc-pl': {
    step: 30,
    what: 'rsc',
    settled: 'model',
    rule: 'a write of RSC.pl more privileged than PSR.cpl writes PSR.cpl instead (at cpl 3, mov ar.rsc=3 reads back 0xf); the model keeps the written pl',
  },
  'tlb-dtr': {
    step: 44,
    what: 'iha',
    settled: 'open',
    rule: 'IHA on an Alternate Data TLB fault (VHPT off): Ski leaves IHA unchanged, the model writes the hash address; whether the SDM defines IHA on the alternate vectors decides which is right',
  },
  'unimpl-ia': {
    step: 18,
    what: 'iip',
    settled: 'open',
    rule: 'IIP of the Unimplemented Instruction Address trap on a branch to 0x10000100000 (palen 40): Ski writes the target without its unimplemented bits (0x100000), the model the full target; the SDM clarifies the IIP value in its IIP (CR19) section',
  },
};
