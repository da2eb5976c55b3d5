// Loopback UDP driver: tsqt's QUdpSocket program and a Node dgram program
// through the same scenarios in one run, R runs (order rotated per run),
// medians, min..max, and the ratio tsqt / dgram.
//
//   node --import tsx bench/udp/run.ts [--runs 3] [--only tsqt,node]
//        [--scenarios flood1p-b16,flood1p-b64,window64,pingpong-1cpu] [--sizes 64,1200]
//        [--count 200000] [--rt-count 30000] [--no-pin] [--candidate "NAME=command"]... [--json FILE]
//
// Programs speak the peers' UDP program protocol (../shared/bench-anchors):
// the driver appends MODE PORT COUNT SIZE PARAM and reads the last JSON line.
// Two-process scenarios are pinned with taskset when it is available.
// 127.0.0.1 only; every process is killed after 90 s.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { benchRoot, fmtRate, loadWarning, machine, machineLine, median, pad, parseArgs, pct, writeResults } from '../lib/stats.js';
import { jsonOf, portOf, startProgram, type Proc } from './programs.js';

interface Impl { key: string; cmd: string[]; label: string }
const tsx = ['--import', 'tsx'];
const IMPLS: Impl[] = [
  { key: 'tsqt', cmd: [process.execPath, ...tsx, path.join(benchRoot, 'udp', 'tsqt-udp.ts')], label: 'tsqt QUdpSocket' },
  { key: 'node', cmd: [process.execPath, ...tsx, path.join(benchRoot, 'udp', 'node-udp.ts')], label: 'Node dgram' },
  { key: 'node-conn', cmd: [process.execPath, ...tsx, path.join(benchRoot, 'udp', 'node-udp.ts'), '--connected'], label: 'Node dgram, connected sender' },
];
interface Scenario { kind: 'flood1p' | 'flood2p' | 'rt'; param: number; cpus?: [number, number]; label: string }
const SCENARIOS: Record<string, Scenario> = {
  'flood1p-b16': { kind: 'flood1p', param: 16, label: 'one process, sender bursts of 16 per event-loop turn' },
  'flood1p-b64': { kind: 'flood1p', param: 64, label: 'one process, sender bursts of 64 per event-loop turn' },
  flood2p: { kind: 'flood2p', param: 64, cpus: [0, 1], label: 'receiver process on CPU 0, sender on CPU 1, bursts of 64' },
  'pingpong-1cpu': { kind: 'rt', param: 1, cpus: [0, 0], label: 'echo round trips, window 1, echo and client on CPU 0' },
  'pingpong-2cpu': { kind: 'rt', param: 1, cpus: [0, 1], label: 'echo round trips, window 1, echo on CPU 0, client on CPU 1' },
  window64: { kind: 'rt', param: 64, cpus: [0, 1], label: 'echo round trips, 64 in flight, echo on CPU 0, client on CPU 1' },
};

const a = parseArgs(process.argv.slice(2), ['no-pin']);
const runs = Number(a.get('runs') ?? 3);
const count = Number(a.get('count') ?? 200_000);
const rtCount = Number(a.get('rt-count') ?? 30_000);
const sizes = (a.get('sizes') ?? '64,1200').split(',').map(Number);
const scenarios = (a.get('scenarios') ?? 'flood1p-b16,flood1p-b64,window64,pingpong-1cpu').split(',');
const only = a.get('only')?.split(',') ?? ['tsqt', 'node'];
let pin = a.get('no-pin') !== 'true' && os.cpus().length >= 2;
if (pin && spawnSync('taskset', ['-c', '0', 'true']).status !== 0) { console.error('taskset unavailable: running unpinned'); pin = false; }
const impls = IMPLS.filter((i) => only.includes(i.key));
const argv = process.argv.slice(2);
const candidates = argv.flatMap((x, i) => (x === '--candidate' && argv[i + 1] ? [argv[i + 1]!] : []));
if (process.env.UDP_CANDIDATE) candidates.push(...process.env.UDP_CANDIDATE.split(';').filter(Boolean));
for (const c of candidates) {
  const m = /^([\w.-]+)=(.+)$/.exec(c);
  if (!m) { console.error(`candidate must be NAME=command: ${c}`); process.exit(1); }
  impls.push({ key: `cand:${m[1]}`, cmd: m[2]!.trim().split(/\s+/), label: `candidate ${m[1]}` });
}
for (const s of scenarios) if (!SCENARIOS[s]) { console.error(`unknown scenario ${s}`); process.exit(1); }

function start(impl: Impl, mode: string, port: number, n: number, size: number, param: number, cpu?: number): Proc {
  return startProgram(impl.cmd, [mode, port, n, size, param], cpu !== undefined && pin ? ['taskset', '-c', String(cpu)] : []);
}

type Res = Record<string, number>;
async function runOnce(impl: Impl, scen: string, size: number): Promise<Res> {
  const s = SCENARIOS[scen]!;
  if (s.kind === 'flood1p') {
    const j = jsonOf(await start(impl, 'flood1p', 0, count, size, s.param).done);
    return { offered: j.sent! / ((j.t_sent_last! - j.t_first!) / 1e9), delivered: j.received! / ((j.t_last! - j.t_first!) / 1e9), loss: 1 - j.received! / count, sent: j.sent!, received: j.received! };
  }
  if (s.kind === 'flood2p') {
    const rx = start(impl, 'recv', 0, count, size, 0, s.cpus![0]);
    const port = await portOf(rx);
    const tx = await start(impl, 'send', port, count, size, s.param, s.cpus![1]).done;
    await rx.done;
    const js = jsonOf(tx), jr = jsonOf(rx);
    return { offered: js.sent! / ((js.t_last! - js.t_first!) / 1e9), delivered: jr.received! / ((jr.t_last! - js.t_first!) / 1e9), loss: 1 - jr.received! / count, sent: js.sent!, received: jr.received! };
  }
  const echo = start(impl, 'echo', 0, 0, size, 0, s.cpus![0]);
  const port = await portOf(echo);
  const cl = await start(impl, 'client', port, rtCount, size, s.param, s.cpus![1]).done;
  echo.p.kill('SIGTERM');
  await echo.done;
  const j = jsonOf(cl);
  return { rate: j.received! / ((j.t_last! - j.t_first!) / 1e9), rtt50: j.rtt_p50! / 1000, rtt99: j.rtt_p99! / 1000, loss: 1 - j.received! / rtCount, sent: j.sent!, received: j.received! };
}

const warn = loadWarning();
if (warn) console.error(warn);
const head = machine();
const raw: Record<string, Record<number, Record<string, (Res | { error: string })[]>>> = {};
const t0 = Date.now();
let done = 0;
const total = runs * scenarios.length * sizes.length * impls.length;
for (let r = 0; r < runs; r++) {
  for (const scen of scenarios) {
    for (const size of sizes) {
      for (let k = 0; k < impls.length; k++) {
        const impl = impls[(k + r) % impls.length]!;
        let res: Res | { error: string };
        try { res = await runOnce(impl, scen, size); } catch (e) { res = { error: String((e as Error).message ?? e) }; }
        (((raw[scen] ??= {})[size] ??= {})[impl.key] ??= []).push(res);
        done++;
        if (process.stderr.isTTY) process.stderr.write(`\r[${done}/${total}] run ${r + 1} ${scen} ${size}B ${impl.key}`.padEnd(70));
        if ('error' in res) process.stderr.write(`\n  ERROR ${impl.key} ${scen} ${size}: ${res.error}\n`);
        await new Promise((res2) => setTimeout(res2, 100));
      }
    }
  }
}
if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(72) + '\r');
const seconds = (Date.now() - t0) / 1000;

const lines: string[] = [];
const out = (s = ''): void => { lines.push(s); };
const k = (x: number): string => fmtRate(x).replace(' ', '');
out(`# udp benchmark  ${machineLine()}`);
out(`# ${runs} run(s), ${seconds.toFixed(0)} s; ${pin ? 'two-process scenarios pinned with taskset' : 'unpinned'}; flood N=${count}, round trips N=${rtCount}; median (min..max over runs), datagrams/s`);
if (warn) out(`# ${warn}`);
type Row = Record<string, { med: number; min: number; max: number }> | { error: string };
const summary: Record<string, Record<number, Record<string, Row>>> = {};
const ratios: { scenario: string; size: number; tsqt: number; node: number; ratio: number }[] = [];
for (const scen of scenarios) {
  const rt = SCENARIOS[scen]!.kind === 'rt';
  for (const size of sizes) {
    out('');
    out(`## ${scen}, ${size} B: ${SCENARIOS[scen]!.label}`);
    out(rt
      ? `${pad('implementation', 30, true)} ${pad('round trips/s', 14)} ${pad('spread', 14)} ${pad('RTT p50 us', 11)} ${pad('RTT p99 us', 11)} ${pad('lost', 7)} ${pad('x node', 7)}`
      : `${pad('implementation', 30, true)} ${pad('offered/s', 10)} ${pad('delivered/s', 12)} ${pad('spread', 14)} ${pad('loss', 16)} ${pad('x node', 7)}`);
    const rows: Record<string, Row> = {};
    for (const impl of impls) {
      const rs = (raw[scen]![size]![impl.key] ?? []).filter((x): x is Res => !('error' in x));
      if (!rs.length) { rows[impl.key] = { error: String((raw[scen]![size]![impl.key]?.[0] as { error?: string })?.error) }; continue; }
      const st = (key: string) => { const xs = rs.map((x) => x[key]!); return { med: median(xs), min: Math.min(...xs), max: Math.max(...xs) }; };
      rows[impl.key] = rt ? { rate: st('rate'), rtt50: st('rtt50'), rtt99: st('rtt99'), loss: st('loss') } : { offered: st('offered'), delivered: st('delivered'), loss: st('loss') };
    }
    const val = (key: string): number => { const r = rows[key]; return r && !('error' in r) ? (rt ? r.rate!.med : r.delivered!.med) : NaN; };
    for (const impl of impls) {
      const r = rows[impl.key]!;
      if ('error' in r) { out(`${pad(impl.label, 30, true)} ERROR ${r.error}`); continue; }
      const xn = (val(impl.key) / val('node')).toFixed(2);
      if (rt) out(`${pad(impl.label, 30, true)} ${pad(k(r.rate!.med), 14)} ${pad(`${k(r.rate!.min)}..${k(r.rate!.max)}`, 14)} ${pad(r.rtt50!.med.toFixed(1), 11)} ${pad(r.rtt99!.med.toFixed(1), 11)} ${pad(pct(r.loss!.med), 7)} ${pad(xn, 7)}`);
      else out(`${pad(impl.label, 30, true)} ${pad(k(r.offered!.med), 10)} ${pad(k(r.delivered!.med), 12)} ${pad(`${k(r.delivered!.min)}..${k(r.delivered!.max)}`, 14)} ${pad(`${pct(r.loss!.med)} (${pct(r.loss!.min)}..${pct(r.loss!.max)})`, 16)} ${pad(xn, 7)}`);
    }
    if (Number.isFinite(val('tsqt')) && Number.isFinite(val('node'))) ratios.push({ scenario: scen, size, tsqt: val('tsqt'), node: val('node'), ratio: val('tsqt') / val('node') });
    ((summary[scen] ??= {})[size] = rows);
  }
}
if (ratios.length) {
  out('');
  out('## tsqt / Node dgram (delivered datagrams/s or round trips/s; > 1 = tsqt faster)');
  for (const r of ratios) out(`${pad(`${r.scenario}, ${r.size} B`, 24, true)} ${pad(r.ratio.toFixed(2), 6)}  (${k(r.tsqt)} vs ${k(r.node)})`);
}
console.log(lines.join('\n'));
const file = writeResults('udp', { ...head, seconds, options: { runs, count, rtCount, sizes, scenarios, only, pin }, summary, ratios, raw }, a.get('json'));
console.error(`results: ${file}`);
const anyError = Object.values(summary).some((s) => Object.values(s).some((rows) => Object.values(rows).some((x) => 'error' in x)));
process.exit(anyError ? 1 : 0);
