// Dead-assignment removal over generated lines. Every right-hand side the generator writes is
// side-effect free (arithmetic, typed-array reads), so a local that is only ever assigned is
// dead, and so is everything computed only for it. V8 keeps typed-array loads (they carry a
// bounds check), so an unused input word loaded in a batch loop is real work without this.

/** Generated locals: s<sig>_<word>, e<expr>_<word>, n…, t…, g…, h…_…_… (never I0/O0/S/k/it). */
const LOCAL = /\b[a-z]\d+(?:_\d+)*\b/g;
const ASSIGN = /^\s*([a-z]\d+(?:_\d+)*) = (.*);$/;

export function localsIn(lines: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const l of lines) for (const m of l.matchAll(LOCAL)) seen.add(m[0]);
  return [...seen];
}

export function removeDeadAssignments(lines: readonly string[]): string[] {
  // Liveness by reader counts: an assignment whose target nobody reads is dropped, which may
  // leave the locals it read without readers in turn (worklist, linear in the code size).
  const target: (string | undefined)[] = [];
  const uses: Set<string>[] = [];
  const readers = new Map<string, number>();
  const defs = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const a = ASSIGN.exec(l);
    const t = a?.[1];
    target.push(t);
    const u = new Set<string>();
    for (const m of (a ? a[2]! : l).matchAll(LOCAL)) u.add(m[0]);
    uses.push(u);
    for (const x of u) readers.set(x, (readers.get(x) ?? 0) + 1);
    if (t !== undefined) {
      let d = defs.get(t);
      if (!d) defs.set(t, (d = []));
      d.push(i);
    }
  });
  const alive = new Uint8Array(lines.length).fill(1);
  const work = [...defs.keys()].filter((t) => !readers.get(t));
  while (work.length) {
    const t = work.pop()!;
    for (const i of defs.get(t)!) {
      if (!alive[i]) continue;
      alive[i] = 0;
      for (const u of uses[i]!) {
        const n = readers.get(u)! - 1;
        readers.set(u, n);
        if (n === 0 && defs.has(u)) work.push(u);
      }
    }
  }
  return lines.filter((_, i) => alive[i]);
}
