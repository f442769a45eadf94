// The PSR as an eDSL bundle (fields from the shared spec data in arch/psr.ts), the vti_psr
// command codes, and the reserved-field rule of each command — shared by vti_psr and the
// integrated core (which must know a command would fault before choosing it).
import { PSR_FIELDS, PSR_L_RESERVED_MASK, PSR_SM_RESERVED_MASK, PSR_UM_MASK } from '../../arch/psr.js';
import { PSR_OP, type PsrOpName } from '../../arch/psr-op.js';
import { bundleType, enumType, type ModuleBuilder, type Value, type Bit } from '../dsl/index.js';

type PsrFieldName = (typeof PSR_FIELDS)[number]['name'];

export const PsrBundle = bundleType<PsrFieldName>(
  'psr',
  64,
  Object.fromEntries(PSR_FIELDS.map((f) => [f.name, [f.lo, f.width] as const])) as Record<
    PsrFieldName,
    readonly [number, number]
  >,
);

/** vti_psr `op` codes (blocks.md). */
export const PsrOp = enumType('psr_op', 4, PSR_OP);
export type { PsrOpName };

/** Bits of the operand that make each command a Reserved Register/Field fault. */
export const RESERVED_OPERAND_BITS = Object.freeze({
  MOV_PSR_L: PSR_L_RESERVED_MASK, // 0, 6-12, 16, 28-31
  SSM: PSR_SM_RESERVED_MASK, // 0, 6-12, 16 (operand{63:24} ignored)
  RSM: PSR_SM_RESERVED_MASK,
  SUM: 0xff_ffffn & ~PSR_UM_MASK, // 0 and 23:6 (operand{63:24} ignored)
  RUM: 0xff_ffffn & ~PSR_UM_MASK,
  MOV_PSR_UM: 0xffff_ffff_ffff_ffffn & ~PSR_UM_MASK, // 0 and 63:6
});

/**
 * The operand bits of RESERVED_OPERAND_BITS split by which commands reserve them: bits in one
 * region are reserved by exactly the same commands. The masks nest (ssm/rsm ⊂ mov psr.l,
 * sum/rum ⊂ mov psr.um), so there are few regions, each ORed once and shared by its commands,
 * instead of one wide OR per command over overlapping bits (issue 18: vti_psr's LUTs).
 */
export const RESERVED_OPERAND_REGIONS: readonly { readonly mask: bigint; readonly ops: readonly PsrOpName[] }[] =
  (() => {
    const entries = Object.entries(RESERVED_OPERAND_BITS) as [PsrOpName, bigint][];
    const byOps = new Map<string, { mask: bigint; ops: PsrOpName[] }>();
    for (let b = 0n; b < 64n; b++) {
      const ops = entries.filter(([, mask]) => (mask >> b) & 1n).map(([op]) => op);
      if (!ops.length) continue;
      const key = ops.join(' ');
      const region = byOps.get(key) ?? { mask: 0n, ops };
      region.mask |= 1n << b;
      byOps.set(key, region);
    }
    return [...byOps.values()];
  })();

/** 1 when `op` would write a reserved field with `operand` (a 64-bit value). */
export function reservedFault(m: ModuleBuilder, op: Value, operand: Value): Bit {
  const hits = RESERVED_OPERAND_REGIONS.map(({ mask, ops }) =>
    operand
      .and(mask)
      .orR()
      .and(ops.map((name) => op.eq(m.enumValue(PsrOp, name))).reduce((a, b) => a.or(b))),
  );
  return hits.reduce((a, b) => a.or(b)) as Bit;
}
