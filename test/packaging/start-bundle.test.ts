// The start-up bundle (bin/bundle-start.js: what bin/vti.js runs for `vti --help` and `vti emu`
// from the installed package) behaves like the sources: built into a temporary folder here, run
// in a child process on the same arguments as cli/main.ts in this process, the same exit code,
// stdout and stderr. And it is built from the project's own files only, with the model split
// off the entry (the help does not load it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleStart, START_ENTRY } from '../../bin/bundle-start.js';
import { budget } from '../budget.js';
import { runMain } from '../cli/run-main.js';
import { PSR, disposeWorkdir, enter, runAsm } from '../model/harness.js';

const repo = resolve('.');
const out = mkdtempSync(join(tmpdir(), 'vti-bundle-'));
let sources: string[] = [];

beforeAll(async () => {
  sources = await bundleStart(repo, out);
  // How bin/vti.js calls the bundle, with the checkout's command folder.
  writeFileSync(
    join(out, 'run.mjs'),
    `import { runBundled } from './${START_ENTRY}';\nawait runBundled(process.argv.slice(2), ${JSON.stringify(join(repo, 'cli', 'commands'))});\n`,
  );
}, budget(60_000));

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  disposeWorkdir();
});

function runBundle(argv: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(out, 'run.mjs'), ...argv], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the start-up bundle', () => {
  it('is built from the project sources of the help and emu path only', () => {
    for (const s of ['cli/start-bundle.ts', 'cli/main.ts', 'cli/commands/emu.ts', 'model/emulator.ts'])
      expect(sources, s).toContain(s);
    expect(sources.filter((s) => !/^(arch|cache|cli|model)\/[\w/.-]+\.ts$/.test(s))).toEqual([]);
    expect(sources.filter((s) => s.startsWith('cli/commands/') && s !== 'cli/commands/emu.ts')).toEqual([]);
    const entry = readFileSync(join(out, START_ENTRY), 'utf8');
    expect(entry).not.toContain('class Emulator');
    expect(readdirSync(join(out, 'chunks')).some((f) => /^emu-\w+\.js$/.test(f))).toBe(true);
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
