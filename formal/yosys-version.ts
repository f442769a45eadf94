// The version of the @yowasp/yosys package in use, for cache keys of results that Yosys
// computes (place and route, equivalence proofs). Its package.json is not exported; it is
// found next to the resolved entry point.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The @yowasp/yosys package version, or 'unknown'. */
export function yosysPackageVersion(): string {
  try {
    let dir = dirname(require.resolve('@yowasp/yosys'));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
