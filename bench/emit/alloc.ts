// Heap bytes per object, in a fresh process run with --expose-gc.
//
//   node --expose-gc --import tsx bench/emit/alloc.ts KIND [N] [rounds]
//
// KIND: qobject         a bare `new QObject()`
//       signal-field    a plain user object (not a QObject) with one Signal field, never connected
//       qobject-signal  a QObject subclass with one Signal field, never connected
//       qobject-signal-1conn  the same with one slot (a shared function) connected
//       floor           a plain object with one field (what any object costs)
//       eventemitter3   a plain object owning one eventemitter3 emitter (peer reference)
// N objects (default 1,000,000) are created into a preallocated array; heapUsed
// after gc() before and after, divided by N. One warm-up round, then `rounds`
// rounds; the median is reported, with creations/s.
import { performance } from 'node:perf_hooks';
import { EventEmitter } from 'eventemitter3';
import { QObject, Signal } from '../../src/index.js';

const [kind, nArg, roundsArg] = process.argv.slice(2);
const N = Number(nArg || 1_000_000);
const ROUNDS = Number(roundsArg || 3);

function fail(msg: string): never {
  process.stdout.write(JSON.stringify({ error: msg, kind }) + '\n');
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc;
if (typeof gc !== 'function') fail('run with --expose-gc');

class PlainWithSignal {
  readonly changed = new Signal<[value: number]>();
}
class ObjectWithSignal extends QObject {
  readonly changed = new Signal<[value: number]>(this);
}
let slotCalls = 0;
const sharedSlot = (): void => { slotCalls++; };
class Floor {
  value: unknown = null;
}
class WithEE3 {
  readonly ee = new EventEmitter();
}

const makers: Record<string, () => unknown> = {
  qobject: () => new QObject(),
  'signal-field': () => new PlainWithSignal(),
  'qobject-signal': () => new ObjectWithSignal(),
  'qobject-signal-1conn': () => { const o = new ObjectWithSignal(); o.changed.connect(sharedSlot); return o; },
  floor: () => new Floor(),
  eventemitter3: () => new WithEE3(),
};
const make = makers[kind ?? ''];
if (!make) fail(`unknown kind ${kind}; one of ${Object.keys(makers).join(', ')}`);

const heap = (): number => process.memoryUsage().heapUsed;
const bytes: number[] = [];
const rates: number[] = [];
for (let r = 0; r <= ROUNDS; r++) {
  let arr: unknown[] | null = new Array<unknown>(N).fill(null);
  gc!(); gc!();
  const before = heap();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) arr[i] = make();
  const t1 = performance.now();
  gc!(); gc!();
  const after = heap();
  if (arr[0] == null || arr[N - 1] == null) fail('objects lost');
  if (kind === 'qobject-signal-1conn') {
    const before1 = slotCalls;
    (arr[N - 1] as ObjectWithSignal).changed.emit(1);
    if (slotCalls !== before1 + 1) fail('the connection does not fire');
  }
  if (r > 0) { bytes.push((after - before) / N); rates.push(N / ((t1 - t0) / 1000)); }
  arr = null;
  gc!(); gc!();
}
const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
process.stdout.write(JSON.stringify({
  kind, n: N, bytesPerObject: med(bytes), bytesMin: Math.min(...bytes), bytesMax: Math.max(...bytes),
  createPerSec: med(rates), createMin: Math.min(...rates), createMax: Math.max(...rates),
}) + '\n');
process.exit(0);
