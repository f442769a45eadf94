// vti_addr_check — the address-bit masking comparator (blocks.md, architecture.md §7):
// implemented-address check with the flexible guest IMPL_VA_MSB, word-level (masks, no loops).
// Deliberately a separate copy (N-version): this file, the TS reference model (model/blocks/),
// the hand-written Verilog reference (formal/ref/) and the emulator (model/exec/) each state
// these semantics on their own, so that co-simulation and the equivalence proofs compare
// independent opinions. Keep them apart: they may share the spec data of arch/, never code.
import { checkConfig, DEFAULT_CONFIG, type VtiConfig } from '../../arch/config.js';
import { defineModule, mux, type Value, type Bit } from '../dsl/index.js';

/** Bits 60..msb of `addr` all equal (bits 60..msb+1 equal bit msb). */
function signExtendedFrom(addr: Value, msb: number): Bit {
  const field = addr.bits(60, msb);
  return field.andR().or(field.orR().not());
}

export type AddrCheckConfig = Pick<VtiConfig, 'implVaMsb' | 'implPaMsb' | 'guestShrink'>;

export function vtiAddrCheck({ implVaMsb, implPaMsb, guestShrink }: AddrCheckConfig = DEFAULT_CONFIG) {
  // The comparator always has its guest half (without VT-i, vm is 0 and it goes unused), so the
  // guest IMPL_VA_MSB must be valid whatever vmImplemented is.
  checkConfig({ vmImplemented: true, implVaMsb, implPaMsb, guestShrink }, { prefix: 'vti_addr_check: ' });
  const guestMsb = implVaMsb - guestShrink;
  return defineModule(
    'vti_addr_check',
    (m) => {
      const addr = m.input('addr', 64);
      const vm = m.input('vm', 1);
      const phys = m.input('phys', 1);
      const unimpl = m.output('unimpl', 1);
      const monitorOnly = m.output('monitor_only', 1);

      const vmmOk = m.named('vmm_impl', signExtendedFrom(addr, implVaMsb));
      const guestOk = m.named('guest_impl', signExtendedFrom(addr, guestMsb));
      // Physical: bit 63 is the uncacheable attribute; bits 62..IMPL_PA_MSB+1 must be 0.
      const physOk = m.named(
        'phys_impl',
        implPaMsb === 62
          ? m.lit(1, 1)
          : addr
              .bits(62, implPaMsb + 1)
              .orR()
              .not(),
      );
      const virtOk = mux(vm, guestOk, vmmOk);
      unimpl.set(mux(phys, physOk, virtOk).not());
      monitorOnly.set(phys.not().and(vmmOk).and(guestOk.not()));
      return { addr, vm, phys, unimpl, monitorOnly };
    },
    {
      doc: `vti_addr_check: IMPL_VA_MSB ${implVaMsb} (guest ${guestMsb}), IMPL_PA_MSB ${implPaMsb} (architecture.md §7).`,
      params: { implVaMsb, implPaMsb, guestShrink },
    },
  );
}
