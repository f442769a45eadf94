// Helpers that drive GNU binutils for IA-64 (ia64-linux-gnu-as/ld/objdump) from tests: assemble
// and link small static programs into a temp dir, and parse `objdump -d` output into one entry
// per bundle. Objdump's text is normalised only by collapsing whitespace, dropping the
// "[MII]" template marker and dropping the "<symbol+off>" annotation after branch targets.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ObjdumpBundle {
  readonly addr: bigint;
  readonly texts: string[];
}

export function normalizeObjdump(text: string): string {
  return (
    text
      .replace(/^\s*\[[A-Z]{3}\]/, '')
      // A branch target printed as "110 <_start+0x110>" (ELF with symbols) becomes "0x110", the
      // form objdump uses when there is no symbol, and the form the model's disassembler prints.
      .replace(/\b([0-9a-f]+) <[^>]*>/g, '0x$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

export function parseObjdump(out: string): ObjdumpBundle[] {
  const bundles: ObjdumpBundle[] = [];
  for (const line of out.split('\n')) {
    const m = /^\s*([0-9a-f]+):\t[0-9a-f ]+\t(.*)$/.exec(line);
    if (!m) continue;
    const text = m[2]!;
    if (/^\s*\[[A-Z]{3}\]/.test(text) || /^\s*\[\?\?\?\]/.test(text))
      bundles.push({ addr: BigInt('0x' + m[1]), texts: [] });
    const norm = normalizeObjdump(text.replace(/^\s*\[\?\?\?\]/, ''));
    if (norm && bundles.length) bundles[bundles.length - 1]!.texts.push(norm);
  }
  return bundles;
}

export class Workdir {
  readonly dir = mkdtempSync(join(tmpdir(), 'vti-model-'));
  path(name: string): string {
    return join(this.dir, name);
  }
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Assembles `source` and links it as a static executable with .text at `textAddr`. */
  build(name: string, source: string, textAddr = 0x100000n, extraLd: string[] = []): string {
    const s = this.path(name + '.s'),
      o = this.path(name + '.o'),
      elf = this.path(name + '.elf');
    writeFileSync(s, source);
    run('ia64-linux-gnu-as', ['-o', o, s]);
    run('ia64-linux-gnu-ld', [
      '-static',
      '-e',
      '_start',
      `-Ttext=0x${textAddr.toString(16)}`,
      ...extraLd,
      '-o',
      elf,
      o,
    ]);
    return elf;
  }

  objdump(file: string, extra: string[] = []): ObjdumpBundle[] {
    return parseObjdump(run('ia64-linux-gnu-objdump', ['-d', ...extra, file]));
  }

  /** Raw bundle bytes disassembled by objdump as a flat binary at address 0. */
  objdumpRaw(bytes: Uint8Array): ObjdumpBundle[] {
    const f = this.path('raw.bin');
    writeFileSync(f, bytes);
    return parseObjdump(run('ia64-linux-gnu-objdump', ['-D', '-b', 'binary', '-m', 'ia64-elf64', f]));
  }

  read(file: string): Uint8Array {
    return new Uint8Array(readFileSync(file));
  }
}

export function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${err.stderr || err.message}`);
  }
}
