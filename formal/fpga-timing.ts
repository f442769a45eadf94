// Out-of-context timing of a generated module on an iCE40 (issue 18, item 4): the module is
// wrapped so that every input comes straight from a flip-flop and every output goes straight
// into one (a registered boundary: the figure is the module's own register-to-register and
// boundary paths, not the pins'), synthesized with Yosys `synth_ice40` and placed and routed
// by nextpnr-ice40. Fmax and the critical path come from nextpnr's JSON report (`--report`),
// and each step of the path is named in the TypeScript source: the Verilog line of the cell
// driving it (Yosys `src`) carries the `// file.ts:line` comment the generator wrote there.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emitModule } from '../gen/verilog/index.js';
import { cat, defineModule, type HdlModule, mux, type Value } from '../hdl/dsl/index.js';
import type { IRModule } from '../hdl/ir/types.js';
import { yosys } from './yosys.js';

export const FPGA_TARGETS = {
  'ice40-hx8k': { device: '--hx8k', package: 'ct256' },
  'ice40-up5k': { device: '--up5k', package: 'sg48' },
} as const;
export type FpgaTarget = keyof typeof FPGA_TARGETS;

export interface PathStep {
  /** The net (Verilog name inside the module, `/`-separated through instances). */
  readonly net: string;
  /** Where the cell driving it was written: `hdl/vti/x.ts:line`, when known. */
  readonly source?: string;
  /** Arrival time at the end of this net (ns from the clock edge), logic and routing. */
  readonly arrivalNs: number;
}

export interface FpgaTiming {
  readonly top: string;
  readonly target: FpgaTarget;
  /** Achieved Fmax in MHz, the median over the seeds. */
  readonly fmaxMHz: number;
  readonly seeds: readonly { readonly seed: number; readonly fmaxMHz: number }[];
  /** Critical path of the median seed, source to sink. */
  readonly criticalPath: readonly PathStep[];
  /** Logic cells (LCs) used / available. */
  readonly lcUsed: number;
  readonly lcAvailable: number;
  readonly ms: number;
}

const WRAPPER = 'vti_ooc_wrap';

/** The registered boundary: inputs from a shift register, outputs into a loadable shift register. */
function wrapper(dut: IRModule): HdlModule {
  const child: HdlModule = { ir: dut, children: [], problems: [] };
  const ports = dut.signals.filter((s) => s.kind === 'input' || s.kind === 'output');
  const ins = ports.filter((p) => p.kind === 'input' && p.name !== 'clk');
  const outs = ports.filter((p) => p.kind === 'output');
  return defineModule(WRAPPER, (m) => {
    const clk = m.clock();
    const din = m.input('din', 1);
    const load = m.input('load', 1);
    const inWidth = ins.reduce((w, p) => w + p.width, 0);
    const inputs: Record<string, Value> = {};
    if (ports.some((p) => p.name === 'clk' && p.kind === 'input')) inputs.clk = clk;
    if (inWidth > 0) {
      const sr = m.reg('in_q', inWidth);
      sr.set(inWidth === 1 ? din : cat(sr.bits(inWidth - 2, 0), din));
      let lo = 0;
      for (const p of ins) {
        inputs[p.name] = sr.bits(lo + p.width - 1, lo);
        lo += p.width;
      }
    }
    const o = m.instance('dut', child, inputs);
    const outWidth = outs.reduce((w, p) => w + p.width, 0);
    const q = m.reg('out_q', outWidth);
    const all = outs.map((p) => o[p.name]!);
    const shifted = outWidth === 1 ? din : cat(q.bits(outWidth - 2, 0), din);
    q.set(mux(load, all.length === 1 ? all[0]! : cat(...all), shifted));
    m.output('dout', 1).set(q.msb());
  });
}

/** Names bit `i` of the wrapper's boundary registers by the module port it feeds or samples. */
function boundaryBits(dut: IRModule): (reg: 'in_q' | 'out_q', i: number) => string {
  const ports = dut.signals.filter((s) => s.kind === 'input' || s.kind === 'output');
  const ins = ports.filter((p) => p.kind === 'input' && p.name !== 'clk');
  // out_q holds the outputs concatenated in port order, first port most significant.
  const outs = ports.filter((p) => p.kind === 'output').reverse();
  return (reg, i) => {
    let lo = 0;
    for (const p of reg === 'in_q' ? ins : outs) {
      if (i < lo + p.width)
        return `${reg === 'in_q' ? 'input' : 'output'} ${p.name}${p.width > 1 ? `[${i - lo}]` : ''}`;
      lo += p.width;
    }
    return reg;
  };
}

function run(bin: string, args: string[], cwd: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { cwd, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: number | string }) | null;
      if (e && e.code === 'ENOENT') reject(new Error(`${bin} not found: install it (Debian: apt-get install ${bin})`));
      else resolve({ code: e ? Number(e.code ?? 1) : 0, out: stdout + stderr });
    });
  });
}

interface NextpnrReport {
  fmax?: Record<string, { achieved: number; constraint: number }>;
  utilization?: Record<string, { used: number; available: number }>;
  critical_paths?: {
    from: string;
    to: string;
    path: { type: string; net?: string; delay: number; from?: { cell: string }; to?: { cell: string } }[];
  }[];
}

/** `vti_core.v:123.5-123.40|…` → the `// hdl/…ts:N` comment of that Verilog line. */
function sourceOf(src: string | undefined, files: Readonly<Record<string, string>>): string | undefined {
  if (!src) return undefined;
  for (const part of src.split('|')) {
    const m = /^(?:.*\/)?([\w.]+\.v):(\d+)/.exec(part);
    if (!m || m[1] === `${WRAPPER}.v`) continue;
    const line = files[m[1]!]?.split('\n')[Number(m[2]) - 1];
    const c = line && /\/\/ (\S+\.ts:\d+)/.exec(line);
    if (c) return c[1];
  }
  return undefined;
}

/** `nextpnr-ice40 --version`'s first line, or undefined when it is not installed. */
export function nextpnrVersion(): string | undefined {
  const r = spawnSync('nextpnr-ice40', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return (r.stdout + r.stderr).trim().split('\n')[0] ?? 'unknown';
}

/**
 * Fmax of `top` (one of `design`'s modules, with `files` its emitted Verilog) on `target`,
 * out of context, median over `seeds`.
 */
export async function fpgaTiming(
  files: Readonly<Record<string, string>>,
  dut: IRModule,
  target: FpgaTarget,
  seeds: readonly number[] = [1, 2, 3],
): Promise<FpgaTiming> {
  const t0 = performance.now();
  const verilog = Object.fromEntries(Object.entries(files).filter(([f]) => f.endsWith('.v')));
  const wrap = wrapper(dut);
  const wrapText = emitModule(wrap.ir);
  const all = { ...verilog, [`${WRAPPER}.v`]: wrapText };
  const names = Object.keys(all);
  const syn = await yosys(
    [
      `read_verilog ${names.map((n) => `"${n}"`).join(' ')}`,
      `synth_ice40 -top ${WRAPPER}`,
      // Yosys ≥ 0.35 keeps hierarchy markers ($scopeinfo) after flattening; nextpnr 0.4 cannot place them.
      'delete t:$scopeinfo',
      'write_json ooc.json',
    ].join('\n'),
    all,
  );
  const netlist = syn.files['ooc.json'];
  if (!netlist) throw new Error(`fpgaTiming(${dut.name}): yosys wrote no netlist`);
  // Driver cell of every net, for the source lookup.
  type Attrs = { attributes?: { src?: string } };
  const mod = (
    JSON.parse(netlist) as {
      modules: Record<string, { cells: Record<string, Attrs>; netnames: Record<string, Attrs> }>;
    }
  ).modules[WRAPPER]!;
  // Techmapped LUTs lose their `src`, but Yosys names them and their nets after the signal
  // they compute (`<wire>_SB_LUT4_…`), and that wire's declaration line carries the source.
  const boundary = boundaryBits(dut);
  const srcOf = (net: string): string | undefined => {
    const base = net
      .replace(/\$SB_IO_(IN|OUT)$/, '')
      .replace(/\[\d+\]$/, '')
      .replace(/_SB_.*$/, '')
      .replace(/\[\d+\]$/, '');
    const q = /^(in_q|out_q)(?:\[(\d+)\])?/.exec(net);
    if (q) return boundary(q[1] as 'in_q' | 'out_q', Number(q[2] ?? 0));
    const n = mod.netnames[base] ?? mod.netnames[`dut.${base}`];
    return sourceOf(n?.attributes?.src, verilog);
  };
  const dir = mkdtempSync(join(tmpdir(), 'vti-pnr-'));
  try {
    writeFileSync(join(dir, 'ooc.json'), netlist);
    const { device, package: pkg } = FPGA_TARGETS[target];
    const runs: { seed: number; fmaxMHz: number; report: NextpnrReport }[] = [];
    for (const seed of seeds) {
      const report = `report-${seed}.json`;
      const r = await run(
        'nextpnr-ice40',
        [
          device,
          '--package',
          pkg,
          '--json',
          'ooc.json',
          '--report',
          report,
          '--seed',
          String(seed),
          '--freq',
          '1',
          '-q',
        ],
        dir,
      );
      if (r.code !== 0)
        throw new Error(
          `nextpnr-ice40 failed for ${dut.name} on ${target}: ${r.out.trim().split('\n').slice(-3).join(' | ')}`,
        );
      const rep = JSON.parse(readFileSync(join(dir, report), 'utf8')) as NextpnrReport;
      const fmax = Object.values(rep.fmax ?? {})[0]?.achieved;
      if (fmax === undefined) throw new Error(`nextpnr-ice40 report for ${dut.name} has no Fmax`);
      runs.push({ seed, fmaxMHz: fmax, report: rep });
    }
    const sorted = [...runs].sort((a, b) => a.fmaxMHz - b.fmaxMHz);
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
    const path = median.report.critical_paths?.[0]?.path ?? [];
    const criticalPath: PathStep[] = [];
    let arrival = 0;
    for (const step of path) {
      arrival += step.delay;
      if (step.type !== 'routing' || step.net === undefined) continue;
      const source = srcOf(step.net);
      criticalPath.push({
        net: step.net.replace(/^dut\./, '').replace(/\./g, '/'),
        arrivalNs: Math.round(arrival * 1000) / 1000,
        ...(source ? { source } : {}),
      });
    }
    const lc = median.report.utilization?.ICESTORM_LC;
    return {
      top: dut.name,
      target,
      fmaxMHz: median.fmaxMHz,
      seeds: runs.map(({ seed, fmaxMHz }) => ({ seed, fmaxMHz })),
      criticalPath,
      lcUsed: lc?.used ?? 0,
      lcAvailable: lc?.available ?? 0,
      ms: performance.now() - t0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
