// model/README.md lists the integer and system encodings objdump decodes that the model does
// not execute, between the `<!-- unexecuted -->` markers; the list must be what
// tools/isa/unexecuted.ts finds. Regenerate it with
// VTI_UPDATE_DOCS=1 npx vitest run test/tools/isa-unexecuted.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodingKey, unexecutedEncodings } from '../../tools/isa/unexecuted.js';

const README = new URL('../../model/README.md', import.meta.url);
const BLOCK = /(<!-- unexecuted:begin -->\n)([\s\S]*?)(<!-- unexecuted:end -->)/;

function listText(keys: readonly string[]): string {
  if (keys.length === 0) return 'None: the model executes every integer and system encoding objdump knows.\n';
  return `${keys.length} encoding shapes:\n\n\`\`\`\n${keys.join('\n')}\n\`\`\`\n`;
}

describe('encodings the model does not execute', () => {
  it('keys an objdump text by mnemonic (hints dropped) and operand shape', () => {
    expect(encodingKey('(p03) br.wexit.dptk.many.clr 0x30;;')).toBe('br.wexit imm');
    expect(encodingKey('ld8.c.nc.d5 r7=[r9]')).toBe('ld8.c.nc r=[r]');
    expect(encodingKey('mov pr.rot=0x10000')).toBe('mov pr.rot=imm');
    expect(encodingKey('loadrs')).toBe('loadrs');
  });

  it('model/README.md lists exactly what tools/isa/unexecuted.ts finds', () => {
    const keys = unexecutedEncodings();
    // The multimedia, long-branch, semaphore and hint classes are all executed now (ld16 with a
    // nonzero unused field is left, as every load's).
    // So are the lfetch hint fields, lfetch.count, I14 dep's bit 13, the counted branches'
    // unused qp field and mov msr/dahr (Illegal Operation).
    for (const done of [
      'padd1',
      'mux1',
      'brl',
      'cmp8xchg16',
      'brp',
      'hint.i',
      'popcnt',
      'czx1.l',
      'tf.z',
      'lfetch',
      'lfetch.count',
      'dep',
      'br.cexit',
      'mov',
    ])
      expect(keys.filter((k) => k.startsWith(`${done} `) || k === done)).toEqual([]);
    const text = readFileSync(README, 'utf8');
    if (process.env.VTI_UPDATE_DOCS === '1')
      writeFileSync(
        README,
        text.replace(BLOCK, (_m, a: string, _b, c: string) => a + listText(keys) + c),
      );
    const found = BLOCK.exec(readFileSync(README, 'utf8'));
    expect(found, 'model/README.md has an <!-- unexecuted:begin/end --> block').not.toBeNull();
    expect(
      found![2],
      'model/README.md unexecuted list (run: VTI_UPDATE_DOCS=1 npx vitest run test/tools/isa-unexecuted.test.ts)',
    ).toBe(listText(keys));
  }, 120_000);
});
