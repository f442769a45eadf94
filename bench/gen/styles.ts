// The design styles the generator must handle at every size (issue 18): the same N-input
// priority encoder (lowest set bit of `pending` wins; outputs `valid` and `index`) written four
// ways, plus a wide concatenation. Shared by the generator benchmark (bench/gen), the style ×
// size sweep test (test/gen/style-sweep.test.ts) and the big sweep (bench/gen/sweep.ts).
import { cat, defineModule, type HdlModule, mux, type Value } from '../../hdl/dsl/index.js';
import { encoder } from './designs.js';

export const STYLES = ['prefix', 'tree', 'mux-chain', 'when-chain', 'wide-concat'] as const;
export type Style = (typeof STYLES)[number];

const indexWidth = (n: number) => Math.max(1, Math.ceil(Math.log2(n)));

/** A balanced tree of (valid, index) pairs: each node picks its lower half when that is valid. */
export function treeEncoder(n: number): HdlModule {
  return defineModule(
    'enc_tree',
    (m) => {
      const pending = m.input('pending', n);
      const size = 2 ** indexWidth(n);
      const padded = size === n ? pending : pending.zext(size);
      // Level 0: pairs of bits (a 1-bit index: 1 when only the upper bit of the pair is set).
      let level: { valid: Value; index: Value }[] = [];
      if (size === 1) level.push({ valid: padded.bit(0), index: m.lit(0, 1) });
      for (let i = 0; i + 1 < size; i += 2) {
        const lo = padded.bit(i);
        level.push({ valid: lo.or(padded.bit(i + 1)), index: lo.not() });
      }
      while (level.length > 1) {
        const next: { valid: Value; index: Value }[] = [];
        for (let i = 0; i < level.length; i += 2) {
          const l = level[i]!,
            h = level[i + 1]!;
          next.push({
            valid: l.valid.or(h.valid),
            index: mux(l.valid, cat(m.lit(0, 1), l.index), cat(m.lit(1, 1), h.index)),
          });
        }
        level = next;
      }
      m.output('valid', 1).set(level[0]!.valid);
      m.output('index', indexWidth(n)).set(level[0]!.index.trunc(indexWidth(n)));
    },
    { doc: `${n}-input priority encoder, balanced tree form` },
  );
}

/** A chain of N ternaries: pending[0] ? 0 : pending[1] ? 1 : … : 0. */
export function muxChainEncoder(n: number): HdlModule {
  return defineModule(
    'enc_mux_chain',
    (m) => {
      const pending = m.input('pending', n);
      const iw = indexWidth(n);
      let index: Value = m.lit(0, iw);
      for (let i = n - 1; i >= 0; i--) index = mux(pending.bit(i), m.lit(i, iw), index);
      m.output('valid', 1).set(pending.orR());
      m.output('index', iw).set(index);
    },
    { doc: `${n}-input priority encoder, ternary chain form` },
  );
}

/** when / elsewhen / … / otherwise: an if-else-if chain of N conditions. */
export function whenChainEncoder(n: number): HdlModule {
  return defineModule(
    'enc_when_chain',
    (m) => {
      const pending = m.input('pending', n);
      const iw = indexWidth(n);
      const index = m.output('index', iw);
      let chain = m.when(pending.bit(0), () => index.set(0));
      for (let i = 1; i < n; i++) chain = chain.elsewhen(pending.bit(i), () => index.set(i));
      chain.otherwise(() => index.set(0));
      m.output('valid', 1).set(pending.orR());
    },
    { doc: `${n}-input priority encoder, when-chain form` },
  );
}

/** N single-bit parts in one concatenation (the bit-reversal of the input). */
export function wideConcat(n: number): HdlModule {
  return defineModule(
    'wide_concat',
    (m) => {
      const a = m.input('a', n);
      const bits: Value[] = [];
      for (let i = 0; i < n; i++) bits.push(a.bit(i));
      m.output('y', n).set(n === 1 ? bits[0]! : cat(...bits));
    },
    { doc: `${n}-bit reversal as one concatenation` },
  );
}

export const STYLE_DESIGNS: Record<Style, { top: string; make: (n: number) => HdlModule }> = {
  prefix: { top: 'vti_fault_prio', make: encoder },
  tree: { top: 'enc_tree', make: treeEncoder },
  'mux-chain': { top: 'enc_mux_chain', make: muxChainEncoder },
  'when-chain': { top: 'enc_when_chain', make: whenChainEncoder },
  'wide-concat': { top: 'wide_concat', make: wideConcat },
};
