// The examples of docs/edsl.md, one small module per construct. test/docs/edsl-doc.test.ts
// emits each and checks that the Verilog shown in the document is exactly what it gives
// (regenerate with VTI_UPDATE_DOCS=1 npx vitest run test/docs/edsl-doc.test.ts).
import {
  bundleType,
  defineModule,
  enumType,
  flipped,
  type HdlModule,
  mux,
  past,
  rose,
  signature,
} from '../../hdl/dsl/index.js';

const Psr = bundleType('psr', 8, { ie: [0, 1], mode: [1, 2], vm: [7, 1] });
const Op = enumType('op', 2, { NOP: 0, SET: 1, CLEAR: 2 });
const Bus = signature({ addr: ['out', 4], data: ['in', 8] });

export const EDSL_EXAMPLES: Readonly<Record<string, () => HdlModule>> = {
  ports: () =>
    defineModule('adder', (m) => {
      const a = m.input('a', 8);
      const b = m.input('b', 8);
      const sum = m.output('sum', 9);
      sum.set(a.zext(9).add(b.zext(9)));
      return { a, b, sum };
    }),
  registers: () =>
    defineModule('toggle', (m) => {
      const en = m.input('en', 1);
      const q = m.output('q', 1);
      const r = m.reg('r', 1, { init: 0 });
      m.when(en, () => r.set(r.not()));
      q.set(r);
    }),
  'when-switch': () =>
    defineModule('decode', (m) => {
      const op = m.input('op', Op);
      const y = m.output('y', 4);
      y.set(0);
      m.switch(op, (s) => {
        s.is(m.enumValue(Op, 'SET'), () => y.set(0xf));
        s.default(() => m.when(op.is('CLEAR'), () => y.set(1)));
      });
    }),
  bundles: () =>
    defineModule('status', (m) => {
      const psr = m.input('psr', Psr);
      const vm = m.output('vm', 1);
      const mode = m.output('mode', 2);
      vm.set(psr.f.vm);
      mode.set(psr.f.mode);
    }),
  instances: () => {
    const child = defineModule('inc', (m) => {
      const x = m.input('x', 4);
      const y = m.output('y', 4);
      y.set(x.add(1));
      return { x, y };
    });
    return defineModule('twice', (m) => {
      const a = m.input('a', 4);
      const u = m.instance('u0', child, { x: a });
      const v = m.instance('u1', child, { x: u.y }); // u.yy would not compile
      m.output('b', 4).set(v.y);
    });
  },
  interfaces: () =>
    defineModule('rom_port', (m) => {
      const bus = m.ports('bus', flipped(Bus)); // bus_addr input, bus_data output
      bus.data.set(mux(bus.addr.eq(0), m.lit(0x42, 8), bus.addr.zext(8)));
      return bus;
    }),
  memories: () =>
    defineModule('ram', (m) => {
      const we = m.input('we', 1);
      const addr = m.input('addr', 3);
      const wd = m.input('wd', 8);
      const mem = m.memory('mem', { depth: 8, width: 8, init: [1, 2] });
      mem.write(addr, wd, we);
      m.output('q', 8).set(mem.read(addr));
      m.output('q_sync', 8).set(mem.readSync(addr));
    }),
  properties: () =>
    defineModule('pulse', (m) => {
      const req = m.input('req', 1);
      const ack = m.output('ack', 1);
      ack.set(rose(req));
      m.assert(ack.not().or(past(req).not()), 'ack only on a new request');
      m.cover(ack, 'a request is acknowledged');
    }),
};
