// docs/cli.md carries every command's --help text verbatim, between
// `<!-- help: NAME -->` and `<!-- /help -->` markers, and the test fails when one drifts.
// Regenerate the blocks (the prose around them stays) with:
//   VTI_UPDATE_DOCS=1 npx vitest run test/packaging/docs.test.ts
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { helpText } from '../../cli/args.js';
import type { Command } from '../../cli/command.js';
import { COMMANDS } from '../../cli/main.js';

const DOC = resolve('docs/cli.md');
const update = process.env.VTI_UPDATE_DOCS === '1';
const available = COMMANDS.filter((c) => existsSync(resolve('cli/commands', `${c}.ts`)));

async function helpOf(name: string): Promise<string> {
  if (name === 'vti') {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', '--help'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`vti --help exited ${r.status}: ${r.stderr}`);
    return r.stdout;
  }
  const cmd = ((await import(pathToFileURL(join(resolve('cli/commands'), `${name}.ts`)).href)) as { command: Command })
    .command;
  return helpText(name, cmd.summary, cmd.usage, cmd.flags);
}

const block = (name: string, text: string) =>
  `<!-- help: ${name} -->\n\`\`\`text\n${text.endsWith('\n') ? text : text + '\n'}\`\`\`\n<!-- /help -->`;
const BLOCK = /<!-- help: ([\w-]+) -->\n```text\n([\s\S]*?)```\n<!-- \/help -->/g;

describe('docs/cli.md', () => {
  it('has the --help text of `vti` and of every command, verbatim', async () => {
    let doc = readFileSync(DOC, 'utf8');
    const names = ['vti', ...available];
    const want = new Map<string, string>();
    for (const n of names) want.set(n, await helpOf(n));
    if (update) {
      doc = doc.replace(BLOCK, (all, n: string) => (want.has(n) ? block(n, want.get(n)!) : all));
      for (const n of names)
        if (!doc.includes(`<!-- help: ${n} -->`)) doc += `\n## \`vti ${n}\`\n\n${block(n, want.get(n)!)}\n`;
      writeFileSync(DOC, doc);
    }
    const found = new Map([...doc.matchAll(BLOCK)].map((m) => [m[1]!, m[2]!]));
    const hint = 'run: VTI_UPDATE_DOCS=1 npx vitest run test/packaging/docs.test.ts';
    expect([...found.keys()].sort(), `help blocks in docs/cli.md (${hint})`).toEqual([...names].sort());
    for (const n of names)
      expect(found.get(n), `help of ${n} in docs/cli.md is out of date (${hint})`).toBe(want.get(n));
  });

  it('links only to docs pages that exist', () => {
    for (const page of [
      'docs/README.md',
      'docs/getting-started.md',
      'docs/cli.md',
      'docs/report.md',
      'docs/packaging.md',
    ]) {
      const text = readFileSync(page, 'utf8');
      for (const m of text.matchAll(/\]\(((?!https?:|#)[^)#\s]+)(#[^)]*)?\)/g)) {
        const target = resolve(join(page, '..'), m[1]!);
        expect(existsSync(target), `${page} links to ${m[1]}`).toBe(true);
      }
    }
  });
});
