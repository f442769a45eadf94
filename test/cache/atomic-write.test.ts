// A failure half-way through writing an output (a full disk: part of the bytes land, then
// ENOSPC) leaves the previous file as it was, and no temporary file behind: for the helpers
// themselves and for the layers below the CLI that use them (vti all's RTL, the report page).
import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, writeFileSync: vi.fn(real.writeFileSync) };
});

const { writeFileAtomic, writeFilesAtomic } = await import('../../cache/atomic-write.js');
const { generateStep } = await import('../../pipeline/steps.js');
const { DEFAULT_CONFIG } = await import('../../gen/vti.js');

const realWrite = (await vi.importActual<typeof import('node:fs')>('node:fs')).writeFileSync;
const work = mkdtempSync(join(tmpdir(), 'vti-atomic-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The `nth` write from now lands half its text, then fails as a full disk does. */
function diskFullAtWrite(nth: number): void {
  let count = 0;
  vi.mocked(fs.writeFileSync).mockImplementation((file, data, ...rest) => {
    if (++count === nth) {
      realWrite(file as string, String(data).slice(0, String(data).length >> 1));
      throw Object.assign(new Error(`ENOSPC: no space left on device, write`), {
        code: 'ENOSPC',
        syscall: 'write',
        path: file,
      });
    }
    return realWrite(file as fs.PathOrFileDescriptor, data, ...(rest as []));
  });
}

beforeEach(() => {
  vi.mocked(fs.writeFileSync).mockImplementation(realWrite);
});

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('atomic outputs under a write that fails half-way', () => {
  it('writeFileAtomic keeps the previous file and names the target in the error', () => {
    const file = join(work, 'one.txt');
    writeFileSync(file, 'previous\n');
    diskFullAtWrite(1);
    expect(() => writeFileAtomic(file, 'the new, longer text\n')).toThrow(/ENOSPC/);
    expect(readFileSync(file, 'utf8')).toBe('previous\n');
    expect(leftovers(work)).toEqual([]);
  });

  it('writeFilesAtomic renames nothing when the second file fails', () => {
    const dir = join(work, 'many');
    writeFilesAtomic(dir, { 'a.v': 'old a\n', 'b.v': 'old b\n' });
    diskFullAtWrite(2);
    expect(() => writeFilesAtomic(dir, { 'a.v': 'new a\n', 'b.v': 'new b\n' })).toThrow(/ENOSPC/);
    expect(readFileSync(join(dir, 'a.v'), 'utf8')).toBe('old a\n');
    expect(readFileSync(join(dir, 'b.v'), 'utf8')).toBe('old b\n');
    expect(leftovers(dir)).toEqual([]);
  });

  it("vti all's generate step leaves the previous RTL and manifest whole", async () => {
    const rtlDir = join(work, 'rtl');
    const ctx = {
      options: { gen: DEFAULT_CONFIG, rtlDir } as never,
      say: () => {},
      bar: () => ({ update: () => {}, done: () => {} }),
    };
    const first = await generateStep.run(ctx);
    const before = Object.fromEntries(first.data!.files.map((f) => [f, readFileSync(join(rtlDir, f), 'utf8')]));
    expect(Object.keys(before)).toContain('manifest.json');
    // Fail on the last file (the manifest): every module was written to its temporary name by then.
    diskFullAtWrite(first.data!.files.length);
    await expect(
      generateStep.run({ ...ctx, options: { gen: { ...DEFAULT_CONFIG, vmImplemented: false }, rtlDir } as never }),
    ).rejects.toThrow(/ENOSPC/);
    for (const [f, text] of Object.entries(before)) expect(readFileSync(join(rtlDir, f), 'utf8')).toBe(text);
    expect(leftovers(rtlDir)).toEqual([]);
  });
});
