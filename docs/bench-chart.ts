// SPDX-License-Identifier: MIT
/**
 * Draws docs/images/bench-ratios.svg from the tables of bench/RESULTS.md.
 *
 *   node --import tsx docs/bench-chart.ts [--check]
 *
 * A table is charted when it has ratio columns: a header that reads as a ratio (`vs tseep`,
 * `tsqt / dgram`, `ratio`) over cells that are all plain numbers (`0.81`, `1.2x`; `-` is skipped).
 * Each such table becomes one panel: a bar per row and ratio column, with the parity line at 1.
 * The output depends only on RESULTS.md (no dates), so a test can check that the committed SVG
 * is up to date; `--check` exits 1 when it is not. `npm run docs` runs this script first.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One charted table. */
export interface RatioTable {
  /** The heading or sentence above the table. */
  title: string;
  /** The ratio columns' headers. */
  series: string[];
  /** One row per table row: its label and one value per series (NaN when the cell was `-`). */
  rows: { label: string; values: number[] }[];
}

const RATIO_HEADER = /\bvs\b|\s\/\s|ratio/i;
const NUMBER = /^(-?\d+(?:\.\d+)?)\s*[x×]?$/;

function cells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

function plain(s: string): string {
  return s.replace(/[*_`]/g, '').replace(/<[^>]+>/g, '').replace(/^#+\s*/, '').replace(/:$/, '').trim();
}

/** The ratio tables of a RESULTS.md text. */
export function parseRatioTables(markdown: string): RatioTable[] {
  const lines = markdown.split('\n');
  const tables: RatioTable[] = [];
  let title = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const isRow = line.trim().startsWith('|');
    if (!isRow) {
      if (line.trim() !== '' && !line.trim().startsWith('<sub>')) title = plain(line);
      continue;
    }
    // A table: header, separator, rows.
    const header = cells(line);
    const sep = lines[i + 1] ?? '';
    if (!/^\s*\|?\s*:?-{3,}/.test(sep)) continue;
    const body: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j]!.trim().startsWith('|'); j++) body.push(cells(lines[j]!));
    i = j - 1;
    const cols = header
      .map((h, k) => k)
      .filter((k) => k > 0 && RATIO_HEADER.test(header[k]!))
      .filter((k) => body.every((r) => (r[k] ?? '') === '-' || NUMBER.test(r[k] ?? '')))
      .filter((k) => body.some((r) => NUMBER.test(r[k] ?? '')));
    if (cols.length === 0 || body.length === 0) continue;
    tables.push({
      title: title || 'Benchmark ratios',
      series: cols.map((k) => plain(header[k]!)),
      rows: body.map((r) => ({
        label: plain(r[0] ?? ''),
        values: cols.map((k) => {
          const m = NUMBER.exec(r[k] ?? '');
          return m ? Number(m[1]) : NaN;
        }),
      })),
    });
  }
  return tables;
}

const COLORS = ['#2f5fa8', '#d08a1e', '#2f8a45', '#b03a3a', '#7b4fa8', '#3a8f98', '#8a6d3b', '#555555'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fmt(n: number): string {
  return n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** The SVG chart of the ratio tables of a RESULTS.md text. */
export function renderChart(markdown: string | null): string {
  const W = 760;
  const tables = markdown === null ? [] : parseRatioTables(markdown);
  // room for the longest row label at 12 px (about 6.6 px a character), within 120..300 px
  const longest = Math.max(0, ...tables.flatMap((t) => t.rows.map((r) => r.label.length)));
  const labelW = Math.min(300, Math.max(120, Math.ceil(16 + 6.6 * longest)));
  const plotW = W - labelW - 70;
  const out: string[] = [];
  let y = 34;
  const body: string[] = [];
  if (tables.length === 0) {
    body.push(`<text x="20" y="${y + 20}" fill="#555">${markdown === null ? 'bench/RESULTS.md does not exist yet: run npm run bench.' : 'bench/RESULTS.md has no ratio tables.'}</text>`);
    y += 40;
  }
  for (const t of tables) {
    const max = Math.max(1, ...t.rows.flatMap((r) => r.values.filter(Number.isFinite)));
    const scale = plotW / (max * 1.08);
    body.push(`<text x="20" y="${y + 16}" font-weight="600">${esc(t.title)}</text>`);
    y += 28;
    if (t.series.length > 1) {
      let lx = labelW;
      t.series.forEach((s, k) => {
        body.push(`<rect x="${lx}" y="${y - 9}" width="10" height="10" fill="${COLORS[k % COLORS.length]}"/>`);
        body.push(`<text x="${lx + 14}" y="${y}" font-size="11">${esc(s)}</text>`);
        lx += 20 + s.length * 6.2;
        if (lx > W - 80) {
          lx = labelW;
          y += 16;
        }
      });
      y += 10;
    } else {
      body.push(`<text x="${labelW}" y="${y}" font-size="11" fill="#555">${esc(t.series[0]!)}</text>`);
      y += 10;
    }
    const bar = 11;
    const top = y;
    for (const r of t.rows) {
      const h = t.series.length * (bar + 2) + 8;
      body.push(`<text x="${labelW - 8}" y="${y + h / 2 + 2}" text-anchor="end" font-size="12">${esc(r.label)}</text>`);
      r.values.forEach((v, k) => {
        const by = y + 4 + k * (bar + 2);
        if (!Number.isFinite(v)) return;
        const w = Math.max(1, v * scale);
        body.push(`<rect x="${labelW}" y="${by}" width="${w.toFixed(1)}" height="${bar}" fill="${COLORS[k % COLORS.length]}"><title>${esc(`${r.label}, ${t.series[k]}: ${v}`)}</title></rect>`);
        body.push(`<text x="${(labelW + w + 4).toFixed(1)}" y="${by + bar - 1}" font-size="10" fill="#333">${fmt(v)}</text>`);
      });
      y += h;
    }
    const x1 = (labelW + scale).toFixed(1);
    body.push(`<line x1="${x1}" y1="${top}" x2="${x1}" y2="${y}" stroke="#b03a3a" stroke-dasharray="4 3"/>`);
    body.push(`<text x="${x1}" y="${y + 13}" text-anchor="middle" font-size="10" fill="#b03a3a">1 = parity</text>`);
    y += 30;
  }
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${y}" width="${W}" height="${y}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" font-size="13">`);
  out.push('<title>tsqt benchmark ratios (from bench/RESULTS.md)</title>');
  out.push(`<rect x="0" y="0" width="${W}" height="${y}" fill="#ffffff"/>`);
  out.push('<text x="20" y="22" font-size="12" fill="#555">Ratios as bench/RESULTS.md gives them (see each table\'s heading for its direction).</text>');
  out.push(...body);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

export const root = resolve(import.meta.dirname, '..');
export const resultsFile = join(root, 'bench', 'RESULTS.md');
export const chartFile = join(root, 'docs', 'images', 'bench-ratios.svg');

/** The chart for the current bench/RESULTS.md. */
export function currentChart(): string {
  return renderChart(existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : null);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const svg = currentChart();
  if (process.argv.includes('--check')) {
    const same = existsSync(chartFile) && readFileSync(chartFile, 'utf8') === svg;
    if (!same) console.error('docs/images/bench-ratios.svg is out of date: run node --import tsx docs/bench-chart.ts');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(chartFile, svg);
  console.log(`wrote ${chartFile.slice(root.length + 1)}`);
}
