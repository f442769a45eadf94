// The built-in simulator: IR → JavaScript (see README.md).
export { createSimulator, type Simulator } from './sim.js';
export {
  compileDesign,
  DEFAULT_CHUNK_CHARS,
  type BatchKernel,
  type CompiledSim,
  type CompileOptions,
  type SignalInfo,
} from './compile.js';
export { SimError } from './flatten.js';
