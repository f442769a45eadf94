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
  let cur = lines.slice();
  for (;;) {
    // A local is live if some line reads it (anything but the target of a plain assignment).
    const live = new Set<string>();
    for (const l of cur) {
      const a = ASSIGN.exec(l);
      for (const m of (a ? a[2]! : l).matchAll(LOCAL)) live.add(m[0]);
    }
    const next = cur.filter((l) => {
      const a = ASSIGN.exec(l);
      return !a || live.has(a[1]!);
    });
    if (next.length === cur.length) return next;
    cur = next;
  }
}
