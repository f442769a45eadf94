// README's synthesis table is `vti gen --stats --fpga ice40-hx8k --seeds 1`'s output for the
// default configuration, never typed by hand: this test synthesizes every module (Yosys, pinned
// by package-lock), places and routes each out of context on the HX8K with one seed
// (nextpnr-ice40, which CI installs; results cached by the Verilog's hash in
// .cache/fpga-timing/, about two minutes without the cache) and compares the table between the
// `<!-- synth-table -->` markers. Regenerate it with
// VTI_UPDATE_DOCS=1 npx vitest run test/docs/synth-table.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectStats, collectTiming, formatStats } from '../../cli/commands/gen.js';
import { generateVti } from '../../gen/vti.js';
import { budget } from '../budget.js';
import { ROOT } from '../meta/tree.js';

describe("README's synthesis table", () => {
  it(
    'is what `vti gen --stats` prints',
    async () => {
      const gen = generateVti();
      const table = formatStats(await collectStats(gen.files), await collectTiming(gen, 'ice40-hx8k', 1));
      const file = `${ROOT}/README.md`;
      const block = /(<!-- synth-table -->\n)([\s\S]*?)(<!-- \/synth-table -->)/;
      const text = readFileSync(file, 'utf8');
      if (process.env.VTI_UPDATE_DOCS === '1')
        writeFileSync(
          file,
          text.replace(block, (_m, a: string, _b, c: string) => a + table + c),
        );
      const found = block.exec(readFileSync(file, 'utf8'));
      expect(found, 'README.md has a <!-- synth-table --> block').not.toBeNull();
      expect(
        found![2],
        'README synthesis table (run: VTI_UPDATE_DOCS=1 npx vitest run test/docs/synth-table.test.ts)',
      ).toBe(table);
    },
    budget(600_000),
  );
});
