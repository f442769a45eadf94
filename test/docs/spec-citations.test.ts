// The spec lives in the repository (docs/spec/) and every citation of it still lands:
// "architecture.md §N" names a numbered section that exists, `blocks.md "vti_psr"` and
// `emulator.md "Programs and start state"` name a section heading that exists, the spec pages'
// relative links resolve, and nothing points at a spec folder outside the repository.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SPEC = join(ROOT, 'docs', 'spec');
const SKIP = new Set(['node_modules', '.git', 'out', '.cache', 'dist']);
const TEXT = /\.(ts|md|v|s|inc|ld|json|cc|h)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : TEXT.test(e.name) ? [p] : [];
  });
}

const FILES = sourceFiles(ROOT);
const page = (name: string) => readFileSync(join(SPEC, name), 'utf8');
const headings = (text: string) =>
  text
    .split('\n')
    .filter((l) => /^#{2,3} /.test(l))
    .map((l) => l.replace(/^#+ /, ''));

/** Each cited location as "file:line: citation". */
function citations(re: RegExp): { where: string; key: string }[] {
  return FILES.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        [...line.matchAll(re)].map((m) => ({ where: `${relative(ROOT, f)}:${i + 1}`, key: m[1]! })),
      ),
  );
}

describe('docs/spec citations', () => {
  it('architecture.md: every cited section number is a section of the page', () => {
    const numbers = new Set(
      headings(page('architecture.md'))
        .map((h) => /^(\d+(?:\.\d+)?)\.? /.exec(h)?.[1])
        .filter(Boolean),
    );
    expect([...numbers]).toEqual(
      expect.arrayContaining(['1', '2', '3', '3.1', '3.2', '3.3', '4', '5', '6', '7', '8', '9']),
    );
    // On a line that names architecture.md: every "§N", "section N" and "architecture.md N.M".
    const cited = FILES.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => {
          if (!line.includes('architecture.md')) return [];
          const keys = [...line.matchAll(/§(\d+(?:\.\d+)?)|section (\d+(?:\.\d+)?)|architecture\.md (\d+\.\d+)/g)].map(
            (m) => m[1] ?? m[2] ?? m[3]!,
          );
          return keys.map((key) => ({ where: `${relative(ROOT, f)}:${i + 1}`, key }));
        }),
    );
    expect(cited.length).toBeGreaterThan(30);
    expect(cited.filter((c) => !numbers.has(c.key)).map((c) => `${c.where}: §${c.key}`)).toEqual([]);
  });

  it('blocks.md / emulator.md: every quoted section name is a heading of the page', () => {
    for (const name of ['blocks.md', 'emulator.md']) {
      const hs = headings(page(name));
      const cited = citations(new RegExp(`${name.replace('.', '\\.')} "([^"]+)"`, 'g'));
      expect(cited.length, name).toBeGreaterThan(0);
      expect(
        cited.filter((c) => !hs.some((h) => h.startsWith(c.key))).map((c) => `${c.where}: ${name} "${c.key}"`),
      ).toEqual([]);
    }
  });

  it('the spec pages and the pages citing them link only to files that exist', () => {
    const pages = [
      ...readdirSync(SPEC).map((f) => join(SPEC, f)),
      ...[
        'README.md',
        'arch/README.md',
        'model/README.md',
        'model/blocks/README.md',
        'programs/README.md',
        'docs/properties.md',
        'docs/vti_core.md',
      ].map((f) => join(ROOT, f)),
    ];
    for (const p of pages) {
      for (const m of readFileSync(p, 'utf8').matchAll(/\]\(((?!https?:|#)[^)#\s]+)(#[^)]*)?\)/g))
        expect(existsSync(resolve(dirname(p), m[1]!)), `${relative(ROOT, p)} links to ${m[1]}`).toBe(true);
    }
  });

  it('nothing cites a spec folder outside the repository', () => {
    const outside = ['shared', 'spec'].join('/');
    expect(FILES.filter((f) => readFileSync(f, 'utf8').includes(outside)).map((f) => relative(ROOT, f))).toEqual([]);
  });
});
