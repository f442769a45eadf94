// The start-up bundles (bin/bundle-start.js, bin/run-bundle.cjs: what bin/vti.cjs runs for
// `vti --help` and `vti emu` from the installed package) behave like the sources: built into a
// temporary folder here, with their code caches, and run in a child process on the same
// arguments as cli/main.ts in this process: the same exit code, stdout and stderr. They are
// built from the project's own files of the help and emu path only (the help's without the
// model), and V8 takes their code caches.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleStart, makeCodeCache } from '../../bin/bundle-start.js';
import { budget } from '../budget.js';
import { runMain } from '../cli/run-main.js';
import { PSR, disposeWorkdir, enter, runAsm } from '../model/harness.js';

const repo = resolve('.');
const runBundleJs = join(repo, 'bin', 'run-bundle.cjs');
const commandsDir = join(repo, 'cli', 'commands');
const out = mkdtempSync(join(tmpdir(), 'vti-bundle-'));
let sources: string[] = [];
let uncached: string[] = [];

beforeAll(async () => {
  sources = await bundleStart(repo, out);
  uncached = makeCodeCache(out, commandsDir);
}, budget(60_000));

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  disposeWorkdir();
});

/** A child `node -e SCRIPT` with `run-bundle.cjs` required as `rb`. */
function node(script: string, argv: string[] = []) {
  const r = spawnSync(
    process.execPath,
    ['-e', `const rb = require(${JSON.stringify(runBundleJs)});\n${script}`, '--', ...argv],
    { encoding: 'utf8' },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** `vti ...argv` as bin/vti.cjs runs it from the bundles. */
const runBundle = (argv: string[]) =>
  node(
    `const argv = process.argv.slice(1);\nrb.runBundle(${JSON.stringify(out)}, rb.bundleFor(argv), argv, ${JSON.stringify(commandsDir)});`,
    argv,
  );

describe('the start-up bundles', () => {
  it('are built from the project sources of the help and emu path only, the help without the model', () => {
    for (const s of [
      'cli/start-help.ts',
      'cli/start-emu.ts',
      'cli/main.ts',
      'cli/commands/emu.ts',
      'model/emulator.ts',
    ])
      expect(sources, s).toContain(s);
    expect(sources.filter((s) => !/^(arch|cache|cli|model)\/[\w/.-]+\.ts$/.test(s))).toEqual([]);
    expect(sources.filter((s) => s.startsWith('cli/commands/') && s !== 'cli/commands/emu.ts')).toEqual([]);
    expect(readFileSync(join(out, 'start-emu.cjs'), 'utf8')).toContain('\n// model/emulator.ts\n');
    expect(readFileSync(join(out, 'start-help.cjs'), 'utf8')).not.toContain('\n// model/emulator.ts\n');
  });

  it('have V8 code caches that this Node takes', () => {
    expect(uncached).toEqual([]);
    for (const name of ['start-help', 'start-emu']) {
      const r = node(`process.stdout.write(rb.loadBundle(${JSON.stringify(out)}, '${name}').cache);`);
      expect(r, name).toEqual({ code: 0, out: 'used', err: '' });
    }
  });

  it('prints the same help, lists the same commands and rejects what the sources reject', async () => {
    for (const argv of [['--help'], [], ['nope'], ['emu', '--help'], ['emu', '--bogus'], ['emu', '/nonexistent.elf']])
      expect(runBundle(argv), argv.join(' ')).toEqual(await runMain(argv));
  });

  it('runs a program with an interruption to the same final state as the sources', async () => {
    const { elf } = runAsm(enter(PSR.ic | PSR.i, 'on') + '\tmov r8=1\n\t;;\n\tmov r9=2\n\t;;\n\tmov r10=3\n\t;;\n');
    const argv = ['emu', elf, '--state-events', '--interrupt', '19:0x40'];
    const bundled = runBundle(argv);
    expect(bundled).toEqual(await runMain(argv));
    expect(JSON.parse(bundled.out).events).toHaveLength(1);
  });
});
