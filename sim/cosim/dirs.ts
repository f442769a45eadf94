// Where the co-simulation writes its files: below an `outDir` its caller passes down (the CLI
// decides; `vti` uses out/ in the current working directory). Without one, out/ under the
// current working directory — never a place found from this file's own location, so an
// installed package does not write into node_modules.
import { join, resolve } from 'node:path';

export interface CosimDirs {
  /** Divergence reports (text, stimulus, VCD) and shrunk programs: <outDir>/cosim. */
  readonly cosim: string;
  /** Random programs, assembled and cached by content hash: <outDir>/cosim/random. */
  readonly random: string;
  /** RTL code coverage, one folder per design configuration or block: <outDir>/cosim/rtl-coverage. */
  readonly rtlCoverage: string;
  /** The demo programs' ELFs: <outDir>/programs. */
  readonly programs: string;
}

/** The co-simulation's folders under `outDir` (default: out/ under the current working directory). */
export function cosimDirs(outDir: string = 'out'): CosimDirs {
  // Absolute, so that tools run in another folder (the assembler runs in programs/) find them.
  const out = resolve(outDir);
  const cosim = join(out, 'cosim');
  return {
    cosim,
    random: join(cosim, 'random'),
    rtlCoverage: join(cosim, 'rtl-coverage'),
    programs: join(out, 'programs'),
  };
}
