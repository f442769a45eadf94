// The WaveJSON side of the report: lanes from per-cycle values, the three key sequences traced
// on vti_core (built-in engine) show the facts docs/vti_core.md states, and render to SVG.
import { describe, expect, it } from 'vitest';
import { SEQUENCES, traceSequences } from '../../report/sequences.js';
import { renderWave, shortHex, traceToWaveJson, waveLane } from '../../report/wave.js';
import { barChart } from '../../report/chart.js';
import { esc, svgImage, svgSize } from '../../report/html.js';

describe('WaveJSON lanes', () => {
  it('draws 1-bit lanes as levels, wider ones as data that changes, undefined as x', () => {
    expect(waveLane('a', [0n, 1n, 1n, 0n], true, String)).toEqual({ name: 'a', wave: '01.0' });
    expect(waveLane('b', [5n, 5n, 7n, undefined, undefined, 7n], false, (v) => `#${v}`)).toEqual({
      name: 'b',
      wave: '=.=x.=',
      data: ['#5', '#7', '#7'],
    });
    expect(shortHex(0x6100n)).toBe('0x6100');
    expect(shortHex(0x4200_0000_2000n)).toBe('0x4200…2000');
    expect(shortHex(0xff_ffff_ffffn)).toBe('0xffffffffff');
    expect(shortHex(0xa000_0000_0000_6100n)).toBe('0xa000…6100');
  });
});

describe('key sequences of vti_core', () => {
  it('show every expected fact in the simulated trace and render to SVG', async () => {
    const traces = await traceSequences('builtin');
    expect(traces.map((t) => t.sequence.id)).toEqual(SEQUENCES.map((s) => s.id));
    traces.forEach((t, i) => {
      for (const c of t.checks) expect(c.ok, `${t.sequence.id}: ${c.what}`).toBe(true);
      const json = traceToWaveJson(t);
      const clk = json.signal[0] as { wave: string };
      expect(clk.wave).toHaveLength(t.sequence.events.length);
      const svg = renderWave(json, i);
      expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg).toContain(t.sequence.title.replace(/&/g, '&amp;'));
    });
    // (a): psr.vm lane is 1 in k-1 and drops in k, without a taken pulse.
    const a = traceToWaveJson(traces[0]!).signal.flat() as { name?: string; wave?: string }[];
    expect(a.find((s) => s.name === 'psr.vm')?.wave).toBe('0.1.0.');
    expect(a.find((s) => s.name === 'taken')?.wave).toBe('0.....');
  });
});

describe('page pieces', () => {
  it('escapes text, sizes SVGs, embeds them as data URIs and draws bars', () => {
    expect(esc(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20">')).toEqual({
      width: 10,
      height: 20,
    });
    expect(svgSize('<svg viewBox="0 0 30 40">')).toEqual({ width: 30, height: 40 });
    expect(svgImage('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="2"/>', 'a<b', 'c')).toMatch(
      /^<img class="c" alt="a&lt;b" width="1" height="2" src="data:image\/svg\+xml;base64,/,
    );
    const chart = barChart(
      [
        { label: 'x', value: 3, range: [2, 4] },
        { label: 'y', value: 10 },
      ],
      { title: 't', unit: 'u' },
    );
    expect(chart.match(/<g class="bar"/g)).toHaveLength(2);
    expect(chart).not.toContain('<style');
  });
});
