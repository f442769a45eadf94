// Types of bin/run-bundle.cjs (runs a start-up bundle with V8's code cache).
export type BundleName = 'start-help' | 'start-emu';
export declare const BUNDLES: Readonly<Record<BundleName, { readonly training: readonly string[] }>>;
/** The bundle that runs `vti ...argv`. */
export declare function bundleFor(argv: readonly string[]): BundleName;
export declare function codeCacheFile(dir: string, name: BundleName): string;
/** The bundle's exports, and whether V8 took its code cache. */
export declare function loadBundle(
  dir: string,
  name: BundleName,
  writeCache?: boolean,
): {
  exports: { runBundled(argv: readonly string[], commandsDir: string): Promise<never> };
  cache: 'used' | 'rejected' | 'none' | 'writing';
};
/** `vti ...argv` from bundle `name` in `dir`; `commandsDir` is the sources' cli/commands. */
export declare function runBundle(
  dir: string,
  name: BundleName,
  argv: readonly string[],
  commandsDir: string,
  writeCache?: boolean,
): Promise<never>;
