// A Verilator build can take a minute (the first one compiles Verilator's runtime; vti_core's
// model is large): silence that long looks like a hang. A build that is still running after
// FIRST_MS says what it is doing, then again every EVERY_MS — one line each (a log, CI, a
// pipe); on a terminal the line is rewritten in place instead. Short builds print nothing.
import type { CacheNotice } from '../../cache/root.js';

const FIRST_MS = 2000;
const EVERY_MS = 5000;

export interface Heartbeat {
  /** What the build does now (verilating, compiling). */
  phase(name: string): void;
  /** The build ended (either way): stop, and clear an in-place line. */
  stop(): void;
}

/**
 * Progress of building `what`. `say` receives whole lines; without it they go to stderr
 * (rewritten in place when stderr is a terminal). `estimateMs`: how long the last build of
 * the same design took, shown as the estimate.
 */
export function heartbeat(what: string, say?: CacheNotice, estimateMs?: number): Heartbeat {
  const t0 = Date.now();
  const tty = !say && process.stderr.isTTY === true;
  let phase = 'starting';
  let shown = false;
  const line = () => {
    const s = Math.round((Date.now() - t0) / 1000);
    const est = estimateMs ? ` of about ${Math.max(1, Math.round(estimateMs / 1000))} s (the last build)` : '';
    return `building ${what}: ${phase}, ${s} s${est}`;
  };
  const tick = () => {
    shown = true;
    if (say) say(line());
    else if (tty) process.stderr.write(`\r${line()}\x1b[K`);
    else process.stderr.write(`vti: ${line()}\n`);
  };
  let timer: NodeJS.Timeout | undefined = setTimeout(() => {
    tick();
    timer = setInterval(tick, EVERY_MS);
    timer.unref();
  }, FIRST_MS);
  timer.unref();
  return {
    phase(name) {
      phase = name;
    },
    stop() {
      clearTimeout(timer);
      clearInterval(timer);
      timer = undefined;
      if (shown && tty) process.stderr.write('\r\x1b[K');
    },
  };
}
