// Speculation, spill/fill and semaphores (SDM vol 1 §4.4, vol 2 §5.5.5): the load forms
// ld.s/ld.sa (control speculation: a fault is deferred as a NaT), ld.a/ld.c/ld.bias, ld8.fill
// and st8.spill with ar.unat, chk.s/chk.a, invala, and cmpxchg/xchg/fetchadd with ar.ccv.
// Advanced loads allocate ALAT entries (exec/alat.ts, keyed by physical register); ld.c and
// chk.a look them up: a hit keeps the register (no memory access), a miss reloads / branches.
import { CR } from '../../arch/cr.js';
import type { Insn } from '../decode/insn.js';
import { physGr } from './alat.js';
import { jump } from './compile-br.js';
import { AR } from './compile-sys.js';
import { OUT, add64, hiOf, loOf, toBig } from './int64.js';
import { memOperands, postInc } from './compile-mem.js';
import { dataLoad, dataStore } from './data-access.js';
import { dataDebugFault, dbrMatch } from './debug.js';
import { CONT, ISR_R, ISR_W, pickFault, type Exec, type Machine } from './machine.js';
import { pageRights } from './tlb.js';
import { lookupOrWalk } from './vhpt.js';
import {
  NONACCESS,
  PA,
  READ,
  READ_WRITE,
  WRITE,
  defaultItir,
  keyFault,
  nonAccessIsr,
  region,
  thash,
  xlateData,
} from './xlate.js';

/** The NaTPage memory attribute (TLB ma = 7). */
const NAT_PAGE = 7;

/** ISR.sp: the fault was raised by a speculative load; ISR.ed: its code page's ITLB ed bit. */
const ISR_SP = 1n << 36n,
  ISR_ED = 1n << 43n;
/** The DCR bit that lets a speculative load defer each fault (SDM vol 2, DCR). */
const DCR_DEFER = { dm: 8, dp: 9, dk: 10, dx: 11, dr: 12, da: 13, dd: 14 } as const;
const UNAT = AR.UNAT,
  CCV = 32;

/**
 * Whether a speculative load of `va` must be deferred (its target gets a NaT) instead of
 * loading or faulting: PSR.dt = 0 (every speculative load is deferred in physical mode, which
 * the SDM permits and Ski does), PSR.ed = 1, an unimplemented address, a NaT page, non-speculative
 * memory (UC, UCE), or a translation fault that is deferred: always with PSR.ic = 0,
 * else when the code page's ITLB entry has ed = 1 and the fault's DCR bit is 1 (SDM vol 2
 * §5.5.5; with PSR.it = 0 there is no code page entry and no DCR deferral, as in Ski).
 * Otherwise the load goes through xlateData, which raises any fault left.
 */
export function deferSpeculative(m: Machine, va: bigint, size = 1): boolean {
  // PSR.ed = 1 (set by rfi for one instruction) defers without any access (SDM ld: defer =
  // speculative && (nat || PSR.ed); Ski).
  if (m.psrBit('ed') === 1) return true;
  // A Data Debug match (exec/debug.ts) is deferred by DCR.dd, and never in physical mode with
  // PSR.ic = 1 (the code page has no ITLB ed bit there; Ski faults too): xlateData raises it.
  const debugHit = m.dataDebug && m.psrBit('dd') === 0 && dbrMatch(m, va, size, true, false, m.cpl);
  if (!m.dt) return !(debugHit && m.ic && m.paImplemented(Number(va >> 32n)));
  if (!m.vaImplemented(Number(va >> 32n))) return true;
  const dcr = m.cr[CR.DCR]!;
  const always = !m.ic;
  const codeEd = m.it === 1 && codePageEd(m);
  const by = (bit: number) => always || (codeEd && ((dcr >> BigInt(bit)) & 1n) === 1n);
  // A miss walks the VHPT first (vhpt.ts); a failed walk is deferred like the TLB fault.
  const e = lookupOrWalk(m, va);
  if (!e) return by(DCR_DEFER.dm);
  if (!e.p) return by(DCR_DEFER.dp);
  if (e.ma === 7) return true;
  const key = keyFault(m, e, 'r', 'miss', 'perm');
  if (key) return by(key === 'miss' ? DCR_DEFER.dk : DCR_DEFER.dx);
  if (!pageRights(e.ar, e.pl, m.cpl).includes('r')) return by(DCR_DEFER.dr);
  if (!e.a && !m.psrBit('da')) return by(DCR_DEFER.da);
  if (debugHit) return by(DCR_DEFER.dd);
  return e.ma === 4 || e.ma === 5;
}

/** The ISR bits of an undeferred fault of a speculative load: sp, and ed from the code page. */
export const speculativeIsr = (m: Machine): bigint => ISR_SP | (m.it && codePageEd(m) ? ISR_ED : 0n);

/** The ed bit of the ITLB entry that maps the current instruction. */
function codePageEd(m: Machine): boolean {
  const ip = m.ip();
  return m.itlb.lookup(region(m, ip).rid, ip)?.ed ?? false;
}

const unatBit = (addrLo: number) => (addrLo >>> 3) & 63;

export function compileSpec(ins: Insn): Exec | null {
  const { r1, r2, r3, size, iLo, iHi } = memOperands(ins);
  switch (ins.op) {
    case 'ld':
    case 'ld_postimm':
    case 'ld_postreg': {
      if (ins.sub === '' || ins.sub === '.acq') return null; // plain loads: compile-mem.ts
      const post = ins.op !== 'ld',
        reg = ins.op === 'ld_postreg';
      if (post && (r3 === 0 || r3 === r1)) return (m: Machine) => m.fault('illegal_op');
      const speculative = ins.sub === '.s' || ins.sub === '.sa',
        fill = ins.sub === '.fill',
        advanced = ins.sub === '.a' || ins.sub === '.sa',
        check = ins.sub.startsWith('.c.'),
        clear = ins.sub.startsWith('.c.clr');
      const inc = (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        if (!post) return;
        if (reg) {
          postInc(L, H, r3, L[r2]!, H[r2]!);
          N[r3] = N[r3]! | N[r2]!;
        } else postInc(L, H, r3, iLo, iHi);
      };
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat,
          alat = m.alat;
        if (speculative) {
          // A NaT address is deferred like a fault: the target gets the NaT (and no entry).
          if (N[r3] || deferSpeculative(m, toBig(L[r3]!, H[r3]!), size)) {
            if (advanced) alat.invalidateRegister('gr', physGr(m.bsp, r1));
            inc(m);
            L[r1] = 0;
            H[r1] = 0;
            N[r1] = 1;
            return CONT;
          }
        } else if (N[r3]) return m.fault('reg_nat', { isr: ISR_R });
        // A check load that finds its entry leaves the register alone and reads no memory.
        if (check && alat.check('gr', physGr(m.bsp, r1), clear)) {
          inc(m);
          return CONT;
        }
        const aLo = L[r3]!;
        const isr = speculative ? speculativeIsr(m) : 0n;
        if (!xlateData(m, aLo, H[r3]!, size, READ, false, undefined, isr)) return 2;
        // ld8.fill needs 8-byte alignment whatever PSR.ac (as a spill does).
        if (fill && aLo & 7) return m.fault('unaligned_data', { ifa: toBig(aLo, H[r3]!), isr: ISR_R });
        dataLoad(m, PA.lo, PA.hi, size);
        const vLo = OUT.lo,
          vHi = OUT.hi;
        const nat = fill ? (m.ar(UNAT) >> BigInt(unatBit(aLo))) & 1n : 0n;
        // ld.a/ld.sa replace the target's entry; ld.c.nc allocates again after a miss.
        if (advanced || (check && !clear)) {
          const phys = physGr(m.bsp, r1);
          alat.invalidateRegister('gr', phys);
          alat.allocate('gr', phys, toBig(PA.lo, PA.hi), size);
        }
        inc(m);
        L[r1] = vLo;
        H[r1] = vHi;
        N[r1] = Number(nat);
        return CONT;
      };
    }
    case 'st':
    case 'st_postimm': {
      if (ins.sub !== '.spill') return null;
      const post = ins.op === 'st_postimm';
      if (post && r3 === 0) return (m: Machine) => m.fault('illegal_op');
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        // The spilled register's NaT is data here, not a fault: it goes to ar.unat.
        if (N[r3]) return m.fault('reg_nat', { isr: ISR_W });
        const aLo = L[r3]!;
        if (!xlateData(m, aLo, H[r3]!, 8, WRITE)) return 2;
        if (aLo & 7) return m.fault('unaligned_data', { ifa: toBig(aLo, H[r3]!), isr: ISR_W });
        dataStore(m, PA.lo, PA.hi, 8, L[r2]!, H[r2]!);
        const bit = 1n << BigInt(unatBit(aLo));
        const unat = m.ar(UNAT);
        m.setAr(UNAT, N[r2] ? unat | bit : unat & ~bit);
        if (post) postInc(L, H, r3, iLo, iHi);
        return CONT;
      };
    }
    case 'cmpxchg':
    case 'xchg':
    case 'fetchadd': {
      const mask = size === 8 ? (1n << 64n) - 1n : (1n << BigInt(8 * size)) - 1n;
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        if (N[r3] || (ins.op !== 'fetchadd' && N[r2])) return m.fault('reg_nat', { isr: ISR_R | ISR_W });
        if (!xlateData(m, L[r3]!, H[r3]!, size, READ_WRITE)) return 2;
        const pLo = PA.lo,
          pHi = PA.hi;
        dataLoad(m, pLo, pHi, size);
        const old = toBig(OUT.lo, OUT.hi);
        let store: bigint | null;
        if (ins.op === 'cmpxchg') store = old === m.ar(CCV) ? m.gr(r2) : null;
        else if (ins.op === 'xchg') store = m.gr(r2);
        else store = (old + ins.imm) & mask;
        if (store !== null) dataStore(m, pLo, pHi, size, loOf(store & mask), hiOf(store & mask));
        m.setGr(r1, old);
        return CONT;
      };
    }
    case 'chk_s':
      if (ins.sub === 'fr') return null; // compile-fp.ts (NaTVal, Disabled FP-Register)
      // The recovery branch is taken when the checked register holds a NaT.
      return (m: Machine) => {
        const N = m.nat;
        if (!N[r2]) return CONT;
        add64(m.ipLo, m.ipHi, iLo, iHi);
        return jump(m, OUT.lo, OUT.hi);
      };
    case 'chk_a': {
      if (ins.sub === 'fr') return null; // compile-fp.ts
      // A miss branches to the recovery code; chk.a.clr removes the entry it finds.
      const clear = ins.mn === 'chk.a.clr';
      return (m: Machine) => {
        if (m.alat.check('gr', physGr(m.bsp, r1), clear)) return CONT;
        add64(m.ipLo, m.ipHi, iLo, iHi);
        return jump(m, OUT.lo, OUT.hi);
      };
    }
    case 'invala':
      if (ins.sub === 'fr') return null; // compile-fp.ts
      if (ins.sub === 'gr') return (m: Machine) => (m.alat.invalidateRegister('gr', physGr(m.bsp, r1)), CONT);
      return (m: Machine) => (m.alat.invalidateAll(), CONT);
    case 'lfetch':
    case 'lfetch_postimm':
    case 'lfetch_postreg': {
      // A prefetch has no architectural effect; only lfetch.fault raises the faults of a
      // non-access reference to its address (ISR.na, r, code 4). The post-increment is done
      // even so, and carries a NaT of the increment register.
      const faulting = ins.sub === 'fault',
        reg = ins.op === 'lfetch_postreg',
        post = ins.op !== 'lfetch',
        naIsr = nonAccessIsr('lfetch');
      if (post && r3 === 0) return (m: Machine) => m.fault('illegal_op');
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        if (faulting) {
          if (N[r3]) return m.fault('reg_nat', { isr: naIsr });
          if (!xlateData(m, L[r3]!, H[r3]!, 1, NONACCESS, false, naIsr)) return 2;
          // A NaTPage translation: Data NaT Page Consumption, as for tpa and probe (found by
          // tools/ski/random.ts, seed 5133).
          // The rest of a read's page checks apply too (key, rights, access bit; seeds 5340,
          // 5380): lfetch.fault faults where a load would, with ISR.na.
          const va = toBig(L[r3]!, H[r3]!);
          const e = m.dt ? m.dtlb.lookup(region(m, va).rid, va) : undefined;
          const f =
            e &&
            pickFault(
              e.ma === NAT_PAGE && 'data_nat_page',
              keyFault(m, e, 'r', 'data_key_miss', 'data_key_perm'),
              !pageRights(e.ar, e.pl, m.cpl).includes('r') && 'data_access_rights',
              !e.a && !m.psrBit('da') && 'data_access_bit',
            );
          if (f) return m.fault(f, { ifa: va, itir: defaultItir(m, va), iha: thash(m, va), isr: naIsr });
          // lfetch.fault is one of the two non-access references a DBR read match stops (SDM
          // vol 2, Debug vector).
          if (m.dataDebug && dataDebugFault(m, L[r3]!, H[r3]!, 1, true, false, m.cpl, naIsr)) return 2;
        }
        if (reg) {
          postInc(L, H, r3, L[r2]!, H[r2]!);
          N[r3] = N[r3]! | N[r2]!;
        } else if (post) postInc(L, H, r3, iLo, iHi);
        return CONT;
      };
    }
  }
  return null;
}
