// Elaboration: collect a top module and everything it instantiates into an IRDesign
// (children before parents), run every check pass, and fail with all problems at once.
import { copyForPasses } from '../ir/clone.js';
import type { IRDesign } from '../ir/types.js';
import { formatDiagnostic, HdlError, runChecks, type Diagnostic } from '../passes/index.js';
import type { HdlModule } from './module.js';

export interface Elaborated {
  readonly design: IRDesign;
  /** Warnings (errors throw). */
  readonly warnings: readonly Diagnostic[];
}

export interface ElaborateOptions {
  /**
   * Where each warning goes besides `warnings` (a renamed keyword port, …). Default: Node's
   * process.emitWarning (one line on stderr, type HdlWarning; `--no-warnings` hides it and a
   * 'warning' listener receives it), so a renamed port is never silent.
   */
  readonly onWarning?: (d: Diagnostic) => void;
}

const emitHdlWarning = (d: Diagnostic): void => process.emitWarning(formatDiagnostic(d), { type: 'HdlWarning' });

export function elaborate(top: HdlModule, o: ElaborateOptions = {}): Elaborated {
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
  const design: IRDesign = copyForPasses({ top: top.ir.name, modules: order.map((m) => m.ir) });
  const diagnostics = [...build, ...runChecks(design)];
  if (diagnostics.some((d) => d.severity === 'error')) throw new HdlError(diagnostics);
  for (const d of diagnostics) (o.onWarning ?? emitHdlWarning)(d);
  return { design, warnings: diagnostics };
}
