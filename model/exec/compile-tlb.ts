// TLB-management and address-probing instructions: itc, itr, ptc.l/g/ga/e, ptr, tpa, tak,
// thash, ttag, probe, fc, and the moves to/from RR, PKR, DBR, IBR, PMC, PMD, CPUID.
import { CR } from '../../arch/cr.js';
import type { Insn } from '../decode/insn.js';
import { CONT, pickFault, type Exec, type Machine } from './machine.js';
import { makeEntry, pageRights, TR_COUNT } from './tlb.js';
import { NONACCESS, PA, defaultItir, keyFault, nonAccessIsr, region, thash, xlateData } from './xlate.js';
import { isVirtFault } from './virt.js';
import { loOf, hiOf, toBig } from './int64.js';

const bitsMask = (hi: number, lo: number) => ((1n << BigInt(hi - lo + 1)) - 1n) << BigInt(lo);
const VA_MASK = (1n << 61n) - 1n;
/** The NaTPage memory attribute (TLB ma = 7). */
const NAT_PAGE = 7;
const IND_SIZE: Record<string, number> = { rr: 8, pkr: 16, dbr: 16, ibr: 16, pmc: 256, pmd: 256 };
/** CPUID registers 0-4 (project values): vendor "VTI-HDL model", cpuid3 number = 4, cpuid4 bit 0 = VT-i. */
const CPUID = [0x204c44482d495456n, 0x6c65646f6dn, 0n, 4n];

/** The fault-check helpers of compileTlb, made once per machine (they depend on it only). */
function makeHelpers(m: Machine) {
  return {
    virt: (cls: string) => isVirtFault(cls, m.vm, m.cpl) && 'virtualization',
    priv: () => m.cpl !== 0 && 'priv_op',
    // Every fault of a non-access instruction (tpa, tak) reports that instruction's ISR bits
    // (naIsr: na, r/w, code{3:0}), like the faults xlateData raises for it.
    go: (f: string | null, body: () => number, ifa?: bigint, naIsr?: bigint) =>
      f
        ? m.fault(f, { ...(f === 'unimpl_data_addr' ? { ifa } : {}), ...(naIsr !== undefined ? { isr: naIsr } : {}) })
        : body(),
    unimpl: (va: bigint) => !m.vaImplemented(Number(va >> 32n)) && 'unimpl_data_addr',
    side: (op: string) => (op.endsWith('_i') ? m.itlb : m.dtlb),
  };
}
const HELPERS = new WeakMap<Machine, ReturnType<typeof makeHelpers>>();

export function compileTlb(m: Machine, ins: Insn): Exec | null {
  const { r1, r2, r3 } = ins;
  const N = m.nat;
  let h = HELPERS.get(m);
  if (!h) {
    h = makeHelpers(m);
    HELPERS.set(m, h);
  }
  const { virt, priv, go, unimpl, side } = h;
  switch (ins.op) {
    case 'itc_i':
    case 'itc_d':
    case 'itr_i':
    case 'itr_d': {
      const isTr = ins.op.startsWith('itr');
      return () => {
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
          pickFault(
            m.ic === 1 && 'illegal_op',
            priv(),
            (N[r2] || (isTr && N[r3])) && 'reg_nat',
            resv && 'reserved_reg_field',
            unimpl(ifa),
            virt(ins.op),
          ),
          () => {
            const e = makeEntry(ifa, itir, pte, region(m, ifa).rid);
            if (isTr) side(ins.op).insertTr(Number(m.gr(r3) & 0xffn), e);
            else side(ins.op).insertTc(e);
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
      return () => {
        const va = m.gr(r3),
          ps = Number((m.gr(r2) >> 2n) & 0x3fn);
        return go(
          pickFault(priv(), (N[r2] || N[r3]) && 'reg_nat', unimpl(va), virt(ins.op)),
          () => {
            const rid = region(m, va).rid;
            if (tr) side(ins.op).purgeTr(rid, va, ps);
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
      return () =>
        go(pickFault(priv(), N[r3] && 'reg_nat', virt('ptc_e')), () => {
          m.itlb.tc = [];
          m.dtlb.tc = [];
          m.xlateEpoch++;
          return CONT;
        });
    case 'tpa': {
      const naIsr = nonAccessIsr('tpa');
      return () => {
        const va = m.gr(r3);
        return go(
          pickFault(priv(), N[r3] && 'reg_nat', unimpl(va), virt('tpa')),
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
      return () => {
        const va = m.gr(r3);
        return go(
          pickFault(priv(), N[r3] && 'reg_nat', virt('tak')),
          () => {
            const e = m.dtlb.lookup(region(m, va).rid, va);
            // The key goes to bits 31:8 of r1 (SDM vol 3, tak); 1 when no present translation matches.
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
      return () =>
        go(pickFault(virt(ins.op)), () => {
          const va = m.gr(r3);
          if (N[r3] || !m.vaImplemented(Number(va >> 32n))) {
            m.setGr(r1, 0n, true);
            return CONT;
          }
          if (ins.op === 'thash') m.setGr(r1, thash(m, va));
          else {
            // Tag (implementation specific): region id in bits 62:40, page number below; ti = 0.
            const { rid, ps } = region(m, va);
            m.setGr(
              r1,
              ((BigInt(rid) << 40n) | (((va & VA_MASK) >> BigInt(ps)) & ((1n << 40n) - 1n))) & ((1n << 63n) - 1n),
            );
          }
          return CONT;
        });
    case 'probe':
    case 'probe_i':
    case 'probe_fault': {
      const isFault = ins.op === 'probe_fault';
      const need = ins.sub;
      const NA = nonAccessIsr(isFault ? 'probe_fault' : 'probe', need);
      return () => {
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
        if (!virtual) return CONT;
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
          return denied ? m.fault(denied, { ifa: va, itir: defaultItir(m, va), iha: thash(m, va), isr: NA }) : CONT;
        m.setGr(r1, denied ? 0n : 1n);
        return CONT;
      };
    }
    case 'fc': {
      const naIsr = nonAccessIsr('fc');
      return () => {
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
      const arr = (m as unknown as Record<string, bigint[]>)[file]!;
      // Reads of PMD are not privileged (architecture.md §3.3 lists only PMD reads as insensitive).
      const privileged = write || file !== 'pmd';
      return () => {
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
          pickFault(
            privileged && priv(),
            (N[r3] || (write && N[r2])) && 'reg_nat',
            resv && 'reserved_reg_field',
            virt(cls),
          ),
          () => {
            if (write) {
              arr[index] = v;
              m.xlateEpoch++;
            } else m.setGr(r1, file === 'pmd' && m.cpl !== 0 && m.psrBit('sp') ? 0n : arr[index]!);
            return CONT;
          },
        );
      };
    }
    case 'mov_from_cpuid':
      return () => {
        const idx = m.gr(r3);
        return go(pickFault(N[r3] && 'reg_nat', idx > 4n && 'reserved_reg_field', virt('mov_from_cpuid')), () => {
          m.setGr(r1, idx === 4n ? (m.cfg.vmImplemented ? 1n : 0n) : CPUID[Number(idx)]!);
          return CONT;
        });
      };
  }
  return null;
}
