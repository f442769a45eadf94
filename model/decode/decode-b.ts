// B-unit formats (SDM vol 3 §4.5): IP-relative and indirect branches and calls, returns,
// the B8 system instructions (cover, rfi, bsw, epc, vmsw), break/nop.
import { fld, sext, type Slot } from './bundle.js';
import { hex, mk, unsupported, type Insn } from './insn.js';

const WH2 = ['.sptk', '.spnt', '.dptk', '.dpnt'] as const;
// B5 (indirect call) has a 3-bit hint; odd values are the architected ones.
const WH3: (string | undefined)[] = [undefined, '.sptk', undefined, '.spnt', undefined, '.dptk', undefined, '.dpnt'];
const PH = ['.few', '.many'] as const;
const DH = ['', '.clr'] as const;

// B8 by x6 (major opcode 0). vmsw.0/.1 are the VT-i additions (x6 0x18/0x19).
const B8: Record<number, string> = {
  0x02: 'cover',
  0x04: 'clrrrb',
  0x05: 'clrrrb.pr',
  0x08: 'rfi',
  0x0c: 'bsw.0',
  0x0d: 'bsw.1',
  0x10: 'epc',
  0x18: 'vmsw.0',
  0x19: 'vmsw.1',
};

const MODULO_BTYPE: Record<number, 'wexit' | 'wtop' | 'cexit' | 'ctop'> = {
  2: 'wexit',
  3: 'wtop',
  6: 'cexit',
  7: 'ctop',
};
/** brp whether hints: IP-relative (B6) and indirect (B7; 1 and 3 reserved). */
const BRP_WH = ['.sptk', '.loop', '.dptk', '.exit'] as const;
const BRP_WH_INDIRECT: (string | undefined)[] = ['.sptk', undefined, '.dptk', undefined];

/** The tag of brp (t2e · timm7a, IP-relative bundle address). */
function brpTag(s: Slot, bundleAddr: bigint): bigint {
  return BigInt.asUintN(64, bundleAddr + (sext((fld(s, 33, 2) << 7) | fld(s, 6, 7), 9) << 4n));
}

function hints(wh: string | undefined, p: number, d: number): string | undefined {
  return wh === undefined ? undefined : wh + PH[p] + DH[d];
}

export function decodeB(s: Slot, op: number, bundleAddr: bigint): Insn {
  const qp = fld(s, 0, 6),
    x6 = fld(s, 27, 6),
    b1 = fld(s, 6, 3),
    b2 = fld(s, 13, 3);
  const p = fld(s, 12, 1),
    d = fld(s, 35, 1);
  const imm21 = BigInt((fld(s, 36, 1) << 20) | fld(s, 6, 20));
  switch (op) {
    case 0: {
      if (x6 === 0x00) return mk('break', 'B', qp, 'break.b', hex(imm21), { imm: imm21 });
      const b8 = B8[x6];
      if (b8) {
        // These cannot be predicated: the qp field is ignored (objdump prints no predicate, Ski
        // executes them whatever the field holds: b8-qp).
        const op8 = b8.startsWith('vmsw') ? 'vmsw' : b8.startsWith('bsw') ? 'bsw' : b8.replace('.', '_');
        return mk(op8, 'B', 0, b8, '', { n1: b8.endsWith('.1') ? 1 : 0 });
      }
      if (x6 === 0x20 || x6 === 0x21) {
        // B4 indirect branch: btype 0 = cond, 1 = ia, 4 = ret (x6 0x21).
        const btype = fld(s, 6, 3),
          h = hints(WH2[fld(s, 33, 2)], p, d);
        if (x6 === 0x20 && btype === 0) {
          const mn = h!.startsWith('.sptk') && qp === 0 ? 'br' + h!.slice(5) : 'br.cond' + h;
          return mk('br_ind', 'B', qp, mn, `b${b2}`, { b2 });
        }
        if (x6 === 0x21 && btype === 4) return mk('br_ret', 'B', qp, 'br.ret' + h, `b${b2}`, { b2 });
        return unsupported('B', qp, `B4 x6=0x${x6.toString(16)} btype=${btype}`);
      }
      return unsupported('B', qp, `B-unit opcode 0 x6=0x${x6.toString(16)}`);
    }
    case 1: {
      // B5 indirect call br.call b1=b2.
      const h = hints(WH3[fld(s, 32, 3)], p, d);
      if (!h) return unsupported('B', qp, 'B5 reserved hint');
      return mk('br_call_ind', 'B', qp, 'br.call' + h, `b${b1}=b${b2}`, { b1, b2 });
    }
    case 2:
      if (x6 === 0x00) return mk('nop', 'B', qp, 'nop.b', hex(imm21), { imm: imm21 });
      if (x6 === 0x01) return mk('nop', 'B', qp, 'hint.b', hex(imm21), { imm: imm21 });
      if (x6 === 0x10 || x6 === 0x11) {
        // B7 brp(.ret) b2,tag: a prediction hint, no architectural effect (never predicated).
        const wh = BRP_WH_INDIRECT[fld(s, 3, 2)];
        if (wh === undefined) return unsupported('B', 0, 'brp with reserved whether hint');
        const mn = `brp${x6 === 0x11 ? '.ret' : ''}${wh}${fld(s, 35, 1) ? '.imp' : ''}`;
        return mk('nop', 'B', 0, mn, `b${b2},${hex(brpTag(s, bundleAddr))}`);
      }
      return unsupported('B', qp, `B-unit opcode 2 x6=0x${x6.toString(16)}`);
    case 4:
    case 5: {
      const disp = sext((fld(s, 36, 1) << 20) | fld(s, 13, 20), 21) << 4n;
      const target = BigInt.asUintN(64, bundleAddr + disp);
      const t = hex(target);
      const h = hints(WH2[fld(s, 33, 2)], p, d)!;
      if (op === 5) return mk('br_call', 'B', qp, 'br.call' + h, `b${b1}=${t}`, { b1, imm: target });
      const btype = fld(s, 6, 3);
      if (btype === 0) {
        const mn = h.startsWith('.sptk') && qp === 0 ? 'br' + h.slice(5) : 'br.cond' + h;
        return mk('br_cond', 'B', qp, mn, t, { imm: target });
      }
      // The counted branches (B2 cloop, cexit, ctop) are not predicated: their bits 5:0 are
      // unused and ignored (objdump prints no predicate, Ski executes them whatever the field
      // holds). The modulo-scheduled wexit/wtop (B1) take their loop condition from the qp.
      if (btype === 5) return mk('br_cloop', 'B', 0, 'br.cloop' + h, t, { imm: target });
      const ms = MODULO_BTYPE[btype];
      if (ms === undefined) return unsupported('B', qp, `B1 btype ${btype}`);
      return mk(`br_${ms}`, 'B', ms.startsWith('c') ? 0 : qp, `br.${ms}${h}`, t, { imm: target });
    }
    case 7: {
      // B6 brp target25,tag13: a prediction hint, no architectural effect (never predicated).
      const disp = sext((fld(s, 36, 1) << 20) | fld(s, 13, 20), 21) << 4n;
      const target = BigInt.asUintN(64, bundleAddr + disp);
      const mn = `brp${BRP_WH[fld(s, 3, 2)]}${fld(s, 35, 1) ? '.imp' : ''}`;
      return mk('nop', 'B', 0, mn, `${hex(target)},${hex(brpTag(s, bundleAddr))}`);
    }
  }
  return unsupported('B', qp, `B-unit major opcode ${op}`);
}
