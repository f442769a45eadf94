// Bundle types applied to plain values: read the named fields of any vector laid out as a
// bundle (a CR holding a saved PSR, a next-state value), and build a copy with one field
// replaced — so logic names fields instead of bit numbers.
import { callerLoc } from './loc.js';
import { cat } from './ops.js';
import { fieldView } from './signal.js';
import type { BundleType } from './types.js';
import type { Value } from './value.js';

function checkWidth(t: BundleType, v: Value): void {
  if (v.width !== t.width)
    v.mod.problem(`bundle '${t.name}' is ${t.width} bits, the value ${v.width} bits`, callerLoc());
}

/** The fields of `v` read through bundle type `t` (`fieldsOf(PsrBundle, ipsr).ri`). */
export function fieldsOf<F extends string>(t: BundleType<F>, v: Value): Readonly<Record<F, Value>> {
  checkWidth(t, v);
  return fieldView<F>(v, t.fields);
}

/** `v` with field `name` replaced by `x` (a concatenation of the bits around it and `x`). */
export function withField<F extends string>(t: BundleType<F>, v: Value, name: F, x: Value): Value {
  checkWidth(t, v);
  const { lo, width } = t.field[name];
  const hi = lo + width - 1;
  const parts: Value[] = [];
  if (hi < t.width - 1) parts.push(v.bits(t.width - 1, hi + 1));
  parts.push(x);
  if (lo > 0) parts.push(v.bits(lo - 1, 0));
  if (x.width !== width)
    v.mod.problem(`field '${name}' of '${t.name}' is ${width} bits, the value ${x.width} bits`, callerLoc());
  return cat(...parts);
}
