// Reserved *values* of a mov to cr beyond its reserved bits (issue 18: vti_core mirrors the
// emulator's checks, model/exec/reserved-values.ts and interrupt-crs.ts; SDM vol 2, the CR
// pages): writing one is a Reserved Register/Field fault. Stated here on their own (N-version:
// the emulator's copy is not imported).
import { CR, IFS_V_BIT } from '../../arch/cr.js';
import { cat, type Bit, type ModuleBuilder, type Value } from '../dsl/index.js';
import { compareLogic } from './compare-logic.js';

/** Stacked general registers r32-r127: the largest frame (SDM vol 1 §4.1.1). */
const STACKED_GRS = 96;
/** Rotating floating-point registers f32-f127 and predicates p16-p63: rrb.fr, rrb.pr stay below. */
const ROTATING_FRS = 96;
const ROTATING_PRS = 48;
/** PTA.size below 15: a VHPT smaller than 32 KiB. */
const PTA_MIN_SIZE = 15;
/** TPR bits 15:8 are reserved (mic 7:4 and mmi 16 are its fields). */
const TPR_RESERVED = { hi: 15, lo: 8 } as const;

/**
 * A frame marker (CFM layout: sof 6:0, sol 13:7, sor 17:14 in groups of 8, rrb.gr 24:18,
 * rrb.fr 31:25, rrb.pr 37:32) no alloc could have made.
 */
function invalidFrameMarker(m: ModuleBuilder, ifm: Value): Bit {
  // Named: a comparison against a constant reads only some bits of its field (the rest are
  // listed as unused by name, not left in an emitter temporary).
  const field = (name: string, hi: number, lo: number) => m.named(`ifm_${name}`, ifm.bits(hi, lo));
  const sof = field('sof', 6, 0),
    sol = field('sol', 13, 7),
    sorGroups = field('sor', 17, 14),
    rrbGr = field('rrb_gr', 24, 18),
    rrbFr = field('rrb_fr', 31, 25),
    rrbPr = field('rrb_pr', 37, 32);
  const sor = cat(sorGroups, m.lit(0, 3)); // sor × 8, 7 bits
  const noRotating = sorGroups.eq(0);
  const c = compareLogic(m);
  return c
    .ugt(sof, STACKED_GRS)
    .or(c.ugt(sol, sof))
    .or(c.ugt(sor, sof))
    .or(noRotating.not().and(c.uge(rrbGr, sor)))
    .or(noRotating.and(rrbGr.ne(0)))
    .or(c.uge(rrbFr, ROTATING_FRS))
    .or(c.uge(rrbPr, ROTATING_PRS)) as Bit;
}

/** Writing `value` to CR `crNum` writes a reserved value of PTA, IFS or TPR. */
export function crReservedValue(m: ModuleBuilder, crNum: Value, value: Value): Bit {
  const pta = crNum.eq(CR.PTA).and(compareLogic(m).ult(value.bits(7, 2), PTA_MIN_SIZE));
  // An IFS marked valid must hold a frame marker an alloc could have made.
  const ifs = crNum
    .eq(CR.IFS)
    .and(value.bit(IFS_V_BIT))
    .and(invalidFrameMarker(m, value.bits(37, 0)));
  const tpr = crNum.eq(CR.TPR).and(value.bits(TPR_RESERVED.hi, TPR_RESERVED.lo).orR());
  return m.named('cr_reserved_value', pta.or(ifs).or(tpr)).asBit();
}
