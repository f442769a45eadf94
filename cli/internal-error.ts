// A bug in `vti` (anything that is neither a usage error, a user error nor a file-system error)
// prints one line and saves the stack trace with the command line to a report file under the
// OS temporary folder, so the user has something to attach to a bug report: exit code 70.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';

export const INTERNAL_ERROR_EXIT = 70;

/** Writes the report and returns the one line to print. */
export function reportInternalError(argv: readonly string[], e: unknown): string {
  const message = e instanceof Error ? `${e.name}: ${e.message}` : `thrown ${typeof e}`;
  const file = join(
    tmpdir(),
    `vti-internal-error-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.txt`,
  );
  const text =
    `vti ${argv.join(' ')}\n` +
    `node ${process.version} on ${process.platform}-${process.arch}, cwd ${process.cwd()}\n\n` +
    `${e instanceof Error ? (e.stack ?? message) : inspect(e, { depth: 4 })}\n`;
  try {
    writeFileSync(file, text);
    return `vti: internal error (a bug): ${firstLine(message)}; the stack trace is in ${file} — please report it`;
  } catch {
    return `vti: internal error (a bug): ${firstLine(message)}; please report it with this stack trace:\n${text}`;
  }
}

const firstLine = (s: string) => s.split('\n')[0]!.slice(0, 300);
