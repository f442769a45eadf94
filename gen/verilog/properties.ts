// Properties (assert/assume/cover) as Verilog: immediate assertions in an always block,
// inside `ifdef FORMAL` — Yosys (`read_verilog -formal`, which defines FORMAL) turns them into
// $assert/$assume/$cover cells; Verilator and iverilog, without FORMAL, never see them.
// Each carries its message and TypeScript line as a comment.
import { ReadCollector } from '../../hdl/ir/reads.js';
import type { IRModule, IRProperty } from '../../hdl/ir/types.js';
import type { ExprEmitter } from './exprs.js';

/** Marks the properties' expressions as used (before any emission, like statements). */
export function countProperties(m: IRModule, ex: ExprEmitter): void {
  for (const p of m.properties ?? []) {
    ex.use(p.cond);
    if (p.enable !== null) ex.use(p.enable);
  }
}

const comment = (text: string) => text.replace(/[\r\n]+/g, ' ').replace(/\*\//g, '* /');

function line(p: IRProperty, ex: ExprEmitter, ind: string): string {
  const check = `${p.kind} (${ex.emit(p.cond)}); // ${comment(p.message)} (${p.loc.file}:${p.loc.line})`;
  return p.enable === null ? `${ind}${check}` : `${ind}if (${ex.emit(p.enable)}) ${check}`;
}

/** The `ifdef FORMAL` block (empty when the module has no properties). */
export function emitProperties(m: IRModule, ex: ExprEmitter): string[] {
  const props = m.properties ?? [];
  if (!props.length) return [];
  // Signals read by properties (e.g. past() registers) are unread without FORMAL: one sink
  // that Verilator's -Wall accepts by name keeps lint clean in every mode.
  const reads = new ReadCollector(m.exprs).reads(
    props.flatMap((p) => (p.enable === null ? [p.cond] : [p.cond, p.enable])),
    new Set<number>(),
  );
  const names = [...reads].sort((a, b) => a - b).map((id) => m.signals[id]!.name);
  const out = names.length ? [`  wire _unused_by_properties = &{1'b0, ${names.join(', ')}};`] : [];
  out.push('`ifdef FORMAL');
  const byClock = new Map<number | null, IRProperty[]>();
  for (const p of props) byClock.set(p.clock, [...(byClock.get(p.clock) ?? []), p]);
  for (const [clock, list] of byClock) {
    out.push(clock === null ? '  always @* begin' : `  always @(posedge ${m.signals[clock]!.name}) begin`);
    for (const p of list) out.push(line(p, ex, '    '));
    out.push('  end');
  }
  out.push('`endif');
  return out;
}
