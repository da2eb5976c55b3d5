// tsqt's Signal behind the emit-benchmark interface. Used by bench/emit/run.ts
// and, unchanged, by the peers' harness:
//   cd /tmp/anchors && node emit/run.mjs --candidate /work/main/bench/emit/tsqt-candidate.ts
// The signal lives on a QObject subclass, the idiomatic Qt form
// (`readonly sig = new Signal<...>(this)`); slots are plain functions,
// disconnect takes the Connection that connect returned.
import { QObject, Signal } from '../../src/index.js';

type Args = [a?: number, b?: number];
type Slot = (...args: Args) => void;

class Owner extends QObject {
  readonly sig = new Signal<Args>(this);
}
type E = Signal<Args>;
type Token = ReturnType<E['connect']>;

export const name = 'tsqt Signal';
export function create(): E { return new Owner().sig; }
export function createOwner(): Owner { return new Owner(); }
export function sigOf(o: Owner): E { return o.sig; }
export function connect(e: E, fn: Slot): Token { return e.connect(fn); }
export function disconnect(e: E, c: Token): void { e.disconnect(c); }
export function emit0(e: E): void { e.emit(); }
export function emit2(e: E, a: number, b: number): void { e.emit(a, b); }
