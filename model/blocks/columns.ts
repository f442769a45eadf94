// Column layout shared by the batched references and the RTL drivers: one Uint32Array per
// port, ceil(width/32) words per vector, vector i at words [i*W, i*W+W), little-endian word
// order (word 0 = bits 31..0). Bits above `width` in the top word are ignored on input and
// written as 0 on output.

export interface Port {
  readonly name: string;
  readonly width: number;
  /** ceil(width / 32): words per vector. */
  readonly words: number;
}

export type Columns = Record<string, Uint32Array>;

export const port = (name: string, width: number): Port => ({ name, width, words: Math.ceil(width / 32) });

/** Mask of the valid bits of the top word of a `width`-bit value. */
export function topWordMask(width: number): number {
  const r = width % 32;
  return r === 0 ? 0xffffffff : ((1 << r) >>> 0) - 1;
}

/** Checks that every input port has a column long enough for `count` vectors. */
export function checkInputs(block: string, ports: readonly Port[], inputs: Columns, count: number): void {
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`${block}: count must be a non-negative integer, got ${count}`);
  for (const p of ports) {
    const col = inputs[p.name];
    if (!(col instanceof Uint32Array))
      throw new Error(`${block}: input column '${p.name}' is missing (expected a Uint32Array)`);
    if (col.length < count * p.words)
      throw new Error(
        `${block}: input column '${p.name}' has ${col.length} words, ${count} vectors need ${count * p.words}`,
      );
  }
}

/** Returns output columns for `count` vectors: the caller's (checked for length) or new ones. */
export function outputColumns(block: string, ports: readonly Port[], count: number, out?: Columns): Columns {
  const res: Columns = out ?? {};
  for (const p of ports) {
    const col = res[p.name];
    if (col === undefined) res[p.name] = new Uint32Array(count * p.words);
    else if (!(col instanceof Uint32Array) || col.length < count * p.words)
      throw new Error(
        `${block}: output column '${p.name}' is too short: ${count} vectors need ${count * p.words} words`,
      );
  }
  return res;
}

export function allocColumns(ports: readonly Port[], count: number): Columns {
  const c: Columns = {};
  for (const p of ports) c[p.name] = new Uint32Array(count * p.words);
  return c;
}

/** Reads vector i of a column as a BigInt (for scalar references and messages; not hot paths). */
export function getBig(col: Uint32Array, p: Port, i: number): bigint {
  let v = 0n;
  for (let w = p.words - 1; w >= 0; w--) v = (v << 32n) | BigInt(col[i * p.words + w]!);
  return p.width % 32 === 0 ? v : v & ((1n << BigInt(p.width)) - 1n);
}

/** Writes a BigInt into vector i of a column (truncated to the port width). */
export function setBig(col: Uint32Array, p: Port, i: number, v: bigint): void {
  const m = (1n << BigInt(p.width)) - 1n;
  let x = BigInt.asUintN(p.width, v) & m;
  for (let w = 0; w < p.words; w++) {
    col[i * p.words + w] = Number(x & 0xffffffffn);
    x >>= 32n;
  }
}

/** Splits a 64-bit BigInt constant into [lo, hi] uint32 numbers (module-load time only). */
export function split64(v: bigint): [number, number] {
  return [Number(v & 0xffffffffn) >>> 0, Number((v >> 32n) & 0xffffffffn) >>> 0];
}

/** Concatenates several column sets (same ports) into one. */
export function concatColumns(ports: readonly Port[], parts: readonly { inputs: Columns; count: number }[]): Columns {
  const total = parts.reduce((s, p) => s + p.count, 0);
  const res = allocColumns(ports, total);
  for (const p of ports) {
    let at = 0;
    for (const part of parts) {
      res[p.name]!.set(part.inputs[p.name]!.subarray(0, part.count * p.words), at);
      at += part.count * p.words;
    }
  }
  return res;
}
