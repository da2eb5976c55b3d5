// Emit benchmark driver: tsqt's Signal against a plain call and peers, one run.
//
//   node --import tsx bench/emit/run.ts [--rounds 2] [--cases emit_1L_2a,churn,alloc]
//        [--only tsqt,tseep] [--samples 7] [--sample-ms 60] [--alloc-n 1000000] [--alloc-rounds 1] [--json FILE]
//
// Every (implementation, case) pair runs in its own fresh Node process, once
// per round, with the order of implementations rotated between rounds. A
// figure is the median over rounds of each process's median sample; "spread"
// is min..max over rounds. Ratios are taken within this run only.
import path from 'node:path';
import {
  benchRoot, fmtNs, fmtRate, loadWarning, machine, machineLine, mdTable, median, nodeTs, pad, parseArgs, runWorker, writeResults,
} from '../lib/stats.js';

const here = path.join(benchRoot, 'emit');
export const IMPLS = {
  direct: { file: 'adapters/direct.ts', label: 'plain call (floor)' },
  tsqt: { file: 'tsqt-candidate.ts', label: 'tsqt Signal' },
  tseep: { file: 'adapters/tseep.ts', label: 'tseep' },
  'mini-signals': { file: 'adapters/mini-signals.ts', label: 'mini-signals' },
  'node-events': { file: 'adapters/node-events.ts', label: 'node:events EventEmitter' },
  eventemitter3: { file: 'adapters/eventemitter3.ts', label: 'eventemitter3' },
  lumino: { file: 'adapters/lumino.ts', label: '@lumino/signaling' },
} as const;
type ImplKey = keyof typeof IMPLS;
export const EMIT_CASES = ['emit_0L_0a', 'emit_0L_2a', 'emit_1L_0a', 'emit_1L_2a', 'emit_10L_0a', 'emit_10L_2a', 'churn'] as const;
const LABEL: Record<string, string> = {
  emit_0L_0a: 'emit, 0 slots, 0 args', emit_0L_2a: 'emit, 0 slots, 2 args',
  emit_1L_0a: 'emit, 1 slot, 0 args', emit_1L_2a: 'emit, 1 slot, 2 args',
  emit_10L_0a: 'emit, 10 slots, 0 args', emit_10L_2a: 'emit, 10 slots, 2 args',
  churn: 'connect + disconnect (1 slot stays connected)',
};
export const ALLOC_KINDS = ['qobject', 'signal-field', 'qobject-signal', 'qobject-signal-1conn', 'floor', 'eventemitter3'] as const;
const ALLOC_LABEL: Record<string, string> = {
  qobject: 'bare QObject', 'signal-field': 'plain user object + 1 Signal field (never connected)',
  'qobject-signal': 'QObject subclass + 1 Signal field (never connected)',
  'qobject-signal-1conn': 'QObject subclass + 1 Signal field + 1 slot connected', floor: 'floor: plain object, 1 field',
  eventemitter3: 'plain object + 1 eventemitter3 (peer)',
};

const a = parseArgs(process.argv.slice(2));
const rounds = Number(a.get('rounds') ?? 2);
const samples = Number(a.get('samples') ?? 7);
const sampleMs = Number(a.get('sample-ms') ?? 60);
const allocN = Number(a.get('alloc-n') ?? 1_000_000);
const allocRounds = Number(a.get('alloc-rounds') ?? 1); // bytes/object are exact to a few bytes: one process per kind is enough
const only = a.get('only')?.split(',');
const caseArg = a.get('cases')?.split(',') ?? [...EMIT_CASES, 'alloc'];
const cases = caseArg.filter((c) => c !== 'alloc');
const withAlloc = caseArg.includes('alloc');
const impls = (Object.keys(IMPLS) as ImplKey[]).filter((k) => !only || only.includes(k) || k === 'direct');
for (const c of cases) if (!(EMIT_CASES as readonly string[]).includes(c)) { console.error(`unknown case ${c}`); process.exit(1); }

const warn = loadWarning();
if (warn) console.error(warn);
const head = machine();
const raw: Record<string, Record<string, Record<string, unknown>[]>> = {};
const t0 = Date.now();
let done = 0;
const total = rounds * cases.length * impls.length + (withAlloc ? allocRounds * ALLOC_KINDS.length : 0);
const progress = (s: string): void => { if (process.stderr.isTTY) process.stderr.write(`\r[${++done}/${total}] ${s}`.padEnd(70)); else done++; };
for (let r = 0; r < rounds; r++) {
  for (const c of cases) {
    for (let i = 0; i < impls.length; i++) {
      const k = impls[(i + r) % impls.length]!;
      const res = runWorker(nodeTs(path.join(here, 'worker.ts'), []).concat(path.join(here, IMPLS[k].file), c, String(sampleMs), String(samples)));
      ((raw[c] ??= {})[k] ??= []).push(res);
      progress(`round ${r + 1} ${c} ${k}`);
      if (res.error) process.stderr.write(`\n  ERROR ${k} ${c}: ${res.error}\n`);
    }
  }
  if (withAlloc && r < allocRounds) {
    for (const kind of ALLOC_KINDS) {
      const res = runWorker(nodeTs(path.join(here, 'alloc.ts'), ['--max-old-space-size=4096']).concat(kind, String(allocN), '3'), 300_000);
      ((raw.alloc ??= {})[kind] ??= []).push(res);
      progress(`round ${r + 1} alloc ${kind}`);
      if (res.error) process.stderr.write(`\n  ERROR alloc ${kind}: ${res.error}\n`);
    }
  }
}
if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(72) + '\r');
const seconds = (Date.now() - t0) / 1000;

// ---- summary
interface Row { ops: number; min: number; max: number; n: number }
const summary: Record<string, Record<string, Row | { error: string }>> = {};
for (const c of cases) {
  summary[c] = {};
  for (const k of impls) {
    const rs = (raw[c]?.[k] ?? []).filter((x) => !x.error);
    if (!rs.length) { summary[c]![k] = { error: String(raw[c]?.[k]?.[0]?.error ?? 'no result') }; continue; }
    const m = rs.map((x) => x.median as number);
    summary[c]![k] = { ops: median(m), min: Math.min(...m), max: Math.max(...m), n: m.length };
  }
}
const ok = (x: Row | { error: string } | undefined): x is Row => !!x && !('error' in x);
const opsOf = (c: string, k: string): number => { const x = summary[c]?.[k]; return ok(x) ? x.ops : NaN; };

const lines: string[] = [];
const out = (s = ''): void => { lines.push(s); };
out(`# emit benchmark  ${machineLine()}`);
out(`# ${rounds} round(s), ${samples} samples x ${sampleMs} ms per process, ${seconds.toFixed(0)} s; spread = min..max of per-round medians`);
if (warn) out(`# ${warn}`);
for (const c of cases) {
  out('');
  out(`## ${c}: ${LABEL[c]}`);
  out(`${pad('implementation', 28, true)} ${pad('ops/s', 10)} ${pad('ns/op', 8)} ${pad('spread (ops/s)', 22)} ${pad('x floor', 8)}`);
  const base = opsOf(c, 'direct');
  for (const k of impls) {
    const x = summary[c]![k];
    if (!ok(x)) { out(`${pad(IMPLS[k].label, 28, true)} ERROR ${x?.error}`); continue; }
    out(`${pad(IMPLS[k].label, 28, true)} ${pad(fmtRate(x.ops), 10)} ${pad(fmtNs(x.ops), 8)} ${pad(`${fmtRate(x.min)}..${fmtRate(x.max)}`, 22)} ${pad((base / x.ops).toFixed(2), 8)}`);
  }
}

// ---- alloc
const alloc: Record<string, Record<string, number> | { error: string }> = {};
if (withAlloc) {
  out('');
  out(`## alloc: heap bytes per object, ${allocN.toLocaleString('en')} objects per round, --expose-gc, median of ${allocRounds} process(es) x 3 rounds`);
  out(`${pad('object', 56, true)} ${pad('bytes', 7)} ${pad('spread', 11)} ${pad('creations/s', 12)}`);
  for (const kind of ALLOC_KINDS) {
    const rs = (raw.alloc?.[kind] ?? []).filter((x) => !x.error);
    if (!rs.length) { alloc[kind] = { error: String(raw.alloc?.[kind]?.[0]?.error ?? 'no result') }; out(`${pad(ALLOC_LABEL[kind], 56, true)} ERROR ${(alloc[kind] as { error: string }).error}`); continue; }
    const b = rs.map((x) => x.bytesPerObject as number), cr = rs.map((x) => x.createPerSec as number);
    const lo = Math.min(...rs.map((x) => x.bytesMin as number)), hi = Math.max(...rs.map((x) => x.bytesMax as number));
    alloc[kind] = { bytes: median(b), bytesMin: lo, bytesMax: hi, createPerSec: median(cr) };
    out(`${pad(ALLOC_LABEL[kind], 56, true)} ${pad(median(b).toFixed(0), 7)} ${pad(`${lo.toFixed(0)}..${hi.toFixed(0)}`, 11)} ${pad(fmtRate(median(cr)), 12)}`);
  }
}

// ---- tsqt ratios and targets
interface Target { what: string; value: number; target: number; pass: boolean; detail: string }
const targets: Target[] = [];
if (impls.includes('tsqt')) {
  out('');
  out('## tsqt ratios (ops/s of tsqt / ops/s of peer; > 1 = tsqt faster)');
  out(`${pad('case', 14, true)} ${pad('vs plain call', 14)} ${pad('vs tseep', 9)} ${pad('vs eventemitter3', 17)} ${pad('vs mini-signals', 16)} ${pad('vs node:events', 15)}`);
  const ratio = (c: string, k: string): number => opsOf(c, 'tsqt') / opsOf(c, k);
  const f = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '-');
  for (const c of cases) {
    out(`${pad(c, 14, true)} ${pad(f(ratio(c, 'direct')), 14)} ${pad(f(ratio(c, 'tseep')), 9)} ${pad(f(ratio(c, 'eventemitter3')), 17)} ${pad(f(ratio(c, 'mini-signals')), 16)} ${pad(f(ratio(c, 'node-events')), 15)}`);
  }
  const add = (what: string, value: number, target: number, detail: string): void => {
    if (Number.isFinite(value)) targets.push({ what, value, target, pass: value >= target, detail });
  };
  for (const c of ['emit_1L_0a', 'emit_1L_2a']) add(`${c}: tsqt / plain call`, ratio(c, 'direct'), 0.75, `${fmtRate(opsOf(c, 'tsqt'))} vs ${fmtRate(opsOf(c, 'direct'))} ops/s`);
  for (const c of ['emit_10L_0a', 'emit_10L_2a']) add(`${c}: tsqt / tseep`, ratio(c, 'tseep'), 0.5, `${fmtRate(opsOf(c, 'tsqt'))} vs ${fmtRate(opsOf(c, 'tseep'))} ops/s`);
  add('churn: tsqt / eventemitter3', ratio('churn', 'eventemitter3'), 1, `${fmtRate(opsOf('churn', 'tsqt'))} vs ${fmtRate(opsOf('churn', 'eventemitter3'))} ops/s`);
  const q = alloc.qobject;
  if (q && !('error' in q)) targets.push({ what: 'alloc: bytes per bare QObject (target <= 128)', value: q.bytes!, target: 128, pass: q.bytes! <= 128, detail: `${q.bytes!.toFixed(0)} B` });
  out('');
  out('## targets');
  for (const t of targets) out(`${t.pass ? 'PASS' : 'MISS'}  ${pad(t.what, 46, true)} ${pad(t.value.toFixed(2), 8)} (target ${t.what.startsWith('alloc') ? '<=' : '>='} ${t.target}; ${t.detail})`);
}
console.log(lines.join('\n'));

// ---- markdown (for RESULTS.md)
const md: string[] = [];
{
  const head2 = ['implementation', ...cases.map((c) => LABEL[c]!)];
  const rows = impls.map((k) => [IMPLS[k].label, ...cases.map((c) => {
    const x = summary[c]![k];
    if (!ok(x)) return 'error';
    const base = opsOf(c, 'direct');
    return `${fmtRate(x.ops)} (${fmtNs(x.ops)} ns, ${(base / x.ops).toFixed(1)}x)`;
  })]);
  md.push(mdTable(head2, rows));
}
const file = writeResults('emit', { ...head, seconds, options: { rounds, samples, sampleMs, allocN, allocRounds, cases, impls }, summary, alloc, targets, markdown: md.join('\n'), raw }, a.get('json'));
console.error(`results: ${file}`);
const anyError = Object.values(summary).some((c) => Object.values(c).some((x) => 'error' in x));
process.exit(anyError ? 1 : 0);
