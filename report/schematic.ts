// Schematics: each module is read by Yosys (`proc; opt; clean`: coarse cells, no techmap), its
// netlist written with `write_json` and laid out by netlistsvg (ELK layered layout, run in
// process from the elkjs bundle that netlistsvg ships: no network, no browser). Child modules
// of vti_core stay as instance boxes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { yosys } from '../formal/yosys.js';
import type { Cache } from './cache.js';

const require = createRequire(import.meta.url);

interface NetlistSvg {
  render(skin: string, netlist: unknown): Promise<string>;
}

/** The Yosys script that turns the module into the netlist the schematic shows. */
export function schematicScript(files: readonly string[], top: string): string {
  return [
    `read_verilog ${files.map((f) => `"${f}"`).join(' ')}`,
    `hierarchy -check -top ${top}`,
    'proc',
    'opt',
    'clean',
    'write_json netlist.json',
  ].join('\n');
}

let skinText: string | undefined;
/** netlistsvg's default skin with a cheaper ELK setting: thoroughness 1 lays out vti_psr in
 * about a quarter of the default's time with the same picture size. */
export function skin(): string {
  if (skinText === undefined) {
    const base = readFileSync(require.resolve('netlistsvg/lib/default.svg'), 'utf8');
    skinText = base.replace(
      /org\.eclipse\.elk\.layered\.layering\.strategy\s*=\s*"LONGEST_PATH"/,
      '$& org.eclipse.elk.layered.thoroughness="1"',
    );
  }
  return skinText;
}

export function netlistsvgVersion(): string {
  return (JSON.parse(readFileSync(require.resolve('netlistsvg/package.json'), 'utf8')) as { version: string }).version;
}

export interface Schematic {
  readonly svg: string;
  readonly cells: number;
  readonly cached: boolean;
  readonly ms: number;
}

export async function yosysNetlist(
  files: Readonly<Record<string, string>>,
  top: string,
): Promise<{ modules: Record<string, { cells: Record<string, unknown>; attributes?: Record<string, unknown> }> }> {
  const names = Object.keys(files).filter((f) => /\.s?v$/.test(f));
  const r = await yosys(schematicScript(names, top), { ...files });
  const text = r.files['netlist.json'];
  if (text === undefined) throw new Error(`schematic of ${top}: yosys wrote no netlist.json`);
  const json = JSON.parse(text) as {
    modules: Record<string, { cells: Record<string, unknown>; attributes?: Record<string, unknown> }>;
  };
  // Keep only the top module (children are drawn as boxes; netlistsvg draws one module).
  const m = json.modules[top];
  if (!m) throw new Error(`schematic of ${top}: module missing from the Yosys netlist`);
  return { modules: { [top]: { ...m, attributes: { ...m.attributes, top: '00000000000000000000000000000001' } } } };
}

export async function schematic(
  files: Readonly<Record<string, string>>,
  top: string,
  cache: Cache,
): Promise<Schematic> {
  const t0 = performance.now();
  const names = Object.keys(files)
    .filter((f) => /\.s?v$/.test(f))
    .sort();
  const key = [
    'schematic-v2',
    top,
    netlistsvgVersion(),
    skin(),
    schematicScript(names, top),
    ...names.flatMap((n) => [n, files[n]!]),
  ];
  const r = await cache.text('schematic', key, async () => {
    const netlist = await yosysNetlist(files, top);
    const lib = require('netlistsvg') as NetlistSvg;
    const svg = await lib.render(skin(), netlist);
    if (typeof svg !== 'string' || !svg.includes('<svg'))
      throw new Error(`schematic of ${top}: netlistsvg produced no SVG (layout failed)`);
    return JSON.stringify({ cells: Object.keys(netlist.modules[top]!.cells).length, svg });
  });
  const v = JSON.parse(r.value) as { cells: number; svg: string };
  return { svg: v.svg, cells: v.cells, cached: r.hit, ms: performance.now() - t0 };
}
