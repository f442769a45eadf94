// A port named with a Verilog/SystemVerilog keyword is renamed (logic → logic_) and the
// rename is never silent: the warning is collected in elaborate()'s result, passed to
// onWarning when given, and otherwise printed on stderr as a Node warning (HdlWarning).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defineModule, elaborate, type Diagnostic } from '../../hdl/dsl/index.js';
import { emitDesign } from '../../gen/verilog/index.js';

const RENAMED = "'logic' is a Verilog/SystemVerilog keyword: renamed to 'logic_'";
const keywordPort = () =>
  defineModule('kw', (m) => {
    const logic = m.input('logic', 4);
    m.output('y', 4).set(logic);
  });

describe('keyword port names', () => {
  it('collects the rename in warnings and hands it to onWarning', () => {
    const seen: Diagnostic[] = [];
    const { design, warnings } = elaborate(keywordPort(), { onWarning: (d) => seen.push(d) });
    expect(warnings.map((d) => [d.severity, d.check, d.message])).toEqual([['warning', 'name', RENAMED]]);
    expect(seen).toEqual(warnings);
    expect(emitDesign(design)['kw.v']).toMatch(/input\s+wire\s+\[3:0\]\s+logic_\b/);
  });

  it('prints it on stderr by default, with the line of the port', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const script = `
      const { defineModule, elaborate } = await import('./hdl/dsl/index.ts');
      elaborate(defineModule('kw', (m) => {
        const logic = m.input('logic', 4);
        m.output('y', 4).set(logic);
      }));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /HdlWarning: \[eval1\]:4: warning: \[kw\] 'logic' is a Verilog\/SystemVerilog keyword: renamed to 'logic_'\n/,
    );
  });
});
