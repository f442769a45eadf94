// The references follow the same rules as generated modules (blocks.md "Common rules"):
// clean under `verilator --lint-only -Wall` (default and 1364-2005) and `iverilog -g2005 -Wall`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REFS = ['ref_vti_psr', 'ref_vti_vmsw', 'ref_vti_addr_check', 'ref_vti_fault_prio'];
const path = (n: string) => fileURLToPath(new URL(`../../formal/ref/${n}.v`, import.meta.url));

describe('reference RTL lint', () => {
  it('verilator -Wall: no warnings (default and --language 1364-2005)', () => {
    for (const n of REFS) {
      for (const extra of [[], ['--language', '1364-2005']]) {
        const r = spawnSync('verilator', ['--lint-only', '-Wall', ...extra, path(n)], { encoding: 'utf8' });
        expect(r.stderr + r.stdout, n).toBe('');
        expect(r.status).toBe(0);
      }
    }
  });

  it('iverilog -g2005 -Wall: no warnings', () => {
    // A temp output file: `-o /dev/null` would make iverilog chmod /dev/null (+x, 0755), which
    // breaks every non-root writer of /dev/null on the machine (apt's gpgv among them).
    const out = join(mkdtempSync(join(tmpdir(), 'ref-lint-')), 'a.out');
    for (const n of REFS) {
      const r = spawnSync('iverilog', ['-g2005', '-Wall', '-o', out, path(n)], { encoding: 'utf8' });
      expect(r.stderr + r.stdout, n).toBe('');
      expect(r.status).toBe(0);
    }
  });
});
