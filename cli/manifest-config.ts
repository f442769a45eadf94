// `--dir D` (formal, cosim): the configuration D's Verilog was generated with is the one in
// D/manifest.json, written by `vti gen --out D`. Reading it there instead of trusting the
// command's own options keeps correct RTL generated with other options from being reported
// DIFFERENT; an option given on the command line that says otherwise is refused (one line).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkConfig, ConfigError, generateVti, type VtiConfig } from '../gen/vti.js';
import { UsageError, type Parsed } from './args.js';
import { UserError } from './errors.js';

const MANIFEST = 'manifest.json';
const FIELDS = ['vmImplemented', 'implVaMsb', 'implPaMsb', 'guestShrink'] as const;

/** The configuration recorded in `dir`/manifest.json; undefined when there is no manifest. */
export function manifestConfig(dir: string): VtiConfig | undefined {
  const file = join(dir, MANIFEST);
  if (!existsSync(file)) return undefined;
  const bad = (why: string): never => {
    throw new UserError(`--dir ${dir}: ${MANIFEST} ${why} (regenerate with 'vti gen --out ${dir}')`);
  };
  let m: unknown;
  try {
    m = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    bad(`cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message.split('\n')[0]}`);
  }
  const options = (m as { options?: unknown } | null)?.options;
  if ((m as { generator?: unknown } | null)?.generator !== 'vti-hdl' || typeof options !== 'object' || !options)
    bad("is not a manifest of 'vti gen' (no generator 'vti-hdl' with options)");
  const o = options as Record<string, unknown>;
  for (const f of FIELDS)
    if (typeof o[f] !== (f === 'vmImplemented' ? 'boolean' : 'number')) bad(`has no valid options.${f}`);
  const config = Object.fromEntries(FIELDS.map((f) => [f, o[f]])) as unknown as VtiConfig;
  try {
    return checkConfig(config);
  } catch (e) {
    if (e instanceof ConfigError) bad(`holds bad options: ${e.message}`);
    throw e;
  }
}

/** One option of the command and the configuration it sets: its value as a field, when given. */
export interface ConfigOption {
  readonly flag: string;
  readonly field: (typeof FIELDS)[number];
  readonly value: (flags: Parsed['flags']) => boolean | number;
}

/** Refuses (exit 2) an option given on the command line that contradicts `fromDir`. */
export function refuseConflicts(
  command: string,
  dir: string,
  parsed: Parsed,
  fromDir: VtiConfig,
  options: readonly ConfigOption[],
): void {
  for (const o of options) {
    if (!parsed.given?.has(o.flag)) continue;
    const want = o.value(parsed.flags);
    if (want !== fromDir[o.field])
      throw new UsageError(
        `vti ${command}: --${o.flag} contradicts ${join(dir, MANIFEST)} (${o.field}: ${fromDir[o.field]}); drop the option or regenerate with 'vti gen --out ${dir}'`,
      );
  }
}

/**
 * The files of `dir` that differ from what the generator writes for `config` (the co-simulation
 * simulates the generator's design, so it must be the one in `dir`).
 */
export function filesDifferingFromGenerator(dir: string, config: VtiConfig): string[] {
  const { files } = generateVti(config);
  return Object.entries(files)
    .filter(([name, text]) => {
      const file = join(dir, name);
      return !existsSync(file) || readFileSync(file, 'utf8') !== text;
    })
    .map(([name]) => name);
}
