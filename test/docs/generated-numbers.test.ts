// Numbers in the docs that a script writes carry their conditions, and the claims replaced by
// them do not come back: README's `vti all` time is the block bench/timings/vti-all.ts writes
// (date, machine, load before and after), no hand-written duration for `vti all` or `npm start`
// stands next to it in README.md or docs/, and no doc says installed packages give `<unknown>:0`
// source locations (test/packaging/pack.test.ts proves them equal to a checkout's).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const docs = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f)),
];
const text = (f: string) => readFileSync(join(root, f), 'utf8');
const GENERATED = /<!-- generated: ([\w/.-]+) -->\n([\s\S]*?)\n<!-- \/generated -->/g;
const withoutGenerated = (s: string) => s.replace(GENERATED, '');

describe('numbers in the docs', () => {
  it("README's `vti all` time is the generated measurement with date, machine and load", () => {
    const blocks = [...text('README.md').matchAll(GENERATED)].filter((m) => m[1] === 'bench/timings/vti-all.ts');
    expect(blocks).toHaveLength(1);
    expect(blocks[0]![2]).toMatch(
      /^`vti all` took \d+ s on \d{4}-\d\d-\d\d, \d+ cores \(.+\), load average \d+\.\d before \/ \d+\.\d after\b/,
    );
  });

  it("README's emulator-against-Ski table is the block bench/emu/run.ts writes, with command, machine and load", () => {
    const blocks = [...text('README.md').matchAll(GENERATED)].filter((m) => m[1] === 'bench/emu/run.ts');
    expect(blocks).toHaveLength(1);
    const [conditions, , header, , ...rows] = blocks[0]![2]!.split('\n');
    expect(conditions).toMatch(
      /^Measured by `SKI=\S+ npx tsx bench\/emu\/run\.ts[^`]*` on \d{4}-\d\d-\d\d, \d+ cores \(.+\), load average \d+\.\d before \/ \d+\.\d after; medians of \d+ paired runs/,
    );
    expect(header).toMatch(/^\| workload \|/);
    expect(
      rows.filter((r) => /^\| (integer|interruption) loop \|.*\| Ski [\d.]+ M\/s \| [\d.]+ × Ski \|$/.test(r)),
    ).toHaveLength(2);
  });

  it('has no hand-written duration of `vti all` / `npm start` outside generated blocks', () => {
    const claims = docs.flatMap((f) =>
      withoutGenerated(text(f))
        .split(/\n\s*\n/)
        .filter((para) => /`(vti all|npm start)`/.test(para) && /(≈|~|about)\s*\d+\s*(s|min)\b|\b\d+\s*s\)/.test(para))
        .map((para) => `${f}: ${para.slice(0, 120)}`),
    );
    expect(claims).toEqual([]);
  });

  it('does not claim <unknown>:0 source locations for installed packages', () => {
    expect(docs.filter((f) => text(f).includes('<unknown>:0'))).toEqual([]);
  });
});
