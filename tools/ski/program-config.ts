// A program's machine configuration, given in its source as one comment line
//   // config: valen=51 palen=40
// and passed to both simulators (Ski's -valen/-palen, the model's options). Without the line
// both use their defaults (61 and 63 bits: no unimplemented address bits).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ProgramConfig {
  readonly valen?: number;
  readonly palen?: number;
}

const KEYS = ['valen', 'palen'] as const;
const LINE = /^\/\/ config:(.*)$/m;

export function parseProgramConfig(source: string): ProgramConfig {
  const m = LINE.exec(source);
  if (!m) return {};
  const cfg: { valen?: number; palen?: number } = {};
  for (const item of m[1]!.trim().split(/\s+/)) {
    const [k, v] = item.split('=');
    const key = KEYS.find((x) => x === k);
    if (!key || !v || !/^\d+$/.test(v)) throw new Error(`bad config item '${item}' (expected valen=N or palen=N)`);
    cfg[key] = Number(v);
  }
  return cfg;
}

export const programConfig = (programsDir: string, program: string): ProgramConfig =>
  parseProgramConfig(readFileSync(join(programsDir, `${program}.s`), 'utf8'));

/** Ski's command-line flags for the configuration. */
export const skiFlags = (cfg: ProgramConfig): string[] =>
  KEYS.flatMap((k) => (cfg[k] === undefined ? [] : [`-${k}`, String(cfg[k])]));
