// Runs the vti CLI in this process and captures what it writes, for the CLI tests.
import { vi } from 'vitest';
import { main } from '../../cli/main.js';

/** `vti ...argv` in-process: its exit code and everything written to stdout and stderr. */
export async function runMain(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '',
    err = '';
  const o = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    return { code: await main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
