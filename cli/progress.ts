// A one-line progress bar on stderr for runs longer than a second (silent when stderr is not
// a terminal, so logs and CI output stay clean).
export function progressBar(label: string): { update(done: number, total: number): void; done(): void } {
  const tty = process.stderr.isTTY === true;
  const start = Date.now();
  let shown = false;
  return {
    update(done, total) {
      if (!tty || Date.now() - start < 1000) return;
      shown = true;
      const frac = total ? Math.min(1, done / total) : 0;
      const width = 30;
      const bar = '#'.repeat(Math.round(frac * width)).padEnd(width, '.');
      process.stderr.write(`\r${label} [${bar}] ${(frac * 100).toFixed(0).padStart(3)}%`);
    },
    done() {
      if (shown) process.stderr.write('\r' + ' '.repeat(label.length + 40) + '\r');
    },
  };
}

/** Renders rows as an aligned text table (first and `left` columns left-aligned, the rest right-aligned). */
export function table(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  left: readonly number[] = [],
): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 || left.includes(i) ? c.padEnd(w[i]!) : c.padStart(w[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), w.map((x) => '-'.repeat(x)).join('  '), ...rows.map(line)].join('\n') + '\n';
}
