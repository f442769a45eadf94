// The safety properties of the four blocks, each a sentence of blocks.md / architecture.md
// turned into a Verilog expression over the block's ports (prev_<port> = one clock earlier).
// They hold for the references and must hold for the generated RTL (test/formal/property-prover.test.ts);
// formal/property-prover.ts proves them. One function per block; registry.ts says which block has which.
import type { VtiConfig } from '../arch/config.js';

/** A safety property of one design, as formal/property-prover.ts proves it. */
export interface Property {
  readonly name: string;
  /** Verilog expression, true when the property holds (ports and prev_<port> in scope). */
  readonly expr: string;
}

const RESERVED = "64'hFFFF_8000_F001_1FC1"; // PSR bits 0, 6-12, 16, 28-31, 47-63 (architecture.md §2)

/** prev step was a normal (non-reset) cycle running `ops` (decimal op codes of blocks.md). */
const after = (ops: number[]) => `(!prev_rst && (${ops.map((o) => `prev_op == 4'd${o}`).join(' || ')}))`;

export function psrProperties({ vmImplemented: vt }: Pick<VtiConfig, 'vmImplemented'>): Property[] {
  return [
    { name: 'reserved PSR bits always read 0', expr: `(psr & ${RESERVED}) == 64'd0` },
    { name: 'rsv_fault = 1 leaves the PSR unchanged', expr: `prev_rst || !prev_rsv_fault || psr == prev_psr` },
    { name: 'ipsr_save is psr with ri <- slot', expr: `ipsr_save == {psr[63:43], slot, psr[40:0]}` },
    {
      name: 'cpl changes only by EPC, RFI or INTERRUPT',
      expr: `prev_rst || psr[33:32] == prev_psr[33:32] || ${after([7, 8, 11])}`,
    },
    { name: 'EPC never lowers privilege (cpl never grows)', expr: `!${after([11])} || psr[33:32] <= prev_psr[33:32]` },
    {
      name: 'vm changes only by VMSW0/1, RFI or INTERRUPT',
      expr: `prev_rst || psr[46] == prev_psr[46] || ${after([7, 8, 9, 10])}`,
    },
    {
      name: 'INTERRUPT clears vm, cpl, ic, i, bn and ri',
      expr: `!${after([7])} || (psr[46] == 1'b0 && psr[33:32] == 2'd0 && psr[14:13] == 2'd0 && psr[44] == 1'b0 && psr[42:41] == 2'd0)`,
    },
    ...(vt ? [] : [{ name: 'vm is tied to 0 without VT-i', expr: `psr[46] == 1'b0` }]),
  ];
}

export function vmswProperties({ vmImplemented: vt }: Pick<VtiConfig, 'vmImplemented'>): Property[] {
  return [
    {
      name: 'valid: exactly one of illegal_op, priv_op, virt_fault, commit; else none',
      expr: `valid ? ({1'b0, illegal_op} + {1'b0, priv_op} + {1'b0, virt_fault} + {1'b0, commit}) == 2'd1 : !(illegal_op | priv_op | virt_fault | commit)`,
    },
    { name: 'vm_next = commit ? to_vm : psr_vm', expr: `vm_next == (commit ? to_vm : psr_vm)` },
    {
      name: 'commit only at cpl 0 on an it = 1, ar = 7 page with VM and vmsw enabled',
      expr: `!commit || (cpl == 2'd0 && psr_it && itlb_ar == 3'd7 && !vm_disabled && !vmsw_disabled)`,
    },
    vt
      ? { name: 'cpl != 0 always takes Privileged Operation', expr: `!(valid && cpl != 2'd0) || priv_op` }
      : { name: 'without VT-i every vmsw is an Illegal Operation', expr: `!valid || illegal_op` },
  ];
}

export function addrCheckProperties(): Property[] {
  return [
    { name: 'physical accesses are never monitor-only', expr: `!phys || !monitor_only` },
    { name: 'monitor-only addresses are implemented for the VMM (vm = 0)', expr: `!(monitor_only && !vm) || !unimpl` },
    { name: 'monitor-only addresses are unimplemented for a guest (vm = 1)', expr: `!(monitor_only && vm) || unimpl` },
  ];
}

export function faultPrioProperties(): Property[] {
  return [
    { name: 'valid = some bit of pending is set', expr: `valid == (pending != 0)` },
    {
      name: 'onehot is one-hot or zero, and a pending row',
      expr: `(onehot & (onehot - 1'b1)) == 0 && (onehot & ~pending) == 0`,
    },
    { name: 'no pending row ranks above the winner', expr: `!valid || ((onehot - 1'b1) & pending) == 0` },
    {
      name: 'index names the onehot bit; all zero when not valid',
      expr: `valid ? (onehot >> index) == 1 : (index == 0 && onehot == 0 && iva_offset == 0 && isr_code == 0 && kind == 0)`,
    },
    {
      name: 'Virtualization (rank 35) dispatches to 0x6100 as a fault with code 0',
      expr: `!onehot[34] || (iva_offset == 15'h6100 && isr_code == 16'h0 && kind == 2'd1)`,
    },
  ];
}
