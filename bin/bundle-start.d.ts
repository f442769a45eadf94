// Types of bin/bundle-start.js (the start-up bundle of `vti --help` and `vti emu`).
export declare const START_ENTRY: string;
/** Bundles the start-up path of `root` into `outDir`; returns the sources (relative to root) it was built from. */
export declare function bundleStart(root: string, outDir: string): Promise<string[]>;
