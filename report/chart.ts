// A horizontal bar chart as plain SVG (presentation attributes only, no <style>, so it can be
// inlined in the page without affecting anything else).
import { esc } from './html.js';

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Optional [lo, hi] drawn as a whisker. */
  readonly range?: readonly [number, number];
  readonly color?: string;
}

export interface ChartOptions {
  readonly title: string;
  readonly unit: string;
  readonly width?: number;
  readonly note?: string;
}

const PALETTE = ['#2b6cb0', '#38a169', '#c05621', '#805ad5', '#b83280'];

function niceMax(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

export function barChart(bars: readonly Bar[], o: ChartOptions): string {
  const width = o.width ?? 760,
    labelW = 230,
    right = 90,
    barH = 26,
    gap = 14,
    top = 40,
    axisH = 34;
  const plotW = width - labelW - right;
  const max = niceMax(Math.max(...bars.map((b) => Math.max(b.value, b.range?.[1] ?? 0)), 0));
  const x = (v: number) => labelW + (v / max) * plotW;
  const height = top + bars.length * (barH + gap) + axisH + (o.note ? 18 : 0);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${esc(o.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="13">`,
  );
  parts.push(`<title>${esc(o.title)}</title>`);
  parts.push(`<text x="0" y="18" font-size="15" font-weight="bold" fill="#222">${esc(o.title)}</text>`);
  const ticks = 5;
  const axisY = top + bars.length * (barH + gap);
  for (let i = 0; i <= ticks; i++) {
    const v = (max / ticks) * i,
      px = x(v);
    parts.push(`<line x1="${px.toFixed(1)}" y1="${top - 6}" x2="${px.toFixed(1)}" y2="${axisY}" stroke="#ddd"/>`);
    parts.push(`<text x="${px.toFixed(1)}" y="${axisY + 16}" text-anchor="middle" fill="#555">${esc(fmt(v))}</text>`);
  }
  parts.push(
    `<text x="${labelW + plotW / 2}" y="${axisY + 31}" text-anchor="middle" fill="#333">${esc(o.unit)}</text>`,
  );
  bars.forEach((b, i) => {
    const y = top + i * (barH + gap),
      color = b.color ?? PALETTE[i % PALETTE.length]!;
    parts.push(`<g class="bar" data-label="${esc(b.label)}" data-value="${b.value}">`);
    parts.push(`<text x="${labelW - 8}" y="${y + barH / 2 + 4}" text-anchor="end" fill="#222">${esc(b.label)}</text>`);
    parts.push(
      `<rect x="${labelW}" y="${y}" width="${Math.max(1, x(b.value) - labelW).toFixed(1)}" height="${barH}" fill="${color}" rx="2"><title>${esc(`${b.label}: ${fmt(b.value)} ${o.unit}`)}</title></rect>`,
    );
    if (b.range) {
      const [lo, hi] = b.range,
        cy = y + barH / 2;
      parts.push(
        `<line x1="${x(lo).toFixed(1)}" y1="${cy}" x2="${x(hi).toFixed(1)}" y2="${cy}" stroke="#111" stroke-width="1.5"/>`,
      );
      for (const v of [lo, hi])
        parts.push(
          `<line x1="${x(v).toFixed(1)}" y1="${cy - 6}" x2="${x(v).toFixed(1)}" y2="${cy + 6}" stroke="#111" stroke-width="1.5"/>`,
        );
    }
    const end = Math.max(x(b.value), b.range ? x(b.range[1]) : 0);
    parts.push(
      `<text x="${(end + 6).toFixed(1)}" y="${y + barH / 2 + 4}" fill="#222" font-weight="bold">${esc(fmt(b.value))}</text>`,
    );
    parts.push('</g>');
  });
  if (o.note) parts.push(`<text x="0" y="${height - 4}" fill="#555" font-size="12">${esc(o.note)}</text>`);
  parts.push('</svg>');
  return parts.join('');
}

function fmt(v: number): string {
  if (v === 0) return '0';
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1).replace(/\.0$/, '');
  return v.toFixed(2).replace(/0$/, '').replace(/\.0$/, '');
}
