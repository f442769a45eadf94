// The virtualization-sensitive instruction set is stated twice on purpose-built keys: per core
// instruction class in arch/iclass.ts (the RTL's checks are generated from it) and per executor
// instruction class in model/exec/virt.ts (the emulator's faults). The lockstep's classify()
// (sim/cosim/lockstep/classify.ts) says which core class each executor instruction presents; through
// it the two tables must say the same thing for every instruction either of them knows.
import { describe, expect, it } from 'vitest';
import { ICLASS, type IClassName, type VirtSensitivity } from '../../arch/iclass.js';
import { VIRT_SENSITIVE } from '../../model/exec/virt.js';
import { IND } from '../../model/decode/decode-m.js';
import { CLASSIFIED_OPS, classify } from '../../sim/cosim/lockstep/classify.js';

/** Executor class (virt.ts key) → the core class it is presented as. */
function coreClassOf(execClass: string): IClassName {
  const ind = /^mov_(to|from)_(\w+)$/.exec(execClass);
  if (ind && (IND as readonly string[]).includes(ind[2]!)) return classify(`mov_${ind[1]}_ind`, ind[2]!, 0n).cls;
  return classify(execClass, '', 0n).cls;
}

/** Every executor class the lockstep can present: its named ops, indirect moves per file. */
const EXEC_CLASSES: readonly string[] = CLASSIFIED_OPS.flatMap((op) =>
  op === 'mov_to_ind' || op === 'mov_from_ind' ? IND.map((f) => `${op.replace('_ind', '')}_${f}`) : [op],
);

describe('virtualization-sensitive tables (arch/iclass.ts vs model/exec/virt.ts)', () => {
  it('give every instruction the same sensitivity', () => {
    const differences: string[] = [];
    for (const cls of new Set([...EXEC_CLASSES, ...Object.keys(VIRT_SENSITIVE)])) {
      const core = coreClassOf(cls);
      const emu: VirtSensitivity = VIRT_SENSITIVE[cls] ?? 'none';
      if (ICLASS[core].virt !== emu)
        differences.push(
          `${cls}: model/exec/virt.ts says '${emu}', arch/iclass.ts class ${core} (as classify() presents it) says '${ICLASS[core].virt}'`,
        );
    }
    expect(differences).toEqual([]);
  });

  it('leave no sensitive core class without an instruction of the emulator', () => {
    const presented = new Set(Object.keys(VIRT_SENSITIVE).map(coreClassOf));
    const orphans = (Object.keys(ICLASS) as IClassName[]).filter((k) => ICLASS[k].virt !== 'none' && !presented.has(k));
    expect(orphans, 'sensitive in arch/iclass.ts, but no model/exec/virt.ts entry is presented as it').toEqual([]);
  });

  it('knows the indirect files and sensitive ops it checks (the mapping is not vacuous)', () => {
    expect(EXEC_CLASSES).toEqual(
      expect.arrayContaining(['mov_to_rr', 'mov_from_pmd', 'itc_i', 'thash', 'cover', 'vmsw']),
    );
    expect(coreClassOf('mov_to_pkr')).toBe('PRIV_OTHER');
    expect(coreClassOf('mov_from_pmd')).toBe('OTHER');
  });
});
