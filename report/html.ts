// HTML building blocks for the report: escaping, tables, SVG as data-URI images (an SVG's own
// <style> would leak into the whole page if inlined; an <img> keeps it scoped, and keeps the
// element ids of the many SVGs from colliding).

export function esc(s: string | number): string {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export type Cell = string | number | { readonly html: string; readonly cls?: string };

/** A table; numbers are right-aligned, `{ html }` cells are inserted as they are. */
export function htmlTable(head: readonly string[], rows: readonly (readonly Cell[])[], cls = ''): string {
  const cell = (c: Cell, tag: 'td' | 'th') => {
    if (typeof c === 'number') return `<${tag} class="num">${esc(c.toLocaleString('en-US'))}</${tag}>`;
    if (typeof c === 'string') return `<${tag}>${esc(c)}</${tag}>`;
    return `<${tag}${c.cls ? ` class="${c.cls}"` : ''}>${c.html}</${tag}>`;
  };
  return (
    `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c) => cell(c, 'td')).join('')}</tr>`).join('')}</tbody></table>`
  );
}

/** Intrinsic size of an SVG from its width/height attributes (or viewBox). */
export function svgSize(svg: string): { width: number; height: number } | undefined {
  const head = svg.slice(0, svg.indexOf('>') + 1);
  const attr = (n: string) => {
    const m = new RegExp(`\\s${n}="([0-9.]+)`).exec(head);
    return m ? Number(m[1]) : undefined;
  };
  let width = attr('width'),
    height = attr('height');
  if (width === undefined || height === undefined) {
    const vb = /viewBox="[-0-9.]+[ ,]+[-0-9.]+[ ,]+([0-9.]+)[ ,]+([0-9.]+)"/.exec(head);
    if (vb) {
      width = Number(vb[1]);
      height = Number(vb[2]);
    }
  }
  return width !== undefined && height !== undefined ? { width, height } : undefined;
}

/** An SVG as an <img> with a data URI; `cls` for the page's CSS, `alt` required. */
export function svgImage(svg: string, alt: string, cls: string): string {
  const text = svg.startsWith('<?xml') ? svg : `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`;
  const size = svgSize(svg);
  const dims = size ? ` width="${Math.round(size.width)}" height="${Math.round(size.height)}"` : '';
  return `<img class="${cls}" alt="${esc(alt)}"${dims} src="data:image/svg+xml;base64,${Buffer.from(text, 'utf8').toString('base64')}">`;
}

export function badge(ok: boolean | 'skipped', text?: string): { html: string; cls: string } {
  const t = text ?? (ok === 'skipped' ? 'skipped' : ok ? 'pass' : 'FAIL');
  return { html: esc(t), cls: ok === 'skipped' ? 'skip' : ok ? 'ok' : 'bad' };
}
