// Time limits of heavy tests scale with the machine's load: a limit is the work's budget on an
// idle machine (milliseconds), multiplied by how many runnable jobs share each core right now
// (1-minute load average / cores, at least 1, at most 8). So four other CPU-bound jobs on two
// cores stretch a 120 s limit to about 300 s instead of failing a test that is merely slower;
// a real hang still ends at the stretched limit.
import { availableParallelism, loadavg } from 'node:os';

/** How much slower than idle this machine runs now (1..8). */
export const SLOWDOWN = Math.min(8, Math.max(1, loadavg()[0]! / availableParallelism()));

/** A test's time limit: `idleMs` of work at today's slowdown. */
export const budget = (idleMs: number): number => Math.round(idleMs * SLOWDOWN);
