// A deep copy of plain IR data (objects, arrays, primitives) without recursion: structuredClone
// recurses natively and overflows on a statement tree thousands of levels deep (a long
// when/elsewhen chain is one `if` nested in the `else` of the one before). Shared objects stay
// shared in the copy, as with structuredClone.

type Plain = Record<string, unknown> | unknown[];

export function cloneIR<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  const copies = new Map<object, Plain>();
  const shell = (v: object): Plain => (Array.isArray(v) ? new Array(v.length) : {});
  const root = shell(value);
  copies.set(value, root);
  // Work items: an original and its (still empty) copy, filled field by field in key order.
  const stack: [object, Plain][] = [[value, root]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    for (const [k, v] of Object.entries(from)) {
      let c: unknown = v;
      if (typeof v === 'object' && v !== null) {
        let copy = copies.get(v);
        if (!copy) {
          copy = shell(v);
          copies.set(v, copy);
          stack.push([v, copy]);
        }
        c = copy;
      }
      (to as Record<string, unknown>)[k] = c;
    }
  }
  return root as T;
}
