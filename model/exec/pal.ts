// Firmware (PAL) call convention of this model (see model/README.md):
//   `break 0xca11` (any unit) executed with PSR.vm = 0 and cpl 0 is a PAL call serviced by the
//   model: GR28 = procedure index; results in GR8 (status: 0 ok, -1 unimplemented procedure)
//   and GR9-GR11; execution continues with the next instruction. Executed with vm = 1 or at
//   cpl > 0 it is an ordinary Break Instruction fault (IIM = 0xca11), so a VMM can virtualize
//   the call for its guest.
// PAL_VM_SUMMARY (8): GR9 = vm_info_1, GR10 = vm_info_2 with impl_va_msb in bits 7:0 and
// rid_size in bits 15:8 (architecture.md §7).
import type { Machine } from './machine.js';

export const PAL_BREAK_IMM = 0xca11n;
export const PAL_VM_SUMMARY = 8n;
export const RID_SIZE = 24;

export function palCall(m: Machine): void {
  const proc = m.gr(28);
  m.setGr(9, 0n);
  m.setGr(10, 0n);
  m.setGr(11, 0n);
  if (proc === PAL_VM_SUMMARY) {
    // vm_info_1: phys_add_size 15:8, key_size 23:16, max_pkr 31:24, max_dtr_entry 47:40, max_itr_entry 55:48.
    const info1 = (BigInt(m.cfg.implPaMsb + 1) << 8n) | (24n << 16n) | (15n << 24n) | (7n << 40n) | (7n << 48n);
    m.setGr(8, 0n);
    m.setGr(9, info1);
    m.setGr(10, BigInt(m.cfg.implVaMsb) | (BigInt(RID_SIZE) << 8n));
    return;
  }
  m.setGr(8, (1n << 64n) - 1n);
}
