// Types of bin/api.js: re-exported from the declarations that `npm run build` writes to
// dist/types (tsc --emitDeclarationOnly over the API's source files).
export {
  generateVti,
  vtiSpec,
  vtiDesign,
  vtiModule,
  checkConfig,
  DEFAULT_CONFIG,
  VTI_MODULES,
  ConfigError,
} from '../dist/types/gen/vti.js';
export type { VtiConfig, VtiModuleName, Manifest, ManifestModule, Generated } from '../dist/types/gen/vti.js';
export { emitDesign, emitModule, moduleSpec, portsOf } from '../dist/types/gen/verilog/index.js';
export type { PortSpec, ModuleSpec } from '../dist/types/gen/verilog/index.js';
export {
  defineModule,
  elaborate,
  mux,
  cat,
  lit,
  when,
  switchOn,
  anyOf,
  bundleType,
  enumType,
  widthOf,
  HdlError,
  formatDiagnostic,
} from '../dist/types/hdl/dsl/index.js';
export type { HdlModule, Elaborated, BundleType, EnumType, HwType, Diagnostic } from '../dist/types/hdl/dsl/index.js';
export { createEngine, ENGINES } from '../dist/types/sim/engine.js';
export type { Engine, EngineName } from '../dist/types/sim/engine.js';
export { buildReport, summarize } from '../dist/types/report/index.js';
export type { ReportOptions, ReportResult, ReportData } from '../dist/types/report/index.js';
