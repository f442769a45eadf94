// The vti_psr block's `op` command codes (blocks.md "vti_psr"): one table for the hardware's
// enum, the block reference model and the tests.
export const PSR_OP = Object.freeze({
  NOP: 0,
  MOV_PSR_L: 1,
  SSM: 2,
  RSM: 3,
  SUM: 4,
  RUM: 5,
  MOV_PSR_UM: 6,
  INTERRUPT: 7,
  RFI: 8,
  VMSW0: 9,
  VMSW1: 10,
  EPC: 11,
  BSW0: 12,
  BSW1: 13,
} as const);

export type PsrOpName = keyof typeof PSR_OP;
