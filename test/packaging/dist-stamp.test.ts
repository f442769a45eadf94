// The freshness rule of the compiled CLI (bin/dist-stamp.cjs): dist/js is used only while every
// source it was built from keeps the content recorded by the build (size and mtime as a
// shortcut, the SHA-1 when the mtime moved).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { distIsFresh, writeStamp } from '../../bin/dist-stamp.cjs';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A project with two sources and the bundle built from them, stamped. */
function builtProject(): string {
  root = mkdtempSync(join(tmpdir(), 'vti-stamp-'));
  mkdirSync(join(root, 'cli'), { recursive: true });
  mkdirSync(join(root, 'dist/js'), { recursive: true });
  writeFileSync(join(root, 'cli/main.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'cli/emu.ts'), 'export const b = 2;\n');
  writeFileSync(join(root, 'dist/js/start-emu.cjs'), 'export const a = 1, b = 2;\n');
  expect(writeStamp(root, ['cli/main.ts', 'cli/emu.ts'])).toBe(2);
  return root;
}

describe('dist/js freshness', () => {
  it('is fresh right after the build', () => {
    expect(distIsFresh(builtProject())).toBe(true);
  });

  it('is stale without dist/js or its stamp', () => {
    const r = builtProject();
    rmSync(join(r, 'dist/js/stamp.json'));
    expect(distIsFresh(r)).toBe(false);
    rmSync(join(r, 'dist'), { recursive: true });
    expect(distIsFresh(r)).toBe(false);
  });

  it('is stale once a compiled source is edited or deleted', () => {
    const r = builtProject();
    writeFileSync(join(r, 'cli/emu.ts'), 'export const b = 3;\n'); // same size
    expect(distIsFresh(r)).toBe(false);
    rmSync(root, { recursive: true });
    builtProject();
    writeFileSync(join(root, 'cli/main.ts'), 'export const a = 10;\n');
    expect(distIsFresh(root)).toBe(false);
    rmSync(root, { recursive: true });
    builtProject();
    rmSync(join(root, 'cli/main.ts'));
    expect(distIsFresh(root)).toBe(false);
  });

  it('stays fresh when only modification times moved (checkout, extracted package)', () => {
    const r = builtProject();
    utimesSync(join(r, 'cli/main.ts'), new Date(0), new Date(499162860000)); // npm's fixed 1985 date
    expect(distIsFresh(r)).toBe(true);
  });

  it('records the moved times once the content is checked, so the next check is by stat alone', () => {
    const r = builtProject();
    const main = join(r, 'cli/main.ts');
    utimesSync(main, new Date(0), new Date(499162860000));
    expect(distIsFresh(r)).toBe(true);
    const stamp = JSON.parse(readFileSync(join(r, 'dist/js/stamp.json'), 'utf8'));
    expect(stamp.files['cli/main.ts'][1]).toBe(499162860000);
    // Size and recorded mtime unchanged: counted as unchanged without reading the file (the rule's shortcut).
    writeFileSync(main, 'export const a = 7;\n');
    utimesSync(main, new Date(0), new Date(499162860000));
    expect(distIsFresh(r)).toBe(true);
    utimesSync(main, new Date(0), new Date(499162870000));
    expect(distIsFresh(r)).toBe(false);
  });

  it('ignores sources that were not bundled', () => {
    const r = builtProject();
    writeFileSync(join(r, 'cli/new-file.ts'), 'export {};\n');
    expect(distIsFresh(r)).toBe(true);
  });
});
