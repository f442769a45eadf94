// `npm pack` gives a package whose `vti` works after a clean install in an empty folder: pack
// (prepack builds the type declarations), install the tarball into a temp folder (packages
// from the npm cache where it has them, else the registry), then run `npx vti --help`,
// `npx vti gen --out x`, import the library API from plain JS and type-check a TypeScript
// consumer against the published declarations; the start-up bundles ship and match the sources.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { budget } from '../budget.js';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVti } from '../../gen/vti.js';
import { distIsFresh } from '../../bin/dist-stamp.cjs';

const repo = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'vti-pack-'));
const app = join(work, 'app');
let tgz = '';
const timings: Record<string, number> = {};

// Children must not inherit `npm test`'s npm_* settings (prefix, package paths of this repo).
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
function run(what: string, cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  timings[what] = (performance.now() - t0) / 1000;
  if (r.error) throw r.error;
  if (r.status !== 0)
    throw new Error(`${what}: '${cmd} ${args.join(' ')}' exited ${r.status}\n${r.stderr}\n${r.stdout}`);
  return r;
}

beforeAll(() => {
  const r = run('npm pack', 'npm', ['pack', '--json', '--pack-destination', work], repo);
  const info = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as {
    filename: string;
    size: number;
    unpackedSize: number;
    files: { path: string }[];
  }[];
  tgz = join(work, info[0]!.filename);
  (globalThis as { packInfo?: unknown }).packInfo = info[0];
  expect(existsSync(tgz)).toBe(true);
  run('mkdir', 'mkdir', ['-p', app], work);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'vti-consumer', private: true, type: 'module' }) + '\n',
  );
  run('npm install', 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tgz], app);
}, budget(600_000));

afterAll(() => {
  process.stdout.write(
    `packaging: ${Object.entries(timings)
      .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
      .join(', ')}; tarball ${(statSync(tgz).size / 1024).toFixed(0)} KiB\n`,
  );
  rmSync(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships the sources, the bin, the declarations and docs, but no tests or outputs', () => {
    const files = ((globalThis as { packInfo?: { files: { path: string }[] } }).packInfo?.files ?? []).map(
      (f) => f.path,
    );
    for (const f of [
      'bin/vti.js',
      'bin/vti.cjs',
      'dist/js/start-help.cjs',
      'dist/js/start-emu.cjs',
      'dist/js/start-emu.v8-cache',
      'dist/js/stamp.json',
      'bin/api.js',
      'bin/api.d.ts',
      'cli/main.ts',
      'gen/vti.ts',
      'dist/types/gen/vti.d.ts',
      'formal/ref/ref_vti_psr.v',
      'report/index.ts',
      'README.md',
      'package.json',
    ])
      expect(files, f).toContain(f);
    expect(files.filter((f) => /^(test|bench|out|node_modules|\.cache)\//.test(f) || f.endsWith('.tgz'))).toEqual([]);
  });
});

describe('the installed package', () => {
  it('starts `vti --help` and `vti emu` from the shipped bundles (they match the shipped sources)', () => {
    expect(distIsFresh(join(app, 'node_modules', 'vti-hdl'))).toBe(true);
  });

  it('runs `npx vti --help` and a command --help', () => {
    const r = run('npx vti --help', 'npx', ['--no-install', 'vti', '--help'], app);
    expect(r.stdout).toMatch(/^vti — VT-i virtualization hardware toolkit/);
    expect(r.stdout).toMatch(/commands: .*\bgen\b.*\breport\b/);
    expect(run('npx vti report --help', 'npx', ['--no-install', 'vti', 'report', '--help'], app).stdout).toMatch(
      /--vectors N/,
    );
  });

  it('runs `npx vti gen --out x`: the same RTL, manifest and FuseSoC core as the checkout', () => {
    run('npx vti gen', 'npx', ['--no-install', 'vti', 'gen', '--out', 'x'], app);
    const out = join(app, 'x');
    const g = generateVti();
    expect(readdirSync(out).sort()).toEqual([...Object.keys(g.files), 'manifest.json'].sort());
    // Byte-identical, source-location comments included (they name the package's own files).
    for (const [f, text] of Object.entries(g.files)) expect(readFileSync(join(out, f), 'utf8'), f).toBe(text);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as typeof g.manifest;
    expect(m.modules.map((x) => [x.name, x.ports])).toEqual(g.manifest.modules.map((x) => [x.name, x.ports]));
    expect(m.sourceHash).toBe(g.manifest.sourceHash);
    expect(readFileSync(join(out, 'vti_hdl.core'), 'utf8')).toMatch(/^CAPI=2:\nname: vti-hdl:vti:vti_core:/);
  });

  it('imports the library API from plain JavaScript', () => {
    writeFileSync(
      join(app, 'use.mjs'),
      [
        "import { generateVti, VTI_MODULES, createEngine, vtiDesign } from 'vti-hdl';",
        'const g = generateVti();',
        "const e = await createEngine('builtin', vtiDesign('vti_vmsw'));",
        'await e.close();',
        'console.log(JSON.stringify({ modules: VTI_MODULES.length, top: g.manifest.top, files: Object.keys(g.files).length }));',
      ].join('\n') + '\n',
    );
    const r = run('node use.mjs', process.execPath, ['use.mjs'], app);
    expect(JSON.parse(r.stdout)).toEqual({ modules: 5, top: 'vti_core', files: 6 });
  });

  it('type-checks a TypeScript consumer against the published declarations', () => {
    writeFileSync(
      join(app, 'use.ts'),
      [
        "import { generateVti, createEngine, vtiDesign, type VtiConfig, type Engine } from 'vti-hdl';",
        'const o: VtiConfig = { vmImplemented: true, implVaMsb: 60, implPaMsb: 62, guestShrink: 1 };',
        'const n: number = generateVti(o).manifest.modules.length;',
        "const e: Engine = await createEngine('builtin', vtiDesign('vti_vmsw'));",
        'await e.close();',
        '// @ts-expect-error: not a module name',
        "vtiDesign('vti_nope');",
        'export { n };',
      ].join('\n') + '\n',
    );
    run(
      'tsc consumer',
      process.execPath,
      [
        join(repo, 'node_modules/typescript/bin/tsc'),
        '--noEmit',
        '--strict',
        '--module',
        'NodeNext',
        '--moduleResolution',
        'NodeNext',
        '--target',
        'ES2022',
        '--types',
        'node',
        '--typeRoots',
        join(repo, 'node_modules/@types'),
        'use.ts',
      ],
      app,
    );
  });
});
