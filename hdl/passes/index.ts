// The check passes, run in order over a whole design; all problems are collected first.
import type { IRDesign } from '../ir/types.js';
import { PassContext, type Pass } from './context.js';
import type { Diagnostic } from './diagnostic.js';
import { checkDrivers } from './drivers.js';
import { checkLatches } from './latches.js';
import { checkLoops } from './loops.js';
import { checkMemories } from './memories.js';
import { checkNames } from './names.js';
import { checkWidths } from './widths.js';

export const PASSES: readonly [string, Pass][] = [
  ['names', checkNames],
  ['widths', checkWidths],
  ['drivers', checkDrivers],
  ['latches', checkLatches],
  ['loops', checkLoops],
  ['memories', checkMemories],
];

export function runChecks(design: IRDesign): Diagnostic[] {
  const ctx = new PassContext(design);
  for (const [, pass] of PASSES) pass(ctx);
  return ctx.diagnostics;
}

export { HdlError, formatDiagnostic, type Diagnostic } from './diagnostic.js';
