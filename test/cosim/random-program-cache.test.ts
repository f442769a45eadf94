// The random programs' cache (ELF named by the hash of its assembly, with the sha256 of the ELF
// recorded next to it): a damaged ELF is rebuilt with one line; an intact one is reused.
import { mkdtempSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildRandomProgram, randomItems, renderProgram } from '../../sim/cosim/random/program.js';

const dir = mkdtempSync(join(tmpdir(), 'vti-random-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('random program cache', () => {
  it('reuses an intact ELF silently and rebuilds a truncated one with one line', () => {
    const asm = renderProgram(randomItems(5, 3));
    const first = buildRandomProgram(asm, dir);
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((l) => lines.push(String(l)) > 0);
    try {
      expect(buildRandomProgram(asm, dir).elf).toEqual(first.elf);
      truncateSync(first.path, 64);
      const again = buildRandomProgram(asm, dir);
      expect(again.elf.length).toBe(first.elf.length);
      expect(readFileSync(again.path).length).toBe(first.elf.length);
    } finally {
      spy.mockRestore();
    }
    expect(lines).toEqual([`vti: ${first.path} differs from the one built (sha256): rebuilding it\n`]);
  });
});
