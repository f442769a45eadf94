// The whole project (sources, tests, benchmarks) type-checks under the strict tsconfig.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('tsc --noEmit reports no error', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  let out = '';
  try {
    execFileSync(
      process.execPath,
      [fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url)), '--noEmit', '-p', '.'],
      { cwd: root, encoding: 'utf8', stdio: 'pipe' },
    );
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? e);
  }
  expect(out.split('\n').filter((l) => l.includes('error TS'))).toEqual([]);
}, 300_000);
