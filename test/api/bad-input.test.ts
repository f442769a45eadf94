// The bad-input corpus of the library API (issue 15): each row calls one export of the package
// entry (bin/api.js, what `import … from 'vti-hdl'` loads) with one bad input — wrong types,
// out-of-range or non-integer numbers, unknown names, bad configurations, bad paths — and
// expects one clear Error: its own message (the design's list for HdlError), never a TypeError
// or RangeError from deep inside, never a hang, never a silently accepted value. The counts
// are printed for the issue's closing note.
import { describe, expect, it } from 'vitest';
import { API_ROWS } from './bad-input-rows.js';

const api = await import('../../bin/api.js');
const HANG_MS = 10_000;

type Outcome =
  | { readonly kind: 'clear'; readonly message: string }
  | { readonly kind: 'stack trace'; readonly detail: string }
  | { readonly kind: 'hang' }
  | { readonly kind: 'silent' };

/** Errors JavaScript raises by itself deep in the code: the caller would see a stack trace. */
const INTERNAL = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError']);

async function outcome(call: () => unknown): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((r) => {
    timer = setTimeout(() => r('hang'), HANG_MS);
  });
  try {
    const r = await Promise.race([Promise.resolve().then(call), hang]);
    return r === 'hang' ? { kind: 'hang' } : { kind: 'silent' };
  } catch (e) {
    if (!(e instanceof Error) || INTERNAL.has(e.name)) return { kind: 'stack trace', detail: String(e) };
    const lines = e.message.split('\n');
    // An HdlError lists its diagnostics one per line under a one-line summary; any other error is one line.
    const oneLine = e.name === 'HdlError' ? lines.length === 2 : lines.length === 1;
    return oneLine && lines[0] ? { kind: 'clear', message: e.message } : { kind: 'stack trace', detail: e.message };
  } finally {
    clearTimeout(timer);
  }
}

describe('the bad-input corpus of the library API', () => {
  it('answers every row with its clear error (counts printed)', { timeout: HANG_MS * 4 }, async () => {
    const tally = { inputs: 0, 'clear errors': 0, 'stack traces': 0, hangs: 0, 'silent wrong results': 0 };
    const wrong: string[] = [];
    for (const row of API_ROWS) {
      tally.inputs++;
      const o = await outcome(() => row.call(api as never));
      if (o.kind === 'clear') {
        const last = o.message.split('\n').at(-1)!;
        const ok =
          typeof row.message === 'string' ? last === row.message || o.message === row.message : row.message.test(last);
        if (ok) tally['clear errors']++;
        else wrong.push(`${row.name}: unexpected message: ${o.message}`);
      } else {
        tally[o.kind === 'stack trace' ? 'stack traces' : o.kind === 'hang' ? 'hangs' : 'silent wrong results']++;
        wrong.push(`${row.name}: ${o.kind}${o.kind === 'stack trace' ? ` (${o.detail})` : ''}`);
      }
    }
    console.log(`library API bad-input corpus: ${JSON.stringify(tally)}`);
    expect(wrong).toEqual([]);
    expect(tally.inputs).toBeGreaterThanOrEqual(45);
    expect(tally['clear errors']).toBe(tally.inputs);
  });
});
