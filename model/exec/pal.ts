// Firmware (PAL) calls of this model (see model/README.md), two ways in:
// * `break 0xca11` (any unit) executed with PSR.vm = 0 and cpl 0 is a PAL call serviced by the
//   model; executed with vm = 1 or at cpl > 0 it is an ordinary Break Instruction fault
//   (IIM = 0xca11), so a VMM can virtualize the call for its guest.
// * The architected static calling convention: the firmware entry point PAL_PROC_ENTRY (a
//   fixed physical address; the model places a one-bundle stub there at reset:
//   `break.m 0xca11 ; br.ret.sptk.many b0`), entered by br.call b0 (or a branch with b0 set).
// Both: GR28 = procedure index, arguments GR29-GR31; results in GR8 (status: 0 ok, -1
// unimplemented procedure, -2 invalid argument) and GR9-GR11; execution continues after the
// break (the stub then returns to b0).
// PAL_VM_SUMMARY (8): GR9 = vm_info_1, GR10 = vm_info_2 with impl_va_msb in bits 7:0 and
// rid_size in bits 15:8 (architecture.md §7).
// PAL_PROC_GET_FEATURES (17, GR29 = feature set 0): GR9 = available, GR10 = status (enabled),
// GR11 = control (software may change): VM features (bit 40) with VT-i, not controllable; the
// vmsw-enable bit (54) with VT-i, controllable.
// PAL_PROC_SET_FEATURES (18, GR29 = feature select): sets each controllable feature's status
// to its bit in GR29 (a clear bit 54 disables vmsw: Virtualization fault, architecture.md §3.1);
// a select bit outside the controllable ones is an invalid argument (-2), nothing changed.
import type { Machine } from './machine.js';

export const PAL_BREAK_IMM = 0xca11n;
export const PAL_VM_SUMMARY = 8n;
export const PAL_PROC_GET_FEATURES = 17n;
export const PAL_PROC_SET_FEATURES = 18n;
export const RID_SIZE = 24;

/** Processor feature bits of feature set 0 (SDM vol 2 §11.10; the VT-i addendum). */
export const PAL_FEATURE = Object.freeze({ vm: 1n << 40n, vmsw: 1n << 54n });

/** Physical address of the static-convention entry point (implemented for every IMPL_PA_MSB ≥ 31). */
export const PAL_PROC_ENTRY = 0xfff0_0000n;
/** The entry point's bundle: `{ .mib; break.m 0xca11; nop.i 0; br.ret.sptk.many b0 ;; }` (GNU as). */
export const PAL_ENTRY_BUNDLE: readonly number[] = Object.freeze([
  0x11, 0x88, 0x50, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x80, 0x08, 0x00, 0x84, 0x00,
]);

const ALL_ONES = (1n << 64n) - 1n;
const STATUS_UNIMPLEMENTED = ALL_ONES; // -1
const STATUS_INVALID_ARGUMENT = ALL_ONES - 1n; // -2

/** Places the entry-point stub in physical memory (at reset). */
export function installPalEntry(m: Machine): void {
  m.mem.writeBytes(PAL_PROC_ENTRY, Uint8Array.from(PAL_ENTRY_BUNDLE));
}

function features(m: Machine): { avail: bigint; status: bigint; control: bigint } {
  if (!m.cfg.vmImplemented) return { avail: 0n, status: 0n, control: 0n };
  return {
    avail: PAL_FEATURE.vm | PAL_FEATURE.vmsw,
    status: PAL_FEATURE.vm | (m.vmswDisabled ? 0n : PAL_FEATURE.vmsw),
    control: PAL_FEATURE.vmsw,
  };
}

export function palCall(m: Machine): void {
  const proc = m.gr(28),
    arg1 = m.gr(29);
  m.setGr(9, 0n);
  m.setGr(10, 0n);
  m.setGr(11, 0n);
  m.setGr(8, 0n);
  switch (proc) {
    case PAL_VM_SUMMARY: {
      // vm_info_1: phys_add_size 15:8, key_size 23:16, max_pkr 31:24, max_dtr_entry 47:40, max_itr_entry 55:48.
      const info1 = (BigInt(m.cfg.implPaMsb + 1) << 8n) | (24n << 16n) | (15n << 24n) | (7n << 40n) | (7n << 48n);
      m.setGr(9, info1);
      m.setGr(10, BigInt(m.cfg.implVaMsb) | (BigInt(RID_SIZE) << 8n));
      return;
    }
    case PAL_PROC_GET_FEATURES: {
      if (arg1 !== 0n) {
        m.setGr(8, STATUS_INVALID_ARGUMENT); // only the architected set 0
        return;
      }
      const f = features(m);
      m.setGr(9, f.avail);
      m.setGr(10, f.status);
      m.setGr(11, f.control);
      return;
    }
    case PAL_PROC_SET_FEATURES: {
      const { control } = features(m);
      if ((arg1 & ~control) !== 0n) {
        m.setGr(8, STATUS_INVALID_ARGUMENT);
        return;
      }
      if (control & PAL_FEATURE.vmsw) m.vmswDisabled = (arg1 & PAL_FEATURE.vmsw) === 0n;
      return;
    }
  }
  m.setGr(8, STATUS_UNIMPLEMENTED);
}
