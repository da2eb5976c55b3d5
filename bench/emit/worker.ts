// One emit measurement in a fresh process: one adapter, one case.
//
//   node --expose-gc --import tsx bench/emit/worker.ts ADAPTER CASE [sampleMs] [samples]
//
// Prints one JSON line. Exit 2 when the listeners did not run exactly as often
// as they should (nothing optimised away, broken adapters fail loudly).
// Method: pre-warm with many short calls (so the measuring function is
// optimised as a whole), calibrate the batch to ~sampleMs, warm up 300 ms,
// then `samples` samples; the result is their median.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { EmitAdapter, Listener } from './adapter.js';

const [adapterPath, caseName, sampleMsArg, samplesArg] = process.argv.slice(2);
const SAMPLE_MS = Number(sampleMsArg || 60);
const SAMPLES = Number(samplesArg || 7);
const WARMUP_MS = 300;
const CHUNK = 100; // churn: ops between event-loop turns
const now = (): number => performance.now();

function fail(msg: string): never {
  process.stdout.write(JSON.stringify({ error: msg, case: caseName }) + '\n');
  process.exit(2);
}
if (!adapterPath || !caseName) fail('usage: worker.ts ADAPTER CASE [sampleMs] [samples]');
const hardCap = setTimeout(() => fail('hard cap of 100 s reached'), 100_000);
hardCap.unref();

const A = (await import(pathToFileURL(path.resolve(adapterPath)).href)) as EmitAdapter;
for (const f of ['create', 'connect', 'disconnect', 'emit0', 'emit2'] as const) {
  if (typeof A[f] !== 'function') fail(`adapter ${adapterPath} lacks ${f}()`);
}
const { create, connect, disconnect, emit0, emit2 } = A;

let hits = 0;
let last = 0;
const l0: Listener = () => { hits++; };
const l2: Listener = (_a: number, b: number) => { hits++; last = b; };
const never: Listener = (a: number) => { hits += 1_000_000; last = a; };
const freshL2 = (): Listener => (_a: number, b: number) => { hits++; last = b; };

interface Case { perOp: number; churn?: boolean; run(n: number): number | Promise<number> }

function emitCase(listeners: number, args: 0 | 2): Case {
  const e = create();
  for (let k = 0; k < listeners; k++) connect(e, listeners === 1 ? (args ? l2 : l0) : freshL2());
  if (args === 0) return { perOp: listeners, run(n) { const t0 = now(); for (let i = 0; i < n; i++) emit0(e); return now() - t0; } };
  return { perOp: listeners, run(n) { const t0 = now(); for (let i = 0; i < n; i++) emit2(e, i, 1); return now() - t0; } };
}

const CASES: Record<string, () => Case> = {
  emit_0L_0a: () => emitCase(0, 0),
  emit_0L_2a: () => emitCase(0, 2),
  emit_1L_0a: () => emitCase(1, 0),
  emit_1L_2a: () => emitCase(1, 2),
  emit_10L_0a: () => emitCase(10, 0),
  emit_10L_2a: () => emitCase(10, 2),
  // One listener stays connected; each op connects a second one and
  // disconnects it. Yields to the event loop every CHUNK ops (not timed), so
  // deferred cleanups (lumino, a dispatcher) run as in a real program.
  churn: () => {
    const e = create();
    connect(e, l2);
    return {
      perOp: 0,
      churn: true,
      async run(n) {
        let t = 0;
        for (let done = 0; done < n; done += CHUNK) {
          const t0 = now();
          for (let i = 0; i < CHUNK; i++) { const k = connect(e, never); disconnect(e, k); }
          t += now() - t0;
          await new Promise<void>((r) => setImmediate(r));
        }
        const h = hits;
        emit2(e, 1, 2);
        if (hits - h !== 1) fail(`churn: one emit after the disconnects gave ${hits - h} calls, want 1`);
        hits = h;
        return t;
      },
    };
  },
};

async function measure(c: Case): Promise<Record<string, unknown>> {
  const unit = c.churn ? CHUNK : 1000;
  for (let i = 0; i < 300; i++) await c.run(unit);
  let n = unit;
  for (;;) {
    const ms = await c.run(n);
    if (ms >= 10 || n > 1e9) { n = Math.max(unit, Math.ceil((n * SAMPLE_MS) / Math.max(ms, 0.001))); break; }
    n *= 2;
  }
  if (c.churn) n = Math.ceil(n / CHUNK) * CHUNK;
  const tw = now();
  while (now() - tw < WARMUP_MS) await c.run(n);
  const ops: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const h0 = hits;
    const ms = await c.run(n);
    if (hits - h0 !== n * c.perOp) fail(`${caseName}: expected ${n * c.perOp} listener calls, got ${hits - h0}`);
    ops.push((n / ms) * 1000);
  }
  const s = [...ops].sort((a, b) => a - b);
  return { median: s[s.length >> 1], min: s[0], max: s[s.length - 1], samples: ops, n };
}

const make = CASES[caseName!];
if (!make) fail(`unknown case ${caseName}`);
const result = await measure(make());
process.stdout.write(JSON.stringify({ impl: A.name, case: caseName, unit: 'ops/s', ...result, check: last }) + '\n');
process.exit(0);
