// Memory pass: one write port per memory (two writers to one array at the same edge would
// make the result depend on the order of the always blocks) and a 1-bit write enable. The
// builder reports address and data widths where the port is written (hdl/dsl/memory.ts).
import type { PassContext } from './context.js';

export function checkMemories(ctx: PassContext): void {
  for (const m of ctx.design.modules)
    for (const mem of m.memories ?? []) {
      if (mem.writes.length > 1)
        ctx.error(
          'memory',
          m,
          mem.writes[1]!.loc,
          `memory '${mem.name}' has ${mem.writes.length} write ports (multiple writers); merge them into one with a mux`,
        );
      for (const w of mem.writes)
        if (m.exprs[w.enable]!.width !== 1)
          ctx.error('memory', m, w.loc, `memory '${mem.name}': write enable must be 1 bit`);
    }
}
