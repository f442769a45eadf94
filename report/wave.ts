// Real simulation traces → WaveJSON (https://wavedrom.com/tutorial.html) → SVG. One column
// per cycle: an input lane shows the event presented in the cycle, an output lane the value
// after the rising edge that ends it. 1-bit lanes are levels; wider lanes are data lanes that
// show a new value only when it changes. Rendered server-side with wavedrom's own renderer.
import { createRequire } from 'node:module';
import { CR } from '../arch/cr.js';
import { ICLASS } from '../arch/iclass.js';
import { field, iclassCode, type Lane, type Trace } from './sequences.js';

export interface WaveSignal {
  readonly name: string;
  readonly wave: string;
  readonly data?: readonly string[];
}
export interface WaveJson {
  readonly signal: readonly (WaveSignal | string | readonly (WaveSignal | string)[])[];
  readonly head?: { readonly text?: string; readonly tick?: number };
  readonly foot?: { readonly text?: string };
  readonly config?: { readonly hscale?: number; readonly skin?: string };
}

const ICLASS_NAME = new Map<number, string>(Object.entries(ICLASS).map(([k, v]) => [v.code, k]));
const CR_NAME = new Map<number, string>(Object.entries(CR).map(([k, v]) => [v, k]));

function show(lane: Lane, v: bigint): string {
  switch (lane.format) {
    case 'iclass':
      return ICLASS_NAME.get(Number(v)) ?? `#${v}`;
    case 'cr':
      return CR_NAME.get(Number(v)) ?? `cr${v}`;
    case 'dec':
      return v.toString(10);
    default:
      return shortHex(v);
  }
}

/** Hex that fits a data cell: more than 10 digits become first 4 … last 4 (full value in the title). */
export function shortHex(v: bigint): string {
  const h = v.toString(16);
  return h.length > 10 ? `0x${h.slice(0, 4)}…${h.slice(-4)}` : `0x${h}`;
}

/** Values of one lane per cycle; undefined = don't care (no event, or a port the class ignores). */
export function laneValues(trace: Trace, lane: Lane): (bigint | undefined)[] {
  const src = lane.dir === 'in' ? trace.inputs : trace.outputs;
  const only = lane.only?.map(iclassCode);
  return src.map((s, i) => {
    const v = s[lane.port];
    if (v === undefined) throw new Error(`trace ${trace.sequence.id}: no port '${lane.port}'`);
    if (lane.dir === 'in' && lane.port !== 'rst' && lane.port !== 'ev_valid') {
      const e = trace.inputs[i]!;
      if (e.ev_valid === 0n || (only && !only.includes(Number(e.iclass)))) return undefined;
    }
    return lane.width === undefined ? v : field(v, lane.lo ?? 0, lane.width);
  });
}

/** One WaveJSON lane from per-cycle values: levels for 1-bit lanes, '=' data otherwise. */
export function waveLane(
  name: string,
  values: readonly (bigint | undefined)[],
  oneBit: boolean,
  fmt: (v: bigint) => string,
): WaveSignal {
  let wave = '';
  const data: string[] = [];
  values.forEach((v, i) => {
    const same = i > 0 && v === values[i - 1];
    if (same) wave += '.';
    else if (v === undefined) wave += 'x';
    else if (oneBit) wave += v ? '1' : '0';
    else {
      wave += '=';
      data.push(fmt(v));
    }
  });
  return oneBit ? { name, wave } : { name, wave, data };
}

export function traceToWaveJson(trace: Trace): WaveJson {
  const seq = trace.sequence;
  const n = seq.events.length;
  const lane = (l: Lane): WaveSignal => {
    const width = l.width ?? trace.widths[l.port];
    if (width === undefined) throw new Error(`trace ${seq.id}: no port '${l.port}' on vti_core`);
    const oneBit = width === 1 && l.format === undefined;
    return waveLane(l.label, laneValues(trace, l), oneBit, (v) => show(l, v));
  };
  const ins = seq.lanes.filter((l) => l.dir === 'in').map(lane);
  const outs = seq.lanes.filter((l) => l.dir === 'out').map(lane);
  return {
    signal: [
      { name: 'clk', wave: 'p' + '.'.repeat(n - 1) },
      { name: 'cycle', wave: '='.repeat(n), data: [...seq.cycles] },
      {},
      ['event (in)', ...ins],
      {},
      ['after the edge (out)', ...outs],
    ] as WaveJson['signal'],
    head: { text: seq.title },
    foot: { text: `vti_core on the ${trace.engine} engine: ${n} cycles` },
    config: { hscale: 3 },
  };
}

const require = createRequire(import.meta.url);
interface WaveDromLib {
  renderAny(index: number, source: unknown, skins: unknown): unknown;
}
interface Onml {
  stringify(tree: unknown, indent?: number): string;
}

/** Renders WaveJSON to a standalone SVG string (index keeps element ids unique in one page). */
export function renderWave(json: WaveJson, index: number): string {
  const lib = require('wavedrom') as WaveDromLib;
  const skins = require('wavedrom/skins/default.js') as Record<string, unknown>;
  const onml = require('onml') as Onml;
  return onml.stringify(lib.renderAny(index, structuredClone(json), skins));
}
