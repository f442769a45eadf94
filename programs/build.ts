// Assembles and links the demonstration programs (programs/*.s) into <outDir>/<name>.elf
// (default out/programs under the current working directory) with GNU binutils for IA-64. A program is rebuilt only when its inputs change: the stamp
// next to each ELF is a hash of the source, every lib/*.inc, the linker script and the flags,
// then the sha256 of the ELF it built: an ELF damaged since (truncated, emptied, edited, deleted)
// is rebuilt with one line saying so.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { noticeOnStderr } from '../cache/root.js';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The sources ship with this module: programs/*.s, lib/*.inc, programs.ld next to this file. */
export const PROGRAMS_DIR = dirname(fileURLToPath(import.meta.url));
/** Where the ELFs go unless the caller says: out/programs under the current working directory. */
export const defaultProgramsOutDir = (): string => resolve('out', 'programs');
const LINKER_SCRIPT = 'programs.ld';
const AS = 'ia64-linux-gnu-as';
const LD = 'ia64-linux-gnu-ld';
// -xexplicit: report dependency violations (missing stops); --fatal-warnings makes them errors.
const AS_FLAGS = ['-xexplicit', '--fatal-warnings'];
const LD_FLAGS = ['-static', '-T', LINKER_SCRIPT]; // relative to the source directory (the cwd)

export class BuildError extends Error {
  override name = 'BuildError';
}

/** The program names: every programs/*.s (or <srcDir>/*.s). */
export function programNames(srcDir = PROGRAMS_DIR): string[] {
  return readdirSync(srcDir)
    .filter((f) => f.endsWith('.s'))
    .map((f) => f.slice(0, -2))
    .sort();
}

function checkTool(tool: string): void {
  const r = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (r.error) throw new BuildError(`${tool} not found: install binutils-ia64-linux-gnu`);
}

/** Runs a tool in the source directory; `what` names the step in the error ("assembling x.s"). */
function run(what: string, tool: string, args: string[], cwd: string): void {
  const r = spawnSync(tool, args, { cwd, encoding: 'utf8' });
  if (r.error) throw new BuildError(`${tool} not found: install binutils-ia64-linux-gnu`);
  // The tools' own messages carry file:line (e.g. "vtvmm.s:12: Error: Unknown opcode ...").
  if (r.status !== 0) {
    const said = (r.stderr || r.stdout).trim();
    throw new BuildError(
      `${what} failed:\n${said || `${tool} exited with ${r.status ?? r.signal} and printed nothing`}`,
    );
  }
}

function inputsHash(name: string, srcDir: string): string {
  const h = createHash('sha256');
  h.update(AS_FLAGS.join(' ') + '\0' + LD_FLAGS.join(' ') + '\0');
  h.update(readFileSync(join(srcDir, `${name}.s`)));
  h.update(readFileSync(join(srcDir, LINKER_SCRIPT)));
  const lib = join(srcDir, 'lib');
  if (existsSync(lib)) {
    for (const f of readdirSync(lib).sort()) {
      h.update(f + '\0');
      h.update(readFileSync(join(lib, f)));
    }
  }
  return h.digest('hex');
}

export interface BuildOptions {
  /** Where the ELF, object and stamp go (default: defaultProgramsOutDir(), out/programs under the cwd). */
  readonly outDir?: string;
  /** Where the sources, lib/ and programs.ld are (default programs/; tests use others). */
  readonly srcDir?: string;
}

/** Builds one program if its inputs changed; returns the ELF path. */
export function buildProgram(name: string, opts: BuildOptions = {}): string {
  const srcDir = opts.srcDir ?? PROGRAMS_DIR;
  if (!existsSync(join(srcDir, `${name}.s`)))
    throw new BuildError(`unknown program '${name}' (available: ${programNames(srcDir).join(', ')})`);
  // Absolute: the tools run in the source folder, so a relative outDir would name another place.
  const outDir = resolve(opts.outDir ?? defaultProgramsOutDir());
  mkdirSync(outDir, { recursive: true });
  const elf = join(outDir, `${name}.elf`);
  const stamp = join(outDir, `${name}.stamp`);
  const hash = inputsHash(name, srcDir);
  if (upToDate(elf, stamp, hash)) return elf;
  checkTool(AS);
  checkTool(LD);
  // Unique temporaries, renamed into place: parallel test workers may build at the same time.
  const tmp = `${process.pid}.${Date.now()}`;
  const obj = join(outDir, `${name}.${tmp}.o`);
  const tmpElf = join(outDir, `${name}.${tmp}.elf`);
  run(`assembling ${name}.s`, AS, [...AS_FLAGS, '-o', obj, `${name}.s`], srcDir);
  run(`linking ${name}`, LD, [...LD_FLAGS, '-o', tmpElf, obj], srcDir);
  renameSync(tmpElf, elf);
  renameSync(obj, join(outDir, `${name}.o`));
  writeFileSync(stamp, `${hash} ${sha256Of(elf)}`);
  return elf;
}

const sha256Of = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** True when the stamp records these inputs and the ELF is still the one built from them. */
function upToDate(elf: string, stamp: string, inputs: string): boolean {
  if (!existsSync(stamp)) return false;
  const [stamped, built] = readFileSync(stamp, 'utf8').split(' ');
  if (stamped !== inputs || built === undefined) return false; // changed sources, or an older stamp
  const now = existsSync(elf) ? sha256Of(elf) : undefined;
  if (now === built) return true;
  noticeOnStderr(`${elf} ${now === undefined ? 'is missing' : 'differs from the one built (sha256)'}: rebuilding it`);
  return false;
}

/** Builds every program (only those whose inputs changed); name → ELF path. */
export async function buildPrograms(opts: BuildOptions = {}): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of programNames(opts.srcDir)) out[name] = buildProgram(name, opts);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildPrograms().then(
    (r) => {
      for (const [k, v] of Object.entries(r)) process.stdout.write(`${k}: ${v}\n`);
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
