// Interleaved A/B round trips: is change B faster than A? On this shared VM a single harness run
// swings by +-30 % from one minute to the next, which buries the 1-5 % a change to the UDP path
// makes. Here each pair runs A and B back to back (order swapped every other pair, so a drift
// favours neither), and the verdict is the median of the pairs' ratios and how many pairs B won.
//
//   node --import tsx bench/udp/pairs.ts --a "CMD" --b "CMD" [--pairs 8] [--count 60000]
//        [--size 64] [--window 1] [--cpus 0,0] [--perf]
//
// CMD is a program of the harness's UDP protocol (MODE PORT COUNT SIZE PARAM appended), run as
// both echo and client, e.g. two builds of the project:
//   npx tsc -p tsconfig.json --noEmit false --outDir /tmp/a --declaration false --sourceMap false
//   ln -s "$PWD/build" /tmp/a/build          # the native engine, found as ../../build from src/
//   --a "node /tmp/a/bench/udp/tsqt-udp.js" --b "node /tmp/b/bench/udp/tsqt-udp.js"
// (tsx works too, but its compile work at start-up adds noise). --cpus takes the echo's and the
// client's CPU (taskset; 0,0 is pingpong-1cpu, 0,1 window64 with --window 64). --perf adds each
// run's CPU time per round trip, echo plus client, from `perf stat -e task-clock` (whole
// processes, start-up included: compare A with B, not with the harness's figures).
// Results on stdout (a line per pair, then the verdict); nothing is written to disk but perf's
// temporary files in the system's temp folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from '../lib/stats.js';
import { jsonOf, portOf, startProgram } from './programs.js';

interface Options {
  a: string;
  b: string;
  pairs: number;
  count: number;
  size: number;
  window: number;
  cpus: [number, number];
  perf: boolean;
}

function parse(argv: string[]): Options {
  const o: Options = { a: '', b: '', pairs: 8, count: 60000, size: 64, window: 1, cpus: [0, 0], perf: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    const v = (): string => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${k} needs a value`);
      return x;
    };
    if (k === '--a') o.a = v();
    else if (k === '--b') o.b = v();
    else if (k === '--pairs') o.pairs = Number(v());
    else if (k === '--count') o.count = Number(v());
    else if (k === '--size') o.size = Number(v());
    else if (k === '--window') o.window = Number(v());
    else if (k === '--cpus') o.cpus = v().split(',').map(Number) as [number, number];
    else if (k === '--perf') o.perf = true;
    else throw new Error(`unknown option ${k}`);
  }
  if (o.a === '' || o.b === '') throw new Error('--a and --b are required');
  for (const [k, n] of Object.entries({ pairs: o.pairs, count: o.count, size: o.size, window: o.window })) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${k} must be a positive integer`);
  }
  if (o.cpus.length !== 2 || o.cpus.some((c) => !Number.isInteger(c) || c < 0)) throw new Error('--cpus takes two CPU numbers, e.g. 0,0');
  return o;
}

const canPin = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** What goes before a program's command: taskset, and perf stat when asked. */
function prefix(cpu: number, perfOut: string | null): string[] {
  const perf = perfOut === null ? [] : ['perf', 'stat', '-x', ',', '-e', 'task-clock', '-o', perfOut];
  return canPin ? ['taskset', '-c', String(cpu), ...perf] : perf;
}

/** task-clock of a perf stat -x file, in microseconds (0 when the file has none). */
function taskClockUs(file: string): number {
  try {
    const line = readFileSync(file, 'utf8').split('\n').find((l) => l.includes('task-clock'));
    return line === undefined ? 0 : Number(line.split(',')[0]) * 1000;
  } catch {
    return 0;
  }
}

interface RunResult {
  rate: number;
  cpuPerRt: number;
}

/** One echo/client run of `cmd`: round trips per second and (with perf) CPU us per round trip. */
async function once(cmd: string, o: Options, dir: string): Promise<RunResult> {
  const argv = cmd.trim().split(/\s+/);
  const perfE = o.perf ? join(dir, 'echo.txt') : null;
  const perfC = o.perf ? join(dir, 'client.txt') : null;
  const echo = startProgram(argv, ['echo', 0, 0, o.size, 0], prefix(o.cpus[0], perfE));
  const port = await portOf(echo);
  const client = await startProgram(argv, ['client', port, o.count, o.size, o.window], prefix(o.cpus[1], perfC)).done;
  // perf stat passes SIGINT on to its child and then writes its counts
  echo.p.kill(o.perf ? 'SIGINT' : 'SIGTERM');
  await echo.done;
  if (client.exited?.code !== 0) throw new Error(`client of ${cmd} failed (exit ${client.exited?.code}; stderr: ${client.err.trim().slice(-300)})`);
  const j = jsonOf(client);
  const cpu = o.perf ? (taskClockUs(perfE!) + taskClockUs(perfC!)) / j.received! : 0;
  return { rate: j.received! / ((j.t_last! - j.t_first!) / 1e9), cpuPerRt: cpu };
}

async function main(): Promise<void> {
  const o = parse(process.argv.slice(2));
  if (o.perf && spawnSync('perf', ['--version']).status !== 0) throw new Error('--perf: perf is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'tsqt-pairs-'));
  const ratios: number[] = [];
  const rates: { a: number[]; b: number[] } = { a: [], b: [] };
  let wins = 0;
  try {
    console.log(`# ${o.pairs} pairs, ${o.count} round trips, ${o.size} B, window ${o.window}, CPUs ${o.cpus.join(',')}${canPin ? '' : ' (taskset unavailable: unpinned)'}`);
    for (let p = 1; p <= o.pairs; p++) {
      const order: Array<'a' | 'b'> = p % 2 === 1 ? ['a', 'b'] : ['b', 'a'];
      const r: Partial<Record<'a' | 'b', RunResult>> = {};
      for (const which of order) r[which] = await once(o[which], o, dir);
      const a = r.a!;
      const b = r.b!;
      rates.a.push(a.rate);
      rates.b.push(b.rate);
      ratios.push(b.rate / a.rate);
      if (b.rate > a.rate) wins++;
      const cpu = o.perf ? `  CPU us/rt A ${a.cpuPerRt.toFixed(1)} B ${b.cpuPerRt.toFixed(1)}` : '';
      console.log(`pair ${p}: A ${a.rate.toFixed(0)}  B ${b.rate.toFixed(0)} rt/s  B/A ${(b.rate / a.rate).toFixed(3)}${cpu}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`median A ${median(rates.a).toFixed(0)}, B ${median(rates.b).toFixed(0)} rt/s; median B/A ${median(ratios).toFixed(3)}; B faster in ${wins} of ${o.pairs} pairs`);
}

main().catch((e: unknown) => {
  process.stderr.write(`pairs: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
