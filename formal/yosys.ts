// One Yosys (WASM) runner per process. Measured on this machine (bench/formal/run.ts): the
// @yowasp/yosys Application compiles its WASM modules once and keeps them (`resourceData`), and
// each `runYosys` call only instantiates a fresh instance (fresh memory, no design carried over).
// So there is no process to keep alive; what matters is calling it in the same Node process and
// never in parallel (runs are CPU bound and synchronous inside; a queue keeps logs unmixed).
import { runYosys, Exit } from '@yowasp/yosys';

export interface YosysResult {
  /** The whole log (stdout + stderr in order), with this runner's command markers removed. */
  readonly stdout: string;
  /** Files the script wrote (paths relative to the work directory), input files excluded. */
  readonly files: Record<string, string>;
  /** Wall time of this call in ms (queue wait excluded). */
  readonly ms: number;
}

/** A Yosys run that exited non-zero: names the failing script command and the log tail. */
export class YosysError extends Error {
  constructor(
    /** The top-level script command that was running when Yosys stopped ('' if unknown). */
    readonly command: string,
    /** The 1-based index of that command in the script (0 if unknown). */
    readonly commandIndex: number,
    /** The `ERROR: ...` lines of the log (may be empty). */
    readonly errors: readonly string[],
    readonly logTail: string,
    readonly log: string,
    readonly files: Record<string, string>,
  ) {
    super(
      `yosys failed in command ${commandIndex} \`${command}\`` +
        (errors.length ? `: ${errors.join(' | ')}` : '') +
        `\n--- log tail ---\n${logTail}`,
    );
    this.name = 'YosysError';
  }
}

const MARK = '__VTI_YOSYS_CMD__';
const SCRIPT = '__vti_script.ys';

/** Splits a script into top-level commands (newlines and `;`; `#` starts a comment). */
export function splitScript(script: string): string[] {
  const cmds: string[] = [];
  for (const line of script.split('\n')) {
    const code = line.replace(/#.*$/, '');
    for (const c of code.split(';')) {
      const t = c.trim();
      if (t) cmds.push(t);
    }
  }
  return cmds;
}

type Tree = { [name: string]: Tree | string | Uint8Array };

function flatten(tree: Tree, prefix: string, out: Record<string, string>): void {
  for (const [name, v] of Object.entries(tree)) {
    const p = prefix + name;
    if (typeof v === 'string') out[p] = v;
    else if (v instanceof Uint8Array) out[p] = new TextDecoder().decode(v);
    else flatten(v, p + '/', out);
  }
}

function toTree(files: Record<string, string>): Tree {
  const root: Tree = {};
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split('/');
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      const next = dir[part];
      if (next === undefined || typeof next === 'string' || next instanceof Uint8Array) dir = dir[part] = {};
      else dir = next;
    }
    dir[parts[parts.length - 1]!] = text;
  }
  return root;
}

function outputs(tree: Tree, inputs: Record<string, string>): Record<string, string> {
  const all: Record<string, string> = {};
  flatten(tree, '', all);
  const out: Record<string, string> = {};
  for (const [p, v] of Object.entries(all)) {
    if (p === SCRIPT || p.startsWith('tmp/')) continue;
    if (p in inputs && inputs[p] === v) continue;
    out[p] = v;
  }
  return out;
}

let queue: Promise<unknown> = Promise.resolve();
let calls = 0;

/** Number of Yosys runs started in this process (the first one pays the WASM compile). */
export function yosysCallCount(): number {
  return calls;
}

/**
 * Runs a Yosys script (commands separated by newlines or `;`) on an in-memory file tree.
 * Calls are queued: one runs at a time. Throws YosysError on a non-zero exit.
 */
export function yosys(script: string, files: Record<string, string>): Promise<YosysResult> {
  const run = queue.then(() => runOnce(script, files));
  queue = run.catch(() => undefined);
  return run;
}

async function runOnce(script: string, files: Record<string, string>): Promise<YosysResult> {
  const cmds = splitScript(script);
  // A `log` marker before each command tells us which one was running when Yosys stopped.
  const body = cmds.map((c, i) => `log ${MARK}${i + 1}\n${c}`).join('\n') + '\n';
  const chunks: string[] = [];
  const dec = new TextDecoder();
  const sink = (b: Uint8Array | null) => {
    if (b) chunks.push(dec.decode(b, { stream: true }));
  };
  calls++;
  const t0 = performance.now();
  let tree: Tree;
  let failure: Exit | null = null;
  try {
    tree = (await runYosys(['-Q', '-T', '-s', SCRIPT], toTree({ ...files, [SCRIPT]: body }), {
      stdout: sink,
      stderr: sink,
    })) as Tree;
  } catch (e) {
    if (!(e instanceof Exit)) throw e;
    failure = e;
    tree = (e.files ?? {}) as Tree;
  }
  const ms = performance.now() - t0;
  const raw = chunks.join('');
  let last = 0;
  const log = raw
    .split('\n')
    .filter((line) => {
      const m = line.indexOf(MARK);
      if (m < 0) return true;
      last = Number(line.slice(m + MARK.length));
      return false;
    })
    .join('\n');
  const out = outputs(tree, files);
  if (failure) {
    const lines = log.trimEnd().split('\n');
    const errors = lines.filter((l) => /(^|: )ERROR: /.test(l)).map((l) => l.replace(/(^|: )ERROR: /, '$1').trim());
    throw new YosysError(cmds[last - 1] ?? '', last, errors, lines.slice(-25).join('\n'), log, out);
  }
  return { stdout: log, files: out, ms };
}

/** The induction length at which Yosys closed the proof (last "Trying induction with length N"). */
export function inductionLength(log: string): number {
  const ks = [...log.matchAll(/Trying induction with length (\d+)/g)].map((m) => Number(m[1]));
  return ks.length ? ks[ks.length - 1]! : 1;
}
