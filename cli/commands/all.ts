// `vti all` — the main job: generate the RTL, lint it, co-simulate it against the golden
// model, run the formal checks and the demo, and print one summary. Each step reports
// pass / FAIL / skipped (with the reason), and the exit code is non-zero if any step failed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../command.js';
import { engineFlag, seedFlag } from '../flags.js';
import { table } from '../progress.js';
import { DEFAULT_CONFIG, generateVti, vtiSpec } from '../../gen/vti.js';
import { BLOCK_NAMES } from '../../blocks/registry.js';
import { lintVerilog } from '../../sim/lint/index.js';
import { iverilogAvailable, verilatorAvailable } from '../../sim/verilator/index.js';
import { chooseEngine, formatBlockResults, runBlockCosim } from './cosim.js';

interface StepResult {
  readonly step: string;
  readonly status: 'pass' | 'FAIL' | 'skipped';
  readonly detail: string;
  readonly seconds: number;
}

export const command: Command = {
  summary: 'the main job: generate, lint, co-simulate, prove, demo, summary',
  usage: '[--out DIR] [--vectors N] [--seed S] [--engine verilator|builtin] [--json]',
  flags: {
    out: { type: 'string', metavar: 'DIR', help: 'output folder', default: 'out' },
    vectors: { type: 'int', metavar: 'N', help: 'random co-simulation vectors per block', default: 1_000_000 },
    seed: seedFlag(),
    engine: engineFlag(),
    json: { type: 'bool', help: 'print the summary as JSON' },
  },
  async run({ flags }) {
    const out = flags.out as string;
    const say = (s: string) => { if (!flags.json) process.stdout.write(s); };
    const results: StepResult[] = [];
    const step = async (name: string, body: () => Promise<{ status?: StepResult['status']; detail: string }>) => {
      const t0 = performance.now();
      say(`== ${name}\n`);
      let r: { status?: StepResult['status']; detail: string };
      try {
        r = await body();
      } catch (e) {
        r = { status: 'FAIL', detail: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
      }
      const res: StepResult = { step: name, status: r.status ?? 'pass', detail: r.detail, seconds: (performance.now() - t0) / 1000 };
      results.push(res);
      say(`   ${res.status}: ${res.detail}\n`);
    };

    await step('generate RTL', async () => {
      const g = generateVti(DEFAULT_CONFIG);
      const dir = join(out, 'rtl');
      mkdirSync(dir, { recursive: true });
      for (const [f, text] of Object.entries(g.files)) writeFileSync(join(dir, f), text);
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(g.manifest, null, 2) + '\n');
      return { detail: `${g.manifest.modules.length} modules in ${dir}/` };
    });

    await step('lint (Verilator -Wall x2, iverilog, Yosys)', async () => {
      const { assertYosysGate } = await import('../../formal/gate.js');
      const spec = vtiSpec('vti_core');
      await assertYosysGate(spec.files, spec.top);
      if (!verilatorAvailable() || !iverilogAvailable()) return { status: 'skipped', detail: 'Yosys gate clean; Verilator/iverilog not installed' };
      const r = await lintVerilog(spec);
      return r.clean ? { detail: `0 warnings in ${Object.keys(spec.files).length} files` } : { status: 'FAIL', detail: `${r.messages.length} lint messages` };
    });

    await step('co-simulation: blocks vs golden model', async () => {
      const engine = chooseEngine(flags.engine as 'verilator' | 'builtin' | undefined);
      const res = await runBlockCosim(BLOCK_NAMES, engine, flags.vectors as number, flags.seed as number);
      say(formatBlockResults(res).replace(/^/gm, '   '));
      const vectors = res.reduce((s, r) => s + r.vectors, 0);
      const bad = res.reduce((s, r) => s + r.mismatches, 0);
      return { status: bad ? 'FAIL' : 'pass', detail: `${vectors.toLocaleString('en-US')} vectors on ${engine}, ${bad} mismatches` };
    });

    await step('co-simulation: vti_core lockstep vs emulator (demos a-e + random)', async () => {
      const { runCoreCosim } = await import('../../sim/cosim/core/index.js');
      const engine = chooseEngine(flags.engine as 'verilator' | 'builtin' | undefined);
      const demos = await runCoreCosim({ engine });
      const random = await runCoreCosim({ engine, random: 4, items: 300, seed: flags.seed as number });
      const instructions = demos.instructions + random.instructions;
      const bad = demos.mismatches + random.mismatches;
      say(`   demo programs: ${demos.instructions.toLocaleString('en-US')} instructions, ${demos.mismatches} mismatches; ` +
        `4 random programs: ${random.instructions.toLocaleString('en-US')} instructions, ${random.mismatches} mismatches, ` +
        `functional coverage ${random.coverage.pct.toFixed(1)} %\n`);
      say(`   named exclusions: ${[...new Set(demos.exclusions.map((x) => x.id))].join(', ') || 'none'}\n`);
      return { status: bad ? 'FAIL' : 'pass', detail: `${instructions.toLocaleString('en-US')} instructions on ${engine}, ${bad} mismatches` };
    });

    await step('formal: blocks ≡ references, vti_core P1-P6', async () => {
      const { checkGeneratedBlock } = await import('../../formal/blocks.js');
      const { runProperties } = await import('../../formal/props/index.js');
      const lines: string[] = [];
      let failed = 0;
      for (const b of BLOCK_NAMES) {
        const c = await checkGeneratedBlock(b, vtiSpec(b).files);
        const verdict = c.equiv?.verdict ?? 'gate failed';
        if (verdict !== 'equivalent') failed++;
        lines.push(`${b}: ${verdict}${c.equiv ? ` (${c.equiv.ms.toFixed(0)} ms)` : ''}`);
      }
      const props = await runProperties({});
      let propsFailed = 0;
      for (const r of props) {
        const ok = r.verdict === 'proven' && (r.cover?.reachable ?? true);
        if (!ok) propsFailed++;
        lines.push(`vti_core ${r.name}: ${r.verdict}${r.cover ? (r.cover.reachable ? ', cover reachable' : ', cover NOT reachable') : ''} (${r.ms.toFixed(0)} ms)`);
      }
      say(lines.map((l) => `   ${l}\n`).join(''));
      return {
        status: failed || propsFailed ? 'FAIL' : 'pass',
        detail: `${BLOCK_NAMES.length - failed}/${BLOCK_NAMES.length} blocks equivalent, ${props.length - propsFailed}/${props.length} core properties proven`,
      };
    });

    await step('demo: VT-i vs para-virtualized vs classic', async () => {
      const { emulatorAvailable } = await import('../../model/demo/emu.js');
      if (!emulatorAvailable()) return { status: 'skipped', detail: 'golden-model emulator not available' };
      const { runDemo, formatTable } = await import('../../model/demo/techniques.js');
      const d = await runDemo(100, 30);
      say(formatTable(d).replace(/^/gm, '   '));
      return { detail: 'table above' };
    });

    const failed = results.filter((r) => r.status === 'FAIL').length;
    if (flags.json) process.stdout.write(JSON.stringify({ results, failed }, null, 2) + '\n');
    else {
      say('\n== summary\n');
      say(table(['step', 'result', 'time', 'detail'], results.map((r) => [r.step, r.status, `${r.seconds.toFixed(1)} s`, r.detail]), [1, 3]));
    }
    return failed ? 1 : 0;
  },
};
