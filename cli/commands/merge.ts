// `vti merge RESULTS...`: shard results (files, or folders of them) into one summary, one
// coverage table and one Markdown report section. Refuses results of another configuration or
// source; names missing and failed shards (exit 1, as for mismatches).
import { readdirSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import type { Command } from '../command.js';
import { UserError } from '../errors.js';
import { makeDir, writeFileAtomic } from '../../cache/atomic-write.js';
import { readResult, ResultError } from '../../regress/result.js';
import { MergeError, Merger, type MergedResult } from '../../regress/merge.js';
import { formatMerged, markdownSection } from '../../regress/format.js';

/** The result files named: a folder stands for its *.json files (not its sub-folders). */
export function resultFiles(args: readonly string[]): string[] {
  const files: string[] = [];
  for (const a of args) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(a);
    } catch {
      throw new UserError(`${a}: no such file or folder`, 2);
    }
    if (st.isDirectory())
      files.push(
        ...readdirSync(a)
          .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
          .sort()
          .map((n) => join(a, n)),
      );
    else files.push(a);
  }
  if (files.length === 0) throw new UserError('no shard results found (give result files or folders holding them)', 2);
  return files;
}

export const command: Command = {
  summary: 'merge shard results (from --shard runs or vti regress) into one summary and coverage table',
  usage: 'RESULT.json|DIR... [--json] [--out FILE] [--markdown FILE]',
  positionals: true,
  flags: {
    json: { type: 'bool', help: 'print the merged result as JSON' },
    out: { type: 'string', metavar: 'FILE', help: 'also write the merged result as JSON to FILE' },
    markdown: {
      type: 'string',
      metavar: 'FILE',
      help: 'also write a Markdown report section to FILE (e.g. $GITHUB_STEP_SUMMARY)',
    },
  },
  async run({ flags, positional }) {
    if (positional.length === 0) throw new UserError('give the shard results to merge (files or folders)', 2);
    const files = resultFiles(positional);
    let merged: MergedResult;
    try {
      // One file at a time: memory stays that of one result plus the sums.
      const m = new Merger();
      for (const f of files) m.add(readResult(f), f);
      merged = m.finish();
    } catch (e) {
      if (e instanceof ResultError || e instanceof MergeError) throw new UserError(e.message);
      throw e;
    }
    const json = JSON.stringify(merged, null, 1) + '\n';
    for (const [flag, text] of [
      ['out', json],
      ['markdown', markdownSection([merged])],
    ] as const) {
      const f = flags[flag] as string | undefined;
      if (f === undefined) continue;
      makeDir(dirname(resolve(f)));
      writeFileAtomic(resolve(f), text);
    }
    process.stdout.write(flags.json ? json : formatMerged(merged));
    return merged.complete && merged.mismatches.length === 0 ? 0 : 1;
  },
};
