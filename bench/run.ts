// `npm run bench`: the emit, scale and UDP benchmarks, one after the other
// (never in parallel: the machine has 2 shared CPUs), then a summary of the
// targets. Raw figures go to bench/results/ (git-ignored); RESULTS.md quotes them.
//
//   npm run bench                          ~4 min: emit 2 rounds, scale 1 round, udp 2 runs
//   npm run bench -- --long                ~12 min: emit 5 rounds, scale 3 rounds, udp 5 runs
//   npm run bench -- --quick               ~1.5 min smoke test (1 round, short samples, small counts)
//   npm run bench -- --only emit,udp       a subset
//   npm run bench -- --emit-rounds 3 --udp-runs 3 --scale-rounds 2
//   npm run bench -- --emit "--cases churn --only tsqt,eventemitter3" --udp "--scenarios window64"
//                                          extra options for one driver (see the head of each run.ts)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { benchRoot, loadWarning, machineLine, parseArgs, projectRoot } from './lib/stats.js';

const a = parseArgs(process.argv.slice(2), ['long', 'quick']);
const long = a.get('long') === 'true', quick = a.get('quick') === 'true';
const only = (a.get('only') ?? 'emit,scale,udp').split(',');
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const resultsDir = path.join(benchRoot, 'results');
fs.mkdirSync(resultsDir, { recursive: true });

const plan: { name: string; args: string[] }[] = [];
const extra = (k: string): string[] => (a.get(k) ? a.get(k)!.split(/\s+/).filter(Boolean) : []);
if (only.includes('emit')) {
  const rounds = a.get('emit-rounds') ?? (long ? '5' : quick ? '1' : '2');
  plan.push({ name: 'emit', args: ['--rounds', rounds, ...(quick ? ['--samples', '3', '--sample-ms', '30', '--alloc-n', '200000'] : []), ...extra('emit')] });
}
if (only.includes('scale')) {
  plan.push({ name: 'scale', args: ['--rounds', a.get('scale-rounds') ?? (long ? '3' : '1'), ...extra('scale')] });
}
if (only.includes('udp')) {
  const runs = a.get('udp-runs') ?? (long ? '5' : quick ? '1' : '2');
  plan.push({ name: 'udp', args: ['--runs', runs, ...(quick ? ['--count', '50000', '--rt-count', '10000'] : []), ...extra('udp')] });
}

console.log(`# tsqt benchmarks  ${machineLine()}`);
const warn = loadWarning();
if (warn) console.log(`# ${warn}`);
const t0 = Date.now();
const files: Record<string, string> = {};
let failed = false;
for (const step of plan) {
  const json = path.join(resultsDir, `${step.name}-${stamp}.json`);
  files[step.name] = json;
  console.log(`\n========== ${step.name} ==========`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchRoot, step.name, 'run.ts'), ...step.args, '--json', json], { cwd: projectRoot, stdio: 'inherit' });
  if (r.status !== 0) { failed = true; console.log(`(${step.name} exited with status ${r.status})`); }
}

interface Target { what: string; value: number; target: number; pass: boolean; detail: string }
console.log(`\n========== targets (${((Date.now() - t0) / 1000).toFixed(0)} s in all) ==========`);
for (const [name, file] of Object.entries(files)) {
  if (!fs.existsSync(file)) { console.log(`${name}: no results`); continue; }
  const j = JSON.parse(fs.readFileSync(file, 'utf8')) as { targets?: Target[]; ratios?: { scenario: string; size: number; ratio: number }[]; loadavg?: number[] };
  for (const t of j.targets ?? []) console.log(`${t.pass ? 'PASS' : 'MISS'}  ${name}: ${t.what}: ${t.value >= 1000 ? Math.round(t.value).toLocaleString('en') : t.value.toFixed(2)} (${t.detail})`);
  if (j.ratios?.length) console.log(`udp: tsqt / Node dgram: ${j.ratios.map((r) => `${r.scenario} ${r.size}B ${r.ratio.toFixed(2)}`).join(', ')}`);
  console.log(`      (${name}: ${path.relative(projectRoot, file)}; load before: ${(j.loadavg ?? []).join(' ')})`);
}
process.exit(failed ? 1 : 0);
