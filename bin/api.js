// The package's library entry (`import { generateVti } from 'vti-hdl'`): the TypeScript API
// loaded through tsx's scoped loader (tsImport: it does not change how the rest of the
// importing program is loaded). Types: bin/api.d.ts → dist/types (built by `npm run build`).
import { tsImport } from 'tsx/esm/api';

const load = (path) => tsImport(path, import.meta.url);
const [{ guardApi }, ...modules] = await Promise.all([
  load('../cli/api-guards.ts'),
  load('../gen/vti.ts'),
  load('../gen/verilog/index.ts'),
  load('../hdl/dsl/index.ts'),
  load('../sim/engine.ts'),
  load('../report/index.ts'),
]);
// Every function checks its arguments first (one clear Error, never a TypeError from inside).
const [vti, verilog, core, engine, report] = modules.map((m) => guardApi({ ...m }));

export const { generateVti, vtiSpec, vtiDesign, vtiModule, checkConfig, DEFAULT_CONFIG, VTI_MODULES, ConfigError } =
  vti;
export const { emitDesign, emitModule, moduleSpec, portsOf } = verilog;
export const {
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
} = core;
export const { createEngine, ENGINES } = engine;
export const { buildReport, summarize } = report;
