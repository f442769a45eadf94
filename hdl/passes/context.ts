// Shared state of one run of the check passes over a design.
import type { IRDesign, IRModule, Loc } from '../ir/types.js';
import type { Diagnostic, Severity } from './diagnostic.js';

export class PassContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly modules: ReadonlyMap<string, IRModule>;
  constructor(readonly design: IRDesign) {
    this.modules = new Map(design.modules.map((m) => [m.name, m]));
  }
  report(severity: Severity, check: string, module: IRModule, loc: Loc, message: string): void {
    this.diagnostics.push({ severity, check, module: module.name, loc, message });
  }
  error(check: string, module: IRModule, loc: Loc, message: string): void {
    this.report('error', check, module, loc, message);
  }
}

export type Pass = (ctx: PassContext) => void;
