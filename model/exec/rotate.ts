// Register rotation (SDM vol 1 §4.5.1, vol 2 §6): the rotating GRs (r32 .. r32+CFM.sor−1),
// FRs (f32-f127) and predicates (p16-p63), renamed by CFM.rrb.gr/fr/pr.
//
// GRs and predicates are stored by their *logical* name (m.grLo[r] is what an instruction
// naming r sees), so the hot paths index the register files directly; a change of rrb
// permutes the rotating part instead (relayoutGr/relayoutPr: at most 96 moves, once per
// modulo-scheduled branch). FRs are stored by physical number and read through frPhys (the
// mapping the FP unit uses). The RSE moves frames in physical order: it asks frameSlotReg
// where physical frame slot j lives.

/** The register state rotation works on: the Machine's fields (named here so that machine.ts can use this file). */
export interface RotatingRegs {
  readonly grLo: Uint32Array;
  readonly grHi: Uint32Array;
  readonly nat: Uint8Array;
  readonly pr: Uint8Array;
  sor: number;
  rrbGr: number;
  rrbFr: number;
  rrbPr: number;
}

/** Physical stacked registers of the implementation (Ski's value); the RSE's register file (rse.ts). */
export const N_STACKED_PHYS = 96;

export const ROT_GR_BASE = 32;
export const ROT_FR_BASE = 32,
  ROT_FR_SIZE = 96;
export const ROT_PR_BASE = 16,
  ROT_PR_SIZE = 48;

/**
 * The rotation mapping of the SDM: logical register `r` of a rotating region [base, base+size)
 * renamed by `rrb` is physical base + ((r − base + rrb) mod size); registers outside the
 * region are not renamed.
 */
export function rotatedIndex(r: number, base: number, size: number, rrb: number): number {
  if (r < base || r >= base + size || size === 0) return r;
  return base + ((r - base + rrb) % size);
}

/** Physical FR of logical FR `r` under CFM.rrb.fr (f32-f127 rotate). */
export function frPhys(m: Pick<RotatingRegs, 'rrbFr'>, r: number): number {
  return rotatedIndex(r, ROT_FR_BASE, ROT_FR_SIZE, m.rrbFr);
}

/** The logical GR that holds physical slot `j` (0-based from r32) of the current frame. */
export function frameSlotReg(m: RotatingRegs, j: number): number {
  const sor = m.sor;
  if (m.rrbGr === 0 || j >= sor) return ROT_GR_BASE + j;
  return ROT_GR_BASE + ((j - m.rrbGr + sor) % sor);
}

/**
 * Where (index of m.pr) physical predicate `p` is stored: the broadside moves (mov pr=,
 * mov =pr, mov pr.rot=) transfer the predicates as if CFM.rrb.pr were zero (SDM vol 1 §3.3.5).
 */
export function prSlot(m: RotatingRegs, p: number): number {
  if (p < ROT_PR_BASE || m.rrbPr === 0) return p;
  return ROT_PR_BASE + ((p - ROT_PR_BASE - m.rrbPr + ROT_PR_SIZE) % ROT_PR_SIZE);
}

const TMP_LO = new Uint32Array(96),
  TMP_HI = new Uint32Array(96),
  TMP_NAT = new Uint8Array(96);

/** Re-stores the rotating GRs (sor of them) named by rrb `from` under rrb `to`. */
export function relayoutGr(m: RotatingRegs, sor: number, from: number, to: number): void {
  if (sor === 0 || from === to) return;
  const d = (((to - from) % sor) + sor) % sor;
  for (let i = 0; i < sor; i++) {
    TMP_LO[i] = m.grLo[ROT_GR_BASE + i]!;
    TMP_HI[i] = m.grHi[ROT_GR_BASE + i]!;
    TMP_NAT[i] = m.nat[ROT_GR_BASE + i]!;
  }
  for (let i = 0; i < sor; i++) {
    const k = (i + d) % sor;
    m.grLo[ROT_GR_BASE + i] = TMP_LO[k]!;
    m.grHi[ROT_GR_BASE + i] = TMP_HI[k]!;
    m.nat[ROT_GR_BASE + i] = TMP_NAT[k]!;
  }
}

/** Re-stores p16-p63 named by rrb.pr `from` under rrb.pr `to`. */
export function relayoutPr(m: RotatingRegs, from: number, to: number): void {
  if (from === to) return;
  const d = (((to - from) % ROT_PR_SIZE) + ROT_PR_SIZE) % ROT_PR_SIZE;
  for (let i = 0; i < ROT_PR_SIZE; i++) TMP_NAT[i] = m.pr[ROT_PR_BASE + i]!;
  for (let i = 0; i < ROT_PR_SIZE; i++) m.pr[ROT_PR_BASE + i] = TMP_NAT[(i + d) % ROT_PR_SIZE]!;
}

/** Sets CFM.rrb.gr/fr/pr, moving the logically stored GRs and predicates with them. */
export function setRrb(m: RotatingRegs, gr: number, fr: number, pr: number): void {
  relayoutGr(m, m.sor, m.rrbGr, gr);
  relayoutPr(m, m.rrbPr, pr);
  m.rrbGr = gr;
  m.rrbFr = fr;
  m.rrbPr = pr;
}

/**
 * One rotation of a modulo-scheduled branch: every rrb decrements (mod its region size; rrb.gr
 * only when there is a rotating region), so logical r(k+1) names what r(k) named before.
 */
export function rotateOnce(m: RotatingRegs): void {
  const sor = m.sor;
  setRrb(
    m,
    sor === 0 ? m.rrbGr : (m.rrbGr + sor - 1) % sor,
    (m.rrbFr + ROT_FR_SIZE - 1) % ROT_FR_SIZE,
    (m.rrbPr + ROT_PR_SIZE - 1) % ROT_PR_SIZE,
  );
}
