// TLB-management and address-probing instructions: itc, itr, ptc.l/g/ga/e, ptr, tpa, tak,
// thash, ttag, probe, fc, and the moves to/from RR, PKR, DBR, IBR, PMC, PMD, CPUID.
import { CR } from '../../arch/cr.js';
import type { Insn } from '../decode/insn.js';
import { CONT, pickFault, type Exec, type Machine } from './machine.js';
import { makeEntry, pageRights, TR_COUNT } from './tlb.js';
import { NONACCESS, PA, defaultItir, keyFault, nonAccessIsr, region, thash, xlateData } from './xlate.js';
import { isVirtFault } from './virt.js';
import { lookupOrWalk, ttag } from './vhpt.js';
import { DEBUG_REGS, IGNORED_ODD, dataDebugFault, dbrEnabled, ibrEnabled } from './debug.js';
import { loOf, hiOf, toBig } from './int64.js';

const bitsMask = (hi: number, lo: number) => ((1n << BigInt(hi - lo + 1)) - 1n) << BigInt(lo);
/** The NaTPage memory attribute (TLB ma = 7). */
const NAT_PAGE = 7;
const IND_SIZE: Record<string, number> = { rr: 8, pkr: 16, dbr: DEBUG_REGS, ibr: DEBUG_REGS, pmc: 256, pmd: 256 };
/** CPUID registers 0-4 (project values): vendor "VTI-HDL model", cpuid3 number = 4, cpuid4 bit 0 = VT-i. */
const CPUID = [0x204c44482d495456n, 0x6c65646f6dn, 0n, 4n];

/** The fault checks of compileTlb: whether the guest's op is a Virtualization fault, privilege. */
const virt = (m: Machine, cls: string) => isVirtFault(cls, m.vm, m.cpl) && 'virtualization';
const priv = (m: Machine) => m.cpl !== 0 && 'priv_op';
/**
 * The first fault found, else the body's outcome. Every fault of a non-access instruction
 * (tpa, tak) reports that instruction's ISR bits (naIsr: na, r/w, code{3:0}), like the faults
 * xlateData raises for it.
 */
const go = (m: Machine, f: string | null, body: Exec, ifa?: bigint, naIsr?: bigint) =>
  f
    ? m.fault(f, { ...(f === 'unimpl_data_addr' ? { ifa } : {}), ...(naIsr !== undefined ? { isr: naIsr } : {}) })
    : body(m);
const unimpl = (m: Machine, va: bigint) => !m.vaImplemented(Number(va >> 32n)) && 'unimpl_data_addr';
const side = (m: Machine, op: string) => (op.endsWith('_i') ? m.itlb : m.dtlb);

export function compileTlb(ins: Insn): Exec | null {
  const { r1, r2, r3 } = ins;
  switch (ins.op) {
    case 'itc_i':
    case 'itc_d':
    case 'itr_i':
    case 'itr_d': {
      const isTr = ins.op.startsWith('itr');
      return (m: Machine) => {
        const N = m.nat;
        const pte = m.gr(r2),
          itir = m.cr[CR.ITIR]!,
          ifa = m.cr[CR.IFA]!;
        const ps = Number((itir >> 2n) & 0x3fn);
        const p = (pte & 1n) !== 0n,
          ma = Number((pte >> 2n) & 7n);
        const paBad = (pte & bitsMask(49, 12)) >> BigInt(m.cfg.implPaMsb + 1) !== 0n;
        const resv =
          (pte & 2n) !== 0n ||
          (p && ((pte & bitsMask(63, 53)) !== 0n || (ma >= 1 && ma <= 3) || paBad)) ||
          (itir & (3n | bitsMask(63, 32))) !== 0n ||
          ps < 12 ||
          ps > 28 ||
          (isTr && (m.gr(r3) & 0xffn) >= BigInt(TR_COUNT));
        return go(
          m,
          pickFault(
            m.ic === 1 && 'illegal_op',
            priv(m),
            (N[r2] || (isTr && N[r3])) && 'reg_nat',
            resv && 'reserved_reg_field',
            unimpl(m, ifa),
            virt(m, ins.op),
          ),
          () => {
            const e = makeEntry(ifa, itir, pte, region(m, ifa).rid);
            if (isTr) side(m, ins.op).insertTr(Number(m.gr(r3) & 0xffn), e);
            else side(m, ins.op).insertTc(e);
            m.xlateEpoch++;
            return CONT;
          },
          ifa,
        );
      };
    }
    case 'ptc_l':
    case 'ptc_g':
    case 'ptc_ga':
    case 'ptr_i':
    case 'ptr_d': {
      const tr = ins.op.startsWith('ptr');
      return (m: Machine) => {
        const N = m.nat;
        const va = m.gr(r3),
          ps = Number((m.gr(r2) >> 2n) & 0x3fn);
        return go(
          m,
          pickFault(priv(m), (N[r2] || N[r3]) && 'reg_nat', unimpl(m, va), virt(m, ins.op)),
          () => {
            const rid = region(m, va).rid;
            if (tr) side(m, ins.op).purgeTr(rid, va, ps);
            else {
              m.itlb.purgeTc(rid, va, ps);
              m.dtlb.purgeTc(rid, va, ps);
            }
            m.xlateEpoch++;
            return CONT;
          },
          va,
        );
      };
    }
    case 'ptc_e':
      return (m: Machine) =>
        go(m, pickFault(priv(m), m.nat[r3] && 'reg_nat', virt(m, 'ptc_e')), (m: Machine) => {
          m.itlb.tc = [];
          m.dtlb.tc = [];
          m.xlateEpoch++;
          return CONT;
        });
    case 'tpa': {
      const naIsr = nonAccessIsr('tpa');
      return (m: Machine) => {
        const N = m.nat;
        const va = m.gr(r3);
        return go(
          m,
          pickFault(priv(m), N[r3] && 'reg_nat', unimpl(m, va), virt(m, 'tpa')),
          () => {
            // tpa always translates through the data TLB, whatever PSR.dt.
            if (!xlateData(m, loOf(va), hiOf(va), 1, NONACCESS, true, naIsr)) return 2;
            // A NaTPage translation: tpa raises Data NaT Page Consumption (SDM vol 2,
            // "Non-access Instructions and Interruptions"; found by tools/ski/random.ts).
            if (m.dtlb.lookup(region(m, va).rid, va)?.ma === NAT_PAGE)
              return m.fault('data_nat_page', { ifa: va, itir: defaultItir(m, va), iha: thash(m, va), isr: naIsr });
            m.setGr(r1, toBig(PA.lo, PA.hi));
            return CONT;
          },
          va,
          naIsr,
        );
      };
    }
    case 'tak': {
      const naIsr = nonAccessIsr('tak');
      return (m: Machine) => {
        const N = m.nat;
        const va = m.gr(r3);
        return go(
          m,
          pickFault(priv(m), N[r3] && 'reg_nat', virt(m, 'tak')),
          () => {
            // tak walks the VHPT on a miss (never faulting), as Ski: the key of what it inserts.
            // The key is returned where ITIR and the PKRs hold it (bits 31:8), so that 1 ("no
            // translation") is never a key (SDM vol 3 tak; Ski, program vhpt-short).
            const e = m.vaImplemented(Number(va >> 32n)) ? lookupOrWalk(m, va) : null;
            m.setGr(r1, e?.p ? BigInt(e.key) << 8n : 1n);
            return CONT;
          },
          undefined,
          naIsr,
        );
      };
    }
    case 'thash':
    case 'ttag':
      return (m: Machine) =>
        go(m, pickFault(virt(m, ins.op)), (m: Machine) => {
          const N = m.nat;
          const va = m.gr(r3);
          if (N[r3] || !m.vaImplemented(Number(va >> 32n))) {
            m.setGr(r1, 0n, true);
            return CONT;
          }
          // The walker's own functions (vhpt.ts): the entry address and the long-format tag.
          m.setGr(r1, ins.op === 'thash' ? thash(m, va) : ttag(m, va));
          return CONT;
        });
    case 'probe':
    case 'probe_i':
    case 'probe_fault': {
      const isFault = ins.op === 'probe_fault';
      const need = ins.sub;
      const NA = nonAccessIsr(isFault ? 'probe_fault' : 'probe', need);
      return (m: Machine) => {
        const N = m.nat;
        const va = m.gr(r3);
        // The regular form translates whatever PSR.dt (as tpa does); the fault form only with
        // PSR.dt = 1, and with PSR.dt = 0 checks a physical address (both as Ski does).
        const virtual = m.dt || !isFault;
        const implemented = virtual ? m.vaImplemented(Number(va >> 32n)) : m.paImplemented(Number(va >> 32n));
        // Both forms fault on an unimplemented address: the project's spec (docs/spec/architecture.md
        // §7, "the address operand of tpa, probe, itc, itr and ptc") rules over SDM vol 3's
        // "a regular_form probe to an unimplemented virtual address returns 0", which Ski follows
        // (tools/ski/README.md, decided divergences); a VMM measures a guest's IMPL_VA_MSB this way.
        const nat = (N[r3] || (ins.op === 'probe' && N[r2])) && 'reg_nat';
        const f = pickFault(nat, !implemented && 'unimpl_data_addr');
        if (f) return m.fault(f, f === 'unimpl_data_addr' ? { ifa: va, isr: NA } : { isr: NA });
        const level = Math.max(m.cpl, Number((ins.op === 'probe' ? m.gr(r2) : ins.imm) & 3n));
        // probe.fault is a non-access reference a DBR match stops (SDM vol 2, Debug vector):
        // its probed kind against DBR.r/w, at the probed privilege level.
        const debugStop = () =>
          isFault &&
          m.dataDebug &&
          dataDebugFault(m, loOf(va), hiOf(va), 1, need.includes('r'), need.includes('w'), level, NA);
        if (!virtual) return debugStop() ? 2 : CONT;
        if (!xlateData(m, loOf(va), hiOf(va), 1, NONACCESS, true, NA)) return 2;
        const e = m.dtlb.lookup(region(m, va).rid, va)!;
        // The regular form on a NaTPage translation: Data NaT Page Consumption, as tpa (found
        // by tools/ski/random.ts; Ski's non-access translation checks it after page present).
        if (!isFault && e.ma === NAT_PAGE)
          return m.fault('data_nat_page', { ifa: va, itir: defaultItir(m, va), iha: thash(m, va), isr: NA });
        const rights = pageRights(e.ar, e.pl, level);
        const denied = pickFault(
          keyFault(m, e, need, 'data_key_miss', 'data_key_perm'),
          ![...need].every((c) => rights.includes(c)) && 'data_access_rights',
        );
        if (isFault)
          return denied
            ? m.fault(denied, { ifa: va, itir: defaultItir(m, va), iha: thash(m, va), isr: NA })
            : debugStop()
              ? 2
              : CONT;
        m.setGr(r1, denied ? 0n : 1n);
        return CONT;
      };
    }
    case 'fc': {
      const naIsr = nonAccessIsr('fc');
      return (m: Machine) => {
        const N = m.nat;
        const va = m.gr(r3);
        if (N[r3]) return m.fault('reg_nat', { isr: naIsr });
        return xlateData(m, loOf(va), hiOf(va), 1, NONACCESS, false, naIsr) ? CONT : 2;
      };
    }
    case 'mov_to_ind':
    case 'mov_from_ind': {
      const file = ins.sub,
        write = ins.op === 'mov_to_ind';
      const cls = (write ? 'mov_to_' : 'mov_from_') + file;
      // Reads of PMD are not privileged (architecture.md §3.3 lists only PMD reads as insensitive).
      const privileged = write || file !== 'pmd';
      return (m: Machine) => {
        const N = m.nat,
          arr = (m as unknown as Record<string, bigint[]>)[file]!;
        const idx3 = m.gr(r3);
        const index = file === 'rr' ? Number(idx3 >> 61n) : Number(idx3 & 0xffn);
        const v = write ? m.gr(r2) : 0n;
        let resv = index >= IND_SIZE[file]!;
        if (write && file === 'rr') {
          const ps = Number((v >> 2n) & 0x3fn);
          resv ||= (v & (2n | bitsMask(63, 32))) !== 0n || ps < 12 || ps > 28;
        }
        if (write && file === 'pkr') resv ||= (v & (bitsMask(7, 4) | bitsMask(63, 32))) !== 0n;
        return go(
          m,
          pickFault(
            privileged && priv(m),
            (N[r3] || (write && N[r2])) && 'reg_nat',
            resv && 'reserved_reg_field',
            virt(m, cls),
          ),
          () => {
            if (write) {
              // The ignored fields of a breakpoint mask register read back as 0 (as Ski).
              const debugReg = file === 'dbr' || file === 'ibr';
              arr[index] = debugReg && index % 2 === 1 ? v & ~IGNORED_ODD[file] : v;
              if (debugReg) m.setDebugEnables(ibrEnabled(m.ibr), dbrEnabled(m.dbr));
              m.xlateEpoch++;
            } else m.setGr(r1, file === 'pmd' && m.cpl !== 0 && m.psrBit('sp') ? 0n : arr[index]!);
            return CONT;
          },
        );
      };
    }
    case 'mov_from_cpuid':
      return (m: Machine) => {
        const N = m.nat;
        const idx = m.gr(r3);
        return go(m, pickFault(N[r3] && 'reg_nat', idx > 4n && 'reserved_reg_field', virt(m, 'mov_from_cpuid')), () => {
          m.setGr(r1, idx === 4n ? (m.cfg.vmImplemented ? 1n : 0n) : CPUID[Number(idx)]!);
          return CONT;
        });
      };
  }
  return null;
}
