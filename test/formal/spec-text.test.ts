// The spec excerpts the formal tests parse must still be verbatim in the project's spec
// (docs/spec/, part of every checkout and of the package), so this test always runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { excerpt, priorityRows, psrFaultMasks, psrSpec } from './spec.js';

const SPEC = new URL('../../docs/spec/', import.meta.url);

describe('spec excerpts', () => {
  it('are verbatim copies of docs/spec/architecture.md / blocks.md', () => {
    const arch = readFileSync(new URL('architecture.md', SPEC), 'utf8');
    const blocks = readFileSync(new URL('blocks.md', SPEC), 'utf8');
    expect(blocks).toContain(excerpt('blocks.md: vti_psr op table').join('\n'));
    expect(arch).toContain(excerpt('architecture.md §2: PSR layout').join('\n'));
    const prio = excerpt('architecture.md §6: priority');
    expect(arch).toContain(prio.filter((l) => l.startsWith('|')).join('\n'));
    expect(arch).toContain(prio.find((l) => l.startsWith('Rows'))!);
  });

  it('parse into the masks the spec states in words', () => {
    const p = psrSpec();
    // architecture.md §2: "Kept on interruption: ... (mask 0x0000_0018_0802_8034)".
    expect(p.kept).toBe(0x0000_0018_0802_8034n);
    expect(p.reserved).toBe(0xffff_8000_f001_1fc1n); // bits 0, 6-12, 16, 28-31, 47-63
    const f = psrFaultMasks();
    expect(f.map((m) => '0x' + m.toString(16))).toEqual([
      '0x0',
      '0xf0011fc1',
      '0x11fc1',
      '0x11fc1',
      '0xffffc1',
      '0xffffc1',
      '0xffffffffffffffc1',
      '0x0',
      '0x0',
      '0x0',
      '0x0',
      '0x0',
      '0x0',
      '0x0',
      '0x0',
      '0x0',
    ]);
    const rows = priorityRows();
    expect(rows).toHaveLength(56);
    expect(rows[34]).toEqual({ rank: 35, title: 'Virtualization', vector: 0x6100, isrCode: 0, kind: 1 });
    expect(rows.filter((r) => r.kind === 2).map((r) => r.rank)).toEqual([52, 53, 54, 55, 56]);
  });
});
