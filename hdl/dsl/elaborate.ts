// Elaboration: collect a top module and everything it instantiates into an IRDesign
// (children before parents), run every check pass, and fail with all problems at once.
import type { IRDesign } from '../ir/types.js';
import { HdlError, runChecks, type Diagnostic } from '../passes/index.js';
import type { HdlModule } from './module.js';

export interface Elaborated {
  readonly design: IRDesign;
  /** Warnings (errors throw). */
  readonly warnings: readonly Diagnostic[];
}

export function elaborate(top: HdlModule): Elaborated {
  const order: HdlModule[] = [];
  const seen = new Set<HdlModule>();
  const visit = (m: HdlModule) => {
    if (seen.has(m)) return;
    seen.add(m);
    for (const c of m.children) visit(c);
    order.push(m);
  };
  visit(top);
  const build: Diagnostic[] = order.flatMap((m) =>
    m.problems.map((p) => ({
      severity: 'error' as const,
      check: 'build',
      module: m.ir.name,
      loc: p.loc,
      message: p.message,
    })),
  );
  // Passes may rename signals: work on copies so an HdlModule can be elaborated again.
  const design: IRDesign = structuredClone({ top: top.ir.name, modules: order.map((m) => m.ir) });
  const diagnostics = [...build, ...runChecks(design)];
  if (diagnostics.some((d) => d.severity === 'error')) throw new HdlError(diagnostics);
  return { design, warnings: diagnostics };
}
