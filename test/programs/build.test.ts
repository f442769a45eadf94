// The build of the demonstration programs: static ET_EXEC IA-64 images at the fixed addresses
// of programs/programs.ld, rebuilt only when an input changes, and a clear error without binutils.
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BuildError, PROGRAMS_DIR, buildProgram, buildPrograms, programNames } from '../../programs/build.js';
import { elfSegments, elfSymbols } from '../../model/elf.js';
import { cosimDirs } from '../../sim/cosim/dirs.js';

describe('programs/build.ts', () => {
  it('takes an outDir relative to the working directory (as `vti all --out out` passes it)', () => {
    const cwd = process.cwd();
    const dir = mkdtempSync(join(tmpdir(), 'vti-rel-out-'));
    try {
      process.chdir(dir);
      const elf = buildProgram('classic', { outDir: 'rel/programs' });
      expect(elf).toBe(join(realpathSync(dir), 'rel', 'programs', 'classic.elf'));
      expect(statSync(elf).size).toBeGreaterThan(0);
      expect(cosimDirs('rel').programs).toBe(join(realpathSync(dir), 'rel', 'programs'));
    } finally {
      process.chdir(cwd);
    }
  });

  it('builds the five programs a-e', async () => {
    expect(programNames()).toEqual(['classic', 'palvm', 'paravirt', 'reflect', 'vtvmm']);
    const r = await buildPrograms();
    expect(Object.keys(r).sort()).toEqual(programNames());
    for (const path of Object.values(r)) {
      const b = readFileSync(path);
      const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
      expect(dv.getUint16(16, true)).toBe(2); // ET_EXEC
      expect(dv.getUint16(18, true)).toBe(50); // EM_IA_64
      expect(dv.getBigUint64(24, true)).toBe(0x100000n); // entry: _start in .text.boot
    }
  });

  it('places the IVT, guest, para-virtual page and the monitor-only VMM data where the layout says', () => {
    const b = readFileSync(buildProgram('paravirt'));
    const syms = elfSymbols(b);
    expect(syms.get('vmm_ivt')).toBe(0x200000n);
    expect(syms.get('vmm_ivt')! & 0x7fffn).toBe(0n); // 32 KiB aligned
    expect(syms.get('guest_kernel')).toBe(0x300000n);
    expect(syms.get('pv_rsm_i')).toBe(0x400000n); // the ar = 7 page starts with an entry
    expect(syms.get('vmm_data')).toBe(0x1000_0000_0000_0000n);
    const vmm = elfSegments(b).find((s) => s.vaddr === 0x1000_0000_0000_0000n)!;
    expect(vmm.paddr).toBe(0x0100_0000n); // outside the guest's 16 MiB identity map
    // The first instruction of each para-virtual entry is vmsw.0: B8, opcode 0, x6 = 0x18 in slot 0.
    for (const name of ['pv_rsm_i', 'pv_ssm_i', 'pv_get_itm', 'pv_set_itm', 'pv_get_psr', 'pv_set_psr_l']) {
      const seg = elfSegments(b).find((s) => s.vaddr === 0x400000n)!;
      const off = seg.offset + Number(syms.get(name)! - 0x400000n);
      let lo = 0n;
      for (let i = 7; i >= 0; i--) lo = (lo << 8n) | BigInt(b[off + i]!);
      expect(lo & 0x1en).toBe(0x16n); // template BBB
      const slot0 = (lo >> 5n) & ((1n << 41n) - 1n);
      expect(slot0 >> 37n).toBe(0n);
      expect((slot0 >> 27n) & 0x3fn).toBe(0x18n);
    }
  });

  it('does not rebuild an unchanged program', () => {
    // A private output directory: other test files may be building into out/programs.
    const outDir = mkdtempSync(join(tmpdir(), 'out-'));
    const path = buildProgram('vtvmm', { outDir });
    const t = statSync(path).mtimeMs;
    expect(buildProgram('vtvmm', { outDir })).toBe(path);
    expect(statSync(path).mtimeMs).toBe(t);
  });

  it('rebuilds an ELF damaged or deleted since it was built, with one line each', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'out-'));
    const path = buildProgram('vtvmm', { outDir });
    const good = elfSegments(readFileSync(path)); // (not the bytes: the object's temporary name is in the symbols)
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((l) => lines.push(String(l)) > 0);
    try {
      truncateSync(path, 100);
      expect(elfSegments(readFileSync(buildProgram('vtvmm', { outDir })))).toEqual(good);
      unlinkSync(path);
      expect(elfSegments(readFileSync(buildProgram('vtvmm', { outDir })))).toEqual(good);
      buildProgram('vtvmm', { outDir });
    } finally {
      spy.mockRestore();
    }
    expect(lines).toEqual([
      `vti: ${path} differs from the one built (sha256): rebuilding it\n`,
      `vti: ${path} is missing: rebuilding it\n`,
    ]);
  });

  it('says how to get binutils when ia64-linux-gnu-as is missing', () => {
    const saved = process.env.PATH;
    process.env.PATH = mkdtempSync(join(tmpdir(), 'nobin-'));
    try {
      expect(() => buildProgram('vtvmm', { outDir: mkdtempSync(join(tmpdir(), 'out-')) })).toThrow(
        new BuildError('ia64-linux-gnu-as not found: install binutils-ia64-linux-gnu'),
      );
    } finally {
      process.env.PATH = saved;
    }
  });

  it('names an unknown program and the ones there are', () => {
    expect(() => buildProgram('nosuch')).toThrow(
      new BuildError("unknown program 'nosuch' (available: classic, palvm, paravirt, reflect, vtvmm)"),
    );
  });

  it('passes on the assembler and linker messages, located by file and line', () => {
    const src = mkdtempSync(join(tmpdir(), 'src-'));
    const out = mkdtempSync(join(tmpdir(), 'out-'));
    copyFileSync(join(PROGRAMS_DIR, 'programs.ld'), join(src, 'programs.ld'));
    writeFileSync(join(src, 'bad.s'), '\t.explicit\n\tfrob r1 = r2\n');
    expect(() => buildProgram('bad', { srcDir: src, outDir: out })).toThrow(
      new BuildError(
        "assembling bad.s failed:\nbad.s: Assembler messages:\nbad.s:2: Error: Unknown opcode `frob r1=r2'",
      ),
    );
    // A missing stop is a dependency violation: a warning, made fatal.
    writeFileSync(join(src, 'dv.s'), '\t.explicit\n\tadd r1 = r2, r3\n\tadd r4 = r1, r0\n\t;;\n');
    expect(() => buildProgram('dv', { srcDir: src, outDir: out })).toThrow(
      new BuildError(
        'assembling dv.s failed:\ndv.s: Assembler messages:\n' +
          "dv.s:3: Warning: Use of 'add' violates RAW dependency 'GR%, % in 1 - 127' (impliedf), specific resource number is 1\n" +
          'dv.s:2: Warning: This is the location of the conflicting usage\n' +
          'dv.s: Error: 2 warnings, treating warnings as errors',
      ),
    );
    writeFileSync(
      join(src, 'undef.s'),
      '\t.explicit\n\t.global VMM_BASE\n\t.equ VMM_BASE, 0x1000000\n\t.global _start\n_start:\n\tmovl r2 = nosuch\n\t;;\n',
    );
    expect(() => buildProgram('undef', { srcDir: src, outDir: out })).toThrow(
      /^linking undef failed:\n.*undefined reference to `nosuch'/s,
    );
  });
});
