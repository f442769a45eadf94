// File names say what they are, in one spelling: TypeScript files are kebab-case (C++ and
// Verilog files keep their languages' snake_case; a Verilog file is named after its module),
// and one word means one thing: no source folder is called `core` (`vti_core` is the hardware
// module; the eDSL is hdl/dsl and the lockstep co-simulation sim/cosim/lockstep).
import { describe, expect, it } from 'vitest';
import { projectTree } from './tree.js';

/** kebab-case stem, then the usual suffixes (`.test.ts`, `.d.ts`, a tool's `.config.ts`, `.ts`). */
const KEBAB_TS = /^[a-z0-9]+(-[a-z0-9]+)*(\.test|\.d|\.config)?\.ts$/;

function misnamedTs(paths: readonly string[]): string[] {
  return paths.filter((p) => p.endsWith('.ts') && !KEBAB_TS.test(p.slice(p.lastIndexOf('/') + 1)));
}

describe('file names', () => {
  const { files, dirs } = projectTree();

  it('every TypeScript file is kebab-case', () => {
    expect(files.filter((f) => f.endsWith('.ts')).length).toBeGreaterThan(200);
    expect(misnamedTs(files)).toEqual([]);
  });

  it('the check names a snake_case or camelCase file', () => {
    expect(misnamedTs(['hdl/vti/addr_check.ts', 'x/fooBar.test.ts', 'a/b-c.test.ts', 'bin/api.d.ts'])).toEqual([
      'hdl/vti/addr_check.ts',
      'x/fooBar.test.ts',
    ]);
  });

  it('no source folder is called core', () => {
    expect(dirs.filter((d) => d.split('/').includes('core'))).toEqual([]);
  });
});
