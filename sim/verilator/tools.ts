// Locating the external HDL tools and turning "not installed" into one clear error.
import { execFileSync } from 'node:child_process';

export type ToolName = 'verilator' | 'iverilog';

const INSTALL: Record<ToolName, { label: string; pkg: string }> = {
  verilator: { label: 'Verilator', pkg: 'verilator' },
  iverilog: { label: 'Icarus Verilog (iverilog)', pkg: 'iverilog' },
};

/** The error thrown when a tool binary cannot be started. */
export function toolMissingError(tool: ToolName): Error {
  const { label, pkg } = INSTALL[tool];
  return new Error(`${label} not found: install it with \`apt-get install ${pkg}\`, or use --engine builtin`);
}

const versionCache = new Map<string, string | null>();

/** The tool versions this thread has asked for (to hand to a worker thread: rememberToolVersions). */
export const toolVersionsKnown = (): [string, string | null][] => [...versionCache];

/** Versions another thread found (toolVersionsKnown), so this one does not run the tools again. */
export function rememberToolVersions(known: readonly (readonly [string, string | null])[]): void {
  for (const [k, v] of known) if (!versionCache.has(k)) versionCache.set(k, v);
}

/** First line of `<bin> --version` (`-V` for iverilog), or null if it cannot run. */
export function toolVersion(tool: ToolName, bin: string = tool): string | null {
  const key = `${tool}\0${bin}`;
  if (!versionCache.has(key)) {
    let v: string | null = null;
    try {
      const out = execFileSync(bin, [tool === 'iverilog' ? '-V' : '--version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      v = out.split('\n')[0]!.trim();
    } catch (e) {
      // iverilog -V exits non-zero when given no input file but still prints its version.
      const out = (e as { stdout?: string }).stdout;
      const code = (e as { code?: string }).code;
      if (code !== 'ENOENT' && code !== 'EACCES' && typeof out === 'string' && out.trim())
        v = out.split('\n')[0]!.trim();
    }
    versionCache.set(key, v);
  }
  return versionCache.get(key)!;
}

/** Version string of a tool, or throw the install hint. */
export function requireTool(tool: ToolName, bin: string = tool): string {
  const v = toolVersion(tool, bin);
  if (v === null) throw toolMissingError(tool);
  return v;
}

/** True when `verilator --version` runs. */
export function verilatorAvailable(bin = 'verilator'): boolean {
  return toolVersion('verilator', bin) !== null;
}

/** True when `iverilog -V` runs. */
export function iverilogAvailable(bin = 'iverilog'): boolean {
  return toolVersion('iverilog', bin) !== null;
}
