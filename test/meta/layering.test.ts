// Imports run one way: every relative import of every .ts file in the source folders must be
// allowed by the layer table (test/meta/layers.ts), and no file may reach itself through its
// imports. Imports are read with TypeScript's own scanner (static, `export … from`, dynamic
// import(), type-only). README.md's "Architecture" lists the same table, between
// `<!-- layers -->` markers; regenerate it with VTI_UPDATE_DOCS=1 npx vitest run test/meta/layering.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ANYTHING, LAYERS, type Layer } from './layers.js';
import { projectTree, ROOT } from './tree.js';

/** Project-relative paths (posix) of every .ts file under the top-level folders. */
function sourceFiles(): string[] {
  return projectTree().files.filter((f) => f.endsWith('.ts') && f.includes('/'));
}

/** The layer of a project path: its most specific folder in the table. */
function layerOf(path: string): Layer | undefined {
  const dir = posix.dirname(path);
  return (Object.keys(LAYERS) as Layer[])
    .filter((l) => dir === l || dir.startsWith(`${l}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/** Relative imports of a file as project paths (.js specifiers name the .ts sources). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles
    .map((i) => i.fileName)
    .filter((s) => s.startsWith('.'))
    .map((s) => posix.normalize(posix.join(posix.dirname(file), s)).replace(/\.js$/, '.ts'));
}

/** The imports the table forbids, as "file imports target (layer may import: …)". */
function layerViolations(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const out: string[] = [];
  for (const [file, targets] of graph) {
    const from = layerOf(file);
    if (!from) {
      out.push(`${file} is in no layer of test/meta/layers.ts`);
      continue;
    }
    const allowed: readonly string[] = LAYERS[from];
    for (const t of targets) {
      const to = layerOf(t) ?? t.split('/')[0]!;
      if (to === from || allowed.includes(ANYTHING) || allowed.includes(to)) continue;
      out.push(
        `${file} imports ${t}: layer ${from} may import ${allowed.length ? allowed.join(', ') : 'nothing'}, not ${to}`,
      );
    }
  }
  return out;
}

/** Import cycles between files, each as "a → b → … → a" (depth-first search, one cycle per back edge). */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const cycles: string[] = [];
  const visit = (f: string): void => {
    state.set(f, 'open');
    path.push(f);
    for (const t of graph.get(f) ?? []) {
      if (state.get(t) === 'open') cycles.push([...path.slice(path.indexOf(t)), t].join(' → '));
      else if (!state.has(t)) visit(t);
    }
    path.pop();
    state.set(f, 'done');
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return cycles;
}

/** The README's rendering of the table: one line per layer with what it may import. */
function layerLines(): string {
  const w = Math.max(...Object.keys(LAYERS).map((l) => l.length));
  return (
    Object.entries(LAYERS)
      .map(
        ([l, may]) =>
          ` ${l.padEnd(w)}  ${may.length === 0 ? '—' : (may as readonly string[]).includes(ANYTHING) ? 'anything' : may.join(', ')}`,
      )
      .join('\n') + '\n'
  );
}

const graph = new Map(sourceFiles().map((f) => [f, importsOf(f)] as const));

describe('layering', () => {
  it('reads the imports of the whole tree', () => {
    expect(graph.size).toBeGreaterThan(300);
    expect(graph.get('report/index.ts')).toContain('pipeline/steps.ts');
    expect(graph.get('hdl/dsl/index.ts')).toContain('hdl/ir/loc.ts');
  });

  it('has no import against the layer table', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it('has no import cycle between files', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('flags a forbidden import and a cycle (the checks can fail)', () => {
    const bad = new Map([
      ['model/x.ts', ['hdl/dsl/index.ts', 'model/y.ts']],
      ['model/y.ts', ['model/x.ts']],
      ['report/a.ts', ['cli/main.ts']],
    ]);
    expect(layerViolations(bad)).toEqual([
      'model/x.ts imports hdl/dsl/index.ts: layer model may import arch, not hdl/dsl',
      'report/a.ts imports cli/main.ts: layer report may import pipeline, demo, sim/cosim, sim, sim/jssim, sim/verilator, sim/lint, blocks, formal, model, programs, gen, hdl/vti, hdl/dsl, hdl/passes, hdl/ir, arch, cache, not cli',
    ]);
    expect(importCycles(bad)).toEqual(['model/x.ts → model/y.ts → model/x.ts']);
  });

  it("matches README.md's layer list", () => {
    const file = join(ROOT, 'README.md');
    const text = readFileSync(file, 'utf8');
    const block = /(<!-- layers -->\n```text\n)([\s\S]*?)(```\n<!-- \/layers -->)/;
    if (process.env.VTI_UPDATE_DOCS === '1')
      writeFileSync(
        file,
        text.replace(block, (_m, a: string, _b, c: string) => a + layerLines() + c),
      );
    const found = block.exec(readFileSync(file, 'utf8'));
    expect(found, 'README.md has a <!-- layers --> block').not.toBeNull();
    expect(found![2], 'README.md layer list (run: VTI_UPDATE_DOCS=1 npx vitest run test/meta/layering.test.ts)').toBe(
      layerLines(),
    );
  });
});
