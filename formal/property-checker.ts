// The checker module of a design's block properties (blocks/properties.ts), built with the
// eDSL and emitted by the project's generator: one input per port of the design (same name and
// width; `clk`/`rst` are the checker's clock and reset, so past() samples on the design's
// clock), an m.assert per property with its sentence as the message, and an output `ok`, the
// conjunction, which formal/property-prover.ts proves (the assertions are for simulation and
// for reading; the proof reads the Verilog without -formal).
import type { Property } from '../blocks/properties.js';
import { emitDesign } from '../gen/verilog/index.js';
import { defineModule, elaborate, type Value } from '../hdl/dsl/index.js';
import type { PortInfo } from './design.js';

export const CHECKER_TOP = '__prop_checker';

/** The checker's Verilog files (module CHECKER_TOP) for `props` over the design's ports `ports`. */
export function propertyCheckerFiles(ports: readonly PortInfo[], props: readonly Property[]): Record<string, string> {
  if (props.length === 0) throw new Error('no properties to check');
  const mod = defineModule(
    CHECKER_TOP,
    (m) => {
      const values = new Map<string, Value>();
      for (const p of ports) {
        if (p.dir === 'inout') throw new Error(`port ${p.name}: inout ports cannot be checked`);
        const v = p.name === 'clk' ? m.clock() : p.name === 'rst' ? m.reset() : m.input(p.name, p.width);
        values.set(p.name, v);
      }
      const port = (name: string): Value => {
        const v = values.get(name);
        if (!v) throw new Error(`the design has no port '${name}' (a property refers to it)`);
        return v;
      };
      const oks = props.map((p) => {
        const ok = p.holds(port).asBit();
        m.assert(ok, p.name);
        return ok;
      });
      m.output('ok', 1).set(oks.reduce((a, b) => a.and(b)));
    },
    { doc: `The block properties: ${props.map((p) => p.name).join('; ')}.` },
  );
  return emitDesign(elaborate(mod).design);
}
