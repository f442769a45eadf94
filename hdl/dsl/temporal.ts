// One-cycle temporal operators for properties (and logic): the value of a signal one clock
// earlier, and its rising edge, falling edge or stability since then. They act on the module
// being defined and need its clock (created on first use, like registers).
import { currentModule } from './module.js';
import type { Bit, Value } from './value.js';

/** `v` one clock cycle earlier. */
export function past<W extends number>(v: Value<W>): Value<W> {
  return currentModule().past(v);
}

/** 1 when the 1-bit `v` went from 0 to 1 at this edge. */
export function rose(v: Value): Bit {
  return v.and(past(v).not()).asBit();
}

/** 1 when the 1-bit `v` went from 1 to 0 at this edge. */
export function fell(v: Value): Bit {
  return v.not().and(past(v)).asBit();
}

/** 1 when `v` holds the value it held one cycle earlier. */
export function stable(v: Value): Bit {
  return v.eq(past(v));
}
