// Small traversals of IR statement trees shared by the passes and the backends.
import type { IRStmt } from './types.js';

/** Every signal assigned anywhere in `stmts` (added to `into`). */
export function targetsOf(stmts: readonly IRStmt[], into = new Set<number>()): Set<number> {
  for (const s of stmts) {
    if (s.kind === 'assign') into.add(s.target);
    else if (s.kind === 'if') {
      targetsOf(s.then, into);
      targetsOf(s.else, into);
    } else for (const c of s.cases) targetsOf(c.body, into);
  }
  return into;
}
