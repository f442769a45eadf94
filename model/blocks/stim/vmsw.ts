// vti_vmsw stimulus. The §3.1 order has three fault levels (1 illegal: an option, 2 cpl ≠ 0,
// 3 page/firmware) and commit. Directed: every level-3 cause alone and all together, crossed
// with every cpl (so each fault appears alone and with every higher one; level 1 comes from
// generating with vmImplemented false), both to_vm and psr_vm, valid 1 and 0.
import { VMSW_INPUTS } from '../vmsw.js';
import {
  columnsFor,
  exhaustiveColumns,
  packVectors,
  randomWords,
  sourceOf,
  type RandomOptions,
  type Stimulus,
} from './common.js';

const VIRT_CAUSES: { label: string; v: Record<string, number> }[] = [
  { label: 'page ok', v: {} },
  { label: 'psr_it=0', v: { psr_it: 0 } },
  ...[0, 1, 2, 3, 4, 5, 6].map((ar) => ({ label: `itlb_ar=${ar}`, v: { itlb_ar: ar } })),
  { label: 'vm_disabled', v: { vm_disabled: 1 } },
  { label: 'vmsw_disabled', v: { vmsw_disabled: 1 } },
  { label: 'all level-3 causes', v: { psr_it: 0, itlb_ar: 0, vm_disabled: 1, vmsw_disabled: 1 } },
];

export function directedVmsw(): Stimulus {
  const rows: { label: string; v: Record<string, number> }[] = [];
  for (const valid of [1, 0])
    for (let cpl = 0; cpl < 4; cpl++)
      for (const vc of VIRT_CAUSES)
        for (let k = 0; k < 4; k++)
          rows.push({
            label: `valid=${valid} cpl=${cpl} ${vc.label} to_vm=${k & 1} psr_vm=${k >> 1}`,
            v: {
              valid,
              cpl,
              psr_it: 1,
              itlb_ar: 7,
              vm_disabled: 0,
              vmsw_disabled: 0,
              ...vc.v,
              to_vm: k & 1,
              psr_vm: k >> 1,
            },
          });
  return packVectors(VMSW_INPUTS, rows);
}

/** All 2^11 input combinations (port order of VMSW_INPUTS, valid in bit 0). */
export function exhaustiveVmsw(): Stimulus {
  return exhaustiveColumns(VMSW_INPUTS);
}

/** Uniformly random over the 11 input bits (commit needs valid, cpl 0, a good page and no
 *  disable: 1 in 512; the exhaustive set has every combination anyway). Word-parallel: one
 *  random word holds two vectors, bits 0..10 and 16..26, laid out as exhaustiveVmsw packs
 *  the ports (valid in bit 0). */
export function randomVmsw(count: number, o: RandomOptions = {}): Stimulus {
  const cols = columnsFor(VMSW_INPUTS, count, o.into);
  const w = randomWords(sourceOf(o), (count + 1) >>> 1);
  const va = cols.valid!,
    tv = cols.to_vm!,
    cp = cols.cpl!,
    it = cols.psr_it!,
    pv = cols.psr_vm!;
  const ar = cols.itlb_ar!,
    vd = cols.vm_disabled!,
    sd = cols.vmsw_disabled!;
  // Two vectors per word: i from its bits 0..10, i + 1 from bits 16..26.
  const pairs = count >>> 1;
  for (let k = 0; k < pairs; k++) {
    const x = w[k]!,
      i = k << 1,
      j = i + 1;
    va[i] = x & 1;
    tv[i] = (x >>> 1) & 1;
    cp[i] = (x >>> 2) & 3;
    it[i] = (x >>> 4) & 1;
    pv[i] = (x >>> 5) & 1;
    ar[i] = (x >>> 6) & 7;
    vd[i] = (x >>> 9) & 1;
    sd[i] = (x >>> 10) & 1;
    va[j] = (x >>> 16) & 1;
    tv[j] = (x >>> 17) & 1;
    cp[j] = (x >>> 18) & 3;
    it[j] = (x >>> 20) & 1;
    pv[j] = (x >>> 21) & 1;
    ar[j] = (x >>> 22) & 7;
    vd[j] = (x >>> 25) & 1;
    sd[j] = (x >>> 26) & 1;
  }
  if (count & 1) {
    const x = w[pairs]!,
      i = count - 1;
    va[i] = x & 1;
    tv[i] = (x >>> 1) & 1;
    cp[i] = (x >>> 2) & 3;
    it[i] = (x >>> 4) & 1;
    pv[i] = (x >>> 5) & 1;
    ar[i] = (x >>> 6) & 7;
    vd[i] = (x >>> 9) & 1;
    sd[i] = (x >>> 10) & 1;
  }
  return { count, inputs: cols };
}
