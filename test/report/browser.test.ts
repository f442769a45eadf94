// `vti report` end to end: generate the report (small vector counts), open it in headless
// Debian Chromium (driven by playwright-core, never a downloaded browser), fail on any console
// error, page error, failed request or request that leaves the file, check the sections, and
// save a screenshot to out/report/screenshot.png.
import { spawnSync } from 'node:child_process';
import { budget } from '../budget.js';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const OUT = resolve('out/report');
const FILE = join(OUT, 'index.html');
const SHOT = join(OUT, 'screenshot.png');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let summary: { ok: boolean; sections: { id: string; status: string; detail: string }[] };
let context: BrowserContext | undefined;
let profile: string | undefined;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with 'apt-get install -y --no-install-recommends chromium' (.ci/run does), or set CHROMIUM=/path/to/chromium`,
    );
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'cli/main.ts',
      'report',
      '--out',
      OUT,
      '--vectors',
      '300',
      '--iterations',
      '3',
      '--skip',
      'properties',
      '--json',
    ],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (r.error) throw r.error;
  expect(r.stderr, 'progress lines').toMatch(/== modules/);
  summary = JSON.parse(r.stdout) as typeof summary;
  expect(
    summary.sections.filter((s) => s.status === 'FAIL'),
    'failed sections',
  ).toEqual([]);
  expect(r.status, r.stderr).toBe(0);

  profile = mkdtempSync(join(tmpdir(), 'vti-report-chromium-'));
  // --headless is added by playwright; --user-data-dir is the fresh profile above.
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (q) => problems.push(`request failed: ${q.url()} ${q.failure()?.errorText ?? ''}`));
  page.on('request', (q) => {
    if (!/^(file|data):/.test(q.url())) problems.push(`network request: ${q.url()}`);
  });
  await page.goto(pathToFileURL(FILE).href, { waitUntil: 'load' });
}, budget(900_000));

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('vti report in Chromium', () => {
  it('is one file with nothing to fetch', () => {
    const html = readFileSync(FILE, 'utf8');
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
  });

  it('has the port tables of the five modules', async () => {
    const tables = await page.$$eval('article.module', (as) =>
      as.map((a) => ({ id: a.id, rows: a.querySelectorAll('table.ports tbody tr').length })),
    );
    expect(tables.map((t) => t.id)).toEqual([
      'mod-vti_psr',
      'mod-vti_vmsw',
      'mod-vti_addr_check',
      'mod-vti_fault_prio',
      'mod-vti_core',
    ]);
    for (const t of tables) expect(t.rows, t.id).toBeGreaterThan(3);
    expect(await page.textContent('#mod-vti_core table.ports')).toContain('env_pending');
  });

  it('shows a decoded SVG schematic per module and synthesis figures', async () => {
    const imgs = await page.$$eval('img.schematic-svg', (is) =>
      is.map((i) => ({
        ok: (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0,
        src: (i as HTMLImageElement).src.slice(0, 26),
      })),
    );
    expect(imgs).toHaveLength(5);
    for (const i of imgs) expect(i).toEqual({ ok: true, src: 'data:image/svg+xml;base64,' });
    expect(await page.$$eval('table.synth-overview tbody tr', (r) => r.length)).toBe(5);
  });

  it('toggles a schematic between fit and 1:1 (the inline script runs)', async () => {
    const fig = page.locator('#sch-vti_vmsw');
    await expect.poll(() => fig.getAttribute('class')).toContain('fit');
    await page.click('button[data-target="sch-vti_vmsw"]');
    expect(await fig.getAttribute('class')).not.toContain('fit');
    await page.click('button[data-target="sch-vti_vmsw"]');
  });

  it('links each schematic to its full-size SVG file and keeps the table of contents in view', async () => {
    const links = await page.$$eval('.tools a.full', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(
      ['vti_psr', 'vti_vmsw', 'vti_addr_check', 'vti_fault_prio', 'vti_core'].map((m) => `schematics/${m}.svg`),
    );
    for (const l of links) expect(readFileSync(join(OUT, l!), 'utf8')).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    expect(await page.$$eval('nav a.sub', (as) => as.map((a) => a.getAttribute('href')))).toContain('#mod-vti_core');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect((await page.locator('nav').boundingBox())?.y).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('shows the co-simulation and formal tables', async () => {
    expect(await page.$$eval('table.cosim tbody tr', (r) => r.length)).toBe(4);
    expect(await page.$$eval('table.core-cosim tbody tr', (r) => r.length)).toBeGreaterThan(0);
    // outcomes, fault pairs, PSR transitions, external interrupts
    expect(await page.$$eval('table.coverage tbody tr', (r) => r.length)).toBe(4);
    const seeded = await page.$$eval('table.seeded tbody tr td:nth-child(4)', (r) => r.map((x) => x.textContent));
    expect(seeded[0]).toBe('matches');
    expect(
      seeded.slice(1).every((x) => x === 'found'),
      seeded.join(', '),
    ).toBe(true);
    expect(await page.$$eval('table.formal tbody tr', (r) => r.map((x) => x.textContent ?? ''))).toEqual(
      expect.arrayContaining([expect.stringContaining('equivalent')]),
    );
  });

  it('shows three simulated timing diagrams with their checks', async () => {
    const waves = await page.$$eval('article.wave', (as) =>
      as.map((a) => {
        const img = a.querySelector('img.wave-svg') as HTMLImageElement | null;
        return {
          id: a.id,
          decoded: !!img && img.complete && img.naturalWidth > 0,
          ok: a.querySelectorAll('ul.checks li.ok').length,
          bad: a.querySelectorAll('ul.checks li.bad').length,
        };
      }),
    );
    expect(waves.map((w) => w.id)).toEqual(['wave-vmsw', 'wave-virt-fault', 'wave-rfi']);
    for (const w of waves) expect(w, w.id).toMatchObject({ decoded: true, bad: 0 });
  });

  it('shows the demo bar chart with the three techniques', async () => {
    const bars = await page.$$eval('#demo svg.chart g.bar', (gs) =>
      gs.map((g) => Number(g.getAttribute('data-value'))),
    );
    expect(bars).toHaveLength(3);
    for (const b of bars) expect(b).toBeGreaterThan(0);
  });

  it('logs no console error and makes no failed or outside request; saves a screenshot', async () => {
    await page.screenshot({ path: SHOT, fullPage: true });
    expect(existsSync(SHOT)).toBe(true);
    expect(problems).toEqual([]);
  });
});
