// `vti formal` end to end: `vti gen --out DIR` read back with --dir, a wrong block reported with
// its counterexample, and the option errors. (In-process generation: test/formal/generated.test.ts.)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.js';

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('vti formal', () => {
  it("proves every block of 'vti gen --out DIR' read back with --dir", async () => {
    const dir = fileURLToPath(new URL('../../out/formal-tests/cli-gen/', import.meta.url));
    expect(await main(['gen', '--out', dir, '--no-vt'])).toBe(0);
    out = '';
    const code = await main(['formal', '--dir', dir, '--no-vt', '--json']);
    expect(err).toBe('');
    const { rows, failed } = JSON.parse(out) as {
      rows: { check: string; result: string; ok: boolean }[];
      failed: number;
    };
    expect(rows.slice(0, 8).map((r) => `${r.check}: ${r.result}`)).toEqual([
      'vti_psr: gate + equivalence to ref_vti_psr: equivalent (k-induction from reset (k <= 8))',
      'vti_psr: 8 block properties: all hold',
      'vti_vmsw: gate + equivalence to ref_vti_vmsw: equivalent (combinational SAT miter)',
      'vti_vmsw: 4 block properties: all hold',
      'vti_addr_check: gate + equivalence to ref_vti_addr_check: equivalent (combinational SAT miter)',
      'vti_addr_check: 3 block properties: all hold',
      'vti_fault_prio: gate + equivalence to ref_vti_fault_prio: equivalent (combinational SAT miter)',
      'vti_fault_prio: 5 block properties: all hold',
    ]);
    // The core's P1-P6 without VT-i: all proven; those about vm = 1 hold vacuously.
    expect(rows.slice(8).map((r) => r.check.split(' ')[1])).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    for (const r of rows.slice(8)) expect(r.result, r.check).toMatch(/^proven, (cover reachable|vacuous without VT-i)/);
    expect(failed).toBe(0);
    expect(code).toBe(0);
  });

  it('reports a wrong block read from --dir with its counterexample, exit 1', async () => {
    const dir = fileURLToPath(new URL('../../out/formal-tests/cli-dir/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    // The reference with the §3.1 order of checks 2 and 3 swapped, under the generated name.
    const ref = readFileSync(new URL('../../formal/ref/ref_vti_vmsw.v', import.meta.url), 'utf8');
    const priv = "else if (cpl != 2'd0)\n                priv_op = 1'b1;";
    const virt =
      "else if (!(psr_it == 1'b1 && itlb_ar == 3'd7) || vm_disabled || vmsw_disabled)\n                virt_fault = 1'b1;";
    const wrong = ref
      .replace('module ref_vti_vmsw', 'module vti_vmsw')
      .replace(priv, '@@')
      .replace(virt, priv)
      .replace('@@', virt);
    writeFileSync(`${dir}vti_vmsw.v`, wrong);
    const code = await main(['formal', '--block', 'vti_vmsw', '--dir', dir]);
    expect(code).toBe(1);
    expect(out).toMatch(/^vti_vmsw: gate \+ equivalence to ref_vti_vmsw +DIFFERENT /m);
    expect(out).toContain('priv_op (gold/gate)    | 0x1 / 0x0  <-- differs');
    expect(out).toContain('counterexample VCD: ');
  });

  it('rejects bad options with clear messages', async () => {
    expect(await main(['formal', '--impl-va-msb', '50'])).toBe(2);
    expect(err).toBe(
      'vti formal: bad generator options: no room for a guest: IMPL_VA_MSB 50 - guestShrink 1 = 49 is below 50\n',
    );
    err = '';
    expect(await main(['formal', '--dir', '/nonexistent/x'])).toBe(1);
    expect(err).toBe('vti formal: --dir /nonexistent/x: no such directory\n');
    err = '';
    const empty = fileURLToPath(new URL('../../out/formal-tests/cli-empty/', import.meta.url));
    mkdirSync(empty, { recursive: true });
    expect(await main(['formal', '--block', 'vti_psr', '--dir', empty])).toBe(1);
    expect(err).toBe(`vti formal: --dir ${empty}: no vti_psr.v there (run 'vti gen --out ${empty}' first)\n`);
    err = '';
    expect(await main(['formal', '--mutants', '0'])).toBe(1);
    expect(err).toBe('vti formal: --mutants must be at least 1, got 0\n');
  });
});
