// The eDSL's public surface.
export { defineModule, ModuleBuilder, currentModule, type HdlModule, type RegOptions } from './module.js';
export { Value, type Bit, type Operand } from './value.js';
export { Signal, SliceRef, BundleSignal } from './signal.js';
export { bundleType, enumType, widthOf, type BundleType, type EnumType, type HwType } from './types.js';
export { cat, mux, lit, when, switchOn, anyOf } from './ops.js';
export { elaborate, type Elaborated } from './elaborate.js';
export { setLocationCapture, setLocationMode, locationMode, LOCATION_MODES, type LocationMode } from './loc.js';
export { formatLoc } from '../ir/loc.js';
export { HdlError, formatDiagnostic, type Diagnostic } from '../passes/index.js';
export { EnumSignal, enumConstName } from './signal.js';
export { fieldsOf, withField } from './bundles.js';
export type { Port, PortDir, PortsOf, BundleValue, OutputValue, InstanceInputs, InstanceOutputs } from './ports.js';
export type { Typed } from './module.js';
export { signature, flipped, prefixed, type Signature, type Flow, type PortGroup } from './interfaces.js';
export { past, rose, fell, stable } from './temporal.js';
export { Memory, type MemoryOptions } from './memory.js';
export { withFaults, type Fault, type FaultScope } from './faults.js';
