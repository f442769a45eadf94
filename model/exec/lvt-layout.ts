// The local vector table's registers that arch/cr.ts (the VT-i core's CR set) does not list,
// and the LRR0/1 field layout (SDM vol 2 §5.8.3): data only, shared by the mov to/from CR rules
// (interrupt-crs.ts) and the LINT pins (interrupts.ts) without either importing the other.

/** The CRs of the local vector table that arch/cr.ts does not list. */
export const CR_LVT = Object.freeze({ PMV: 73, CMCV: 74, LRR0: 80, LRR1: 81 });

/** LRR0/1: vector 7:0, dm 10:8, ipp 13, tm 15, m 16; 11 and 14 reserved; 12 and 63:17 ignored. */
export const LRR_FIELD = Object.freeze({
  vector: { lo: 0, width: 8 },
  dm: { lo: 8, width: 3 },
  ipp: { lo: 13, width: 1 },
  tm: { lo: 15, width: 1 },
  m: { lo: 16, width: 1 },
} as const);
export type LrrField = keyof typeof LRR_FIELD;
