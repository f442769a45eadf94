// README's start-up figures are the block bench/startup/run.ts --write produces: with the
// command, date, machine, Node version and load, the floor (`node -e 0`) and both bundled
// commands, so the numbers are never typed in by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const GENERATED = /<!-- generated: bench\/startup\/run\.ts -->\n([\s\S]*?)\n<!-- \/generated -->/g;

describe('README start-up figures', () => {
  it('are the generated block, with its conditions and the floor, help and emu rows', () => {
    const blocks = [...readFileSync('README.md', 'utf8').matchAll(GENERATED)];
    expect(blocks).toHaveLength(1);
    const [conditions, , header, , ...rows] = blocks[0]![1]!.split('\n');
    expect(conditions).toMatch(
      /^Measured by `npx tsx bench\/startup\/run\.ts[^`]*` on \d{4}-\d\d-\d\d, \d+ cores \(.+\), node v\d+\.\d+\.\d+, load average \d+\.\d before \/ \d+\.\d after; medians of \d+ interleaved runs/,
    );
    expect(header).toBe('| command | wall (s) | CPU (s) | CPU over node (s) |');
    const seconds = String.raw`\d+\.\d{3}`;
    for (const what of ['`node -e 0` \\(the floor\\)', '`vti --help` \\(bundle\\)', '`vti emu loop.elf` \\(bundle\\)'])
      expect(
        rows.filter((r) => new RegExp(`^\\| ${what} \\| ${seconds} \\| ${seconds} \\| (—|-?${seconds}) \\|$`).test(r)),
        what,
      ).toHaveLength(1);
  });
});
