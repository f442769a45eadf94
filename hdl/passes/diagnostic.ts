// Diagnostics collected by the check passes, and the error thrown when any is an error.
import type { Loc } from '../ir/types.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  /** Which check produced it: width, driver, latch, loop, name, build. */
  readonly check: string;
  readonly message: string;
  readonly loc: Loc;
  /** Module the problem is in. */
  readonly module: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.loc.file}:${d.loc.line}: ${d.severity}: [${d.module}] ${d.message}`;
}

export class HdlError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(
      `${errors.length} error${errors.length === 1 ? '' : 's'} in the design:\n` +
        diagnostics.map(formatDiagnostic).join('\n'),
    );
    this.name = 'HdlError';
  }
}
