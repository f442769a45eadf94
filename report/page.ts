// The report page: one HTML file, CSS and JS inline, every picture an inline SVG or an SVG
// data URI. Nothing is fetched: no fonts, scripts, styles or images from anywhere else.
import { barChart } from './chart.js';
import { badge, esc, htmlTable, svgImage, type Cell } from './html.js';
import type { ReportData, SectionResult } from './types.js';

const CSS = `
:root { --fg:#1a202c; --muted:#5a6472; --line:#d8dee6; --bg:#fff; --soft:#f5f7fa; --ok:#1f7a3a; --bad:#b42318; --skip:#8a6d00; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--fg); background:var(--bg); }
header { padding:24px 32px 12px; border-bottom:1px solid var(--line); background:var(--soft); }
header h1 { margin:0 0 4px; font-size:26px; }
header p { margin:2px 0; color:var(--muted); }
nav { padding:8px 32px; border-bottom:1px solid var(--line); position:sticky; top:0; background:var(--bg); z-index:2; }
nav a { margin-right:18px; color:#2b6cb0; text-decoration:none; font-weight:600; }
main { padding:8px 32px 48px; max-width:1400px; }
h2 { margin:36px 0 8px; padding-bottom:4px; border-bottom:2px solid var(--line); }
h3 { margin:28px 0 6px; }
table { border-collapse:collapse; margin:8px 0 16px; font-size:14px; }
th, td { border:1px solid var(--line); padding:3px 10px; text-align:left; vertical-align:top; }
th { background:var(--soft); }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
td.ok { color:var(--ok); font-weight:700; } td.bad { color:var(--bad); font-weight:700; } td.skip { color:var(--skip); font-weight:700; }
.ports td:nth-child(3) { text-align:right; }
.cols { display:flex; flex-wrap:wrap; gap:24px; align-items:flex-start; }
.figure { border:1px solid var(--line); border-radius:4px; padding:8px; background:#fff; overflow:auto; max-width:100%; }
.figure.schematic { max-height:560px; }
.figure img { display:block; }
.figure.fit img { max-width:100%; height:auto; }
.tools { font-size:13px; color:var(--muted); margin:4px 0; }
.tools button { font:inherit; padding:1px 8px; margin-left:6px; cursor:pointer; }
.tools a.full { margin-left:10px; }
nav .sub { font-weight:400; font-size:13px; margin-right:10px; }
section, article { scroll-margin-top:48px; }
.note { color:var(--muted); font-size:13px; }
pre.json { max-height:400px; overflow:auto; white-space:pre-wrap; font-size:12px; background:var(--soft); padding:8px; }
pre { white-space:pre-wrap; word-break:break-all; }
pre.err { background:#fff4f2; border:1px solid #f3c5bd; padding:8px; overflow:auto; font-size:12px; }
ul.checks { margin:4px 0 12px; padding-left:20px; } ul.checks li.ok::marker { content:"✓ "; color:var(--ok); } ul.checks li.bad::marker { content:"✗ "; color:var(--bad); }
code { background:var(--soft); padding:0 3px; border-radius:3px; }
`;

/**
 * Each schematic is also its own file next to index.html (written by buildReport), so a large
 * one (vti_core) opens full size in a tab, where the browser zooms and pans it.
 */
export const schematicFile = (module: string): string => `schematics/${module}.svg`;

// Schematic zoom: "fit" scales the picture to the column, "1:1" shows it at its own size.
const JS = `
document.querySelectorAll('button.zoom').forEach(function (b) {
  b.addEventListener('click', function () {
    var f = document.getElementById(b.getAttribute('data-target'));
    var fit = f.classList.toggle('fit');
    b.textContent = fit ? 'show 1:1' : 'fit to width';
  });
});
`;

const n = (x: number) => x.toLocaleString('en-US');
const sec = (s: number) => `${s.toFixed(1)} s`;

function sectionStatus(d: ReportData, id: string): string {
  const s = d.sections.find((x) => x.id === id);
  if (!s) return '';
  return s.status === 'pass'
    ? ''
    : `<p class="note"><b>${esc(s.status)}</b>: ${esc(s.detail)}</p>${s.error ? `<pre class="err">${esc(s.error)}</pre>` : ''}`;
}

function summary(sections: readonly SectionResult[]): string {
  return htmlTable(
    ['section', 'result', 'time', 'detail'],
    sections.map((s): Cell[] => [
      { html: `<a href="#${esc(s.id)}">${esc(s.title)}</a>` },
      badge(s.status === 'skipped' ? 'skipped' : s.status === 'pass'),
      { html: esc(sec(s.seconds)), cls: 'num' },
      s.detail,
    ]),
    'summary',
  );
}

function modulesSection(d: ReportData): string {
  const out: string[] = [
    `<section id="modules"><h2>Modules</h2>`,
    sectionStatus(d, 'modules'),
    `<p>The five modules of <code>vti gen</code> (options: IMPL_VA_MSB ${d.manifest.options.implVaMsb}, IMPL_PA_MSB ${d.manifest.options.implPaMsb}, ` +
      `guest shrink ${d.manifest.options.guestShrink}, VT ${d.manifest.options.vmImplemented ? 'on' : 'off'}). Ports from <code>manifest.json</code>; schematics are Yosys ` +
      `<code>proc; opt; clean</code> netlists (coarse cells, children of vti_core as boxes) laid out by netlistsvg; cost from Yosys <code>synth</code> and <code>synth_ice40</code>.</p>`,
  ];
  const fmaxOf = (name: string) => d.timing?.find((t) => t.module === name)?.timing?.fmaxMHz;
  const overview = d.modules.map((m): Cell[] => [
    { html: `<a href="#mod-${esc(m.name)}">${esc(m.name)}</a>` },
    m.manifest.ports.length,
    m.stats ? m.stats.generic.cells : '–',
    m.stats ? m.stats.generic.depth : '–',
    m.stats ? m.stats.ice40.luts : '–',
    m.stats ? m.stats.ice40.carries : '–',
    m.stats ? m.stats.ice40.ffs : '–',
    m.stats ? m.stats.ice40.depth : '–',
    { html: fmaxOf(m.name) === undefined ? '–' : esc(fmaxOf(m.name)!.toFixed(1)), cls: 'num' },
  ]);
  out.push(
    htmlTable(
      ['module', 'ports', 'cells (synth)', 'depth', 'iCE40 LUT4', 'carry', 'DFF', 'LUT depth', 'Fmax HX8K (MHz)'],
      overview,
      'synth-overview',
    ),
  );
  for (const m of d.modules) {
    out.push(`<article class="module" id="mod-${esc(m.name)}"><h3>${esc(m.name)}</h3>`);
    if (m.doc) out.push(`<p>${esc(m.doc)}</p>`);
    out.push(
      `<p class="note"><code>${esc(m.manifest.file)}</code> sha256 <code>${esc(m.manifest.sha256.slice(0, 16))}…</code>` +
        `${m.manifest.children.length ? `; instantiates ${m.manifest.children.map((c) => `<a href="#mod-${esc(c)}">${esc(c)}</a>`).join(', ')}` : ''}</p>`,
    );
    out.push('<div class="cols"><div>');
    const ins = m.manifest.ports.filter((p) => p.dir === 'input'),
      outs = m.manifest.ports.filter((p) => p.dir === 'output');
    out.push(
      htmlTable(
        ['port', 'dir', 'width'],
        [...ins, ...outs].map((p) => [{ html: `<code>${esc(p.name)}</code>` }, p.dir, p.width]),
        'ports',
      ),
    );
    out.push(
      `<p class="note">${ins.length} inputs (${n(ins.reduce((s, p) => s + p.width, 0))} bits), ${outs.length} outputs (${n(outs.reduce((s, p) => s + p.width, 0))} bits)</p>`,
    );
    if (m.stats) {
      const byType = Object.entries(m.stats.ice40.cellsByType).sort((a, b) => b[1] - a[1]);
      out.push(
        htmlTable(
          ['synthesis', 'value'],
          [
            ['generic cells', m.stats.generic.cells],
            ['generic depth', m.stats.generic.depth],
            ['iCE40 LUT4', m.stats.ice40.luts],
            ['iCE40 carry', m.stats.ice40.carries],
            ['iCE40 DFF', m.stats.ice40.ffs],
            ['iCE40 LUT depth', m.stats.ice40.depth],
            ['iCE40 cells by type', byType.map(([t, k]) => `${t} ${k}`).join(', ') || '–'],
            ['Yosys time', m.statsCached ? 'cached' : `${(m.stats.ms / 1000).toFixed(1)} s`],
          ],
          'synth',
        ),
      );
    } else out.push(`<p class="note">no synthesis figures: ${esc(m.statsError ?? 'not run')}</p>`);
    out.push('</div><div style="flex:1;min-width:320px">');
    if (m.schematic) {
      const id = `sch-${m.name}`;
      out.push(
        `<div class="tools">schematic: ${esc(m.schematic.cells)} cells${m.schematic.cached ? ' (layout from the cache)' : ''}<button class="zoom" data-target="${id}">show 1:1</button><a class="full" href="${esc(schematicFile(m.name))}" target="_blank">full size</a></div>`,
      );
      out.push(
        `<div class="figure schematic fit" id="${id}">${svgImage(m.schematic.svg, `schematic of ${m.name}`, 'schematic-svg')}</div>`,
      );
    } else out.push(`<p class="note">no schematic: ${esc(m.schematicError ?? 'not run')}</p>`);
    out.push('</div></div></article>');
  }
  out.push('</section>');
  return out.join('\n');
}

function timingSection(d: ReportData): string {
  const out = [`<section id="fpga"><h2>Timing on the iCE40 HX8K</h2>`, sectionStatus(d, 'fpga')];
  if (!d.timing?.length) return [...out, '</section>'].join('\n');
  const first = d.timing.find((t) => t.timing)?.timing;
  out.push(
    `<p>Each module placed and routed on its own (<code>vti gen --stats --fpga ice40-hx8k</code>, <code>formal/fpga-timing.ts</code>): every input ` +
      `comes from a flip-flop and every output goes into one, Yosys <code>synth_ice40</code>, nextpnr-ice40 with seeds ${esc((first?.seeds ?? []).map((x) => x.seed).join(', '))}; ` +
      `Fmax is the median over the seeds. The critical path is that of the median seed, each net named by the TypeScript line that drives it.</p>`,
  );
  out.push(
    htmlTable(
      ['module', 'Fmax (MHz)', 'per seed (MHz)', 'logic cells', 'critical path (nets)', 'place and route'],
      d.timing.map((t): Cell[] =>
        t.timing
          ? [
              { html: `<a href="#fpga-${esc(t.module)}">${esc(t.module)}</a>` },
              { html: esc(t.timing.fmaxMHz.toFixed(1)), cls: 'num' },
              t.timing.seeds.map((x) => x.fmaxMHz.toFixed(1)).join(', '),
              `${n(t.timing.lcUsed)} / ${n(t.timing.lcAvailable)}`,
              t.timing.criticalPath.length,
              t.cached ? 'cached' : sec(t.timing.ms / 1000),
            ]
          : [t.module, { html: 'failed', cls: 'bad' }, { html: `<code>${esc(t.error ?? '')}</code>` }, '–', '–', '–'],
      ),
      'fpga',
    ),
  );
  for (const t of d.timing) {
    if (!t.timing) continue;
    out.push(
      `<h3 id="fpga-${esc(t.module)}">critical path of ${esc(t.module)}: ${esc(t.timing.fmaxMHz.toFixed(1))} MHz</h3>`,
      htmlTable(
        ['arrival (ns)', 'net', 'written at'],
        t.timing.criticalPath.map((p): Cell[] => [
          { html: esc(p.arrivalNs.toFixed(2)), cls: 'num' },
          { html: `<code>${esc(p.net)}</code>` },
          p.source ? { html: `<code>${esc(p.source)}</code>` } : '–',
        ]),
        'critical-path',
      ),
    );
  }
  out.push('</section>');
  return out.join('\n');
}

function cosimSection(d: ReportData): string {
  const out = [`<section id="cosim"><h2>Co-simulation</h2>`, sectionStatus(d, 'cosim')];
  out.push(
    `<p>Each block's generated RTL against its reference model (<code>model/blocks</code>, written from the spec) on directed, exhaustive and ` +
      `${n(d.options.vectors)} seeded random vectors (seed ${d.options.seed}), as <code>vti cosim --vectors ${d.options.vectors} --seed ${d.options.seed} --engine ${esc(d.options.engine)}</code>.</p>`,
  );
  if (d.cosim) {
    out.push(
      htmlTable(
        ['block', 'engine', 'vectors', 'directed', 'mismatches', 'time', 'throughput'],
        d.cosim.map((r): Cell[] => [
          r.block,
          r.engine,
          r.vectors,
          r.directed,
          { html: esc(r.mismatches), cls: r.mismatches ? 'bad' : 'ok' },
          { html: esc(sec(r.seconds)), cls: 'num' },
          { html: esc(`${(r.vectors / r.seconds / 1e6).toFixed(2)} M/s`), cls: 'num' },
        ]),
        'cosim',
      ),
    );
    for (const r of d.cosim)
      if (r.first)
        out.push(
          `<p class="note">first mismatch in ${esc(r.block)}: vector ${esc(r.first.index)}${r.first.label ? ` (${esc(r.first.label)})` : ''}, ${esc(r.first.port)} expected 0x${r.first.expected.toString(16)}, got 0x${r.first.actual.toString(16)}</p>`,
        );
  }
  const c = d.coreCosim;
  if (c || d.sections.some((x) => x.id === 'core-cosim' && x.status !== 'skipped')) {
    out.push(`<h3 id="core-cosim">vti_core lockstep with the golden model</h3>`, sectionStatus(d, 'core-cosim'));
  }
  if (c) {
    out.push(
      `<p>The demo programs run on the golden-model emulator; every executed instruction becomes one event of <code>vti_core</code> ` +
        `(on ${esc(c.engine)}), and the core's registered outputs are compared with the emulator's architectural state after each one ` +
        `(<code>vti cosim --core</code>). ${n(c.instructions)} instructions, ${c.mismatches} mismatches, ${c.throughput >= 1e6 ? `${(c.throughput / 1e6).toFixed(2)} M` : `${n(Math.round(c.throughput))}`} instructions/s in lockstep, ${esc(sec(c.seconds))} in all.</p>`,
    );
    out.push(
      htmlTable(
        ['program', 'instructions', 'halted', 'mismatch', 'time'],
        c.runs.map((r): Cell[] => [
          r.name,
          r.instructions,
          badge(r.halted, r.halted ? 'yes' : 'no'),
          r.mismatchEvent === undefined
            ? badge(true, 'none')
            : {
                html: `event ${esc(r.mismatchEvent)}${r.report ? ` (<code>${esc(r.report)}</code>)` : ''}`,
                cls: 'bad',
              },
          { html: esc(sec(r.seconds)), cls: 'num' },
        ]),
        'core-cosim',
      ),
    );
    out.push(
      htmlTable(
        ['functional coverage', 'bins hit', 'bins', '%', 'min hits', 'holes (first 20)'],
        c.coverage.sets.map((b): Cell[] => [
          b.name,
          b.hit,
          b.bins,
          { html: esc(b.pct.toFixed(1)), cls: 'num' },
          b.minHits,
          b.holeCount ? `${b.holeCount}: ${b.holes.join('; ')}${b.holeCount > b.holes.length ? '; …' : ''}` : '–',
        ]),
        'coverage',
      ),
    );
    out.push(
      `<p class="note">coverage over all sets ${esc(c.coverage.pct.toFixed(1))} %` +
        `${c.coverage.modelDisagreements ? `; the spec-restated checks disagreed with the emulator at ${n(c.coverage.modelDisagreements)} events` : ''}` +
        `${c.exclusions.length ? `; excluded from the comparison: ${c.exclusions.map((e) => `${esc(e.id)} ${esc(e.port)} (${esc(e.why)})`).join('; ')}` : ''}</p>`,
    );
    if (c.seeded) {
      out.push(
        `<h3 id="seeded-bugs">Seeded bugs: does the lockstep find them?</h3><p>vti_core with one check removed (one input tied to 0, ` +
          `<code>sim/cosim/lockstep/check-mutants.ts</code>), run in lockstep on one random privileged-instruction program (seed ${d.options.seed}, 300 items, built-in engine) ` +
          `next to the unmodified core on the same program.</p>`,
      );
      out.push(
        htmlTable(
          ['variant', 'input tied to 0', 'instructions run', 'result', 'first difference', 'time'],
          c.seeded.map((b): Cell[] => [
            b.bug,
            b.tied || '–',
            b.instructions,
            b.tied
              ? badge(!!b.found, b.found ? 'found' : 'NOT found')
              : badge(!b.found, b.found ? 'MISMATCH' : 'matches'),
            b.found
              ? {
                  html: `event ${esc(b.found.event)} <code>${esc(b.found.insn)}</code>: ${esc(b.found.fields.join(', '))}`,
                }
              : '–',
            { html: esc(sec(b.seconds)), cls: 'num' },
          ]),
          'seeded',
        ),
      );
    }
  }
  out.push('</section>');
  return out.join('\n');
}

function formalSection(d: ReportData): string {
  const out = [`<section id="formal"><h2>Formal checks</h2>`, sectionStatus(d, 'formal')];
  out.push(
    `<p>Yosys-WASM: the lint gate, then an equivalence proof of each generated block against its hand-written Verilog reference ` +
      `(<code>formal/ref/</code>): a miter and SAT for the combinational blocks, k-induction from reset for <code>vti_psr</code>.</p>`,
  );
  if (d.formal) {
    out.push(
      htmlTable(
        ['block', 'lint gate', 'verdict', 'method', 'time'],
        d.formal.map((f): Cell[] => [
          f.block,
          badge(f.gateOk, f.gateOk ? 'clean' : `${f.problems.length} problems`),
          badge(f.verdict === 'equivalent', f.verdict),
          f.method ?? '–',
          { html: f.ms === undefined ? '–' : esc(`${(f.ms / 1000).toFixed(2)} s`), cls: 'num' },
        ]),
        'formal',
      ),
    );
    for (const f of d.formal)
      if (f.problems.length) out.push(`<pre class="err">${esc(f.block)}:\n${esc(f.problems.join('\n'))}</pre>`);
  }
  if (d.properties !== undefined) {
    out.push(`<h3 id="properties">Properties of vti_core</h3>`, sectionStatus(d, 'properties'));
    out.push(
      `<p>Properties P1–P6 of <code>docs/properties.md</code> on the generated core (<code>formal/props</code>): a proof by temporal induction ` +
        `from reset each, and a cover trace showing that the property's trigger is reachable (not vacuous).</p>`,
    );
    out.push(
      htmlTable(
        ['property', 'what', 'verdict', 'method', 'proof time', 'cover', 'cover time'],
        d.properties.map((p): Cell[] => [
          p.name,
          p.title,
          badge(p.verdict === 'proven', p.verdict),
          p.method,
          { html: esc(`${(p.ms / 1000).toFixed(2)} s`), cls: 'num' },
          p.cover ? badge(p.cover.reachable, p.cover.reachable ? 'reached' : 'NOT reached') : '–',
          { html: p.cover ? esc(`${(p.cover.ms / 1000).toFixed(2)} s`) : '–', cls: 'num' },
        ]),
        'properties',
      ),
    );
    for (const p of d.properties)
      if (p.counterexample)
        out.push(
          `<p class="note">${esc(p.name)} counterexample (VCD <code>${esc(p.counterexample.vcdPath)}</code>):</p><pre class="err">${esc(p.counterexample.table)}</pre>`,
        );
  }
  out.push('</section>');
  return out.join('\n');
}

function wavesSection(d: ReportData): string {
  const out = [`<section id="waves"><h2>Timing diagrams</h2>`, sectionStatus(d, 'waves')];
  out.push(
    `<p>The key sequences of <code>docs/vti_core.md</code>, simulated: each column is one clock cycle of <code>vti_core</code> on the built-in engine; ` +
      `input lanes show the event presented in the cycle (<b>x</b>: no event, or an operand the class ignores), output lanes the registered outputs ` +
      `after the rising edge that ends the cycle. The diagrams are drawn from the sampled trace (WaveJSON, rendered by WaveDrom); the facts below each ` +
      `were checked on the same trace.</p>`,
  );
  for (const w of d.waves ?? []) {
    const s = w.trace.sequence;
    out.push(`<article class="wave" id="wave-${esc(s.id)}"><h3>${esc(s.title)}</h3><p>${esc(s.description)}</p>`);
    out.push(`<div class="figure waveform">${svgImage(w.svg, `timing diagram: ${s.title}`, 'wave-svg')}</div>`);
    out.push(
      `<ul class="checks">${w.trace.checks.map((c) => `<li class="${c.ok ? 'ok' : 'bad'}">${esc(c.what)}${c.ok ? '' : ' — NOT seen in the trace'}</li>`).join('')}</ul>`,
    );
    out.push(
      `<details><summary>WaveJSON</summary><pre>${esc(JSON.stringify(w.json, null, 1))}</pre></details></article>`,
    );
  }
  out.push('</section>');
  return out.join('\n');
}

function demoSection(d: ReportData): string {
  const out = [`<section id="demo"><h2>VT-i vs para-virtualization vs classic</h2>`, sectionStatus(d, 'demo')];
  const demo = d.demo;
  if (demo) {
    out.push(
      `<p>The same guest workload (${n(demo.iterations)} iterations × 6 privileged operations) under three VMM techniques on the golden-model ` +
        `emulator, as <code>vti demo --iterations ${demo.iterations} --flush-cycles ${demo.flushCycles}</code>. Cost model: 1 cycle per instruction + ` +
        `${demo.flushCycles} cycles per interruption; whiskers show ${demo.flushRange[0]}..${demo.flushRange[1]} cycles per interruption.</p>`,
    );
    out.push(
      `<div class="figure chart-box">${barChart(
        demo.techniques.map((t) => ({ label: t.title, value: t.cyclesPerOp, range: t.cyclesPerOpRange })),
        {
          title: 'cycles per emulated privileged operation (lower is better)',
          unit: 'cycles / operation',
          note: `flush cost ${demo.flushCycles} cycles per interruption`,
        },
      )}</div>`,
    );
    out.push(
      htmlTable(
        [
          'technique',
          'interruptions',
          'VMM instr',
          'guest instr',
          'ops emulated',
          'VMM instr/op',
          `cycles/op @${demo.flushCycles}`,
          'complete',
        ],
        demo.techniques.map((t): Cell[] => [
          t.title,
          t.interruptions,
          t.vmmInstructions,
          t.guestInstructions,
          t.emulatedOps,
          { html: esc((t.emulatedOps ? t.vmmInstructions / t.emulatedOps : 0).toFixed(1)), cls: 'num' },
          { html: esc(t.cyclesPerOp.toFixed(1)), cls: 'num' },
          badge(
            t.windowComplete && t.halted && !t.vmmError,
            t.windowComplete && t.halted && !t.vmmError ? 'yes' : 'partial',
          ),
        ]),
        'demo',
      ),
    );
  }
  out.push('</section>');
  return out.join('\n');
}

function aboutSection(d: ReportData, seconds: number): string {
  const o = d.options;
  return `<section id="about"><h2>How this report was made</h2>
<p><code>vti report --out ${esc(o.out)} --vectors ${o.vectors} --seed ${o.seed} --engine ${esc(o.engine)} --iterations ${o.iterations}${o.skip?.length ? ` --skip ${esc(o.skip.join(','))}` : ''}${o.cacheDir ? '' : ' --no-cache'}</code>
in ${esc(sec(seconds))}; generated ${esc(d.generatedAt)}. Layouts and synthesis figures are cached by content in <code>${esc(o.cacheDir ?? '(no cache)')}</code>.</p>
${htmlTable(
  ['tool', 'version'],
  Object.entries(d.versions).map(([k, v]) => [k, v]),
)}
<p class="note">Generator source hash <code>${esc(d.manifest.sourceHash)}</code>. See <code>docs/report.md</code> for how each section is produced.</p></section>`;
}

export function renderHtml(d: ReportData, seconds: number): string {
  const failed = d.sections.filter((s) => s.status === 'FAIL').length;
  const summaryJson = JSON.stringify({
    generatedAt: d.generatedAt,
    sections: d.sections.map(({ error: _e, ...s }) => s),
  }).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>vti-hdl report</title><style>${CSS}</style></head>
<body>
<header><h1>vti-hdl report</h1>
<p>VT-i virtualization hardware: generated RTL, co-simulation, formal checks, timing and the VMM comparison.</p>
<p>${failed ? `<b style="color:var(--bad)">${failed} section(s) failed</b>` : '<b style="color:var(--ok)">all sections passed</b>'} · generated ${esc(d.generatedAt)} in ${esc(sec(seconds))}</p></header>
<nav><a href="#summary">summary</a><a href="#modules">modules</a>${d.modules.map((m) => `<a class="sub" href="#mod-${esc(m.name)}">${esc(m.name)}</a>`).join('')}<a href="#fpga">Fmax</a><a href="#cosim">co-simulation</a><a href="#formal">formal</a>${d.properties ? '<a href="#properties">properties</a>' : ''}<a href="#waves">timing</a><a href="#demo">demo</a><a href="#about">about</a></nav>
<main>
<section id="summary"><h2>Summary</h2>${summary(d.sections)}</section>
${modulesSection(d)}
${timingSection(d)}
${cosimSection(d)}
${formalSection(d)}
${wavesSection(d)}
${demoSection(d)}
${aboutSection(d, seconds)}
</main>
<script type="application/json" id="report-summary">${summaryJson}</script>
<script>${JS}</script>
</body></html>
`;
}
