// Assembles one of the bench/emu loops (loop.s, irq-loop.s, ...) with its placeholders
// (ITERATIONS, ROUNDS, ...) replaced, into `work`; shared by the bench, the before/after
// comparison and the equivalence record.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The ELF path of bench/emu/<file> built in `work` with `subst` applied. */
export function buildBenchLoop(
  work: string,
  file: string,
  subst: Record<string, number>,
  ldArgs: string[] = [],
): string {
  let src = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
  for (const [k, v] of Object.entries(subst)) src = src.replaceAll(k, String(v));
  const base = join(work, file.replace(/\.s$/, ''));
  writeFileSync(`${base}.s`, src);
  execFileSync('ia64-linux-gnu-as', ['-x', '-o', `${base}.o`, `${base}.s`], { stdio: 'pipe' });
  execFileSync('ia64-linux-gnu-ld', [
    '-static',
    '-e',
    '_start',
    '-Ttext=0x100000',
    ...ldArgs,
    '-o',
    `${base}.elf`,
    `${base}.o`,
  ]);
  return `${base}.elf`;
}

/** The interruption loop's vector table section (irq-loop.s). */
export const IVT_SECTION = '--section-start=.ivt=0x200000';
