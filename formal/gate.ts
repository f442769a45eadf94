// The project's Yosys lint gate for every generated module (blocks.md "Common rules"):
//   read_verilog <all files>; hierarchy -check -top <top>; proc; check -assert
// plus one project rule on top: `proc` must not infer a latch (every block is either purely
// combinational or clocked on `clk`; a latch is always an incomplete assignment).
// Problems come back located (file:line) where Yosys knows the place: parser errors carry it,
// and for `check` warnings about a wire we look the wire's `src` attribute up in write_json.
import { yosys, YosysError } from './yosys.js';

export interface GateProblem {
  /** Which step found it. */
  readonly stage: 'read' | 'hierarchy' | 'proc' | 'check' | 'latch';
  /** `file:line` (or `file:line.col-line.col`) when known. */
  readonly where?: string;
  readonly message: string;
}

export interface GateResult {
  readonly ok: boolean;
  readonly problems: readonly GateProblem[];
  readonly log: string;
}

export class GateError extends Error {
  constructor(
    readonly top: string,
    readonly problems: readonly GateProblem[],
  ) {
    super(`yosys gate failed for '${top}':\n` + problems.map((p) => '  ' + formatProblem(p)).join('\n'));
    this.name = 'GateError';
  }
}

export function formatProblem(p: GateProblem): string {
  return `${p.where ? p.where + ': ' : ''}[${p.stage}] ${p.message}`;
}

const JSON_OUT = 'gate.json';

interface JsonNet {
  attributes?: { src?: string };
}
interface JsonCell {
  type: string;
  attributes?: { src?: string };
}
interface JsonModule {
  netnames?: Record<string, JsonNet>;
  cells?: Record<string, JsonCell>;
}

const stageOf = (cmd: string): GateProblem['stage'] =>
  cmd.startsWith('read_verilog')
    ? 'read'
    : cmd.startsWith('hierarchy')
      ? 'hierarchy'
      : cmd === 'proc'
        ? 'proc'
        : 'check';

/** Splits `file:line: message` (Yosys parser style) into its parts. */
function locate(msg: string): { where?: string; message: string } {
  const m = /^([^\s:]+\.s?v:\d+(?:\.\d+-\d+\.\d+)?): (.*)$/.exec(msg);
  return m ? { where: m[1]!, message: m[2]! } : { message: msg };
}

/** The `Warning:` blocks printed by the CHECK pass (a warning line plus its indented lines). */
function checkWarnings(log: string): string[] {
  const start = log.lastIndexOf('Executing CHECK pass');
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of log.slice(start).split('\n')) {
    if (line.startsWith('Warning: ')) out.push(line.slice(9));
    else if (/^\s{2,}\S/.test(line) && out.length) out[out.length - 1] += ' ' + line.trim();
  }
  return out;
}

/** First `<module>.\<wire>` named in a check warning, located through the netlist's src attribute. */
function whereOfWire(msg: string, design: Record<string, JsonModule>): string | undefined {
  const m = /(?:^|\s)([\w$]+)\.\\?([\w$[\]]+)/.exec(msg);
  if (!m) return /source: (\S+)/.exec(msg)?.[1];
  const net = design[m[1]!]?.netnames?.[m[2]!];
  return net?.attributes?.src ?? /source: (\S+)/.exec(msg)?.[1];
}

export async function yosysGate(files: Readonly<Record<string, string>>, top: string): Promise<GateResult> {
  const names = Object.keys(files).filter((n) => /\.s?v$/.test(n));
  if (names.length === 0) throw new Error(`yosysGate('${top}'): no .v files given`);
  if (!/^[A-Za-z_][\w$]*$/.test(top)) throw new Error(`yosysGate: top '${top}' is not a Verilog identifier`);
  const script = [
    `read_verilog ${names.map((n) => `"${n}"`).join(' ')}`,
    `hierarchy -check -top ${top}`,
    'proc',
    `write_json ${JSON_OUT}`,
    'check -assert',
  ].join('\n');
  let log: string;
  let json: string | undefined;
  const problems: GateProblem[] = [];
  try {
    const r = await yosys(script, { ...files });
    log = r.stdout;
    json = r.files[JSON_OUT];
  } catch (e) {
    if (!(e instanceof YosysError)) throw e;
    log = e.log;
    json = e.files[JSON_OUT];
    const stage = stageOf(e.command);
    if (stage === 'check') {
      const design = json ? (JSON.parse(json) as { modules: Record<string, JsonModule> }).modules : {};
      for (const w of checkWarnings(log)) {
        const where = whereOfWire(w, design);
        problems.push({ stage, message: w, ...(where ? { where } : {}) });
      }
    }
    if (problems.length === 0) {
      const errs = e.errors.length ? e.errors : [`yosys stopped in \`${e.command}\``];
      for (const msg of errs) problems.push({ stage, ...locate(msg) });
    }
  }
  if (json) {
    const design = (JSON.parse(json) as { modules: Record<string, JsonModule> }).modules;
    for (const [mod, m] of Object.entries(design)) {
      for (const [name, c] of Object.entries(m.cells ?? {})) {
        if (!/^\$_?(dlatch|DLATCH|sr|SR|dlatchsr)/.test(c.type)) continue;
        const src = c.attributes?.src;
        problems.push({
          stage: 'latch',
          message: `latch inferred in module ${mod} (${c.type} ${name}): a signal is not assigned on every path`,
          ...(src ? { where: src } : {}),
        });
      }
    }
  }
  return { ok: problems.length === 0, problems, log };
}

/** yosysGate that throws GateError listing every problem. */
export async function assertYosysGate(files: Readonly<Record<string, string>>, top: string): Promise<void> {
  const r = await yosysGate(files, top);
  if (!r.ok) throw new GateError(top, r.problems);
}
