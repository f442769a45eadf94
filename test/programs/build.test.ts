// The build of the demonstration programs: static ET_EXEC IA-64 images at the fixed addresses
// of programs/programs.ld, rebuilt only when an input changes, and a clear error without binutils.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram, buildPrograms, programNames } from '../../programs/build.js';
import { elfSegments, elfSymbols } from '../../model/demo/elf.js';

describe('programs/build.ts', () => {
  it('builds the five programs a-e', async () => {
    expect(programNames()).toEqual(['classic', 'palvm', 'paravirt', 'reflect', 'vtvmm']);
    const r = await buildPrograms();
    expect(Object.keys(r).sort()).toEqual(programNames());
    for (const path of Object.values(r)) {
      const b = readFileSync(path);
      const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
      expect(dv.getUint16(16, true)).toBe(2);      // ET_EXEC
      expect(dv.getUint16(18, true)).toBe(50);     // EM_IA_64
      expect(dv.getBigUint64(24, true)).toBe(0x100000n); // entry: _start in .text.boot
    }
  });

  it('places the IVT, guest, para-virtual page and the monitor-only VMM data where the layout says', () => {
    const b = readFileSync(buildProgram('paravirt'));
    const syms = elfSymbols(b);
    expect(syms.get('vmm_ivt')).toBe(0x200000n);
    expect((syms.get('vmm_ivt')! & 0x7fffn)).toBe(0n); // 32 KiB aligned
    expect(syms.get('guest_kernel')).toBe(0x300000n);
    expect(syms.get('pv_rsm_i')).toBe(0x400000n);     // the ar = 7 page starts with an entry
    expect(syms.get('vmm_data')).toBe(0x1000_0000_0000_0000n);
    const vmm = elfSegments(b).find((s) => s.vaddr === 0x1000_0000_0000_0000n)!;
    expect(vmm.paddr).toBe(0x0100_0000n);              // outside the guest's 16 MiB identity map
    // The first instruction of each para-virtual entry is vmsw.0: B8, opcode 0, x6 = 0x18 in slot 0.
    for (const name of ['pv_rsm_i', 'pv_ssm_i', 'pv_get_itm', 'pv_set_itm', 'pv_get_psr', 'pv_set_psr_l']) {
      const seg = elfSegments(b).find((s) => s.vaddr === 0x400000n)!;
      const off = seg.offset + Number(syms.get(name)! - 0x400000n);
      let lo = 0n;
      for (let i = 7; i >= 0; i--) lo = (lo << 8n) | BigInt(b[off + i]!);
      expect(lo & 0x1en).toBe(0x16n);                  // template BBB
      const slot0 = (lo >> 5n) & ((1n << 41n) - 1n);
      expect(slot0 >> 37n).toBe(0n);
      expect((slot0 >> 27n) & 0x3fn).toBe(0x18n);
    }
  });

  it('does not rebuild an unchanged program', () => {
    const path = buildProgram('vtvmm');
    const t = statSync(path).mtimeMs;
    expect(buildProgram('vtvmm')).toBe(path);
    expect(statSync(path).mtimeMs).toBe(t);
  });

  it('says how to get binutils when ia64-linux-gnu-as is missing', () => {
    const saved = process.env.PATH;
    process.env.PATH = mkdtempSync(join(tmpdir(), 'nobin-'));
    try {
      expect(() => buildProgram('vtvmm', { outDir: mkdtempSync(join(tmpdir(), 'out-')) }))
        .toThrow('ia64-linux-gnu-as not found: install binutils-ia64-linux-gnu');
    } finally {
      process.env.PATH = saved;
    }
  });

  it('names an unknown program and the ones there are', () => {
    expect(() => buildProgram('nosuch')).toThrow("unknown program 'nosuch' (available: classic, palvm, paravirt, reflect, vtvmm)");
  });
});
