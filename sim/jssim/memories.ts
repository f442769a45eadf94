// Memories in the built-in simulator: each word becomes a register of a copy of the design,
// each write port a clocked case over the address, each asynchronous read port a
// combinational case and each synchronous one a clocked case (so a same-edge write is seen
// as the old word, as in the Verilog). Power-on contents are written into the state after
// compilation (`initialWords`).
import type { IRDesign, IRExpr, IRModule, IRProcess, IRSignal, IRStmt } from '../../hdl/ir/types.js';

/** A word register and its power-on value (hierarchical name as the simulator names it). */
export interface InitialWord {
  readonly name: string;
  readonly hex: string;
}

const wordName = (mem: string, i: number) => `${mem}__${i}`;

function lowerModule(m: IRModule): IRModule {
  if (!m.memories?.length) return m;
  const signals: IRSignal[] = [...m.signals];
  const exprs: IRExpr[] = [...m.exprs];
  const processes: IRProcess[] = [...m.processes];
  for (const mem of m.memories) {
    const clock = mem.writes[0]?.clock ?? mem.reads.find((r) => r.clock !== null)?.clock ?? null;
    const words = Array.from({ length: mem.depth }, (_, i) => {
      const id = signals.length;
      signals.push({
        id,
        name: wordName(mem.name, i),
        kind: 'reg',
        width: mem.width,
        loc: mem.loc,
        clock: clock ?? 0,
        reset: null,
        init: null,
      });
      return { id, ref: exprs.push({ op: 'ref', width: mem.width, signal: id, loc: mem.loc }) - 1 };
    });
    const byAddress = (subject: number, body: (i: number) => IRStmt, loc: IRMemLoc): IRStmt => ({
      kind: 'switch',
      subject,
      cases: words.map((_, i) => ({ values: [i.toString(16)], body: [body(i)], loc })),
      loc,
    });
    for (const w of mem.writes)
      processes.push({
        kind: 'sync',
        clock: w.clock,
        reset: null,
        loc: w.loc,
        body: [
          {
            kind: 'if',
            cond: w.enable,
            then: [
              byAddress(w.addr, (i) => ({ kind: 'assign', target: words[i]!.id, value: w.data, loc: w.loc }), w.loc),
            ],
            else: [],
            loc: w.loc,
          },
        ],
      });
    for (const r of mem.reads) {
      const read = byAddress(
        r.addr,
        (i) => ({ kind: 'assign', target: r.data, value: words[i]!.ref, loc: r.loc }),
        r.loc,
      );
      processes.push(
        r.kind === 'async'
          ? { kind: 'comb', body: [read], loc: r.loc }
          : { kind: 'sync', clock: r.clock!, reset: null, body: [read], loc: r.loc },
      );
    }
  }
  const { memories: _lowered, ...rest } = m;
  return { ...rest, signals, exprs, processes };
}

type IRMemLoc = IRStmt['loc'];

/** A copy of the design without memories (words as registers), and the words' power-on values. */
export function lowerMemories(design: IRDesign): { design: IRDesign; init: InitialWord[] } {
  if (!design.modules.some((m) => m.memories?.length)) return { design, init: [] };
  const byName = new Map(design.modules.map((m) => [m.name, m]));
  const init: InitialWord[] = [];
  const walk = (m: IRModule, prefix: string) => {
    for (const mem of m.memories ?? [])
      mem.init?.forEach((hex, i) => {
        init.push({ name: `${prefix}${wordName(mem.name, i)}`, hex });
      });
    for (const inst of m.instances) {
      const child = byName.get(inst.module);
      if (child) walk(child, `${prefix}${inst.name}.`);
    }
  };
  walk(byName.get(design.top)!, '');
  return { design: { top: design.top, modules: design.modules.map(lowerModule) }, init };
}
