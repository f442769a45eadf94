// The non-access instructions (SDM vol 2, "Non-access Instructions and Interruptions") as
// vti_core's `non_access_kind` input: for each kind, the ISR.code{3:0} its faults report (with
// ISR.na = 1) and the ISR.r/w bits — none for tpa and tak, r for fc and lfetch(.fault), and
// for probe those of the probed access. The golden model states the same rule in
// model/exec/xlate.ts (nonAccessIsr); test/cosim/non-access.test.ts checks the two agree.

export interface NonAccessInfo {
  /** The `non_access_kind` encoding. */
  readonly value: number;
  /** ISR.code{3:0}. */
  readonly code: number;
  readonly r: boolean;
  readonly w: boolean;
}

const k = (value: number, code: number, r: boolean, w: boolean): NonAccessInfo => ({ value, code, r, w });

/** NONE: an access instruction or no data reference at all (the ISR is the row's own). */
export const NON_ACCESS = Object.freeze({
  NONE: k(0, 0, false, false),
  TPA: k(1, 0, false, false),
  FC: k(2, 1, true, false),
  PROBE_R: k(3, 2, true, false),
  PROBE_W: k(4, 2, false, true),
  TAK: k(5, 3, false, false),
  LFETCH: k(6, 4, true, false),
  PROBE_FAULT_R: k(7, 5, true, false),
  PROBE_FAULT_W: k(8, 5, false, true),
  PROBE_FAULT_RW: k(9, 5, true, true),
});
export type NonAccessKind = keyof typeof NON_ACCESS;
/** Width of the `non_access_kind` port. */
export const NON_ACCESS_WIDTH = 4;
