// The one place-and-route cache: fpgaTiming's result kept by content in the fpga-timing/ folder
// of the cache root (cache/content-cache.ts, entries checked against their recorded sha256),
// used by `vti gen --stats --fpga`, README's synthesis table, the HTML report's timing section
// and bench/rtl. The key is what decides the result: the Verilog read (only the files the
// module needs, so a change in another module does not invalidate it), the module, the target,
// the seeds, and the versions of nextpnr-ice40 and Yosys. A place and route of vti_core takes
// about a minute; a cache that is off, missing or damaged only costs the time.
import { type Cache, createContentCache } from '../cache/content-cache.js';
import { type CacheNotice, cacheSubdir, noticeOnStderr } from '../cache/root.js';
import type { IRDesign, IRModule } from '../hdl/ir/types.js';
import { type FpgaTarget, type FpgaTiming, fpgaTiming, nextpnrVersion } from './fpga-timing.js';
import { yosysPackageVersion } from './yosys-version.js';

/** The P&R cache's folder below $VTI_CACHE_DIR (else .cache); undefined when VTI_CACHE_DIR=off. */
export const defaultFpgaTimingCacheDir = (): string | undefined => cacheSubdir('fpga-timing');

/** The P&R cache in `dir` (undefined: no cache, every call places and routes). */
export function fpgaTimingCache(dir: string | undefined, say: CacheNotice = noticeOnStderr): Cache {
  return createContentCache(dir, say, 'P&R cache');
}

/** The Verilog files (`<module>.v`) that `top` of `design` needs: its own and its instances', transitively. */
export function moduleFiles(
  design: IRDesign,
  files: Readonly<Record<string, string>>,
  top: string,
): Record<string, string> {
  const byName = new Map(design.modules.map((m) => [m.name, m]));
  const need = new Set<string>();
  const visit = (name: string) => {
    if (need.has(name)) return;
    const m = byName.get(name);
    if (!m) throw new Error(`module ${name} is not in the design`);
    need.add(name);
    for (const i of m.instances) visit(i.module);
  };
  visit(top);
  return Object.fromEntries(
    [...need].map((n) => {
      const text = files[`${n}.v`];
      if (text === undefined) throw new Error(`no Verilog file ${n}.v for module ${n}`);
      return [`${n}.v`, text];
    }),
  );
}

/** The parts of the cache key: everything the timing of `top` depends on. */
export function fpgaTimingKey(
  files: Readonly<Record<string, string>>,
  top: string,
  target: FpgaTarget,
  seeds: readonly number[],
  tools: { readonly nextpnr: string; readonly yosys: string },
): string[] {
  const verilog = Object.entries(files)
    .filter(([f]) => f.endsWith('.v'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    'fpga-timing-v3',
    top,
    target,
    seeds.join(','),
    `nextpnr ${tools.nextpnr}`,
    `yosys ${tools.yosys}`,
    ...verilog.flat(),
  ];
}

/**
 * fpgaTiming of `dut` on `target` from the Verilog `files` (the files it needs: moduleFiles),
 * through `cache` (default: the P&R cache folder); `hit` says it came from the cache.
 */
export async function cachedFpgaTiming(
  files: Readonly<Record<string, string>>,
  dut: IRModule,
  target: FpgaTarget,
  seeds: readonly number[],
  cache: Cache = fpgaTimingCache(defaultFpgaTimingCacheDir()),
): Promise<{ timing: FpgaTiming; hit: boolean }> {
  const tools = { nextpnr: nextpnrVersion() ?? 'none', yosys: yosysPackageVersion() };
  const r = await cache.text('fpga', fpgaTimingKey(files, dut.name, target, seeds, tools), async () =>
    JSON.stringify(await fpgaTiming(files, dut, target, seeds)),
  );
  return { timing: JSON.parse(r.value) as FpgaTiming, hit: r.hit };
}
