// Synthesis figures for a design: generic `synth` cell counts and an iCE40 mapping (LUT4s,
// carries, flip-flops) with a logic-depth figure. All numbers come from structured outputs
// (`stat -json`, `write_json`); the depth is the longest chain of combinational cells between
// ports / flip-flops, computed here from the netlist graph. Compare figures only within one
// Yosys version (toolchain.md).
import { yosys } from './yosys.js';
import type { DesignRef } from './design.js';

export interface NetlistStats {
  readonly cells: number;
  readonly cellsByType: Readonly<Record<string, number>>;
  /** Longest path counted in combinational cells (flip-flops cut paths). */
  readonly depth: number;
}

export interface SynthStats {
  readonly top: string;
  /** `synth -flatten -top` (Yosys internal gate library). */
  readonly generic: NetlistStats;
  /** `synth_ice40 -top` (flattens by default). */
  readonly ice40: NetlistStats & { readonly luts: number; readonly carries: number; readonly ffs: number };
  readonly ms: number;
}

interface JsonCell {
  type: string;
  port_directions: Record<string, 'input' | 'output' | 'inout'>;
  connections: Record<string, (number | string)[]>;
}
interface JsonModule {
  cells: Record<string, JsonCell>;
}

const isFlipFlop = (type: string) => /DFF|\$_?(s?dff|adff|dffe|sdffe|sdffce|aldff|dlatch|ff)/i.test(type);

/** Longest combinational-cell chain in a flattened write_json module. */
export function logicDepth(mod: JsonModule): number {
  const driver = new Map<number, string>(); // net bit -> combinational cell driving it
  const cells = Object.entries(mod.cells).filter(([, c]) => !isFlipFlop(c.type));
  for (const [name, c] of cells) {
    for (const [port, bits] of Object.entries(c.connections)) {
      if (c.port_directions[port] !== 'output') continue;
      for (const b of bits) if (typeof b === 'number') driver.set(b, name);
    }
  }
  const byName = new Map(cells);
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) throw new Error(`logicDepth: combinational loop through cell ${name}`);
    visiting.add(name);
    const c = byName.get(name)!;
    let d = 0;
    for (const [port, bits] of Object.entries(c.connections)) {
      if (c.port_directions[port] !== 'input') continue;
      for (const b of bits) {
        const src = typeof b === 'number' ? driver.get(b) : undefined;
        if (src !== undefined) d = Math.max(d, depthOf(src));
      }
    }
    visiting.delete(name);
    memo.set(name, d + 1);
    return d + 1;
  };
  let max = 0;
  for (const [name] of cells) max = Math.max(max, depthOf(name));
  return max;
}

function netlistStats(statJson: string, netJson: string, top: string): NetlistStats {
  const stat = JSON.parse(statJson) as {
    modules: Record<string, { num_cells: number; num_cells_by_type: Record<string, number> }>;
  };
  const s = stat.modules[`\\${top}`] ?? stat.modules[top];
  if (!s) throw new Error(`synthStats: module '${top}' missing from stat -json`);
  const net = JSON.parse(netJson) as { modules: Record<string, JsonModule> };
  const m = net.modules[top];
  if (!m) throw new Error(`synthStats: module '${top}' missing from write_json`);
  return { cells: s.num_cells, cellsByType: s.num_cells_by_type, depth: logicDepth(m) };
}

export async function synthStats(
  files: Readonly<Record<string, string>>,
  top: string,
  params?: DesignRef['params'],
): Promise<SynthStats> {
  const names = Object.keys(files).filter((n) => /\.s?v$/.test(n));
  const chparam = Object.entries(params ?? {})
    .map(([k, v]) => ` -chparam ${k} ${v}`)
    .join('');
  const read = `read_verilog ${names.map((n) => `"${n}"`).join(' ')}\nhierarchy -check -top ${top}${chparam}`;
  const t0 = performance.now();
  const script = [
    read,
    `synth -flatten -top ${top}`,
    'tee -q -o generic.stat.json stat -json',
    'write_json generic.json',
    'design -reset',
    read,
    `synth_ice40 -top ${top}`,
    'tee -q -o ice40.stat.json stat -json',
    'write_json ice40.json',
  ].join('\n');
  const r = await yosys(script, { ...files });
  const f = (n: string) => {
    const t = r.files[n];
    if (t === undefined) throw new Error(`synthStats: yosys wrote no ${n}`);
    return t;
  };
  const generic = netlistStats(f('generic.stat.json'), f('generic.json'), top);
  const ice = netlistStats(f('ice40.stat.json'), f('ice40.json'), top);
  const count = (re: RegExp) =>
    Object.entries(ice.cellsByType)
      .filter(([t]) => re.test(t))
      .reduce((a, [, n]) => a + n, 0);
  return {
    top,
    generic,
    ice40: { ...ice, luts: count(/^SB_LUT4$/), carries: count(/^SB_CARRY$/), ffs: count(/^SB_DFF/) },
    ms: performance.now() - t0,
  };
}
