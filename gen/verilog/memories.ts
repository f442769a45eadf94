// Memories as Verilog arrays in the form Yosys infers as memories (`memory -nomap` keeps them
// as $mem cells): the array, its power-on contents in an `initial` block, one always block
// per write port, `assign` for asynchronous reads and a registered read for synchronous ones.
import type { IRModule } from '../../hdl/ir/types.js';
import { constLiteral, type ExprEmitter } from './exprs.js';

const range = (w: number) => (w === 1 ? '' : `[${w - 1}:0] `);

/** Marks the ports' expressions as used (before any emission). */
export function countMemories(m: IRModule, ex: ExprEmitter): void {
  for (const mem of m.memories ?? []) {
    for (const w of mem.writes) for (const e of [w.addr, w.data, w.enable]) ex.use(e);
    for (const r of mem.reads) ex.use(r.addr);
  }
}

/** Array declarations and initial contents (with the other declarations). */
export function memoryDeclarations(m: IRModule): string[] {
  const out: string[] = [];
  for (const mem of m.memories ?? []) {
    out.push(`  reg ${range(mem.width)}${mem.name} [0:${mem.depth - 1}]; // ${mem.loc.file}:${mem.loc.line}`);
    if (mem.init) {
      out.push('  initial begin');
      for (let i = 0; i < mem.depth; i++)
        out.push(`    ${mem.name}[${i}] = ${constLiteral(mem.width, mem.init[i] ?? '0')};`);
      out.push('  end');
    }
  }
  return out;
}

/** Write ports and read ports (with the other logic). */
export function memoryLogic(m: IRModule, ex: ExprEmitter): string[] {
  const out: string[] = [];
  const src = (l: { file: string; line: number }) => `// ${l.file}:${l.line}`;
  for (const mem of m.memories ?? []) {
    for (const w of mem.writes) {
      out.push(`  always @(posedge ${m.signals[w.clock]!.name}) begin ${src(w.loc)}`);
      out.push(`    if (${ex.emit(w.enable)}) ${mem.name}[${ex.emit(w.addr)}] <= ${ex.emit(w.data)};`);
      out.push('  end');
    }
    for (const r of mem.reads) {
      const data = m.signals[r.data]!.name;
      if (r.kind === 'async') out.push(`  assign ${data} = ${mem.name}[${ex.emit(r.addr)}]; ${src(r.loc)}`);
      else
        out.push(
          `  always @(posedge ${m.signals[r.clock!]!.name}) ${data} <= ${mem.name}[${ex.emit(r.addr)}]; ${src(r.loc)}`,
        );
    }
  }
  return out;
}
