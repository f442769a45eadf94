// Types of bin/dist-stamp.cjs (the freshness rule of the compiled CLI in dist/js/).
export declare const DIST_DIR: string;
export declare const STAMP_FILE: string;
/** Writes dist/js/stamp.json under `root` for `sources` (relative to root); returns their number. */
export declare function writeStamp(root: string, sources: readonly string[]): number;
/** Whether dist/js under `root` exists and every source it was compiled from is unchanged. */
export declare function distIsFresh(root: string): boolean;
