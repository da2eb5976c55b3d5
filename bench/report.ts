// Prints the markdown tables of RESULTS.md from result files of bench/results/.
//
//   node --import tsx bench/report.ts [--emit FILE] [--scale FILE] [--udp FILE]
//
// Without a file, the newest of each kind is used.
import fs from 'node:fs';
import path from 'node:path';
import { benchRoot, fmtMs, fmtNs, fmtRate, mdTable, parseArgs } from './lib/stats.js';

const a = parseArgs(process.argv.slice(2));
const dir = path.join(benchRoot, 'results');
function newest(kind: string): string | null {
  if (!fs.existsSync(dir)) return null;
  const f = fs.readdirSync(dir).filter((x) => x.startsWith(kind + '-') && x.endsWith('.json')).sort().pop();
  return f ? path.join(dir, f) : null;
}
const load = (kind: string): any => {
  const f = a.get(kind) ?? newest(kind);
  if (!f) return null;
  const j = JSON.parse(fs.readFileSync(f, 'utf8'));
  j.__file = path.relative(path.resolve(benchRoot, '..'), f);
  return j;
};
const head = (j: any): string => `${j.__file}: ${j.date}, node ${j.node}, ${j.cpu} x${j.cpus}, load before ${(j.loadavg ?? []).join(' ')}, ${Math.round(j.seconds)} s`;
const mark = (pass: boolean): string => (pass ? 'yes' : '**MISSED**');
const lines: string[] = [];
const out = (s = ""): void => { lines.push(s); };

const emit = load('emit');
if (emit) {
  const LABEL: Record<string, string> = { emit_0L_0a: '0 slots, 0 args', emit_0L_2a: '0 slots, 2 args', emit_1L_0a: '1 slot, 0 args', emit_1L_2a: '1 slot, 2 args', emit_10L_0a: '10 slots, 0 args', emit_10L_2a: '10 slots, 2 args', churn: 'connect + disconnect' };
  const NAMES: Record<string, string> = { direct: 'plain call (floor)', tsqt: '**tsqt Signal**', tseep: 'tseep', 'mini-signals': 'mini-signals', 'node-events': 'node:events', eventemitter3: 'eventemitter3', lumino: '@lumino/signaling' };
  const cases: string[] = emit.options.cases;
  const impls: string[] = emit.options.impls;
  const ops = (c: string, k: string): number => emit.summary[c]?.[k]?.ops ?? NaN;
  out(`### Emit: ns per operation (ops/s), x = slowdown vs plain call\n`);
  out(`<sub>${head(emit)}; ${emit.options.rounds} fresh-process rounds, medians</sub>\n`);
  out(mdTable(['implementation', ...cases.map((c) => LABEL[c] ?? c)], impls.map((k) => [NAMES[k] ?? k, ...cases.map((c) => {
    const x = ops(c, k);
    if (!Number.isFinite(x)) return 'error';
    return `${fmtNs(x)} ns (${fmtRate(x)}, ${(ops(c, 'direct') / x).toFixed(1)}x)`;
  })])));
  out('');
  out('Spread (min..max of the per-round medians, ops/s) of tsqt: ' + cases.map((c) => { const s = emit.summary[c]?.tsqt; return s ? `${LABEL[c]} ${fmtRate(s.min)}..${fmtRate(s.max)}` : ''; }).join('; ') + '.');
  out('');
  out('tsqt ratios (tsqt ops/s / peer ops/s; > 1 = tsqt faster):\n');
  const r = (c: string, k: string): string => { const x = ops(c, 'tsqt') / ops(c, k); return Number.isFinite(x) ? x.toFixed(2) : '-'; };
  out(mdTable(['case', 'vs plain call', 'vs tseep', 'vs eventemitter3', 'vs mini-signals', 'vs node:events', 'vs lumino'], cases.map((c) => [LABEL[c] ?? c, r(c, 'direct'), r(c, 'tseep'), r(c, 'eventemitter3'), r(c, 'mini-signals'), r(c, 'node-events'), r(c, 'lumino')])));
  out('');
  if (emit.alloc && Object.keys(emit.alloc).length) {
    const AL: Record<string, string> = { qobject: 'bare `new QObject()`', 'signal-field': 'plain user object with one `Signal` field, never connected', 'qobject-signal': 'QObject subclass with one `Signal` field, never connected', 'qobject-signal-1conn': 'the same with one slot connected', floor: 'floor: plain object with one field', eventemitter3: 'plain object owning one eventemitter3 (peer)' };
    out(`### Memory: heap bytes per object (${emit.options.allocN.toLocaleString('en')} objects, --expose-gc)\n`);
    out(mdTable(['object', 'bytes', 'spread', 'creations/s'], Object.entries(emit.alloc).map(([k, v]: [string, any]) => v.error ? [AL[k] ?? k, 'error', '', ''] : [AL[k] ?? k, v.bytes.toFixed(0), `${v.bytesMin.toFixed(0)}..${v.bytesMax.toFixed(0)}`, fmtRate(v.createPerSec)])));
    out('');
  }
  out('Targets:\n');
  out(mdTable(['target', 'measured', 'met'], emit.targets.map((t: any) => [t.what.replace(/ \(target.*\)/, '') + (t.what.startsWith('alloc') ? ' <= 128 B' : ` >= ${t.target}`), `${t.value.toFixed(2)} (${t.detail})`, mark(t.pass)])));
  out('');
}

const scale = load('scale');
if (scale) {
  out(`### Scale\n`);
  out(`<sub>${head(scale)}; ${scale.options.rounds} round(s)</sub>\n`);
  const s = scale.summary;
  const rows: string[][] = [];
  const rowsOf = (c: string, n: string, what: string, cell: (x: any) => string): void => { if (s[c]?.[n]) rows.push([what, cell(s[c][n])]); };
  rowsOf('delete', '100000', 'dispose() of a parent with 100,000 children', (x) => `${fmtMs(x.deleteMs)} ms (${x.nsPerChild.toFixed(0)} ns/child; creating them: ${fmtMs(x.createMs)} ms)`);
  rowsOf('delete', '1000000', 'dispose() of a parent with 1,000,000 children', (x) => `${fmtMs(x.deleteMs)} ms (${x.nsPerChild.toFixed(0)} ns/child; creating them: ${fmtMs(x.createMs)} ms)`);
  rowsOf('timers', '10000', '10,000 QTimers (1..10 ms) started, fired once, stopped', (x) => `${fmtMs(x.startToLastMs)} ms from first start() to last timeout (${x.usPerTimer.toFixed(2)} us/timer; creating them: ${fmtMs(x.createMs)} ms)`);
  rowsOf('timers', '100000', '100,000 QTimers (1..10 ms) started, fired once, stopped', (x) => `${fmtMs(x.startToLastMs)} ms from first start() to last timeout (${x.usPerTimer.toFixed(2)} us/timer; creating them: ${fmtMs(x.createMs)} ms)`);
  for (const n of ['100000', '1000000']) rowsOf('posted', n, `${Number(n).toLocaleString('en')} events posted at once, then delivered`, (x) => `${fmtRate(x.perSec)}/s (post ${fmtMs(x.postMs)} ms + deliver ${fmtMs(x.deliverMs)} ms${x.allocMs !== undefined ? `; floor: creating and holding the QEvents alone ${fmtMs(x.allocMs)} ms` : ''})`);
  for (const n of ['100000', '1000000']) rowsOf('posted-steady', n, `${Number(n).toLocaleString('en')} events posted 1,000 per loop turn`, (x) => `${fmtRate(x.perSec)}/s (${fmtMs(x.totalMs)} ms)`);
  out(mdTable(['what', 'figure'], rows));
  out('');
  out(mdTable(['target', 'measured', 'met'], scale.targets.map((t: any) => [t.what.includes('ratio') ? `${t.what} <= 12x` : `${t.what} >= 1,000,000/s`, t.what.includes('ratio') ? `${t.value.toFixed(2)}x (${t.detail})` : `${fmtRate(t.value)}/s (${t.detail})`, mark(t.pass)])));
  out('');
}

const udp = load('udp');
if (udp) {
  out(`### UDP on loopback: tsqt QUdpSocket vs Node dgram (same run)\n`);
  out(`<sub>${head(udp)}; ${udp.options.runs} runs, ${udp.options.pin ? 'pinned' : 'unpinned'}, flood N=${udp.options.count}, round trips N=${udp.options.rtCount}</sub>\n`);
  const rows: string[][] = [];
  for (const scen of udp.options.scenarios) for (const size of udp.options.sizes) {
    const r = udp.summary[scen]?.[size];
    if (!r) continue;
    const cell = (k: string): string => {
      const x = r[k];
      if (!x || x.error) return 'error';
      if (x.rate) return `${fmtRate(x.rate.med)} rt/s (p50 ${x.rtt50.med.toFixed(1)} us, p99 ${x.rtt99.med.toFixed(0)} us)`;
      const loss = x.loss.med > 0.005 ? `, ${(x.loss.med * 100).toFixed(0)}% lost, offered ${fmtRate(x.offered.med)}` : '';
      return `${fmtRate(x.delivered.med)}/s${loss}`;
    };
    const ratio = udp.ratios.find((q: any) => q.scenario === scen && q.size === size);
    rows.push([`${scen}, ${size} B`, cell('tsqt'), cell('node'), ratio ? ratio.ratio.toFixed(2) : '-']);
  }
  out(mdTable(['scenario', 'tsqt QUdpSocket', 'Node dgram', 'tsqt / dgram'], rows));
  out('');
}
console.log(lines.join("\n"));
