// A small, strict flag parser shared by every `vti` sub-command: unknown flags, missing values
// and malformed numbers are errors that say what is allowed.

export type FlagType = 'bool' | 'string' | 'int' | 'choice';

export interface FlagSpec {
  readonly type: FlagType;
  readonly help: string;
  readonly choices?: readonly string[];
  readonly default?: string | number | boolean;
  /** Value placeholder shown in --help, e.g. "N" or "FILE". */
  readonly metavar?: string;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Parsed {
  readonly flags: Record<string, string | number | boolean | undefined>;
  readonly positional: string[];
}

export function parseArgs(command: string, argv: readonly string[], specs: FlagSpecs): Parsed {
  const flags: Record<string, string | number | boolean | undefined> = {};
  for (const [k, s] of Object.entries(specs)) if (s.default !== undefined) flags[k] = s.default;
  const positional: string[] = [];
  const allowed = () =>
    Object.keys(specs)
      .map((k) => `--${k}`)
      .join(', ');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg.length > 1)
        throw new UsageError(`vti ${command}: unknown option '${arg}' (allowed: ${allowed()})`);
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const spec = specs[name];
    if (!spec) throw new UsageError(`vti ${command}: unknown option '--${name}' (allowed: ${allowed()})`);
    if (spec.type === 'bool') {
      if (eq >= 0) throw new UsageError(`vti ${command}: option '--${name}' takes no value`);
      flags[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value === '')
      throw new UsageError(
        `vti ${command}: option '--${name}' needs a value${spec.metavar ? ` (${spec.metavar})` : ''}`,
      );
    flags[name] = convert(command, name, spec, value);
  }
  return { flags, positional };
}

function convert(command: string, name: string, spec: FlagSpec, value: string): string | number {
  switch (spec.type) {
    case 'int': {
      if (!/^-?(0x[0-9a-f]+|\d+)$/i.test(value))
        throw new UsageError(`vti ${command}: option '--${name}' expects an integer, got '${value}'`);
      return Number(value);
    }
    case 'choice': {
      if (!spec.choices!.includes(value))
        throw new UsageError(
          `vti ${command}: option '--${name}' must be one of ${spec.choices!.join(', ')}, got '${value}'`,
        );
      return value;
    }
    default:
      return value;
  }
}

export function helpText(command: string, summary: string, usage: string, specs: FlagSpecs): string {
  const lines = [`vti ${command} — ${summary}`, '', `usage: vti ${command} ${usage}`.trimEnd(), ''];
  const entries = Object.entries(specs);
  if (entries.length) lines.push('options:');
  const left = entries.map(
    ([k, s]) =>
      `  --${k}${s.type === 'bool' ? '' : ` ${s.metavar ?? (s.type === 'choice' ? s.choices!.join('|') : 'VALUE')}`}`,
  );
  const pad = Math.max(0, ...left.map((l) => l.length)) + 2;
  entries.forEach(([, s], i) => {
    const dflt = s.default !== undefined && s.type !== 'bool' ? ` (default ${s.default})` : '';
    lines.push(left[i]!.padEnd(pad) + s.help + dflt);
  });
  lines.push(`  --help`.padEnd(pad) + 'show this help');
  return lines.join('\n') + '\n';
}
