// Assembles and links a generated random program into <outDir>/<name>.elf with GNU binutils,
// against the directed programs' lib/*.inc and programs.ld (tools/ski/programs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const AS = 'ia64-linux-gnu-as';
const LD = 'ia64-linux-gnu-ld';

function run(tool: string, args: string[]): void {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  if (r.error) throw new Error(`${tool} not found: install binutils-ia64-linux-gnu`);
  if (r.status !== 0)
    throw new Error(`${tool} failed: ${(r.stderr || r.stdout).trim().split('\n').slice(0, 5).join(' / ')}`);
}

/**
 * Writes `asm` as <outDir>/<name>.s and builds <outDir>/<name>.elf; returns the ELF's path.
 * -xnone: every instruction is its own group, except the rfi target bundles (independent
 * instructions), so the static dependency check has nothing to find.
 */
export function buildRandomProgram(name: string, asm: string, programsDir: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const src = join(outDir, `${name}.s`);
  const obj = join(outDir, `${name}.o`);
  const elf = join(outDir, `${name}.elf`);
  const tmp = `${elf}.${process.pid}.tmp`;
  writeFileSync(src, asm);
  run(AS, ['-xnone', '--fatal-warnings', '-I', programsDir, '-o', obj, src]);
  run(LD, ['-static', '-T', join(programsDir, 'programs.ld'), '-o', tmp, obj]);
  renameSync(tmp, elf);
  return elf;
}
