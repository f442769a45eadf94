// Runs an ELF on HP's Ski (the batch front end bski) one instruction at a time and parses the
// state it prints after every step into StepStates. Ski itself is never part of the
// repository: the caller names the binary (SKI=/path/to/bski in the scripts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ProgramConfig, skiFlags } from './program-config.js';
import {
  ARS,
  CRS,
  CRS_AT_INTERRUPTION,
  frImage,
  frNumbers,
  GR_NUMBERS,
  hex,
  normalise,
  type StepState,
} from './step-state.js';

/** How a run ended: the program halted, the step limit was reached, or the simulator stopped. */
export type RunEnd = 'halted' | 'limit' | `error: ${string}`;

export interface RunResult {
  readonly steps: StepState[];
  readonly end: RunEnd;
}

// bski accepts at most 64 arguments per command: each eval line stays well below that.
const EVAL_CHUNK = 40;

/** Ski's expression for each register; the parser reads them back in the same order. With
 *  `frTop`, also f2..frTop (sign, exponent, significand of the spill image) and FPSR. */
export function evalExpressions(frTop?: number): string[] {
  return [
    'ip',
    '$faults$',
    '$exited$',
    'psr',
    'cfm',
    ...GR_NUMBERS.map((r) => `r${r}`),
    ...GR_NUMBERS.map((r) => `r${r}.nat`),
    ...Array.from({ length: 63 }, (_, i) => `p${i + 1}`),
    ...Array.from({ length: 8 }, (_, i) => `b${i}`),
    ...CRS,
    ...CRS_AT_INTERRUPTION,
    ...Object.values(ARS).map((n) => `ar${n}`),
    ...frNumbers(frTop).flatMap((f) => [`f${f}.s`, `f${f}.e`, `f${f}.m`]),
    ...(frTop === undefined ? [] : ['ar40']),
  ];
}

function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** The bski command file: step, print the state, stop at the halt or after maxSteps steps. */
export function commandFile(maxSteps: number, frTop?: number): string {
  const evals = chunks(evalExpressions(frTop), EVAL_CHUNK).map((c) => `eval ${c.join(' ')}`);
  return [
    'loop:',
    'step',
    ...evals,
    'if $exited$ goto done',
    // Numbers in bski command files are hexadecimal.
    `if $insts$>=${maxSteps.toString(16)} goto done`,
    'goto loop',
    'done:',
    'quit',
    '',
  ].join('\n');
}

const LINE = /^(\S+) = ([0-9a-fA-F]+)$/;

const IVT_SIZE = 0x8000n;
/** The entry offsets of the vector table: 20 entries of 0x400 bytes, then 0x100-byte ones. */
const isVectorEntry = (offset: bigint) =>
  offset >= 0n && offset < IVT_SIZE && offset % (offset < 0x5000n ? 0x400n : 0x100n) === 0n;

/**
 * Whether a step delivered an interruption. Ski's $faults$ counts faults but not traps (the
 * Unimplemented Instruction Address trap leaves it alone), so a step that lands on a vector
 * entry from outside the table counts too; the programs never branch into the table.
 */
function interruptionTaken(faultsGrew: boolean, prevIp: bigint | null, ip: bigint, iva: bigint): boolean {
  if (faultsGrew) return true;
  const inTable = (a: bigint) => a >= iva && a < iva + IVT_SIZE;
  return isVectorEntry(ip - iva) && (prevIp === null || !inTable(prevIp));
}

/** Parses bski's `name = value` lines (stderr) into one StepState per step. */
export function parseSkiOutput(text: string, frTop?: number): StepState[] {
  const exprs = evalExpressions(frTop);
  const values: [string, string][] = [];
  for (const line of text.split('\n')) {
    const m = LINE.exec(line.trim());
    if (m) values.push([m[1]!, m[2]!]);
  }
  const steps: StepState[] = [];
  let faults = 0;
  let prevIp: bigint | null = null;
  for (let at = 0; at + exprs.length <= values.length; at += exprs.length) {
    const raw = new Map<string, bigint>();
    exprs.forEach((e, i) => {
      const [name, v] = values[at + i]!;
      if (name !== e) throw new Error(`unexpected bski output: '${name}' where '${e}' was expected`);
      // The $...$ counters print in decimal, registers in hexadecimal.
      raw.set(e, e.startsWith('$') ? BigInt(Number.parseInt(v, 10)) : BigInt('0x' + v));
    });
    const get = (e: string) => raw.get(e)!;
    const nowFaults = Number(get('$faults$'));
    // Ski prints ip (and iipa) as bundle + 4 * slot.
    const ip = get('ip');
    let nat = 0n;
    for (const r of GR_NUMBERS) nat |= get(`r${r}.nat`) << BigInt(r);
    let pr = 1n;
    for (let p = 1; p < 64; p++) pr |= get(`p${p}`) << BigInt(p);
    const regs: Record<string, string> = { psr: hex(get('psr')), cfm: hex(get('cfm')) };
    for (const r of GR_NUMBERS) regs[`r${r}`] = hex(get(`r${r}`));
    regs.nat = hex(nat);
    regs.pr = hex(pr);
    for (let b = 0; b < 8; b++) regs[`b${b}`] = hex(get(`b${b}`));
    for (const c of CRS) regs[c] = hex(get(c));
    for (const c of CRS_AT_INTERRUPTION) regs[c] = hex(c === 'iipa' ? get(c) & ~0xfn : get(c));
    for (const [name, n] of Object.entries(ARS)) regs[name] = hex(get(`ar${n}`));
    for (const f of frNumbers(frTop)) regs[`f${f}`] = frImage(get(`f${f}.s`), get(`f${f}.e`), get(`f${f}.m`));
    if (frTop !== undefined) regs.fpsr = hex(get('ar40'));
    steps.push(
      normalise({
        ip: hex(ip & ~0xfn),
        slot: Number((ip & 0xfn) >> 2n),
        interrupted: interruptionTaken(nowFaults > faults, prevIp, ip, get('iva')),
        halted: get('$exited$') !== 0n,
        regs,
      }),
    );
    faults = nowFaults;
    prevIp = ip;
  }
  return steps;
}

/** Runs `elf` on bski for at most maxSteps steps, with the program's address lengths. */
export function runSki(ski: string, elf: string, maxSteps: number, cfg: ProgramConfig = {}): RunResult {
  const dir = mkdtempSync(join(tmpdir(), 'vti-ski-'));
  try {
    const cmd = join(dir, 'steps.cmd');
    writeFileSync(cmd, commandFile(maxSteps, cfg.fr));
    const r = spawnSync(ski, ['-noconsole', ...skiFlags(cfg), '-i', cmd, elf], {
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 1 << 28,
    });
    if (r.error) throw new Error(`cannot run Ski (${ski}): ${r.error.message}`);
    const steps = parseSkiOutput(r.stderr, cfg.fr);
    const last = steps.at(-1);
    const end: RunEnd = last?.halted
      ? 'halted'
      : steps.length >= maxSteps
        ? 'limit'
        : `error: bski exited with ${r.status}: ${r.stderr
            .split('\n')
            .filter((l) => !LINE.test(l.trim()))
            .join(' ')
            .trim()}`;
    return { steps, end };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
