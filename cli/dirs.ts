// Where `vti` writes: below out/ in the current working directory — the user's project, never
// the installed package (whose files may sit in node_modules). Commands pass this down to the
// library, whose functions take the directory as a parameter. (Caches go to .cache/ there too:
// `--cache` of `vti report`, and sim/verilator/cache.ts for the verilated models.)
import { resolve } from 'node:path';

/** The output root: out/ in the current working directory (`vti all` and `vti gen` have --out). */
export const outDir = (): string => resolve('out');
