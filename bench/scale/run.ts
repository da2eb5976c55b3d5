// Scale benchmark driver: costs that must grow linearly.
//
//   node --import tsx bench/scale/run.ts [--rounds 1] [--cases delete,timers,posted] [--json FILE]
//
// delete: dispose() of a parent with 100k vs 1M children; timers: 10k vs 100k
// QTimers started, fired and stopped; posted: 100k vs 1M posted events. Each
// (case, size, round) is a fresh process. Reported: medians over rounds and the
// ratio big/small (10x the work: target <= 12x), plus posted events/s (target
// >= 1,000,000/s), posted all at once and 1,000 per event-loop turn.
import path from 'node:path';
import { benchRoot, fmtMs, fmtRate, loadWarning, machine, machineLine, median, nodeTs, pad, parseArgs, runWorker, writeResults } from '../lib/stats.js';

const a = parseArgs(process.argv.slice(2));
const rounds = Number(a.get('rounds') ?? 1);
const SIZES: Record<string, [number, number]> = { delete: [100_000, 1_000_000], timers: [10_000, 100_000], posted: [100_000, 1_000_000], 'posted-steady': [100_000, 1_000_000] };
const METRIC: Record<string, string> = { delete: 'deleteMs', timers: 'startToLastMs', posted: 'totalMs', 'posted-steady': 'totalMs' };
const cases = a.get('cases')?.split(',') ?? Object.keys(SIZES);
const worker = path.join(benchRoot, 'scale', 'worker.ts');

const warn = loadWarning();
if (warn) console.error(warn);
const head = machine();
const raw: Record<string, Record<number, Record<string, unknown>[]>> = {};
const t0 = Date.now();
for (let r = 0; r < rounds; r++) {
  for (const c of cases) {
    const sizes = SIZES[c];
    if (!sizes) { console.error(`unknown case ${c}`); process.exit(1); }
    for (const n of sizes) {
      // The big size gets a time budget of 15x the small one's measured time
      // (+5 s for start-up; 20..150 s): past it, the 10x ratio is a miss
      // anyway, and a quadratic cost must not hold up the whole run.
      let limit = 150_000;
      if (n === sizes[1]) {
        const small = (raw[c]?.[sizes[0]] ?? []).filter((x) => !x.error).map((x) => x[METRIC[c]!] as number);
        if (small.length) limit = Math.min(150_000, Math.max(20_000, 15 * median(small) + 5_000));
      }
      const res = runWorker(nodeTs(worker, ['--max-old-space-size=4096']).concat(c, String(n)), limit);
      ((raw[c] ??= {})[n] ??= []).push(res);
      if (res.error) process.stderr.write(`ERROR scale ${c} ${n}: ${res.error}\n`);
    }
  }
}
const seconds = (Date.now() - t0) / 1000;

const lines: string[] = [];
const out = (s = ''): void => { lines.push(s); };
out(`# scale benchmark  ${machineLine()}`);
out(`# ${rounds} round(s), one fresh process per (case, size, round), ${seconds.toFixed(0)} s; values are medians over rounds`);
if (warn) out(`# ${warn}`);
const summary: Record<string, unknown> = {};
interface Target { what: string; value: number; target: number; pass: boolean; detail: string }
const targets: Target[] = [];
const med = (c: string, n: number, key: string): number => {
  const rs = (raw[c]?.[n] ?? []).filter((x) => !x.error);
  return rs.length ? median(rs.map((x) => x[key] as number)) : NaN;
};
const err = (c: string, n: number): string | undefined => (raw[c]?.[n] ?? []).find((x) => x.error)?.error as string | undefined;
for (const c of cases) {
  const [small, big] = SIZES[c]!;
  const key = METRIC[c]!;
  out('');
  for (const n of [small, big]) {
    const e = err(c, n);
    if (e && !(raw[c]?.[n] ?? []).some((x) => !x.error)) { out(`${c} ${n.toLocaleString('en')}: ERROR ${e}`); continue; }
    if (c === 'delete') out(`delete parent with ${pad(n.toLocaleString('en'), 9)} children: dispose ${pad(fmtMs(med(c, n, 'deleteMs')), 7)} ms (${med(c, n, 'nsPerChild').toFixed(0)} ns/child); creating them took ${fmtMs(med(c, n, 'createMs'))} ms; heap ${med(c, n, 'heapMB').toFixed(0)} MB`);
    if (c === 'timers') out(`${pad(n.toLocaleString('en'), 7)} QTimers: create ${pad(fmtMs(med(c, n, 'createMs')), 6)} ms, start ${pad(fmtMs(med(c, n, 'startMs')), 6)} ms, until last fired+stopped ${pad(fmtMs(med(c, n, 'fireMs')), 7)} ms; start..last ${fmtMs(med(c, n, 'startToLastMs'))} ms (${med(c, n, 'usPerTimer').toFixed(2)} us/timer)`);
    if (c === 'posted') out(`${pad(n.toLocaleString('en'), 9)} posted events at once: post ${pad(fmtMs(med(c, n, 'postMs')), 6)} ms, deliver ${pad(fmtMs(med(c, n, 'deliverMs')), 6)} ms; ${fmtRate(med(c, n, 'perSec'))}/s post+deliver (post ${fmtRate(med(c, n, 'postPerSec'))}/s, deliver ${fmtRate(med(c, n, 'deliverPerSec'))}/s); floor: creating+holding the events ${fmtMs(med(c, n, 'allocMs'))} ms`);
    if (c === 'posted-steady') out(`${pad(n.toLocaleString('en'), 9)} posted events, 1,000 per loop turn: ${pad(fmtMs(med(c, n, 'totalMs')), 6)} ms, ${fmtRate(med(c, n, 'perSec'))}/s`);
  }
  const ratio = med(c, big, key) / med(c, small, key);
  const killed = (raw[c]?.[big] ?? []).find((x) => x.timedOut);
  if (Number.isFinite(ratio)) {
    out(`  ${c}: ${big.toLocaleString('en')} / ${small.toLocaleString('en')} = ${ratio.toFixed(2)}x the time for 10x the work (target <= 12x)`);
    targets.push({ what: `${c}: 10x ratio`, value: ratio, target: 12, pass: ratio <= 12, detail: `${fmtMs(med(c, small, key))} ms -> ${fmtMs(med(c, big, key))} ms (${key})` });
  } else if (killed && Number.isFinite(med(c, small, key))) {
    // the whole process (start-up included) ran past its budget: a lower bound
    const lower = (killed.timeoutMs as number) / med(c, small, key);
    out(`  ${c}: ${big.toLocaleString('en')} / ${small.toLocaleString('en')} > ${lower.toFixed(1)}x: the ${big.toLocaleString('en')} run was killed after ${((killed.timeoutMs as number) / 1000).toFixed(0)} s (target <= 12x)`);
    targets.push({ what: `${c}: 10x ratio`, value: lower, target: 12, pass: false, detail: `${fmtMs(med(c, small, key))} ms -> killed after ${((killed.timeoutMs as number) / 1000).toFixed(0)} s (lower bound)` });
  }
  if (c === 'posted' || c === 'posted-steady') {
    const ps = med(c, big, 'perSec');
    if (Number.isFinite(ps)) targets.push({ what: `${c}: events per second`, value: ps, target: 1e6, pass: ps >= 1e6, detail: `${fmtRate(ps)}/s with ${big.toLocaleString('en')} events${c === 'posted' ? ' posted at once' : ', 1,000 per loop turn'}` });
  }
  summary[c] = Object.fromEntries([small, big].map((n) => [n, Object.fromEntries(Object.keys((raw[c]?.[n] ?? []).find((x) => !x.error) ?? {}).filter((k) => k !== 'case' && k !== 'n').map((k) => [k, med(c, n, k)]))]));
}
out('');
out('## targets');
for (const t of targets) out(`${t.pass ? 'PASS' : 'MISS'}  ${pad(t.what, 28, true)} ${pad(t.value >= 1000 ? fmtRate(t.value) : t.value.toFixed(2), 8)} (target ${t.what.includes('ratio') ? '<= ' + t.target : '>= ' + fmtRate(t.target)}; ${t.detail})`);
console.log(lines.join('\n'));
const file = writeResults('scale', { ...head, seconds, options: { rounds, cases }, summary, targets, raw }, a.get('json'));
console.error(`results: ${file}`);
process.exit(Object.values(raw).some((c) => Object.values(c).some((rs) => rs.every((x) => x.error))) ? 1 : 0);
