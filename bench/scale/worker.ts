// One scale measurement in a fresh process.
//
//   node --expose-gc --import tsx bench/scale/worker.ts CASE N
//
// CASE: delete   create a parent QObject with N children, then time parent.dispose()
//                (Qt's `delete parent`): destroyed emitted, every child deleted
//       timers   create N QTimers with intervals 1..10 ms, start them all; each
//                timeout slot counts and stops its timer; time until the last has fired
//       posted   post N QEvent(User) to one QObject with QCoreApplication.postEvent,
//                time until its event() has seen all N (delivery by the dispatcher);
//                also the floor: creating and holding N QEvent objects without posting
//       posted-steady  N events posted 1,000 per event-loop turn, each batch delivered
//                before the next is posted
// Prints one JSON line; exit 2 on a wrong count.
import { performance } from 'node:perf_hooks';
import { QCoreApplication, QEvent, QObject, QTimer } from '../../src/index.js';

const [kase, nArg] = process.argv.slice(2);
const N = Number(nArg);
const now = (): number => performance.now();
function fail(msg: string): never {
  process.stdout.write(JSON.stringify({ error: msg, case: kase, n: N }) + '\n');
  process.exit(2);
}
if (!(N > 0)) fail('usage: worker.ts delete|timers|posted N');
const hardCap = setTimeout(() => fail('hard cap of 100 s reached'), 100_000);
hardCap.unref();
const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => {});

async function deleteCase(): Promise<Record<string, number>> {
  const parent = new QObject();
  let destroyed = 0;
  const t0 = now();
  for (let i = 0; i < N; i++) new QObject(parent);
  const t1 = now();
  if (parent.children().length !== N) fail(`parent has ${parent.children().length} children, want ${N}`);
  parent.destroyed.connect(() => { destroyed++; });
  gc();
  const t2 = now();
  parent.dispose();
  const t3 = now();
  if (destroyed !== 1) fail(`destroyed emitted ${destroyed} times`);
  return { createMs: t1 - t0, deleteMs: t3 - t2, nsPerChild: ((t3 - t2) * 1e6) / N };
}

async function timersCase(): Promise<Record<string, number>> {
  let fired = 0;
  let resolveAll!: () => void;
  const all = new Promise<void>((r) => { resolveAll = r; });
  const timers: QTimer[] = new Array<QTimer>(N);
  const t0 = now();
  for (let i = 0; i < N; i++) {
    const t = new QTimer();
    t.setInterval(1 + (i % 10));
    t.timeout.connect(() => {
      t.stop();
      if (++fired === N) resolveAll();
    });
    timers[i] = t;
  }
  const t1 = now();
  for (let i = 0; i < N; i++) timers[i]!.start();
  const t2 = now();
  await all;
  const t3 = now();
  // give a late, wrong second shot a chance to show up
  await new Promise((r) => setTimeout(r, 30));
  if (fired !== N) fail(`fired ${fired} times, want ${N}`);
  for (const t of timers) if (t.isActive()) fail('a timer is still active after stop()');
  return { createMs: t1 - t0, startMs: t2 - t1, fireMs: t3 - t2, totalMs: t3 - t0, startToLastMs: t3 - t1, usPerTimer: ((t3 - t1) * 1e3) / N };
}

async function postedCase(): Promise<Record<string, number>> {
  let seen = 0;
  let resolveAll!: () => void;
  const all = new Promise<void>((r) => { resolveAll = r; });
  const type = QEvent.User;
  class Sink extends QObject {
    override event(e: QEvent): boolean {
      if (e.type() === type) {
        if (++seen === N) resolveAll();
        return true;
      }
      return super.event(e);
    }
  }
  const sink = new Sink();
  // warm-up: a small batch through the same path
  const W = Math.min(10_000, N);
  {
    let warm = 0;
    const target = W;
    await new Promise<void>((r) => {
      class Warm extends QObject {
        override event(e: QEvent): boolean { if (e.type() === type) { if (++warm === target) r(); return true; } return super.event(e); }
      }
      const w = new Warm();
      for (let i = 0; i < target; i++) QCoreApplication.postEvent(w, new QEvent(type));
    });
  }
  // the floor: creating and holding N event objects, without posting them
  gc();
  let held: QEvent[] | null = new Array<QEvent>(N);
  const tf = now();
  for (let i = 0; i < N; i++) held[i] = new QEvent(type);
  const allocMs = now() - tf;
  held = null;
  gc();
  const t0 = now();
  for (let i = 0; i < N; i++) QCoreApplication.postEvent(sink, new QEvent(type));
  const t1 = now();
  await all;
  const t2 = now();
  if (seen !== N) fail(`delivered ${seen}, want ${N}`);
  return { allocMs, postMs: t1 - t0, deliverMs: t2 - t1, totalMs: t2 - t0, perSec: N / ((t2 - t0) / 1000), postPerSec: N / ((t1 - t0) / 1000), deliverPerSec: N / ((t2 - t1) / 1000) };
}

// N events posted in batches of 1,000 per turn of the event loop (a steady
// producer), each batch delivered before the next is posted.
async function steadyCase(): Promise<Record<string, number>> {
  const type = QEvent.User;
  const B = 1000;
  let seen = 0, target = 0;
  let wake: (() => void) | null = null;
  class Sink extends QObject {
    override event(e: QEvent): boolean {
      if (e.type() === type) { if (++seen === target && wake) wake(); return true; }
      return super.event(e);
    }
  }
  const sink = new Sink();
  const batch = (): Promise<void> => new Promise<void>((r) => {
    wake = r;
    target = seen + B;
    for (let i = 0; i < B; i++) QCoreApplication.postEvent(sink, new QEvent(type));
  });
  for (let i = 0; i < 20; i++) await batch(); // warm-up
  seen = 0; target = 0;
  gc();
  const t0 = now();
  for (let done = 0; done < N; done += B) await batch();
  const t1 = now();
  if (seen !== Math.ceil(N / B) * B) fail(`delivered ${seen}, want ${Math.ceil(N / B) * B}`);
  return { totalMs: t1 - t0, perSec: seen / ((t1 - t0) / 1000) };
}

const cases: Record<string, () => Promise<Record<string, number>>> = { delete: deleteCase, timers: timersCase, posted: postedCase, 'posted-steady': steadyCase };
const run = cases[kase ?? ''];
if (!run) fail(`unknown case ${kase}`);
const r = await run();
process.stdout.write(JSON.stringify({ case: kase, n: N, ...r, heapMB: process.memoryUsage().heapUsed / 2 ** 20 }) + '\n');
process.exit(0);
