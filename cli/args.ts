// A small, strict flag parser shared by every `vti` sub-command: unknown flags, missing values
// and malformed numbers are errors that say what is allowed.
import { parseArgs as nodeParseArgs } from 'node:util';

export type FlagType = 'bool' | 'string' | 'int' | 'choice';

export interface FlagSpec {
  readonly type: FlagType;
  readonly help: string;
  readonly choices?: readonly string[];
  readonly default?: string | number | boolean;
  /** Value placeholder shown in --help, e.g. "N" or "FILE". */
  readonly metavar?: string;
  /** Allowed range of an 'int' flag (default: the safe integers, |n| < 2^53). */
  readonly min?: number;
  readonly max?: number;
  /** A 'string' flag that may be given several times: every value, in order, in Parsed.lists. */
  readonly repeatable?: boolean;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Parsed {
  readonly flags: Record<string, string | number | boolean | undefined>;
  readonly positional: string[];
  /** The flags written on the command line (the others hold their defaults). */
  readonly given?: ReadonlySet<string>;
  /** The values of each repeatable flag given, in command-line order. */
  readonly lists?: Readonly<Record<string, readonly string[]>>;
}

export interface ParseOptions {
  /** Whether positional arguments are accepted (the command checks them); otherwise the first is an error. */
  readonly positionals?: boolean;
}

/**
 * Node's `util.parseArgs` splits argv into tokens (`--name`, `--name=value`, `-x`, `--`,
 * positionals); every check is strict and ours, so each error names the flag and what is
 * allowed: unknown flags, a missing value, a value that is itself a flag (`--out --no-vt`;
 * write `--out=--no-vt` for such a name), a flag given twice, a number out of its range.
 */
export function parseArgs(
  command: string,
  argv: readonly string[],
  specs: FlagSpecs,
  { positionals = true }: ParseOptions = {},
): Parsed {
  const fail = (message: string): never => {
    throw new UsageError(`vti ${command}: ${message}`);
  };
  const flags: Record<string, string | number | boolean | undefined> = {};
  for (const [k, s] of Object.entries(specs)) if (s.default !== undefined) flags[k] = s.default;
  const positional: string[] = [];
  const given = new Set<string>();
  const lists: Record<string, string[]> = {};
  const allowed = () =>
    Object.keys(specs)
      .map((k) => `--${k}`)
      .join(', ');
  const options = Object.fromEntries(
    Object.entries(specs).map(([k, s]) => [
      k,
      { type: s.type === 'bool' ? ('boolean' as const) : ('string' as const) },
    ]),
  );
  const { tokens } = nodeParseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind === 'positional') {
      if (!positionals)
        fail(`unexpected argument '${t.value}' (vti ${command} takes only options${optionHint(t.value, specs)})`);
      positional.push(t.value);
      continue;
    }
    if (t.kind === 'option-terminator') continue;
    const spec = Object.hasOwn(specs, t.name) && t.rawName.startsWith('--') ? specs[t.name] : undefined;
    if (!spec)
      fail(`unknown option '${t.rawName.startsWith('--') ? t.rawName : argv[t.index]}' (allowed: ${allowed()})`);
    const name = t.name;
    if (given.has(name) && !spec!.repeatable) fail(`option '--${name}' is given twice`);
    given.add(name);
    if (spec!.type === 'bool') {
      if (t.inlineValue) fail(`option '--${name}' takes no value`);
      flags[name] = true;
      continue;
    }
    const value = t.value;
    const needs = `option '--${name}' needs a value${spec!.metavar ? ` (${spec!.metavar})` : ''}`;
    if (value === undefined || value === '') fail(needs);
    if (!t.inlineValue && looksLikeFlag(value!, spec!))
      fail(`${needs}, got the option '${value}' (write --${name}=${value} if that is the value)`);
    flags[name] = convert(name, spec!, value!, fail);
    if (spec!.repeatable) (lists[name] ??= []).push(value!);
  }
  return { flags, positional, given, lists };
}

/** A separate value that starts with '-' is a forgotten value, except a negative number for an int flag (its range check then speaks) and '-' itself. */
function looksLikeFlag(value: string, spec: FlagSpec): boolean {
  if (!value.startsWith('-') || value === '-') return false;
  return !(spec.type === 'int' && /^-\d/.test(value));
}

/** "did you mean --x" for a positional that is a flag name without its dashes. */
function optionHint(value: string, specs: FlagSpecs): string {
  return Object.hasOwn(specs, value) ? `; did you mean --${value}?` : '';
}

function convert(name: string, spec: FlagSpec, value: string, fail: (m: string) => never): string | number {
  switch (spec.type) {
    case 'int': {
      if (!/^-?(0x[0-9a-f]+|\d+)$/i.test(value)) fail(`option '--${name}' expects an integer, got '${value}'`);
      const n = value.startsWith('-') ? -Number(value.slice(1)) : Number(value);
      const min = spec.min ?? Number.MIN_SAFE_INTEGER,
        max = spec.max ?? Number.MAX_SAFE_INTEGER;
      if (!Number.isSafeInteger(n) || n < min || n > max)
        fail(
          spec.min === undefined && spec.max === undefined
            ? `option '--${name}' is beyond the safe integers (|n| < 2^53), got '${value}'`
            : `option '--${name}' must be between ${min} and ${max}, got '${value}'`,
        );
      return n;
    }
    case 'choice': {
      if (!spec.choices!.includes(value))
        fail(`option '--${name}' must be one of ${spec.choices!.join(', ')}, got '${value}'`);
      return value;
    }
    default:
      return value;
  }
}

/** Refuses a flag given outside the mode it belongs to (`--program` without `--core`): one line, exit 2. */
export function onlyWith(command: string, parsed: Parsed, flag: string, applies: boolean, rule: string): void {
  if (!applies && parsed.given?.has(flag)) throw new UsageError(`vti ${command}: --${flag} ${rule}`);
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
    lines.push(left[i]!.padEnd(pad) + s.help + dflt + (s.repeatable ? ' (repeatable)' : ''));
  });
  lines.push(`  --help`.padEnd(pad) + 'show this help');
  return lines.join('\n') + '\n';
}
