// Typed module boundaries: a module body that returns its ports gives `m.instance` typed
// connections and outputs; bundles, enums and the spec data (arch/) are typed by name. The
// `@ts-expect-error` lines are the point of this file: `tsc --noEmit -p .` (run by
// test/meta/typecheck.test.ts) fails if a misspelt name ever type-checks again.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { PSR_BIT, PSR_RANGE } from '../../arch/psr.js';
import { PRIORITY_TABLE, priorityIndex, type PriorityRowName } from '../../arch/priority.js';
import { PsrBundle } from '../../hdl/vti/psr-type.js';
import {
  bundleType,
  defineModule,
  elaborate,
  enumType,
  fieldsOf,
  flipped,
  HdlError,
  prefixed,
  signature,
  withField,
  type Bit,
  type Value,
} from '../../hdl/dsl/index.js';
import { vtiVmsw } from '../../hdl/vti/vmsw.js';
import { createSimulator } from '../../sim/jssim/sim.js';

const Status = bundleType('status', 8, { mode: [0, 2], vm: [4, 1] });
const Op = enumType('op', 2, { NOP: 0, LOAD: 1, STORE: 2 });

const child = defineModule('typed_child', (m) => {
  const a = m.input('a', 8);
  const op = m.input('op', Op);
  const y = m.output('y', 8);
  const st = m.output('st', Status);
  const isLoad = m.output('is_load', 1);
  y.set(a);
  st.set(a);
  isLoad.set(op.is('LOAD'));
  return { a, op, y, st, isLoad };
});

const parent = defineModule('typed_parent', (m) => {
  const x = m.input('x', 8);
  const u = m.instance('u', child, { a: x, op: m.enumValue(Op, 'STORE') });
  expectTypeOf(u.y).toEqualTypeOf<Value<8>>();
  expectTypeOf(u.is_load).toEqualTypeOf<Value<1>>();
  expectTypeOf(u.st.f.vm).toEqualTypeOf<Value>();
  // @ts-expect-error a misspelt output port
  void u.is_lod;
  // @ts-expect-error an input port is not an output of the instance
  void u.a;
  // @ts-expect-error a misspelt bundle field
  void u.st.f.vmm;
  const vm = m.output('vm', 1);
  vm.set(u.st.f.vm);
  const swapped = m.output('swapped', 8);
  swapped.set(withField(Status, u.y, 'mode', fieldsOf(Status, x).mode));
  return { x, vm, swapped };
});

describe('typed instances', () => {
  it('a misspelt or missing input port does not type-check (and is reported when built)', () => {
    const bad = defineModule('typed_bad', (m) => {
      const x = m.input('x', 8);
      // @ts-expect-error 'aa' is not an input of typed_child; 'a' is missing
      m.instance('u', child, { aa: x, op: 0 });
      // @ts-expect-error 'op' is missing
      m.instance('v', child, { a: x });
    });
    expect(() => elaborate(bad)).toThrow(HdlError);
    expect(bad.problems.map((p) => p.message)).toEqual([
      "instance 'u' of 'typed_child': no input port 'aa'",
      "instance 'u' of 'typed_child': input port 'a' is not connected",
      "instance 'v' of 'typed_child': input port 'op' is not connected",
    ]);
  });

  it('the typed outputs, bundle fields and withField compute what the names say', () => {
    const sim = createSimulator(elaborate(parent).design);
    sim.poke('x', 0b1001_0110);
    expect(sim.peek('vm')).toBe(1n); // bit 4 of x
    expect(sim.peek('swapped')).toBe(0b1001_0110n); // x with its own mode field: unchanged
    sim.poke('x', 0b0001_0001);
    expect(sim.peek('vm')).toBe(1n);
    sim.poke('x', 0b1110_0111);
    expect(sim.peek('vm')).toBe(0n);
  });

  it('a body that returns a signal that is not a port is reported', () => {
    const bad = defineModule('typed_not_port', (m) => {
      const w = m.wire('w', 1);
      w.set(0);
      return { w };
    });
    expect(bad.problems.map((p) => p.message)).toEqual([
      "module 'typed_not_port' returns 'w' as a port, but it is not a port of this module",
    ]);
  });

  it('the VT-i blocks are typed: vti_vmsw outputs by name', () => {
    defineModule('typed_vmsw_user', (m) => {
      const one: Bit = m.lit(1, 1).asBit();
      const u = m.instance('u_vmsw', vtiVmsw(), {
        valid: one,
        to_vm: one,
        cpl: 0,
        psr_it: one,
        psr_vm: one,
        itlb_ar: 7,
        vm_disabled: 0,
        vmsw_disabled: 0,
      });
      expectTypeOf(u.commit).toEqualTypeOf<Value<1>>();
      // @ts-expect-error the issue's example: `u.comit`
      void u.comit;
    });
  });
});

describe('enums and spec data typed by name', () => {
  it('enum members, PSR fields and priority rows are literal types', () => {
    defineModule('typed_enum', (m) => {
      const op = m.input('op', Op);
      // @ts-expect-error not a member of op
      op.is('LOD');
      // @ts-expect-error not a member of op
      m.enumValue(Op, 'STOR');
    });
    expect(PSR_BIT.vm).toBe(46);
    // @ts-expect-error no PSR field 'vmm'
    void PSR_BIT.vmm;
    expectTypeOf<'virtualization'>().toMatchTypeOf<PriorityRowName>();
    expectTypeOf<'virtualisation'>().not.toMatchTypeOf<PriorityRowName>();
    // priorityIndex takes a row name: a misspelt row does not compile (and throws if forced).
    expect(PRIORITY_TABLE[priorityIndex('virtualization')]!.vector).toBe(0x6100);
    // @ts-expect-error misspelt priority row
    expect(() => priorityIndex('virtualisation')).toThrow(/unknown interruption 'virtualisation'/);
    // @ts-expect-error no PSR command range 'umask'
    void PSR_RANGE.umask;
    defineModule('typed_psr_view', (m) => {
      const psr = fieldsOf(PsrBundle, m.input('psr', 64));
      expectTypeOf(psr.vm).toEqualTypeOf<Value>();
      // @ts-expect-error a misspelt PSR field of a bundle view
      void psr.vmm;
    });
  });
});

describe('port bundles with direction', () => {
  // A request/response port seen from the initiator: addr leaves it, data comes back.
  const Bus = signature({ addr: ['out', 4], data: ['in', 8] });
  const target = defineModule('bus_target', (m) => {
    const bus = m.ports('bus', flipped(Bus)); // bus_addr input, bus_data output
    bus.data.set(bus.addr.zext(8).add(0x10));
    return bus;
  });
  const initiator = defineModule('bus_initiator', (m) => {
    const a = m.input('a', 4);
    const got = m.output('got', 8);
    const u = m.instance('u', target, { bus_addr: a });
    // Inside this module the target's group is a wire group; connect drives it in one call.
    const bus = { addr: m.wire('bus_addr', 4), data: m.wire('bus_data', 8) };
    m.connect(bus, { addr: a, data: u.bus_data });
    got.set(bus.data);
    return { a, got };
  });

  it('declares prefixed ports with the flipped directions, typed by name', () => {
    expect(target.ir.signals.map((s) => [s.name, s.kind])).toEqual([
      ['bus_addr', 'input'],
      ['bus_data', 'output'],
    ]);
    defineModule('bus_typing', (m) => {
      const u = m.instance('u', target, prefixed('bus', { addr: m.lit(1, 4) }));
      expectTypeOf(u.bus_data).toEqualTypeOf<Value<8>>();
      // @ts-expect-error bus_addr is an input of the target, not an output
      void u.bus_addr;
      // @ts-expect-error no member 'adr'
      m.instance('v', target, prefixed('bus', { adr: m.lit(1, 4) }));
    });
  });

  it('connect drives each member from the side that is not driven here', () => {
    const sim = createSimulator(elaborate(initiator).design);
    sim.poke('a', 5);
    expect(sim.peek('got')).toBe(0x15n);
  });

  it('connect reports a member with no driven side', () => {
    const bad = defineModule('bus_bad', (m) => {
      const a = m.input('a', 4);
      const b = m.input('b', 4);
      m.connect({ addr: a }, { addr: b, data: a });
    });
    expect(bad.problems.map((p) => p.message)).toEqual([
      "connect: member 'addr' has no side this module drives",
      "connect: member 'data' is missing on the left side",
    ]);
  });
});
