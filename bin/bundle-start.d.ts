// Types of bin/bundle-start.js (the start-up bundles of `vti --help` and `vti emu`).
/** Bundles the start-up paths of `root` into `outDir`; returns the sources (relative to root) they were built from. */
export declare function bundleStart(root: string, outDir: string): Promise<string[]>;
/** Makes each bundle's V8 code cache in `outDir` (one run of it); the bundles left without one. */
export declare function makeCodeCache(outDir: string, commandsDir: string): string[];
