// How a source location of an IR node is printed in diagnostics ("file:line"). It belongs to
// the IR (every node carries a Loc), so the passes print locations without the eDSL that
// captures them (hdl/dsl/loc.ts).
import type { Loc } from './types.js';

export function formatLoc(loc: Loc): string {
  return `${loc.file}:${loc.line}`;
}
