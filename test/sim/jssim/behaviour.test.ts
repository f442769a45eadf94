// Statement semantics (IR docs in hdl/ir/types.ts and the jssim brief): later assignments
// win, if/switch as in software, bit-range assignments, registers with and without reset,
// simultaneous register update, hierarchy, final-value semantics inside one process.
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../sim/jssim/sim.js';
import { design, MODES, Mod } from './ir.js';

describe.each(MODES)('jssim (%s)', (_mode, opts) => {
  describe('combinational statements', () => {
    it('lets a later assignment override an earlier one, also for bit ranges across words', () => {
      const m = new Mod('t');
      const a = m.input('a', 70),
        b = m.input('b', 8),
        c = m.input('c', 1);
      const y = m.output('y', 70),
        z = m.output('z', 8);
      m.comb(
        m.assign(y, m.ref(a)),
        m.assign(y, m.concat(m.ref(b), m.ref(b)), 40, 25), // straddles the word boundary at bit 32
        m.if(m.ref(c), [m.assign(y, m.c(2, 3), 69, 68)]),
      );
      m.comb(m.assign(z, m.ref(b)), m.assign(z, m.c(8, 0x11)), m.if(m.ref(c), [m.assign(z, m.c(8, 0x22))]));
      const sim = createSimulator(design(m), opts);
      const A = 0x2a_5555_5555_5555_5555n;
      sim.poke('a', A);
      sim.poke('b', 0xc3);
      const mid = 0xc3c3n << 25n;
      const want = (A & ~(0xffffn << 25n)) | mid;
      expect(sim.peek('y')).toBe(want);
      expect(sim.peek('z')).toBe(0x11n);
      sim.poke('c', 1);
      expect(sim.peek('y')).toBe((want & ~(3n << 68n)) | (3n << 68n));
      expect(sim.peek('z')).toBe(0x22n);
    });

    it('runs if/else and switch as in software: first matching case, empty case stops the search, default last', () => {
      const m = new Mod('t');
      const s = m.input('s', 4),
        wide = m.input('wide', 64),
        c = m.input('c', 1);
      const y = m.output('y', 8),
        v = m.output('v', 8);
      m.comb(
        m.assign(y, m.c(8, 0xee)),
        m.switch(m.ref(s), [
          [['1', '2'], [m.assign(y, m.c(8, 12))]],
          [['2', '3'], [m.assign(y, m.c(8, 23))]], // 2 already matched above
          [['4'], []], // matches, assigns nothing: y keeps 0xee
          [['5'], [m.if(m.ref(c), [m.assign(y, m.c(8, 51))], [m.assign(y, m.c(8, 50))])]],
          [[], [m.assign(y, m.c(8, 0xdd))]],
        ]),
      );
      m.comb(
        m.switch(m.ref(wide), [
          [['100000000', 'ffffffffffffffff'], [m.assign(v, m.c(8, 1))]],
          [['ffffffff'], [m.assign(v, m.c(8, 2))]],
          [[], [m.assign(v, m.c(8, 3))]],
        ]),
      );
      const sim = createSimulator(design(m), opts);
      const py = (sv: number, cv = 0) => (sim.poke('s', sv), sim.poke('c', cv), sim.peek('y'));
      expect([py(1), py(2), py(3), py(4), py(5, 0), py(5, 1), py(0), py(15)]).toEqual([
        12n,
        12n,
        23n,
        0xeen,
        50n,
        51n,
        0xddn,
        0xddn,
      ]);
      const pv = (x: bigint) => (sim.poke('wide', x), sim.peek('v'));
      expect([pv(0x1_0000_0000n), pv(0xffff_ffff_ffff_ffffn), pv(0xffff_ffffn), pv(0n), pv(0x1_ffff_ffffn)]).toEqual([
        1n,
        1n,
        2n,
        3n,
        3n,
      ]);
    });

    it('gives final-value semantics when one process drives a signal it also reads', () => {
      const m = new Mod('t');
      const a = m.input('a', 8),
        c = m.input('c', 1);
      const w = m.wire('w', 8),
        w2 = m.output('w2', 8),
        o = m.output('o', 8);
      // w2 reads w before w is assigned in statement order: it still sees w's final value.
      m.comb(
        m.if(
          m.ref(c),
          [m.assign(w2, m.bin('add', m.ref(w), m.c(8, 1))), m.assign(w, m.ref(a))],
          [m.assign(w2, m.c(8, 0)), m.assign(w, m.c(8, 7))],
        ),
      );
      m.comb(m.assign(o, m.ref(w)));
      const sim = createSimulator(design(m), opts);
      sim.poke('a', 41);
      sim.poke('c', 1);
      expect([sim.peek('w2'), sim.peek('o')]).toEqual([42n, 41n]);
      sim.poke('c', 0);
      expect([sim.peek('w2'), sim.peek('o'), sim.peek('w')]).toEqual([0n, 7n, 7n]);
    });

    it('rejects a true combinational loop, naming its signals', () => {
      const m = new Mod('t');
      const x = m.wire('x', 1),
        y = m.output('y', 1);
      m.comb(m.assign(x, m.un('not', m.ref(y))));
      m.comb(m.assign(y, m.ref(x)));
      const d = design(m);
      const at = d.modules[0]!.processes[0]!.loc;
      expect(() => createSimulator(d, opts)).toThrow(
        `jssim: combinational loop through 'x', 'y' (${at.file}:${at.line})`,
      );
      // Inside one process (sliced per signal first, and still a loop).
      const m2 = new Mod('t2');
      const a = m2.wire('a', 1),
        b = m2.wire('b', 1);
      m2.comb(m2.assign(a, m2.ref(b)), m2.assign(b, m2.ref(a)));
      m2.comb(m2.assign(m2.output('o', 1), m2.ref(a)));
      const d2 = design(m2);
      const at2 = d2.modules[0]!.processes[0]!.loc;
      expect(() => createSimulator(d2, opts)).toThrow(
        `jssim: combinational loop through 'a', 'b' (${at2.file}:${at2.line})`,
      );
    });
  });

  describe('registers', () => {
    function counter() {
      const m = new Mod('t');
      const clk = m.input('clk', 1),
        rst = m.input('rst', 1),
        en = m.input('en', 1),
        d = m.input('d', 64);
      const cnt = m.reg('cnt', 64, clk, rst, 0x10n); // reset to 0x10
      const hold = m.reg('hold', 8, clk); // no reset: starts at 0, keeps its value when not assigned
      const r1 = m.reg('r1', 33, clk),
        r2 = m.reg('r2', 33, clk);
      const q = m.output('q', 64),
        h = m.output('h', 8),
        o1 = m.output('o1', 33),
        o2 = m.output('o2', 33);
      m.sync(clk, rst, m.if(m.ref(en), [m.assign(cnt, m.bin('add', m.ref(cnt), m.ref(d)))]));
      m.sync(
        clk,
        null,
        m.if(m.ref(en), [m.assign(hold, m.slice(m.ref(d), 7, 0)), m.assign(hold, m.c(4, 0xf), 7, 4)]),
        // swap: both registers update simultaneously from pre-edge values
        m.assign(r1, m.ref(r2)),
        m.assign(r2, m.ref(r1)),
      );
      m.comb(m.assign(q, m.ref(cnt)), m.assign(h, m.ref(hold)), m.assign(o1, m.ref(r1)), m.assign(o2, m.ref(r2)));
      return design(m);
    }

    it('updates on rising edges, with synchronous reset to init and hold when unassigned', () => {
      const sim = createSimulator(counter(), opts);
      expect(sim.peek('q')).toBe(0n); // registers start at 0 until reset
      sim.poke('rst', 1);
      sim.poke('en', 1);
      sim.poke('d', 5);
      sim.step();
      expect(sim.peek('q')).toBe(0x10n); // reset wins over the enabled update
      expect(sim.peek('h')).toBe(0xf5n); // hold has no reset: its body still runs
      sim.poke('rst', 0);
      sim.poke('d', 0xffff_ffffn);
      sim.step(2);
      expect(sim.peek('q')).toBe(0x10n + 2n * 0xffff_ffffn);
      sim.poke('en', 0);
      sim.poke('d', 0x23);
      sim.step(3);
      expect([sim.peek('q'), sim.peek('h')]).toEqual([0x10n + 2n * 0xffff_ffffn, 0xffn]);
    });

    it('evaluates batches against the current register values without changing them', () => {
      const m = new Mod('t');
      const clk = m.input('clk', 1),
        rst = m.input('rst', 1),
        a = m.input('a', 40),
        k = m.input('k', 8);
      const r = m.reg('r', 40, clk, rst, 0x77n);
      m.sync(clk, rst, m.assign(r, m.bin('add', m.ref(r), m.c(40, 1))));
      // y reads the register, the column a, and k, which the batch does not provide
      m.comb(
        m.assign(
          m.output('y', 40),
          m.bin('xor', m.bin('add', m.ref(r), m.ref(a)), m.e({ op: 'zext', width: 40, a: m.ref(k) })),
        ),
      );
      m.comb(m.assign(m.output('rk', 40), m.bin('or', m.ref(r), m.e({ op: 'zext', width: 40, a: m.ref(k) }))));
      const sim = createSimulator(design(m), opts);
      sim.poke('rst', 1);
      sim.step();
      sim.poke('rst', 0);
      sim.step(2); // r = 0x79
      sim.poke('k', 0x80);
      const out = sim.evalBatch({ a: new Uint32Array([0, 0, 1, 0, 0xffffffff, 0xff]) }, 3);
      expect([...out.y!]).toEqual([0x79 ^ 0x80, 0, 0x7a ^ 0x80, 0, 0x78 ^ 0x80, 0]); // 0x79 + 0xff_ffffffff wraps to 0x78
      expect([...out.rk!]).toEqual([0xf9, 0, 0xf9, 0, 0xf9, 0]);
      expect(sim.peek('r')).toBe(0x79n);
      expect(sim.peek('a')).toBe(0xff_ffff_ffffn); // the last vector stays applied
      const into = { y: new Uint32Array(4) };
      const st = sim.stepBatch({ a: new Uint32Array([5, 0, 6, 0]) }, 2, into);
      expect(st.y).toBe(into.y); // filled in place
      expect([...st.y!]).toEqual([(0x7a + 5) ^ 0x80, 0, (0x7b + 6) ^ 0x80, 0]);
      expect([...st.rk!]).toEqual([0xfa, 0, 0xfb, 0]);
    });

    it('swaps two registers (simultaneous update from pre-edge values)', () => {
      const m = new Mod('sw');
      const clk = m.input('clk', 1),
        rst = m.input('rst', 1);
      const r1 = m.reg('r1', 33, clk, rst, 0x1_0000_0001n),
        r2 = m.reg('r2', 33, clk, rst, 2n);
      m.sync(clk, rst, m.assign(r1, m.ref(r2)), m.assign(r2, m.ref(r1)));
      const sim = createSimulator(design(m), opts);
      sim.poke('rst', 1);
      sim.step();
      sim.poke('rst', 0);
      expect([sim.peek('r1'), sim.peek('r2')]).toEqual([0x1_0000_0001n, 2n]);
      sim.step();
      expect([sim.peek('r1'), sim.peek('r2')]).toEqual([2n, 0x1_0000_0001n]);
      sim.step();
      expect([sim.peek('r1'), sim.peek('r2')]).toEqual([0x1_0000_0001n, 2n]);
    });

    it('stepBatch matches poke/step cycle by cycle and leaves the state where step would', () => {
      const a = createSimulator(counter(), opts);
      const b = createSimulator(counter(), opts);
      const N = 50;
      const rst = new Uint32Array(N),
        en = new Uint32Array(N),
        d = new Uint32Array(2 * N);
      for (let k = 0; k < N; k++) {
        rst[k] = k === 0 || k === 30 ? 1 : 0;
        en[k] = k % 7 === 3 ? 0 : 1;
        d[2 * k] = (k * 0x9e3779b9) >>> 0;
        d[2 * k + 1] = k;
      }
      const out = a.stepBatch({ rst, en, d }, N);
      for (let k = 0; k < N; k++) {
        b.poke('rst', rst[k]!);
        b.poke('en', en[k]!);
        b.poke('d', (BigInt(d[2 * k + 1]!) << 32n) | BigInt(d[2 * k]!));
        b.step();
        expect(BigInt(out.q![2 * k]!) | (BigInt(out.q![2 * k + 1]!) << 32n)).toBe(b.peek('q'));
        expect(BigInt(out.h![k]!)).toBe(b.peek('h'));
      }
      expect(a.peek('q')).toBe(b.peek('q'));
      expect(a.peek('d')).toBe(b.peek('d'));
    });
  });

  describe('hierarchy', () => {
    function nested() {
      const leaf = new Mod('leaf');
      {
        const clk = leaf.input('clk', 1),
          x = leaf.input('x', 40),
          y = leaf.output('y', 40);
        const acc = leaf.reg('acc', 40, clk);
        leaf.sync(clk, null, leaf.assign(acc, leaf.bin('add', leaf.ref(acc), leaf.ref(x))));
        leaf.comb(leaf.assign(y, leaf.bin('xor', leaf.ref(acc), leaf.ref(x))));
      }
      const mid = new Mod('mid');
      {
        const clk = mid.input('clk', 1),
          x = mid.input('x', 40),
          y = mid.output('y', 40),
          w = mid.wire('w', 40);
        mid.inst('u_leaf', 'leaf', { clk: mid.ref(clk), x: mid.un('not', mid.ref(x)) }, { y: w });
        mid.comb(mid.assign(y, mid.ref(w)));
      }
      const top = new Mod('top');
      {
        const clk = top.input('clk', 1),
          x = top.input('x', 40),
          y = top.output('y', 40),
          w = top.wire('w', 40);
        top.inst('u_mid', 'mid', { clk: top.ref(clk), x: top.ref(x) }, { y: w });
        top.comb(top.assign(y, top.ref(w)));
      }
      return design(leaf, mid, top);
    }

    it('flattens an instance inside an instance and names inner signals inst.sig', () => {
      const sim = createSimulator(nested(), opts);
      const M = (1n << 40n) - 1n;
      sim.poke('x', 0x12_3456_789an);
      const nx = ~0x12_3456_789an & M;
      expect(sim.peek('y')).toBe(nx); // acc = 0
      sim.step(3);
      expect(sim.peek('u_mid.u_leaf.acc')).toBe((3n * nx) & M);
      expect(sim.peek('y')).toBe(((3n * nx) & M) ^ nx);
      expect(sim.peek('u_mid.x')).toBe(0x12_3456_789an);
      expect(sim.peek('u_mid.u_leaf.x')).toBe(nx);
    });
  });
});
