// The C++ sources of one model's N-API addon: the project's own files in native/ (read as
// they are; see native/addon.cc) plus the generated port table. build.ts writes them next to
// the verilated model and hashes them into the cache key, so editing any of them rebuilds.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PORT_TABLE_FILE, portTableHeader, type PortTableOptions } from './port-table.js';
import type { ModuleSpec } from './spec.js';

/** The addon's translation unit (it includes the other files). */
export const ADDON_MAIN = 'addon.cc';

/** The folder of the hand-written C++ (next to this module, shipped with the package). */
export const NATIVE_DIR = fileURLToPath(new URL('./native/', import.meta.url));

const NATIVE_SOURCE = /\.(cc|h)$/;

let native: ReadonlyArray<readonly [string, string]> | undefined;

/** The native/ files, by name (read once per process). */
export function nativeSources(): ReadonlyArray<readonly [string, string]> {
  native ??= readdirSync(NATIVE_DIR)
    .filter((f) => NATIVE_SOURCE.test(f))
    .sort()
    .map((f) => [f, readFileSync(`${NATIVE_DIR}${f}`, 'utf8')] as const);
  return native;
}

/** Every C++ file of the addon of `spec`, as [file name, text], sorted by name. */
export function addonSources(spec: ModuleSpec, opts: PortTableOptions): Array<readonly [string, string]> {
  return [...nativeSources(), [PORT_TABLE_FILE, portTableHeader(spec, opts)] as const].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
}
