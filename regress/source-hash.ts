// The source hash of a shard result: SHA-256 over the files whose change can change a result
// (the hardware, generator, simulators, model, blocks, formal checks, programs and this
// folder), each as its path and content, in sorted order. Results from different sources
// refuse to merge. The folder tree is found from a start folder by walking up to the
// package.json of vti-hdl (no fixed number of '..').
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders hashed; tests, docs, benches and the command line's presentation are not. */
export const SOURCE_FOLDERS = [
  'arch',
  'blocks',
  'formal',
  'gen',
  'hdl',
  'model',
  'programs',
  'sim',
  'regress',
  'tools',
] as const;
const SOURCE_FILE = /\.(ts|v|sv|s|S|cpp|h|hpp|c|json|ld)$/;

/** The folder of vti-hdl's package.json at or above `start`. */
export function packageRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let at = start; ; at = dirname(at)) {
    const pkg = join(at, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'vti-hdl') return at;
    if (dirname(at) === at) throw new Error(`no package.json of vti-hdl at or above ${start}`);
  }
}

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && SOURCE_FILE.test(e.name)) out.push(p);
  }
}

const cached = new Map<string, string>();

/** sha256:<hex> of the source folders under `root` (computed once per process). */
export function sourceHash(root: string = packageRoot()): string {
  const known = cached.get(root);
  if (known) return known;
  const files: string[] = [];
  for (const f of SOURCE_FOLDERS) if (existsSync(join(root, f))) walk(join(root, f), files);
  const h = createHash('sha256');
  for (const f of files.map((p) => relative(root, p).split('\\').join('/')).sort())
    h.update(f)
      .update('\0')
      .update(readFileSync(join(root, f)))
      .update('\0');
  const hash = `sha256:${h.digest('hex')}`;
  cached.set(root, hash);
  return hash;
}
