// The floor, "plain call": emitting runs exactly the listener calls, nothing
// else. The listener list is turned (after each change, on the next emit) into
// one function with a hard-wired call per listener, so each call site sees one
// target and V8 can inline the listener into the emitting loop, as if the
// calls had been written by hand. Connect = push, disconnect = splice, which is
// also the floor of the churn case. Same method as the peers' harness.
import type { Listener } from '../adapter.js';

interface Plain { fns: Listener[]; call: ((a?: number, b?: number) => void) | null }
const NONE: Listener[] = [];
const NOOP = (): void => {};

function build(fns: Listener[]): (a?: number, b?: number) => void {
  if (fns.length === 0) return NOOP;
  const names = fns.map((_, i) => `f${i}`);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const make = new Function(...names, `return function (a, b) { ${names.map((n) => `${n}(a, b);`).join(' ')} };`);
  return make(...fns) as (a?: number, b?: number) => void;
}

export const name = 'plain call (floor)';
export function create(): Plain { return { fns: NONE, call: NOOP }; }
export function connect(e: Plain, fn: Listener): Listener {
  if (e.fns === NONE) e.fns = [fn]; else e.fns.push(fn);
  e.call = null;
  return fn;
}
export function disconnect(e: Plain, fn: Listener): void {
  const i = e.fns.lastIndexOf(fn);
  if (i < 0) return;
  if (e.fns.length === 1) e.fns = NONE;
  else if (i === e.fns.length - 1) e.fns.pop();
  else e.fns.splice(i, 1);
  e.call = null;
}
export function emit0(e: Plain): void {
  let c = e.call;
  if (c === null) c = e.call = build(e.fns);
  c();
}
export function emit2(e: Plain, a: number, b: number): void {
  let c = e.call;
  if (c === null) c = e.call = build(e.fns);
  c(a, b);
}
