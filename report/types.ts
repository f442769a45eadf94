// The report's data: options, what each section produced, the result. Apart from index.ts
// (which builds it) and page.ts (which renders it), so that neither imports the other.
import type { Manifest, VtiConfig } from '../gen/vti.js';
import type { SynthStats } from '../formal/stats.js';
import type { BlockCosimResult } from '../sim/cosim/blocks.js';
import type { EngineName } from '../sim/engine.js';
import type { DemoResult } from '../demo/techniques.js';
import type { ProgressBar, StepStatus, StepSummary } from '../pipeline/step.js';
import type { CoreCosimSummary, FormalRow, PropertyRow } from '../pipeline/steps.js';
import type { Schematic } from './schematic.js';
import type { Trace } from './sequences.js';
import type { TimingReport } from './timing.js';
import type { WaveJson } from './wave.js';

export type { CoreCosimSummary, FormalRow, PropertyRow, SeededBugRow } from '../pipeline/steps.js';
export type { TimingReport } from './timing.js';

export interface ReportOptions {
  /** Output folder (index.html is written there). */
  readonly out: string;
  /** Where the co-simulation and formal steps write their artifacts (divergence reports, random
   * programs, counterexample VCDs); default `out/` in the working directory. */
  readonly artifactsDir?: string;
  /** Random co-simulation vectors per block. */
  readonly vectors: number;
  readonly seed: number;
  readonly engine: EngineName;
  /** Demo workload iterations. */
  readonly iterations: number;
  readonly flushCycles: number;
  /** Cache folder for schematics and synthesis figures; undefined: none. */
  readonly cacheDir?: string;
  readonly gen?: VtiConfig;
  /** Sections not to run (shown as skipped): any of SKIPPABLE. */
  readonly skip?: readonly string[];
  /** Progress lines (one per section start and end). */
  readonly progress?: (line: string) => void;
  /** A progress bar for long parts of a section (the CLI's on a terminal). */
  readonly progressBar?: (label: string) => ProgressBar;
}

export type Status = StepStatus;

/** One section's result: a pipeline step's summary. */
export type SectionResult = StepSummary;

export interface ModuleReport {
  readonly name: string;
  readonly doc?: string;
  readonly manifest: Manifest['modules'][number];
  readonly schematic?: Schematic;
  readonly schematicError?: string;
  readonly stats?: SynthStats;
  readonly statsCached?: boolean;
  readonly statsError?: string;
}

export interface WaveReport {
  readonly trace: Trace;
  readonly json: WaveJson;
  readonly svg: string;
}

export interface ReportData {
  readonly generatedAt: string;
  readonly versions: Readonly<Record<string, string>>;
  readonly options: Omit<ReportOptions, 'progress' | 'progressBar'>;
  readonly manifest: Manifest;
  readonly modules: readonly ModuleReport[];
  /** Out-of-context Fmax per module (absent: nextpnr-ice40 not installed, or skipped). */
  readonly timing?: readonly TimingReport[];
  readonly cosim?: readonly BlockCosimResult[];
  readonly coreCosim?: CoreCosimSummary;
  readonly formal?: readonly FormalRow[];
  readonly properties?: readonly PropertyRow[];
  readonly waves?: readonly WaveReport[];
  readonly demo?: DemoResult;
  readonly sections: readonly SectionResult[];
}

export interface ReportResult {
  readonly file: string;
  readonly bytes: number;
  readonly seconds: number;
  readonly ok: boolean;
  readonly data: ReportData;
}
