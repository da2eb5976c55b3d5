// @lumino/signaling: one payload per emission, so two arguments travel as an
// object (as lumino's IChangedArgs do). Disconnect is lazy (swept on a later
// turn of the event loop; the churn case yields to the loop).
import { Signal } from '@lumino/signaling';
import type { Listener } from '../adapter.js';

class Owner { readonly sig: Signal<Owner, unknown> = new Signal<Owner, unknown>(this); }
type E = Signal<Owner, unknown>;
export const name = '@lumino/signaling';
export function create(): E { return new Owner().sig; }
export function createOwner(): Owner { return new Owner(); }
export function sigOf(o: Owner): E { return o.sig; }
export function connect(e: E, fn: Listener): Listener { e.connect(fn); return fn; }
export function disconnect(e: E, fn: Listener): void { e.disconnect(fn); }
export function emit0(e: E): void { e.emit(undefined); }
export function emit2(e: E, a: number, b: number): void { e.emit({ a, b }); }
