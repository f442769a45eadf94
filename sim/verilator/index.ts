// Public API of the Verilator simulation engine.
export type { PortSpec, ModuleSpec } from './spec.js';
export { wordsFor } from './spec.js';
export type { VerilatedModel, StepOptions, CheckedBatch } from './model.js';
export { bigintToWords, wordsToBigint, ASYNC_MIN } from './model.js';
export { buildVerilatorModel, buildInfo, type BuildOptions, type BuildInfo } from './build.js';
export { verilatorAvailable, iverilogAvailable, toolMissingError } from './tools.js';
export { rememberToolVersions, toolVersionsKnown } from './tools.js';
export { rememberVerilatorRoots, verilatorRootsKnown } from './runtime.js';
