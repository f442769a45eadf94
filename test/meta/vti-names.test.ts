// vti_core and its blocks (hdl/vti) use names, never numbers, for PSR fields, and never need a
// non-null assertion (`x!`) on an instance output: the instances are typed by their children's
// ports (a misspelt port does not compile), and PSR fields come from arch/psr.ts by name.
// Checked on the source text (comments removed), so a new raw bit number or `!` fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '..', '..', 'hdl', 'vti');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

/** Source lines without comments (line comments and block comments), numbered from 1. */
function codeLines(file: string): { line: number; text: string }[] {
  const text = readFileSync(join(DIR, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  return text
    .split('\n')
    .map((l, i) => ({ line: i + 1, text: l.replace(/\/\/.*$/, '').replace(/'[^']*'|`[^`]*`/g, "''") }))
    .filter((l) => l.text.trim() !== '');
}

/** A bit selection or shift written with a number literal. */
const RAW_BITS = /\.(bits|bit|slice|at)\(\s*\d|<<\s*\d/;
/** A non-null assertion: `x!.`, `x!)`, `x![`, `x!,`, `x!;` (not `!=`). */
const NON_NULL = /[\w)\]]!(?!=)/;

/** Each offending line as "file:line: text". */
function offenders(pred: (file: string, text: string) => boolean): string[] {
  return files.flatMap((f) =>
    codeLines(f)
      .filter((l) => pred(f, l.text))
      .map((l) => `${f}:${l.line}: ${l.text.trim()}`),
  );
}

describe('hdl/vti names its PSR fields and its instance outputs', () => {
  it('no PSR bit number: psr*.ts select no bits by number, other files none on a PSR value', () => {
    const bad = offenders((f, t) => RAW_BITS.test(t) && (f.startsWith('psr') || /psr/i.test(t)));
    expect(bad).toEqual([]);
  });

  it('no non-null assertion (`!`) anywhere in vti_core or its blocks', () => {
    expect(offenders((_, t) => NON_NULL.test(t))).toEqual([]);
  });

  it('the checks see what they look for (a raw bit and a `!` are found)', () => {
    expect(RAW_BITS.test('psr.bits(33, 32)')).toBe(true);
    expect(RAW_BITS.test('1n << 46n')).toBe(true);
    expect(RAW_BITS.test('psr.bits(PSR_BIT.cpl + 1, PSR_BIT.cpl)')).toBe(false);
    expect(NON_NULL.test('u.commit!.and(x)')).toBe(true);
    expect(NON_NULL.test('a != b && !c')).toBe(false);
  });
});
