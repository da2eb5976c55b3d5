/**
 * The porting guide's list of recorded differences (docs/guides/porting.md, section "Recorded
 * differences from Qt 5.15") names exactly the scenarios and kinds of
 * test/conformance/deviations.ts: adding a deviation without documenting it fails here, and so
 * does documenting one that no longer exists.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deviations } from '../conformance/deviations.js';

const root = resolve(import.meta.dirname, '..', '..');

/** The `scenario kind` pairs of the guide's table. */
function guidePairs(): string[] {
  const text = readFileSync(join(root, 'docs', 'guides', 'porting.md'), 'utf8');
  const start = text.indexOf('## Recorded differences from Qt 5.15');
  expect(start, 'the section "## Recorded differences from Qt 5.15" in porting.md').to.be.greaterThan(-1);
  const rest = text.slice(start + 1);
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  const pairs: string[] = [];
  for (const m of section.matchAll(/^\|\s*`([a-z0-9_]+)`\s*\|\s*([a-z-]+)\s*\|\s*(.*?)\s*\|\s*$/gm)) {
    expect(m[3]!.length, `an explanation for ${m[1]} (${m[2]})`).to.be.greaterThan(20);
    pairs.push(`${m[1]} ${m[2]}`);
  }
  return pairs;
}

describe('docs/guides/porting.md', function () {
  it('lists every deviation of test/conformance/deviations.ts (scenario and kind)', function () {
    const guide = new Set(guidePairs());
    const missing = [...new Set(deviations.map((d) => `${d.scenario} ${d.kind}`))].filter((p) => !guide.has(p));
    expect(missing, 'deviations missing from the porting guide').to.deep.equal([]);
  });

  it('lists no deviation that deviations.ts does not have', function () {
    const listed = new Set(deviations.map((d) => `${d.scenario} ${d.kind}`));
    const extra = guidePairs().filter((p) => !listed.has(p));
    expect(extra, 'rows of the porting guide with no deviation behind them').to.deep.equal([]);
  });

  it('maps every construct the issue names', function () {
    const text = readFileSync(join(root, 'docs', 'guides', 'porting.md'), 'utf8');
    for (const construct of ['pyqtSignal', 'connect', 'SIGNAL(', 'SLOT(', 'exec_()', 'sip.delete', 'readDatagram', 'waitForReadyRead', 'exception']) {
      expect(text, construct).to.include(construct);
    }
  });
});
