// The rows of the library-API bad-input corpus (bad-input.test.ts): each calls one export of
// the package (bin/api.js) with one bad input and gives the message it must fail with.
type Api = typeof import('../../gen/vti.js') &
  typeof import('../../gen/verilog/index.js') &
  typeof import('../../hdl/dsl/index.js') &
  typeof import('../../sim/engine.js') &
  typeof import('../../report/index.js');

export interface ApiRow {
  readonly name: string;
  readonly call: (api: Api) => unknown;
  /** The one-line message (or its pattern) of the Error the call must throw or reject with. */
  readonly message: string | RegExp;
}

const C = { vmImplemented: true, implVaMsb: 60, implPaMsb: 62, guestShrink: 1 };
const any = (x: unknown) => x as never;

export const API_ROWS: readonly ApiRow[] = [
  // configuration (generateVti, vtiSpec, vtiDesign, vtiModule, checkConfig)
  {
    name: 'generateVti(null)',
    call: (a) => a.generateVti(any(null)),
    message: 'expected a configuration { vmImplemented, implVaMsb, implPaMsb, guestShrink }, got null',
  },
  {
    name: 'generateVti("x")',
    call: (a) => a.generateVti(any('x')),
    message: 'expected a configuration { vmImplemented, implVaMsb, implPaMsb, guestShrink }, got string',
  },
  {
    name: 'generateVti({})',
    call: (a) => a.generateVti(any({})),
    message: /^vmImplemented must be true or false, got undefined; IMPL_VA_MSB undefined is out of range/,
  },
  {
    name: 'implVaMsb "60"',
    call: (a) => a.generateVti(any({ ...C, implVaMsb: '60' })),
    message: 'IMPL_VA_MSB "60" is out of range: allowed 50..60',
  },
  {
    name: 'implVaMsb NaN',
    call: (a) => a.generateVti({ ...C, implVaMsb: Number.NaN }),
    message: /^IMPL_VA_MSB (NaN|55\.5) is out of range: allowed 50\.\.60$/,
  },
  {
    name: 'implVaMsb 55.5',
    call: (a) => a.generateVti({ ...C, implVaMsb: 55.5 }),
    message: /^IMPL_VA_MSB (NaN|55\.5) is out of range: allowed 50\.\.60$/,
  },
  {
    name: 'implVaMsb 2^53',
    call: (a) => a.generateVti({ ...C, implVaMsb: 2 ** 53 }),
    message: /IMPL_VA_MSB|implVaMsb/,
  },
  { name: 'implVaMsb -1', call: (a) => a.generateVti({ ...C, implVaMsb: -1 }), message: /IMPL_VA_MSB|implVaMsb/ },
  {
    name: 'implVaMsb 50 (no guest room)',
    call: (a) => a.generateVti({ ...C, implVaMsb: 50 }),
    message: /no room for a guest/,
  },
  { name: 'implPaMsb 70', call: (a) => a.generateVti({ ...C, implPaMsb: 70 }), message: /IMPL_PA_MSB|implPaMsb/ },
  {
    name: 'implPaMsb Infinity',
    call: (a) => a.generateVti({ ...C, implPaMsb: Number.POSITIVE_INFINITY }),
    message: 'IMPL_PA_MSB Infinity is out of range: allowed 31..62',
  },
  { name: 'guestShrink 0', call: (a) => a.generateVti({ ...C, guestShrink: 0 }), message: /guestShrink/ },
  { name: 'guestShrink 11', call: (a) => a.generateVti({ ...C, guestShrink: 11 }), message: /guestShrink/ },
  {
    name: 'vmImplemented "yes"',
    call: (a) => a.generateVti(any({ ...C, vmImplemented: 'yes' })),
    message: /vmImplemented/,
  },
  {
    name: 'checkConfig(undefined)',
    call: (a) => a.checkConfig(any(undefined)),
    message: /^expected a configuration .*, got undefined$/,
  },
  {
    name: 'vtiSpec("nope")',
    call: (a) => a.vtiSpec(any('nope')),
    message: /^vtiSpec: unknown module 'nope' \(available: vti_psr, /,
  },
  { name: 'vtiDesign(42)', call: (a) => a.vtiDesign(any(42)), message: /^vtiDesign: unknown module 42 \(available: / },
  {
    name: 'vtiModule("__proto__")',
    call: (a) => a.vtiModule(any('__proto__')),
    message: /^vtiModule: unknown module '__proto__'/,
  },
  {
    name: 'vtiSpec(psr, bad config)',
    call: (a) => a.vtiSpec('vti_psr', { ...C, implPaMsb: 10 }),
    message: /IMPL_PA_MSB|implPaMsb/,
  },
  // the eDSL (defineModule, elaborate, lit, bundleType, enumType, …)
  { name: 'defineModule(42, body)', call: (a) => a.defineModule(any(42), () => {}), message: /^defineModule: / },
  { name: 'defineModule(name, "body")', call: (a) => a.defineModule('m', any('body')), message: /^defineModule: / },
  {
    name: 'defineModule("1bad")',
    call: (a) => a.elaborate(a.defineModule('1bad', () => {})),
    message: /module name '1bad'|not a legal identifier/,
  },
  { name: 'elaborate(null)', call: (a) => a.elaborate(any(null)), message: /^elaborate: / },
  { name: 'elaborate({})', call: (a) => a.elaborate(any({})), message: /^elaborate: / },
  {
    name: 'input width 0',
    call: (a) => a.elaborate(a.defineModule('w0', (m) => void m.input('a', 0))),
    message: /width/,
  },
  {
    name: 'input width -3',
    call: (a) => a.elaborate(a.defineModule('wn', (m) => void m.input('a', -3))),
    message: /width/,
  },
  {
    name: 'input width 1.5',
    call: (a) => a.elaborate(a.defineModule('wf', (m) => void m.input('a', 1.5))),
    message: /width/,
  },
  {
    name: 'input width "8"',
    call: (a) => a.elaborate(a.defineModule('ws', (m) => void m.input('a', any('8')))),
    message: /width/,
  },
  { name: 'lit outside a module', call: (a) => a.lit(1, 4), message: /outside|no module/ },
  { name: 'when outside a module', call: (a) => a.when(any(null), () => {}), message: /outside|no module/ },
  {
    name: 'lit 300 in 4 bits',
    call: (a) => a.elaborate(a.defineModule('l', (m) => void m.output('y', 4).set(a.lit(300, 4)))),
    message: /300/,
  },
  {
    name: 'enumType value too big',
    call: (a) => a.enumType('e', 2, { A: 4 }),
    message: "enum 'e': A = 4 does not fit in 2 bits",
  },
  {
    name: 'enumType with no members',
    call: (a) => a.enumType('e', 2, any({})),
    message: /^enumType: expected at least one member/,
  },
  {
    name: 'bundleType overlapping',
    call: (a) => a.bundleType('b', 4, { x: [0, 3], y: [2, 2] }),
    message: "bundle 'b': field 'y' overlaps another field",
  },
  {
    name: 'bundleType(null)',
    call: (a) => a.bundleType('b', any(null), any(null)),
    message: 'bundleType: width must be an integer between 1 and 1048576, got null',
  },
  {
    name: 'bundleType field outside',
    call: (a) => a.bundleType('b', 4, { x: [3, 2] }),
    message: "bundle 'b': field 'x' [4:3] does not fit in 4 bits",
  },
  { name: 'widthOf(null)', call: (a) => a.widthOf(any(null)), message: /^widthOf/ },
  // Verilog and the engines (emitDesign, moduleSpec, portsOf, createEngine)
  { name: 'emitDesign(null)', call: (a) => a.emitDesign(any(null)), message: /^emitDesign: / },
  {
    name: 'emitDesign top missing',
    call: (a) => a.emitDesign(any({ top: 'x', modules: [] })),
    message: "emitDesign: the design's top 'x' is not one of its modules",
  },
  { name: 'emitDesign({})', call: (a) => a.emitDesign(any({})), message: /^emitDesign: / },
  {
    name: 'moduleSpec({modules:[]})',
    call: (a) => a.moduleSpec(any({ top: 'x', modules: [] })),
    message: /^moduleSpec: /,
  },
  { name: 'portsOf(undefined)', call: (a) => a.portsOf(any(undefined)), message: /^portsOf: / },
  {
    name: 'createEngine("gpu")',
    call: (a) => a.createEngine(any('gpu'), a.vtiDesign('vti_psr')),
    message: /^createEngine: unknown engine 'gpu' \(available: builtin, verilator\)$/,
  },
  {
    name: 'createEngine(builtin, null)',
    call: (a) => a.createEngine('builtin', any(null)),
    message: /^createEngine: /,
  },
  // the report
  { name: 'buildReport(undefined)', call: (a) => a.buildReport(any(undefined)), message: /^buildReport: / },
  {
    name: 'buildReport out is a file',
    call: (a) => a.buildReport(any({ out: '/etc/hostname' })),
    message: "buildReport: out '/etc/hostname' is a file, not a folder",
  },
  {
    name: 'buildReport engine "gpu"',
    call: (a) => a.buildReport(any({ out: '/tmp/x', vectors: 1, seed: 1, engine: 'gpu' })),
    message: /^buildReport: unknown engine 'gpu'/,
  },
  {
    name: 'buildReport seed 2^60',
    call: (a) => a.buildReport(any({ out: '/tmp/x', vectors: 1, seed: 2 ** 60 })),
    message: /^buildReport: seed must be an integer/,
  },
  {
    name: 'buildReport bad gen',
    call: (a) =>
      a.buildReport(
        any({
          out: '/tmp/x',
          vectors: 1,
          seed: 1,
          engine: 'builtin',
          iterations: 1,
          flushCycles: 0,
          gen: { ...C, guestShrink: 0 },
        }),
      ),
    message: /^guestShrink 0 is out of range/,
  },
  {
    name: 'buildReport vectors -1',
    call: (a) => a.buildReport(any({ out: '/tmp/x', vectors: -1 })),
    message: 'buildReport: vectors must be an integer between 0 and 1000000000, got -1',
  },
  { name: 'summarize(null)', call: (a) => a.summarize(any(null)), message: /^summarize: / },
];
