/**
 * docs/bench-chart.ts: it finds the ratio tables of bench/RESULTS.md, and the committed
 * docs/images/bench-ratios.svg is what it draws from the current RESULTS.md.
 */
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { chartFile, currentChart, parseRatioTables, renderChart } from '../../docs/bench-chart.js';

const sample = [
  '### UDP on loopback',
  '',
  '| scenario | tsqt QUdpSocket | Node dgram | tsqt / dgram |',
  '| --- | --- | --- | --- |',
  '| flood, 64 B | 66.2 k/s | 82.1 k/s | 0.81 |',
  '| echo, 64 B | 10 k/s | 8 k/s | 1.25x |',
  '| window, 1 KiB | - | 5 k/s | - |',
  '',
  'tsqt ratios:',
  '',
  '| case | vs tseep | vs lumino | note |',
  '| --- | --- | --- | --- |',
  '| 1 slot | 0.12 | 2.5 | fine |',
  '',
  '| target | measured | met |',
  '| --- | --- | --- |',
  '| churn >= 1 | 0.79 (18 M vs 22 M) | no |',
].join('\n');

describe('docs/bench-chart.ts', function () {
  it('charts the ratio columns of RESULTS.md tables and nothing else', function () {
    const tables = parseRatioTables(sample);
    expect(tables.map((t) => t.title)).to.deep.equal(['UDP on loopback', 'tsqt ratios']);
    expect(tables[0]!.series).to.deep.equal(['tsqt / dgram']);
    expect(tables[0]!.rows.map((r) => r.label)).to.deep.equal(['flood, 64 B', 'echo, 64 B', 'window, 1 KiB']);
    expect(tables[0]!.rows[0]!.values).to.deep.equal([0.81]);
    expect(tables[0]!.rows[1]!.values).to.deep.equal([1.25]);
    expect(Number.isNaN(tables[0]!.rows[2]!.values[0])).to.equal(true);
    expect(tables[1]!.series).to.deep.equal(['vs tseep', 'vs lumino']);
    expect(tables[1]!.rows[0]!.values).to.deep.equal([0.12, 2.5]);
  });

  it('draws one bar per value, the longest for the largest ratio', function () {
    const svg = renderChart(sample);
    const widths = [...svg.matchAll(/<rect x="\d+" y="[\d.]+" width="([\d.]+)" height="11"[^>]*><title>([^<]*)<\/title>/g)].map((m) => [m[2], Number(m[1])] as const);
    expect(widths.map(([t]) => t)).to.deep.equal(['flood, 64 B, tsqt / dgram: 0.81', 'echo, 64 B, tsqt / dgram: 1.25', '1 slot, vs tseep: 0.12', '1 slot, vs lumino: 2.5']);
    expect(widths[1]![1] / widths[0]![1]).to.be.closeTo(1.25 / 0.81, 0.01);
    expect(renderChart(null)).to.include('does not exist yet');
  });

  it('is up to date: docs/images/bench-ratios.svg is drawn from the current bench/RESULTS.md (run npm run docs)', function () {
    expect(existsSync(chartFile), 'docs/images/bench-ratios.svg').to.equal(true);
    expect(readFileSync(chartFile, 'utf8') === currentChart(), 'docs/images/bench-ratios.svg is out of date: run `node --import tsx docs/bench-chart.ts`').to.equal(true);
  });
});
