// Bundle decoder: template → unit per slot → per-unit format decoder. Every slot decodes to an
// Insn; encodings outside the covered set decode to op 'unsupported' (never a guess).
import { fld, slotsOf, wordsOf, type Slot } from './bundle.js';
import { decodeA } from './decode-a.js';
import { decodeB } from './decode-b.js';
import { decodeF, decodeX } from './decode-fx.js';
import { decodeI } from './decode-i.js';
import { decodeM } from './decode-m.js';
import { insnText, mk, type Insn } from './insn.js';
import { TEMPLATES, type SlotUnit, type Template } from './templates.js';

export interface DecodedBundle {
  readonly template: number;
  /** null for the reserved templates 6, 7, 0x14, 0x15, 0x1a, 0x1b, 0x1e, 0x1f. */
  readonly tpl: Template | null;
  /** Three entries; for MLX, slot 1 holds the movl/break.x/nop.x and slot 2 is 'lx_tail'. */
  readonly slots: readonly [Insn, Insn, Insn];
  /** Raw 41-bit slot encodings (for error messages and the lockstep record). */
  readonly raw: readonly [Slot, Slot, Slot];
}

const LX_TAIL = mk('lx_tail', 'X', 0, '', '');

export function decodeSlot(unit: SlotUnit, s: Slot, bundleAddr: bigint): Insn {
  const op = fld(s, 37, 4);
  if ((unit === 'M' || unit === 'I') && op >= 8) {
    if (op !== 0xa && op !== 0xb && op !== 0xf) return decodeA(s, op);
  }
  switch (unit) {
    case 'M':
      return decodeM(s, op, bundleAddr);
    case 'I':
      return decodeI(s, op, bundleAddr);
    case 'B':
      return decodeB(s, op, bundleAddr);
    case 'F':
      return decodeF(s, op, bundleAddr);
    default:
      throw new Error(`decodeSlot: unit ${unit} is decoded with its pair`);
  }
}

export function decodeBundle(bytes: Uint8Array, offset: number, bundleAddr: bigint): DecodedBundle {
  const w = wordsOf(bytes, offset);
  const [template, s0, s1, s2] = slotsOf(w);
  const tpl = TEMPLATES[template] ?? null;
  if (!tpl) {
    const u = mk('unsupported', 'M', 0, 'unsupported', `reserved template 0x${template.toString(16)}`);
    return { template, tpl, slots: [u, u, u], raw: [s0, s1, s2] };
  }
  const a = decodeSlot(tpl.units[0], s0, bundleAddr);
  if (tpl.units[1] === 'L')
    return { template, tpl, slots: [a, decodeX(s1, s2, bundleAddr), LX_TAIL], raw: [s0, s1, s2] };
  return {
    template,
    tpl,
    raw: [s0, s1, s2],
    slots: [a, decodeSlot(tpl.units[1], s1, bundleAddr), decodeSlot(tpl.units[2], s2, bundleAddr)],
  };
}

/**
 * Disassembly of a bundle, one string per instruction as objdump prints it, with ';;' after an
 * instruction followed by a stop. MLX gives two strings (slot 0 and the movl/break.x pair).
 */
export function disasmBundle(b: DecodedBundle): string[] {
  if (!b.tpl) return [b.slots[0].ops];
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const ins = b.slots[i]!;
    if (ins.op === 'lx_tail') {
      out[out.length - 1] += b.tpl.stopAfter[2] ? ';;' : '';
      continue;
    }
    out.push(insnText(ins) + (b.tpl.stopAfter[i] ? ';;' : ''));
  }
  return out;
}
