// Progress of long work, with an estimate of the time left (from the rate so far). On a
// terminal: a one-line bar on stderr, redrawn, from 2 s on. Elsewhere (a log, CI, a pipe): a
// line every so often (the first after 5 s, then every 15 s), so a long run is never silent.
// When the estimate first exceeds 10 minutes, one line says so (once), on both.
const BAR_AFTER_MS = 2_000;
const FIRST_LINE_AFTER_MS = 5_000;
const LINE_EVERY_MS = 15_000;
/** Beyond this estimate a run says so as soon as it knows. */
export const LONG_RUN_MS = 10 * 60_000;

/** 1h02m, 3m05s, 12s. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** Time left at the rate so far; undefined before anything is done. */
export function estimateLeft(done: number, total: number, elapsedMs: number): number | undefined {
  if (done <= 0 || total <= 0 || elapsedMs <= 0) return undefined;
  return (Math.max(0, total - done) * elapsedMs) / done;
}

export interface ProgressOptions {
  readonly tty?: boolean;
  readonly now?: () => number;
  readonly write?: (s: string) => void;
}

export function progressBar(
  label: string,
  o: ProgressOptions = {},
): { update(done: number, total: number): void; done(): void } {
  const tty = o.tty ?? process.stderr.isTTY === true;
  const now = o.now ?? Date.now;
  const write = o.write ?? ((s: string) => void process.stderr.write(s));
  const start = now();
  let shown = false,
    warned = false,
    nextLine = start + FIRST_LINE_AFTER_MS;
  return {
    update(done, total) {
      const t = now(),
        elapsed = t - start;
      if (elapsed < BAR_AFTER_MS) return;
      const frac = total ? Math.min(1, done / total) : 0;
      const left = estimateLeft(done, total, elapsed);
      const eta = left === undefined ? '' : ` ~${formatDuration(left)} left`;
      if (!warned && left !== undefined && left > LONG_RUN_MS) {
        warned = true;
        write(
          `${tty && shown ? '\n' : ''}vti: ${label}: estimated ${formatDuration(elapsed + left)} in all (more than 10 minutes); Ctrl-C stops it\n`,
        );
      }
      if (tty) {
        shown = true;
        const width = 30;
        const bar = '#'.repeat(Math.round(frac * width)).padEnd(width, '.');
        write(`\r${label} [${bar}] ${(frac * 100).toFixed(0).padStart(3)}%${eta}`.padEnd(label.length + 56));
      } else if (t >= nextLine) {
        shown = true;
        nextLine = t + LINE_EVERY_MS;
        write(
          `vti: ${label}: ${(frac * 100).toFixed(0)}% (${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')})${eta}\n`,
        );
      }
    },
    done() {
      if (!shown) return;
      if (tty) write('\r' + ' '.repeat(label.length + 56) + '\r');
      else write(`vti: ${label}: done in ${formatDuration(now() - start)}\n`);
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
