// Which integer and system encodings that GNU objdump decodes does the model not execute?
// Every major opcode of the M, I, B and X units is enumerated with all values of bits 36:27
// (where the extension opcodes live) and several fillings of bits 26:0, objdump disassembles
// them all in one call, and every slot objdump names but the model decodes as 'unsupported'
// is reported under its mnemonic (hint completers dropped) and operand shape. Floating-point
// encodings (the F unit, FP loads/stores and moves, FR operands) are left out: that is the FP
// work. The decoder's agreement with objdump on the slots it does decode is test/model's job.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Slot } from '../../model/decode/bundle.js';
import { decodeSlot } from '../../model/decode/decode.js';
import { decodeX } from '../../model/decode/decode-fx.js';

type Unit = 'M' | 'I' | 'B' | 'X';

/** Templates used to carry the candidates: the candidate slots of each and their unit. */
const CARRIER: Record<Unit, { template: number; slots: readonly number[] }> = {
  M: { template: 0x08, slots: [0, 1] }, // MMI
  I: { template: 0x00, slots: [1, 2] }, // MII
  B: { template: 0x16, slots: [0, 1, 2] }, // BBB
  X: { template: 0x04, slots: [1] }, // MLX (slot 1 is L, slot 2 the X instruction)
};

/** nop.m / nop.i / nop.b: the filler of the slots that carry no candidate. */
const NOP: Record<'M' | 'I' | 'B', bigint> = { M: 1n << 27n, I: 1n << 27n, B: (2n << 37n) | 0n };

/** Deterministic 32-bit generator (xorshift), so the list is the same on every run. */
function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>>= 0);
  };
}

/** The candidate slots of one unit: opcode (bits 40:37) × bits 36:27 × fillings of bits 26:0. */
function candidates(fills: number, seed: number): bigint[] {
  const rnd = xorshift(seed),
    low: bigint[] = [0n];
  for (let i = 1; i < fills; i++) low.push(BigInt(rnd() & 0x7ffffff));
  const out: bigint[] = [];
  for (let op = 0; op < 16; op++)
    for (let ext = 0; ext < 1024; ext++) for (const l of low) out.push((BigInt(op) << 37n) | (BigInt(ext) << 27n) | l);
  return out;
}

const slotOf = (v: bigint): Slot => ({ lo: Number(v & 0xffffffffn), hi: Number(v >> 32n) });

function bundleBytes(template: number, s: readonly bigint[]): Uint8Array {
  const v = BigInt(template) | (s[0]! << 5n) | (s[1]! << 46n) | (s[2]! << 87n),
    out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = Number((v >> BigInt(8 * i)) & 0xffn);
  return out;
}

interface Candidate {
  unit: Unit;
  /** The model's decode of the slot is 'unsupported'. */
  unsupported: boolean;
}

/** Lays the candidates out in bundles; returns the bytes and, per instruction position, the candidate. */
function layout(): { bytes: Uint8Array; positions: (Candidate | null)[][] } {
  const chunks: Uint8Array[] = [],
    positions: (Candidate | null)[][] = [];
  for (const unit of ['M', 'I', 'B', 'X'] as const) {
    const { template, slots } = CARRIER[unit];
    const list = candidates(unit === 'X' ? 2 : 3, 0x1a64 + unit.charCodeAt(0));
    const rndL = xorshift(0x5eed);
    for (let i = 0; i < list.length; i += slots.length) {
      if (unit === 'X') {
        const x = list[i]!,
          l = (BigInt(rndL()) << 9n) | BigInt(rndL() & 0x1ff);
        chunks.push(bundleBytes(template, [NOP.M, l, x]));
        positions.push([null, { unit, unsupported: decodeX(slotOf(l), slotOf(x)).op === 'unsupported' }]);
        continue;
      }
      const s: bigint[] = [NOP.M, unit === 'M' ? NOP.M : NOP.I, unit === 'B' ? NOP.B : NOP.I];
      if (unit === 'B') s[0] = NOP.B;
      if (unit === 'B') s[1] = NOP.B;
      const pos: (Candidate | null)[] = [null, null, null];
      slots.forEach((k, j) => {
        const v = list[i + j];
        if (v === undefined) return;
        s[k] = v;
        pos[k] = { unit, unsupported: decodeSlot(unit, slotOf(v), 0n).op === 'unsupported' };
      });
      chunks.push(bundleBytes(template, s));
      positions.push(pos);
    }
  }
  const bytes = new Uint8Array(chunks.length * 16);
  chunks.forEach((c, i) => {
    bytes.set(c, i * 16);
  });
  return { bytes, positions };
}

/** objdump's instruction texts, grouped by bundle (the MLX pair is one text). */
function objdumpTexts(bytes: Uint8Array): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'vti-isa-'));
  try {
    const f = join(dir, 'enc.bin');
    writeFileSync(f, bytes);
    const out = execFileSync('ia64-linux-gnu-objdump', ['-D', '-b', 'binary', '-m', 'ia64-elf64', f], {
      encoding: 'utf8',
      maxBuffer: 256 << 20,
    });
    const bundles: string[][] = [];
    for (const line of out.split('\n')) {
      const m = /^\s*([0-9a-f]+):\t[0-9a-f ]+\t(.*)$/.exec(line);
      if (!m) continue;
      const addr = Number.parseInt(m[1]!, 16),
        text = m[2]!.replace(/^\s*\[[A-Z?]{3}\]/, '').trim();
      if (addr % 16 === 0) bundles.push([]);
      if (text) bundles[bundles.length - 1]!.push(text);
    }
    return bundles;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Hint and ordering completers that do not change what an instruction does. */
const HINT = new Set(['sptk', 'spnt', 'dptk', 'dpnt', 'few', 'many', 'clr', 'imp', 'nt1', 'nt2', 'nta']);

/** "(p03) br.ctop.sptk.few 0x30;;" → "br.ctop imm"; register numbers become their file. */
export function encodingKey(text: string): string {
  const t = text
    .replace(/^\(p\d+\)\s*/, '')
    .replace(/;;$/, '')
    .trim();
  const sp = t.indexOf(' ');
  const mn = (sp < 0 ? t : t.slice(0, sp))
    .split('.')
    .filter((c, i) => i === 0 || !(HINT.has(c) || /^d\d$/.test(c)))
    .join('.');
  const ops = sp < 0 ? '' : t.slice(sp + 1);
  const shape = ops
    .replace(/\b(r|p|b|f)\d+\b/g, '$1')
    .replace(/\b(0x[0-9a-f]+|-?\d+)\b/g, 'imm')
    .replace(/\s+/g, '');
  return shape ? `${mn} ${shape}` : mn;
}

const isFp = (key: string): boolean => /^(ldf|stf|getf|setf|f)/.test(key) && !/^(fc|fetchadd|fwb)\b/.test(key);

/** The encodings objdump knows that the model does not execute (integer and system, sorted). */
export function unexecutedEncodings(): string[] {
  const { bytes, positions } = layout();
  const texts = objdumpTexts(bytes);
  if (texts.length !== positions.length)
    throw new Error(`objdump listed ${texts.length} bundles for ${positions.length}`);
  const found = new Set<string>();
  positions.forEach((pos, b) => {
    pos.forEach((c, k) => {
      if (!c?.unsupported) return;
      const text = texts[b]![k];
      if (text === undefined || /^data8\b/.test(text) || /\(bad\)|unknown/.test(text)) return;
      if (/\bf\d+\b/.test(text)) return; // an FR operand: floating point
      const key = encodingKey(text);
      if (!isFp(key)) found.add(key);
    });
  });
  return [...found].sort();
}

if (process.argv[1]?.endsWith('unexecuted.ts')) {
  const list = unexecutedEncodings();
  process.stdout.write(list.length ? list.map((k) => `${k}\n`).join('') : '(none)\n');
}
