// fpgaTiming with its result kept in the cache folder (.cache/fpga-timing/), keyed by what
// decides it: the Verilog, the module, the target, the seeds and the nextpnr-ice40 version
// (Yosys is pinned by package-lock). A place and route of vti_core takes about a minute, and
// README's synthesis table (test/docs/synth-table.test.ts) needs one per module; a cache
// that is off, missing or damaged only costs the time.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../cache/atomic-write.js';
import { cacheSubdir, writableCacheDir } from '../cache/root.js';
import type { IRModule } from '../hdl/ir/types.js';
import { type FpgaTarget, type FpgaTiming, fpgaTiming, nextpnrVersion } from './fpga-timing.js';

export async function cachedFpgaTiming(
  files: Readonly<Record<string, string>>,
  dut: IRModule,
  target: FpgaTarget,
  seeds: readonly number[],
): Promise<FpgaTiming> {
  const root = cacheSubdir('fpga-timing');
  if (!root) return fpgaTiming(files, dut, target, seeds);
  const verilog = Object.entries(files)
    .filter(([f]) => f.endsWith('.v'))
    .sort(([a], [b]) => a.localeCompare(b));
  const key = createHash('sha256')
    .update(JSON.stringify({ verilog, top: dut.name, target, seeds, nextpnr: nextpnrVersion() ?? 'none' }))
    .digest('hex');
  const file = join(writableCacheDir(root), `${dut.name}-${target}-${key.slice(0, 24)}.json`);
  try {
    const hit = JSON.parse(readFileSync(file, 'utf8')) as FpgaTiming;
    if (hit.top === dut.name && typeof hit.fmaxMHz === 'number') return hit;
  } catch {
    /* not cached yet, or damaged: computed again below */
  }
  const t = await fpgaTiming(files, dut, target, seeds);
  writeFileAtomic(file, `${JSON.stringify(t, null, 2)}\n`);
  return t;
}
