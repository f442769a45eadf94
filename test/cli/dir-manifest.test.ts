// `vti formal --dir D` and `vti cosim --dir D` take the configuration from D/manifest.json
// (written by `vti gen --out D`): RTL generated with non-default options is checked with those
// options (formal used to report it DIFFERENT with a counterexample), options that contradict
// the manifest are one line (exit 2), and a damaged or missing manifest or edited Verilog is
// one line naming the folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from './run-main.js';

const work = mkdtempSync(join(tmpdir(), 'vti-dir-manifest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const noVt = join(work, 'novt');

const run = (...argv: string[]) => runMain(argv);

beforeAll(async () => {
  expect((await run('gen', '--out', noVt, '--no-vt', '--impl-va-msb', '55')).code).toBe(0);
});

describe('formal --dir reads the options from the manifest', () => {
  it('proves no-VT RTL equivalent without repeating --no-vt', async () => {
    const r = await run('formal', '--block', 'vti_vmsw', '--dir', noVt, '--json');
    const { rows } = JSON.parse(r.out) as { rows: { check: string; result: string }[] };
    expect(rows[0]).toMatchObject({ check: 'vti_vmsw: gate + equivalence to ref_vti_vmsw' });
    expect(rows[0]!.result).toMatch(/^equivalent/);
    expect([r.code, r.err]).toEqual([0, '']);
  });

  it('refuses an option that contradicts the manifest, accepts one that agrees', async () => {
    const manifest = join(noVt, 'manifest.json');
    expect(await run('formal', '--block', 'vti_vmsw', '--dir', noVt, '--impl-va-msb', '60')).toEqual({
      code: 2,
      out: '',
      err: `vti formal: --impl-va-msb contradicts ${manifest} (implVaMsb: 55); drop the option or regenerate with 'vti gen --out ${noVt}'\n`,
    });
    const agree = await run('formal', '--block', 'vti_vmsw', '--dir', noVt, '--no-vt', '--impl-va-msb', '55', '--json');
    expect([agree.code, agree.err]).toEqual([0, '']);
  });
});

describe('cosim --dir', () => {
  it('co-simulates the configuration of the manifest', async () => {
    const r = await run(
      'cosim',
      '--dir',
      noVt,
      '--block',
      'vti_vmsw',
      '--engine',
      'builtin',
      '--vectors',
      '200',
      '--json',
    );
    // Progress lines (a slow machine) are allowed; nothing else on stderr.
    expect([r.code, r.err.replace(/^vti: cosim .*\n/gm, '')]).toEqual([0, '']);
    const [res] = JSON.parse(r.out) as { block: string; mismatches: number }[];
    expect(res).toMatchObject({ block: 'vti_vmsw', mismatches: 0 });
  });

  it('refuses --vt against the manifest, the demo workload without VT-i, edited Verilog and bad manifests', async () => {
    const program = join(work, 'p.elf');
    writeFileSync(program, 'x');
    expect((await run('cosim', '--dir', noVt, '--core', '--program', program, '--vt', 'on')).err).toBe(
      `vti cosim: --vt contradicts ${join(noVt, 'manifest.json')} (vmImplemented: false); drop the option or regenerate with 'vti gen --out ${noVt}'\n`,
    );
    expect(await run('cosim', '--dir', noVt, '--core', '--engine', 'builtin')).toEqual({
      code: 1,
      out: '',
      err: `vti cosim: --dir ${noVt} was generated without VT-i; the demo workload (programs a-e) needs it: give --program FILE or --random N\n`,
    });
    const edited = join(work, 'edited');
    expect((await run('gen', '--out', edited)).code).toBe(0);
    writeFileSync(join(edited, 'vti_psr.v'), readFileSync(join(edited, 'vti_psr.v'), 'utf8') + '// edited\n');
    expect((await run('cosim', '--dir', edited, '--block', 'vti_psr', '--engine', 'builtin')).err).toBe(
      `vti cosim: --dir ${edited}: vti_psr.v differs from what 'vti gen' writes for the manifest's options (edited, or made by another version); regenerate with 'vti gen --out ${edited}'\n`,
    );
    const none = join(work, 'none');
    mkdirSync(none);
    expect((await run('cosim', '--dir', none)).err).toBe(
      `vti cosim: --dir ${none}: no manifest.json there (run 'vti gen --out ${none}' first)\n`,
    );
    writeFileSync(join(none, 'manifest.json'), '{"generator":"vti-hdl","options":{"vmImplemented":true,');
    const broken = await run('formal', '--dir', none);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(
      new RegExp(
        `^vti formal: --dir ${none}: manifest.json cannot be read: .*\\(regenerate with 'vti gen --out ${none}'\\)\\n$`,
      ),
    );
    writeFileSync(
      join(none, 'manifest.json'),
      JSON.stringify({
        generator: 'vti-hdl',
        options: { vmImplemented: true, implVaMsb: 50, implPaMsb: 62, guestShrink: 1 },
      }),
    );
    expect((await run('cosim', '--dir', none)).err).toMatch(
      /^vti cosim: --dir .*: manifest.json holds bad options: .*IMPL_VA_MSB 50.* \(regenerate with 'vti gen --out .*'\)\n$/,
    );
    expect((await run('cosim', '--dir', join(work, 'nope'))).err).toBe(
      `vti cosim: --dir ${join(work, 'nope')}: no such directory\n`,
    );
  });
});
