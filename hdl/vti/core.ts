// vti_core — the integrated VT-i control path (blocks.md, last section; docs/vti_core.md).
// One decoded instruction event per cycle; the core decides which checks fire (Illegal
// Operation, Privileged Operation, Register NaT, Reserved Register/Field, Unimplemented Data
// Address, Virtualization, plus faults the environment reports), picks the winner with
// vti_fault_prio, and commits either the instruction's effect or the interruption dispatch of
// architecture.md §4. Every output is registered: after the rising edge of cycle k the
// outputs show the committed effect of the event presented in cycle k.
//
// This file declares the module (ports, registers, the vti_psr instance holding the PSR) and
// wires its three parts, each with typed inputs and results: core-checks.ts (which
// interruptions the instruction raises, its PSR command), core-dispatch.ts (the winner and
// what it delivers) and core-commit.ts (the registered effect). The parts are called in the
// order their signals appear in the generated Verilog.
import { DEFAULT_CONFIG, type VtiConfig } from '../../arch/config.js';
import { DCR_BIT } from '../../arch/cr.js';
import { PRIORITY_TABLE, type PriorityRow } from '../../arch/priority.js';
import { defineModule, type HdlModule, type Signal } from '../dsl/index.js';
import { vtiAddrCheck } from './addr-check.js';
import { coreChecks } from './core-checks.js';
import { coreCommit, coreOutputs, coreRegisters } from './core-commit.js';
import { coreDispatch } from './core-dispatch.js';
import { CORE_CRS, type CoreCr, classTests, coreState, eventInputs } from './core-inputs.js';
import { vtiFaultPrio } from './fault-prio.js';
import { vtiPsr } from './psr.js';
import { PsrOp } from './psr-type.js';
import { vtiVmsw } from './vmsw.js';

export { CORE_CRS, IClass, type CoreCr } from './core-inputs.js';

/** The configuration, and optionally another priority table than the architecture's. */
export interface CoreOptions extends VtiConfig {
  readonly table?: readonly PriorityRow[];
}

export function vtiCore(opts: CoreOptions = DEFAULT_CONFIG): HdlModule {
  const { vmImplemented, implVaMsb, implPaMsb, guestShrink } = opts;
  const table = opts.table ?? PRIORITY_TABLE;
  const psrBlock = vtiPsr({ vmImplemented });
  const vmswBlock = vtiVmsw({ vmImplemented });
  const addrBlock = vtiAddrCheck({ implVaMsb, implPaMsb, guestShrink });
  const prioBlock = vtiFaultPrio({ table });
  const n = table.length;

  return defineModule(
    'vti_core',
    (m) => {
      const clk = m.clock();
      const rst = m.reset();
      const ev = eventInputs(m, n);
      const out = coreOutputs(m);
      const regs = coreRegisters(m, vmImplemented);

      // PSR state: the vti_psr instance holds it; its output is this cycle's PSR. The core
      // computes the next value (core-commit.ts) and vti_psr loads it (command RFI).
      const psrNextValue = m.wire('psr_next', 64);
      const psrSlot = m.wire('psr_slot', 2);
      const psrInst = m.instance('u_psr', psrBlock, {
        clk,
        rst,
        op: m.enumValue(PsrOp, 'RFI'),
        operand: psrNextValue,
        slot: psrSlot,
        dcr_be: regs.cr.DCR.q.bit(DCR_BIT.be),
        dcr_pp: regs.cr.DCR.q.bit(DCR_BIT.pp),
      });
      const state = coreState(
        m,
        psrInst.psr,
        Object.fromEntries(CORE_CRS.map((k) => [k, regs.cr[k].q])) as Record<CoreCr, Signal>,
        regs.oneShot,
      );
      const cls = classTests(m, ev);

      const checks = coreChecks(m, { ev, state, cls, vmswBlock, addrBlock, vmImplemented });
      const win = coreDispatch(m, { ev, state, cls, checks, prioBlock, table, vmImplemented });
      coreCommit(m, {
        ev,
        state,
        cls,
        checks,
        win,
        regs,
        out,
        psrPort: { next: psrNextValue, slot: psrSlot, ipsrSave: psrInst.ipsr_save },
      });
    },
    {
      doc: 'vti_core: the integrated VT-i control path: checks of architecture.md §3, dispatch of §4 (docs/vti_core.md).',
      params: { vmImplemented, implVaMsb, implPaMsb, guestShrink, rows: n },
    },
  );
}
