// Script fragments that load one design into its own Yosys design slot under a fixed module
// name, so two designs whose modules share names (RTL vs its own netlist) can meet in a miter.

export interface DesignRef {
  /** Verilog sources by file name (helper modules in files of their own are fine). */
  readonly files: Readonly<Record<string, string>>;
  readonly top: string;
  /** Top-level parameter overrides (e.g. { VM_IMPLEMENTED: 0 }). */
  readonly params?: Readonly<Record<string, number | string>>;
}

const quote = (s: string) => (/^[\w./+-]+$/.test(s) ? s : `"${s.replace(/"/g, '\\"')}"`);

/** Moves each file under `dir/` so two designs' files never collide in Yosys' file tree. */
export function placeFiles(d: DesignRef, dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(d.files)) out[`${dir}/${name}`] = text;
  return out;
}

function checkName(what: string, s: string): void {
  if (!/^[A-Za-z_][\w$]*$/.test(s)) throw new Error(`${what} '${s}' is not a plain Verilog identifier`);
}

/**
 * Commands that read `d` (files already placed under `dir/`), elaborate and flatten it, rename
 * its top to `as`, and stash it as design `as`. `how` 'rtl' = proc + memory (a case table
 * becomes a ROM in proc_rom, which sat cannot import); 'synth' = generic synth.
 */
export function loadScript(d: DesignRef, dir: string, as: string, how: 'rtl' | 'synth' = 'rtl'): string {
  checkName('top module', d.top);
  const names = Object.keys(d.files).filter((n) => /\.s?v$/.test(n));
  if (names.length === 0) throw new Error(`design '${d.top}': no .v files given`);
  const chparam = Object.entries(d.params ?? {})
    .map(([k, v]) => (checkName('parameter', k), ` -chparam ${k} ${typeof v === 'number' ? v : quote(String(v))}`))
    .join('');
  const elab =
    how === 'synth'
      ? `hierarchy -check -top ${d.top}${chparam}\nsynth -flatten -top ${d.top}`
      : `hierarchy -check -top ${d.top}${chparam}\nproc\nflatten\nmemory`;
  return [
    `design -reset`,
    `read_verilog ${names.map((n) => quote(`${dir}/${n}`)).join(' ')}`,
    elab,
    `rename ${d.top} ${as}`,
    `design -stash ${as}`,
  ].join('\n');
}

export interface PortInfo {
  readonly name: string;
  readonly dir: 'input' | 'output' | 'inout';
  readonly width: number;
}

/**
 * The top's ports after elaboration with its parameters (one small Yosys run). Takes `run` as
 * an argument so this file stays free of the runner (and its import cycle with equiv.ts).
 */
export async function designPorts(
  d: DesignRef,
  run: (script: string, files: Record<string, string>) => Promise<{ files: Record<string, string> }>,
): Promise<PortInfo[]> {
  checkName('top module', d.top);
  const names = Object.keys(d.files)
    .filter((n) => /\.s?v$/.test(n))
    .map((n) => quote(`ports/${n}`));
  const chparam = Object.entries(d.params ?? {})
    .map(([k, v]) => ` -chparam ${k} ${v}`)
    .join('');
  const r = await run(
    `read_verilog ${names.join(' ')}\nhierarchy -check -top ${d.top}${chparam}\nproc\nwrite_json ports.json`,
    placeFiles(d, 'ports'),
  );
  const doc = JSON.parse(r.files['ports.json']!) as {
    modules: Record<string, { ports: Record<string, { direction: PortInfo['dir']; bits: unknown[] }> }>;
  };
  const m = doc.modules[d.top];
  if (!m) throw new Error(`design '${d.top}': top module missing after elaboration`);
  return Object.entries(m.ports).map(([name, p]) => ({ name, dir: p.direction, width: p.bits.length }));
}
