// The classes of the priority rows are columns of arch/priority.ts, read by the core's
// dispatch (hdl/vti/core-dispatch.ts) and the lockstep classification
// (sim/cosim/lockstep/classify.ts). The architecture fixes them: the data-reference faults report
// the data address, the instruction-fetch faults the instruction's, and the data TLB-class
// faults (walker or not, IR or not) become Data Nested TLB while PSR.ic = 0 (§4).
import { describe, expect, it } from 'vitest';
import { PRIORITY_TABLE } from '../../arch/priority.js';
import { FETCH_ROWS } from '../../sim/cosim/lockstep/classify.js';

const names = (pred: (r: (typeof PRIORITY_TABLE)[number]) => boolean) => PRIORITY_TABLE.filter(pred).map((r) => r.name);

describe('priority-table row classes', () => {
  it('instruction-fetch rows: the instruction TLB, page, key, access and debug faults', () => {
    expect(names((r) => r.access === 'fetch')).toEqual([
      'alt_inst_tlb',
      'vhpt_inst',
      'inst_tlb',
      'inst_page_not_present',
      'inst_nat_page',
      'inst_key_miss',
      'inst_key_perm',
      'inst_access_rights',
      'inst_access_bit',
      'inst_debug',
    ]);
    expect([...FETCH_ROWS]).toEqual(names((r) => r.access === 'fetch'));
  });

  it('data-reference rows: every IR data fault, Unimplemented Data Address and the data faults', () => {
    const data = names((r) => r.access === 'data');
    expect(data).toEqual([
      'ir_unimpl_data_addr',
      'ir_data_nested_tlb',
      'ir_alt_data_tlb',
      'ir_vhpt_data',
      'ir_data_tlb',
      'ir_data_page_not_present',
      'ir_data_nat_page',
      'ir_data_key_miss',
      'ir_data_key_perm',
      'ir_data_access_rights',
      'ir_data_access_bit',
      'ir_data_debug',
      'unimpl_data_addr',
      'data_nested_tlb',
      'alt_data_tlb',
      'vhpt_data',
      'data_tlb',
      'data_page_not_present',
      'data_nat_page',
      'data_key_miss',
      'data_key_perm',
      'data_access_rights',
      'data_dirty_bit',
      'data_access_bit',
      'data_debug',
      'unaligned_data',
      'unsupported_data',
    ]);
    // Only faults report an address; the rows titled after data references are exactly these.
    for (const r of PRIORITY_TABLE.filter((x) => x.access !== 'none')) expect(r.kind, r.name).toBe('fault');
    expect(data).toEqual(names((r) => /\bData\b/.test(r.title)));
  });

  it('Data Nested TLB while PSR.ic = 0: the data TLB-class rows, IR or not', () => {
    expect(names((r) => r.whenIcOff === 'data_nested_tlb')).toEqual([
      'ir_alt_data_tlb',
      'ir_vhpt_data',
      'ir_data_tlb',
      'alt_data_tlb',
      'vhpt_data',
      'data_tlb',
    ]);
    const nested = PRIORITY_TABLE.find((r) => r.name === 'data_nested_tlb')!;
    for (const r of PRIORITY_TABLE.filter((x) => x.whenIcOff === 'data_nested_tlb')) {
      expect(r.access).toBe('data');
      expect(r.vector).not.toBe(nested.vector);
    }
  });
});
