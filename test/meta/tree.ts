// The project's own files for the meta tests: every file and folder below the project root,
// as posix paths relative to it, leaving out dot-entries and what tools make (node_modules,
// out, dist).
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NOT_SOURCE = new Set(['node_modules', 'out', 'dist']);

export function projectTree(): { files: string[]; dirs: string[] } {
  const files: string[] = [];
  const dirs: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.') || NOT_SOURCE.has(e.name)) continue;
      const p = join(dir, e.name);
      const rel = relative(ROOT, p).split(sep).join('/');
      if (e.isDirectory()) {
        dirs.push(rel);
        walk(p);
      } else files.push(rel);
    }
  };
  walk(ROOT);
  return { files: files.sort(), dirs: dirs.sort() };
}
