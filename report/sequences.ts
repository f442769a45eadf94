// The three key sequences of docs/vti_core.md §Timing, driven on vti_core as event columns
// (one event per cycle, outputs sampled after the rising edge that ends it), exactly as
// test/hdl/vti/core.test.ts drives the core. Each sequence lists the lanes to show and the
// facts the trace must show; the report prints whether the real trace showed them.
import { CR } from '../arch/cr.js';
import { ICLASS, type IClassName } from '../arch/iclass.js';
import { portsOf } from '../gen/verilog/index.js';
import { vtiDesign } from '../gen/vti.js';
import { createEngine, type EngineName } from '../sim/engine.js';

export type Event = Record<string, bigint | number>;
export type Sample = Record<string, bigint>;

const bit = (n: number) => 1n << BigInt(n);
export const PSR = {
  ic: bit(13),
  i: bit(14),
  dt: bit(17),
  it: bit(36),
  bn: bit(44),
  vm: bit(46),
  cpl: (c: number) => BigInt(c) << 32n,
  ri: (s: number) => BigInt(s) << 41n,
};
const ev = (k: IClassName, more: Event = {}): Event => ({ ev_valid: 1, iclass: ICLASS[k].code, ...more });

/** One lane of a diagram: a port, or a field of one (bits lo..lo+width-1). */
export interface Lane {
  readonly label: string;
  readonly port: string;
  readonly lo?: number;
  readonly width?: number;
  /** Shown as names (iclass) or hex; 1-bit lanes are drawn as levels. */
  readonly format?: 'iclass' | 'cr' | 'hex' | 'dec';
  /** An input (the event of the cycle) or an output (after the edge). */
  readonly dir: 'in' | 'out';
  /** For inputs: the classes for which the port means something (else drawn as don't-care). */
  readonly only?: readonly IClassName[];
}

export interface Sequence {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly events: readonly Event[];
  /** Column labels (cycle names), one per event. */
  readonly cycles: readonly string[];
  readonly lanes: readonly Lane[];
  /** Facts checked on the trace: description and predicate over the samples. */
  readonly checks: readonly { readonly what: string; readonly ok: (s: readonly Sample[]) => boolean }[];
}

const field = (v: bigint | undefined, lo: number, width: number) =>
  ((v ?? 0n) >> BigInt(lo)) & ((1n << BigInt(width)) - 1n);
const vm = (s: Sample | undefined) => field(s?.psr, 46, 1);

const GUEST_IP = 0x20_0000n,
  HANDLER_IVA = 0xa000_0000_0000_0000n;

export const SEQUENCES: readonly Sequence[] = [
  {
    id: 'vmsw',
    title: '(a) vmsw.0 commit on an ar = 7 page',
    description:
      'The guest (cpl 0, PSR.vm = 1, PSR.it = 1) executes vmsw.0 on a page with access rights 7: PSR.vm drops to 0 at the edge, with no interruption and no redirect.',
    events: [
      { rst: 1 },
      ev('MOV_TO_CR', { cr_num: CR.IPSR, r2: PSR.vm | PSR.it }),
      ev('RFI'),
      ev('OTHER', { ip: GUEST_IP }),
      ev('VMSW', { ip: GUEST_IP + 0x10n, variant: 0, page_ar: 7 }),
      ev('OTHER', { ip: GUEST_IP + 0x20n }),
    ],
    cycles: ['reset', 'mov ipsr', 'rfi', 'k-1', 'k', 'k+1'],
    lanes: [
      { label: 'rst', port: 'rst', dir: 'in' },
      { label: 'ev_valid', port: 'ev_valid', dir: 'in' },
      { label: 'iclass', port: 'iclass', format: 'iclass', dir: 'in' },
      { label: 'variant', port: 'variant', dir: 'in', only: ['VMSW'] },
      { label: 'page_ar', port: 'page_ar', format: 'dec', dir: 'in', only: ['VMSW'] },
      { label: 'psr.vm', port: 'psr', lo: 46, width: 1, dir: 'out' },
      { label: 'psr.cpl', port: 'psr', lo: 32, width: 2, format: 'dec', dir: 'out' },
      { label: 'taken', port: 'taken', dir: 'out' },
      { label: 'redirect', port: 'redirect', dir: 'out' },
      { label: 'completed', port: 'completed', dir: 'out' },
    ],
    checks: [
      { what: 'psr.vm = 1 before vmsw.0 (cycle k-1)', ok: (s) => vm(s[3]) === 1n },
      { what: 'psr.vm = 0 after the edge of cycle k', ok: (s) => vm(s[4]) === 0n && vm(s[5]) === 0n },
      {
        what: 'no interruption, no redirect, vmsw completed',
        ok: (s) => s[4]?.taken === 0n && s[4]?.redirect === 0n && s[4]?.completed === 1n,
      },
    ],
  },
  {
    id: 'virt-fault',
    title: '(b) Virtualization fault dispatch',
    description:
      'The guest kernel (cpl 0, PSR.vm = 1, PSR.ic = 1) executes ssm psr.i: the low-priority Virtualization fault is dispatched to IVA + 0x6100 with IPSR = the guest PSR (vm = 1 kept for the VMM) and IIP = the bundle of the ssm.',
    events: [
      { rst: 1 },
      ev('MOV_TO_CR', { cr_num: CR.IVA, r2: HANDLER_IVA }),
      ev('MOV_TO_CR', { cr_num: CR.IIP, r2: GUEST_IP }),
      ev('MOV_TO_CR', { cr_num: CR.IPSR, r2: PSR.vm | PSR.ic | PSR.it | PSR.dt }),
      ev('RFI'),
      ev('OTHER', { ip: GUEST_IP }),
      ev('SSM', { ip: GUEST_IP + 0x10n, slot: 1, imm: 1 << 14 }),
      ev('OTHER', { ip: HANDLER_IVA | 0x6100n }),
    ],
    cycles: ['reset', 'mov iva', 'mov iip', 'mov ipsr', 'rfi', 'guest', 'k: ssm', 'k+1'],
    lanes: [
      { label: 'iclass', port: 'iclass', format: 'iclass', dir: 'in' },
      { label: 'ip', port: 'ip', format: 'hex', dir: 'in' },
      { label: 'slot', port: 'slot', format: 'dec', dir: 'in' },
      { label: 'psr.vm', port: 'psr', lo: 46, width: 1, dir: 'out' },
      { label: 'psr.ic', port: 'psr', lo: 13, width: 1, dir: 'out' },
      { label: 'taken', port: 'taken', dir: 'out' },
      { label: 'intr_vector', port: 'intr_vector', format: 'hex', dir: 'out' },
      { label: 'redirect', port: 'redirect', dir: 'out' },
      { label: 'next_ip', port: 'next_ip', format: 'hex', dir: 'out' },
      { label: 'ipsr.vm', port: 'ipsr', lo: 46, width: 1, dir: 'out' },
      { label: 'ipsr.ri', port: 'ipsr', lo: 41, width: 2, format: 'dec', dir: 'out' },
      { label: 'iip', port: 'iip', format: 'hex', dir: 'out' },
      { label: 'isr.ei', port: 'isr', lo: 41, width: 2, format: 'dec', dir: 'out' },
    ],
    checks: [
      {
        what: 'taken = 1 with intr_vector = 0x6100 in cycle k',
        ok: (s) => s[6]?.taken === 1n && s[6]?.intr_vector === 0x6100n,
      },
      {
        what: 'next_ip = IVA{63:15} ∥ 0x6100, redirect = 1',
        ok: (s) => s[6]?.redirect === 1n && s[6]?.next_ip === (HANDLER_IVA | 0x6100n),
      },
      {
        what: 'psr.vm = 0, psr.ic = 0 after dispatch; ipsr.vm = 1, ipsr.ri = slot',
        ok: (s) =>
          vm(s[6]) === 0n &&
          field(s[6]?.psr, 13, 1) === 0n &&
          field(s[6]?.ipsr, 46, 1) === 1n &&
          field(s[6]?.ipsr, 41, 2) === 1n,
      },
      {
        what: 'iip = address of the ssm bundle, isr.ei = slot, isr.code = 0',
        ok: (s) => s[6]?.iip === GUEST_IP + 0x10n && field(s[6]?.isr, 41, 2) === 1n && field(s[6]?.isr, 0, 16) === 0n,
      },
    ],
  },
  {
    id: 'rfi',
    title: '(c) rfi into a guest',
    description:
      'The VMM (cpl 0, vm = 0, ic = 0) writes IIP and IPSR (vm = 1, ic = 1, ri = 1) and executes rfi: PSR ← IPSR and the IP is redirected to IIP, slot IPSR.ri.',
    events: [
      { rst: 1 },
      ev('MOV_TO_CR', { cr_num: CR.IIP, r2: GUEST_IP + 0x40n }),
      ev('MOV_TO_CR', { cr_num: CR.IPSR, r2: PSR.vm | PSR.ic | PSR.ri(1) }),
      ev('RFI'),
      ev('OTHER', { ip: GUEST_IP + 0x40n, slot: 1 }),
    ],
    cycles: ['reset', 'k-2', 'k-1', 'k: rfi', 'guest'],
    lanes: [
      { label: 'iclass', port: 'iclass', format: 'iclass', dir: 'in' },
      { label: 'cr_num', port: 'cr_num', format: 'cr', dir: 'in', only: ['MOV_TO_CR'] },
      { label: 'r2', port: 'r2', format: 'hex', dir: 'in', only: ['MOV_TO_CR'] },
      { label: 'psr.vm', port: 'psr', lo: 46, width: 1, dir: 'out' },
      { label: 'psr.ic', port: 'psr', lo: 13, width: 1, dir: 'out' },
      { label: 'psr', port: 'psr', format: 'hex', dir: 'out' },
      { label: 'redirect', port: 'redirect', dir: 'out' },
      { label: 'next_ip', port: 'next_ip', format: 'hex', dir: 'out' },
      { label: 'next_slot', port: 'next_slot', format: 'dec', dir: 'out' },
    ],
    checks: [
      {
        what: 'psr = IPSR (vm = 1, ic = 1, ri = 1) after the rfi',
        ok: (s) => s[3]?.psr === (PSR.vm | PSR.ic | PSR.ri(1)),
      },
      {
        what: 'redirect = 1 to IIP, slot 1',
        ok: (s) => s[3]?.redirect === 1n && s[3]?.next_ip === GUEST_IP + 0x40n && s[3]?.next_slot === 1n,
      },
      { what: 'no redirect during the two mov to CR', ok: (s) => s[1]?.redirect === 0n && s[2]?.redirect === 0n },
    ],
  },
];

export interface Trace {
  readonly sequence: Sequence;
  readonly engine: EngineName;
  /** Inputs as presented in each cycle (missing ports 0). */
  readonly inputs: readonly Sample[];
  /** Outputs after the rising edge ending each cycle. */
  readonly outputs: readonly Sample[];
  /** Width of every port of vti_core. */
  readonly widths: Readonly<Record<string, number>>;
  readonly checks: readonly { readonly what: string; readonly ok: boolean }[];
}

const words = (w: number) => Math.ceil(w / 32);

/** Runs every sequence on one engine instance of vti_core and samples each output per cycle. */
export async function traceSequences(
  engineName: EngineName = 'builtin',
  sequences: readonly Sequence[] = SEQUENCES,
): Promise<Trace[]> {
  const design = vtiDesign('vti_core');
  const top = design.modules.find((m) => m.name === 'vti_core');
  if (!top) throw new Error('vti_core missing from its own design');
  const ports = portsOf(top);
  const ins = ports.filter((p) => p.dir === 'input' && p.name !== 'clk');
  const outs = ports.filter((p) => p.dir === 'output');
  const engine = await createEngine(engineName, design);
  try {
    const traces: Trace[] = [];
    for (const seq of sequences) {
      const n = seq.events.length;
      for (const e of seq.events)
        for (const k of Object.keys(e))
          if (!ins.some((p) => p.name === k)) throw new Error(`sequence ${seq.id}: no input port '${k}' on vti_core`);
      const cols: Record<string, Uint32Array> = {};
      for (const p of ins) {
        const nw = words(p.width),
          c = new Uint32Array(n * nw);
        seq.events.forEach((e, i) => {
          let v = BigInt(e[p.name] ?? 0);
          for (let k = 0; k < nw; k++) {
            c[i * nw + k] = Number(v & 0xffffffffn);
            v >>= 32n;
          }
        });
        cols[p.name] = c;
      }
      const out = await engine.stepBatch(cols, n);
      const read = (col: Uint32Array, w: number, i: number) => {
        let v = 0n;
        for (let k = words(w) - 1; k >= 0; k--) v = (v << 32n) | BigInt(col[i * words(w) + k]!);
        return v;
      };
      const outputs: Sample[] = [],
        inputs: Sample[] = [];
      for (let i = 0; i < n; i++) {
        outputs.push(Object.fromEntries(outs.map((p) => [p.name, read(out[p.name]!, p.width, i)])));
        inputs.push(Object.fromEntries(ins.map((p) => [p.name, read(cols[p.name]!, p.width, i)])));
      }
      traces.push({
        sequence: seq,
        engine: engineName,
        inputs,
        outputs,
        widths: Object.fromEntries(ports.map((p) => [p.name, p.width])),
        checks: seq.checks.map((c) => ({ what: c.what, ok: c.ok(outputs) })),
      });
    }
    return traces;
  } finally {
    await engine.close();
  }
}

export { field };
export const iclassCode = (k: IClassName): number => ICLASS[k].code;
