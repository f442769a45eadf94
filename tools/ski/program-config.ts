// A program's machine configuration, given in its source as one comment line
//   // config: valen=51 palen=40 fr=40
// and passed to both simulators (Ski's -valen/-palen, the model's options). Without the line
// both use their defaults (61 and 63 bits: no unimplemented address bits). fr=N adds f2-fN
// and FPSR to the compared state (step-state.ts), for the FP programs. A second line
//   // ski: -alat
// gives Ski its ALAT (-alat); the model's ALAT is on only then, so that programs without the
// line see no ALAT on either (every ld.c reloads, every chk.a branches).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ProgramConfig {
  readonly valen?: number;
  readonly palen?: number;
  /** The highest FR compared (f2..fr) with FPSR; none when absent. */
  readonly fr?: number;
  /** Ski's -alat: both simulators keep an ALAT. */
  readonly alat?: boolean;
}

/** The Ski flags a `// ski:` line may give. */
const SKI_FLAGS = ['-alat'] as const;
const SKI_LINE = /^\/\/ ski:(.*)$/m;

function parseSkiLine(source: string): { alat?: boolean } {
  const m = SKI_LINE.exec(source);
  if (!m) return {};
  for (const flag of m[1]!.trim().split(/\s+/))
    if (!SKI_FLAGS.some((f) => f === flag))
      throw new Error(`bad ski flag '${flag}' (expected ${SKI_FLAGS.join(', ')})`);
  return { alat: true };
}

const KEYS = ['valen', 'palen'] as const;
const ITEMS = [...KEYS, 'fr'] as const;
const LINE = /^\/\/ config:(.*)$/m;

export function parseProgramConfig(source: string): ProgramConfig {
  const ski = parseSkiLine(source);
  const m = LINE.exec(source);
  if (!m) return ski;
  const cfg: { valen?: number; palen?: number; fr?: number; alat?: boolean } = { ...ski };
  for (const item of m[1]!.trim().split(/\s+/)) {
    const [k, v] = item.split('=');
    const key = ITEMS.find((x) => x === k);
    if (!key || !v || !/^\d+$/.test(v))
      throw new Error(`bad config item '${item}' (expected valen=N, palen=N or fr=N)`);
    cfg[key] = Number(v);
  }
  if (cfg.fr !== undefined && (cfg.fr < 2 || cfg.fr > 127)) throw new Error(`bad config item 'fr=${cfg.fr}' (2..127)`);
  return cfg;
}

export const programConfig = (programsDir: string, program: string): ProgramConfig =>
  parseProgramConfig(readFileSync(join(programsDir, `${program}.s`), 'utf8'));

/** Ski's command-line flags for the configuration. */
export const skiFlags = (cfg: ProgramConfig): string[] => [
  ...KEYS.flatMap((k) => (cfg[k] === undefined ? [] : [`-${k}`, String(cfg[k])])),
  ...(cfg.alat ? ['-alat'] : []),
];
