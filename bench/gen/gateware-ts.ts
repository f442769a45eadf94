// The encoders of bench/gen/styles.ts written in gateware-ts (github.com/gateware-ts/gateware-ts),
// for a side-by-side generation time at equal size. gateware-ts is not a dependency of this
// project: build it outside the repository and point GWTS at its compiled entry, e.g.
//   git clone https://github.com/gateware-ts/gateware-ts /work/scratch/gwts
//   cd /work/scratch/gwts && npx tsc -p . --skipLibCheck   # emits dist/ despite TS 3.8 type errors
//   GWTS=/work/scratch/gwts/dist/src/index.js npx tsx bench/gen/run.ts
// Each design is the same N-input priority encoder as its eDSL twin (lowest set bit wins;
// outputs `valid` and `index`), built from gateware-ts's own constructs: a Ternary chain, a
// balanced tree of Ternary/Concat, and an If/ElseIf chain (gateware-ts allows If only in a
// sync block, so that one registers `index`).
import { createRequire } from 'node:module';

/** The part of gateware-ts's API these designs use (its types are not imported: it is not installed). */
interface Gw {
  GWModule: new () => GwModule;
  CodeGenerator: new (m: GwModule) => { toVerilog(): string };
  Signal(width?: number): GwSignal;
  Constant(width: number, value: number): GwSignal;
  Bit(s: GwSignal, i: number): GwSignal;
  Concat(parts: GwSignal[]): GwSignal;
  Ternary(sel: GwSignal, a: GwSignal, b: GwSignal): GwSignal;
  If(cond: GwSignal, body: unknown[]): GwIf;
  Edge: { Positive: unknown };
}
interface GwSignal {
  or(b: GwSignal): GwSignal;
  invert(): GwSignal;
  neq(b: number): GwSignal;
  '='(b: GwSignal): unknown;
}
interface GwIf {
  ElseIf(cond: GwSignal, body: unknown[]): GwIf;
  Else(body: unknown[]): unknown;
}
interface GwModule {
  input(s: GwSignal): GwSignal;
  output(s: GwSignal): GwSignal;
  combinationalLogic(logic: unknown[]): void;
  syncBlock(clk: GwSignal, edge: unknown, block: unknown[]): void;
}

export const GWTS_STYLES = ['tree', 'mux-chain', 'when-chain'] as const;
export type GwtsStyle = (typeof GWTS_STYLES)[number];

const indexWidth = (n: number) => Math.max(1, Math.ceil(Math.log2(n)));

/** gateware-ts loaded from `entry` (its CommonJS dist/src/index.js). */
export function loadGatewareTs(entry: string): Gw {
  return createRequire(import.meta.url)(entry) as Gw;
}

/**
 * A function that builds the N-input encoder of `style` in gateware-ts and returns its Verilog
 * (construction and generation, the span bench/gen times for the eDSL too).
 */
export function gwtsEncoder(gw: Gw, style: GwtsStyle): (n: number) => string {
  const { Bit, Concat, Constant, Signal, Ternary } = gw;
  // gateware-ts names signals by the class fields that hold them, so each design is a class.
  const make = (n: number, describe: (self: EncoderPorts) => void) => {
    class Encoder extends gw.GWModule {
      clk = this.input(Signal(1));
      pending = this.input(Signal(n));
      valid = this.output(Signal(1));
      index = this.output(Signal(indexWidth(n)));
      describe() {
        describe(this);
      }
    }
    return new gw.CodeGenerator(new Encoder()).toVerilog();
  };
  type EncoderPorts = { clk: GwSignal; pending: GwSignal; valid: GwSignal; index: GwSignal } & GwModule;
  const validOf = (self: EncoderPorts) => self.valid['='](self.pending.neq(0));

  switch (style) {
    case 'mux-chain':
      return (n) =>
        make(n, (self) => {
          const iw = indexWidth(n);
          let index = Constant(iw, 0);
          for (let i = n - 1; i >= 0; i--) index = Ternary(Bit(self.pending, i), Constant(iw, i), index);
          self.combinationalLogic([self.index['='](index), validOf(self)]);
        });
    case 'tree':
      return (n) =>
        make(n, (self) => {
          const size = 2 ** indexWidth(n);
          const bit = (i: number) => (i < n ? Bit(self.pending, i) : Constant(1, 0));
          let level: { valid: GwSignal; index: GwSignal }[] = [];
          for (let i = 0; i + 1 < size; i += 2) level.push({ valid: bit(i).or(bit(i + 1)), index: bit(i).invert() });
          while (level.length > 1) {
            const next: typeof level = [];
            for (let i = 0; i < level.length; i += 2) {
              const l = level[i]!,
                h = level[i + 1]!;
              next.push({
                valid: l.valid.or(h.valid),
                index: Ternary(l.valid, Concat([Constant(1, 0), l.index]), Concat([Constant(1, 1), h.index])),
              });
            }
            level = next;
          }
          self.combinationalLogic([self.index['='](level[0]!.index), self.valid['='](level[0]!.valid)]);
        });
    case 'when-chain':
      return (n) =>
        make(n, (self) => {
          const iw = indexWidth(n);
          let chain = gw.If(Bit(self.pending, 0), [self.index['='](Constant(iw, 0))]);
          for (let i = 1; i < n; i++) chain = chain.ElseIf(Bit(self.pending, i), [self.index['='](Constant(iw, i))]);
          self.syncBlock(self.clk, gw.Edge.Positive, [chain.Else([self.index['='](Constant(iw, 0))])]);
          self.combinationalLogic([validOf(self)]);
        });
  }
}
