// The VCD is well-formed (header, one $var per signal in nested scopes, value changes at the
// right times: rising edge at +5 ns, falling at +10 ns of each 10 ns cycle).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../sim/jssim/sim.js';
import { design, MODES, Mod } from './ir.js';

function build() {
  const leaf = new Mod('leaf');
  {
    const clk = leaf.input('clk', 1),
      rst = leaf.input('rst', 1);
    const cnt = leaf.reg('cnt', 40, clk, rst, 0n);
    leaf.sync(clk, rst, leaf.assign(cnt, leaf.bin('add', leaf.ref(cnt), leaf.c(40, 1))));
    leaf.comb(leaf.assign(leaf.output('q', 40), leaf.ref(cnt)));
  }
  const top = new Mod('top');
  const clk = top.input('clk', 1),
    rst = top.input('rst', 1),
    q = top.wire('q', 40);
  top.inst('u', 'leaf', { clk: top.ref(clk), rst: top.ref(rst) }, { q });
  top.comb(top.assign(top.output('odd', 1), top.slice(top.ref(q), 0, 0)));
  return design(leaf, top);
}

/** Minimal VCD reader: declarations and the value changes per time. */
function parse(text: string) {
  const vars = new Map<string, { path: string; width: number; type: string }>();
  const scope: string[] = [];
  const changes: { t: number; path: string; value: string }[] = [];
  let t = -1;
  const tokens = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok === '$scope') scope.push(tokens[(i += 2)]!), (i += 1);
    else if (tok === '$upscope') scope.pop(), (i += 1);
    else if (tok === '$var') {
      const [type, width, id, name] = tokens.slice(i + 1, i + 5);
      vars.set(id!, { path: [...scope, name].join('.'), width: Number(width), type: type! });
      while (tokens[i] !== '$end') i++;
    } else if (tok.startsWith('#')) t = Number(tok.slice(1));
    else if (tok.startsWith('b'))
      changes.push({ t, path: vars.get(tokens[++i]!)!.path, value: BigInt(`0${tok}`).toString() });
    else if (/^[01xz]/.test(tok) && t >= 0) changes.push({ t, path: vars.get(tok.slice(1))!.path, value: tok[0]! });
  }
  return { vars, changes };
}

describe.each(MODES)('jssim VCD (%s)', (_mode, opts) => {
  it('writes a header, every signal, and value changes with the clock toggling', () => {
    const sim = createSimulator(build(), opts);
    const file = join(mkdtempSync(join(tmpdir(), 'jssim-')), 'w.vcd');
    sim.poke('rst', 1);
    sim.vcd(file);
    sim.step();
    sim.poke('rst', 0);
    sim.step(2);
    sim.close();
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(
      /^\$date .* \$end\n\$version vti-hdl jssim \$end\n\$timescale 1ns \$end\n\$scope module top \$end\n/,
    );
    expect(text).toContain('$enddefinitions $end\n#0\n$dumpvars\n');
    const { vars, changes } = parse(text);
    const decl = [...vars.values()].map((v) => `${v.type} ${v.width} ${v.path}`).sort();
    expect(decl).toEqual(
      [
        'reg 40 top.u.cnt',
        'wire 1 top.clk',
        'wire 1 top.odd',
        'wire 1 top.rst',
        'wire 1 top.u.clk',
        'wire 1 top.u.rst',
        'wire 40 top.q',
        'wire 40 top.u.q',
      ].sort(),
    );
    const at = (t: number) =>
      changes
        .filter((c) => c.t === t)
        .map((c) => `${c.path}=${c.value}`)
        .sort();
    expect(at(0)).toEqual([
      'top.clk=0',
      'top.odd=0',
      'top.q=0',
      'top.rst=1',
      'top.u.clk=0',
      'top.u.cnt=0',
      'top.u.q=0',
      'top.u.rst=1',
    ]);
    expect(at(5)).toEqual(['top.clk=1', 'top.u.clk=1']); // reset edge: cnt stays 0
    expect(at(10)).toEqual(['top.clk=0', 'top.rst=0', 'top.u.clk=0', 'top.u.rst=0']); // rst poked after the first cycle
    expect(at(15)).toEqual(['top.clk=1', 'top.odd=1', 'top.q=1', 'top.u.clk=1', 'top.u.cnt=1', 'top.u.q=1']);
    expect(at(25)).toEqual(['top.clk=1', 'top.odd=0', 'top.q=2', 'top.u.clk=1', 'top.u.cnt=2', 'top.u.q=2']);
    expect(Math.max(...changes.map((c) => c.t))).toBe(30);
  });

  it('records every vector of a batch while a VCD is open', () => {
    const sim = createSimulator(build(), opts);
    const file = join(mkdtempSync(join(tmpdir(), 'jssim-')), 'b.vcd');
    sim.vcd(file);
    const out = sim.stepBatch({ rst: new Uint32Array([1, 0, 0, 0]) }, 4);
    sim.close();
    expect([...out.odd!]).toEqual([0, 1, 0, 1]);
    const { changes } = parse(readFileSync(file, 'utf8'));
    expect(changes.filter((c) => c.path === 'top.u.cnt').map((c) => `${c.t}:${c.value}`)).toEqual([
      '0:0',
      '15:1',
      '25:2',
      '35:3',
    ]);
  });
});
