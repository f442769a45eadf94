// The project's Yosys lint gate for every generated module (blocks.md "Common rules"):
//   read_verilog <all files>; hierarchy -check -top <top>; proc; check -assert
// plus one project rule on top: `proc` must not infer a latch (every block is either purely
// combinational or clocked on `clk`; a latch is always an incomplete assignment).
// Problems come back located (file:line) where Yosys knows the place: parser errors carry it,
// and for `check` warnings about a wire we look the wire's `src` attribute up in write_json.
//
// The gate writes no file that grows with the design: the WASM runtime's file system copies a
// whole file on every write (@yowasp/yosys WriteStream), so a 30 MB write_json of a 16384-input
// tree took 25 s of the gate's 35 s and the 65536-input tree's never finished. Latches are found
// by dumping only the latch cells (RTLIL `dump`, empty for a clean design), and the netlist
// that locates `check` warnings is written only when `check` has failed, in a second run.
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
const LATCH_OUT = 'latches.il';
/** The cell types the latch rule rejects: Yosys's latches and SR flip-flops, coarse and fine. */
const LATCH_TYPE = /^\$_?(dlatch|DLATCH|sr|SR|dlatchsr)/;
/** A selection of every cell whose type LATCH_TYPE matches. */
const LATCH_SELECTION = ['dlatch', 'DLATCH', 'sr', 'SR'].flatMap((t) => [`t:$${t}*`, `t:$_${t}*`]).join(' ');

interface JsonNet {
  attributes?: { src?: string };
}
interface JsonModule {
  netnames?: Record<string, JsonNet>;
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

/** The latch cells of an RTLIL `dump -m`: module, cell type, cell name and its src attribute. */
function latchCells(rtlil: string): { mod: string; type: string; name: string; src?: string }[] {
  const out: { mod: string; type: string; name: string; src?: string }[] = [];
  const publicName = (id: string) => (id.startsWith('\\') ? id.slice(1) : id);
  let mod = '';
  let src: string | undefined;
  for (const raw of rtlil.split('\n')) {
    const line = raw.trim();
    const attr = /^attribute \\src "((?:[^"\\]|\\.)*)"$/.exec(line);
    if (attr) {
      src = attr[1]!.replace(/\\(.)/g, '$1');
      continue;
    }
    if (line.startsWith('attribute ')) continue;
    const m = /^module (\S+)$/.exec(line);
    if (m) mod = publicName(m[1]!);
    const c = /^cell (\S+) (\S+)$/.exec(line);
    if (c && LATCH_TYPE.test(c[1]!)) out.push({ mod, type: c[1]!, name: publicName(c[2]!), ...(src ? { src } : {}) });
    src = undefined;
  }
  return out;
}

export async function yosysGate(files: Readonly<Record<string, string>>, top: string): Promise<GateResult> {
  const names = Object.keys(files).filter((n) => /\.s?v$/.test(n));
  if (names.length === 0) throw new Error(`yosysGate('${top}'): no .v files given`);
  if (!/^[A-Za-z_][\w$]*$/.test(top)) throw new Error(`yosysGate: top '${top}' is not a Verilog identifier`);
  const elaborate = [`read_verilog ${names.map((n) => `"${n}"`).join(' ')}`, `hierarchy -check -top ${top}`, 'proc'];
  const script = [...elaborate, `dump -m -o ${LATCH_OUT} ${LATCH_SELECTION}`, 'check -assert'].join('\n');
  let log: string;
  let latches: string | undefined;
  const problems: GateProblem[] = [];
  try {
    const r = await yosys(script, { ...files });
    log = r.stdout;
    latches = r.files[LATCH_OUT];
  } catch (e) {
    if (!(e instanceof YosysError)) throw e;
    log = e.log;
    latches = e.files[LATCH_OUT];
    const stage = stageOf(e.command);
    if (stage === 'check') {
      // Only now is the netlist needed (to locate the wires the warnings name); a second run
      // elaborates again up to `proc`, as the first did, and writes it.
      const netlist = await yosys([...elaborate, `write_json ${JSON_OUT}`].join('\n'), { ...files });
      const json = netlist.files[JSON_OUT];
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
  for (const c of latchCells(latches ?? ''))
    problems.push({
      stage: 'latch',
      message: `latch inferred in module ${c.mod} (${c.type} ${c.name}): a signal is not assigned on every path`,
      ...(c.src ? { where: c.src } : {}),
    });
  return { ok: problems.length === 0, problems, log };
}

/** yosysGate that throws GateError listing every problem. */
export async function assertYosysGate(files: Readonly<Record<string, string>>, top: string): Promise<void> {
  const r = await yosysGate(files, top);
  if (!r.ok) throw new GateError(top, r.problems);
}
