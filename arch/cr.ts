// Control-register numbers, vector offsets and ISR layout of architecture.md §5 and §8 — spec DATA.

export const CR = Object.freeze({
  DCR: 0,
  ITM: 1,
  IVA: 2,
  PTA: 8,
  IPSR: 16,
  ISR: 17,
  IIP: 19,
  IFA: 20,
  ITIR: 21,
  IIPA: 22,
  IFS: 23,
  IIM: 24,
  IHA: 25,
  IIB0: 26,
  IIB1: 27,
  LID: 64,
  IVR: 65,
  TPR: 66,
  EOI: 67,
  IRR0: 68,
  IRR1: 69,
  IRR2: 70,
  IRR3: 71,
  ITV: 72,
});

/** CRs that only the interruption machinery writes; access while PSR.ic = 1 → Illegal Operation. */
export const CR_INTERRUPTION_RANGE = Object.freeze({ lo: 16, hi: 27 });
/** Read-only CRs: a write → Illegal Operation. */
export const CR_READ_ONLY: readonly number[] = Object.freeze([CR.IVR, CR.IRR0, CR.IRR1, CR.IRR2, CR.IRR3]);
/** Implemented CR numbers; any other number is reserved (→ Illegal Operation). */
export const CR_IMPLEMENTED: readonly number[] = Object.freeze(Object.values(CR));

/** IVA{14:0} is ignored: IP ← IVA{63:15} ∥ offset. */
export const IVA_OFFSET_BITS = 15;

export const ISR_BIT = Object.freeze({
  code: 0,
  vector: 16,
  x: 32,
  w: 33,
  r: 34,
  na: 35,
  sp: 36,
  rs: 37,
  ir: 38,
  ni: 39,
  so: 40,
  ei: 41,
  ed: 43,
});

/** General Exception ISR.code{7:4} values. */
export const GE_CODE = Object.freeze({
  illegalOp: 0x00,
  privOp: 0x10,
  privReg: 0x20,
  reservedRegField: 0x30,
  disabledIsa: 0x40,
  illegalDep: 0x80,
});

export const VECTOR = Object.freeze({
  vhpt: 0x0000,
  instTlb: 0x0400,
  dataTlb: 0x0800,
  altInstTlb: 0x0c00,
  altDataTlb: 0x1000,
  dataNestedTlb: 0x1400,
  instKeyMiss: 0x1800,
  dataKeyMiss: 0x1c00,
  dirtyBit: 0x2000,
  instAccessBit: 0x2400,
  dataAccessBit: 0x2800,
  breakInst: 0x2c00,
  extInt: 0x3000,
  virtExtInt: 0x3400,
  pageNotPresent: 0x5000,
  keyPerm: 0x5100,
  instAccessRights: 0x5200,
  dataAccessRights: 0x5300,
  generalException: 0x5400,
  disabledFp: 0x5500,
  natConsumption: 0x5600,
  speculation: 0x5700,
  debug: 0x5900,
  unaligned: 0x5a00,
  unsupportedData: 0x5b00,
  fpFault: 0x5c00,
  fpTrap: 0x5d00,
  lowerPrivTrap: 0x5e00,
  takenBranchTrap: 0x5f00,
  singleStepTrap: 0x6000,
  virtualization: 0x6100,
});

/**
 * Reserved-field masks of the CRs whose writes are checked (architecture.md §8; layouts from
 * the SDM vol 2 §3.3.x): a `mov cr = r2` setting any of these bits → Reserved Register/Field.
 * IPSR uses the PSR's reserved bits (arch/psr.ts), plus bit 46 when VT is not implemented.
 */
export const CR_RESERVED_MASK: Readonly<Record<number, bigint>> = Object.freeze({
  // DCR: pp 0, be 1, lc 2, dm 8, dp 9, dk 10, dx 11, dr 12, da 13, dd 14
  [CR.DCR]: ~0x7f07n & 0xffff_ffff_ffff_ffffn,
  // PTA: ve 0, size 7:2, vf 8, base 63:15
  [CR.PTA]: 0x7e02n,
  // ITIR: ps 7:2, key 31:8
  [CR.ITIR]: 0xffff_ffff_0000_0003n,
  // IFS: ifm 37:0, v 63
  [CR.IFS]: 0x7fff_ffc0_0000_0000n,
  // ISR: code 15:0, vector 23:16, x..ed 43:32
  [CR.ISR]: 0xffff_f000_ff00_0000n,
});

/** DCR fields the core reads (SDM vol 2 §3.3.4.1): the PSR.be / PSR.pp values for interruptions. */
export const DCR_BIT = Object.freeze({ pp: 0, be: 1 } as const);

/** IFS.v (valid) bit, cleared on interruption dispatch. */
export const IFS_V_BIT = 63;
