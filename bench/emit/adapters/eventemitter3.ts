// eventemitter3, one named event.
import { EventEmitter } from 'eventemitter3';
import type { Listener } from '../adapter.js';

type E = { on(n: string, f: Listener): unknown; off(n: string, f: Listener): unknown; emit(n: string, ...a: unknown[]): boolean };
export const name = 'eventemitter3';
export function create(): E { return new EventEmitter() as E; }
export function connect(e: E, fn: Listener): Listener { e.on('sig', fn); return fn; }
export function disconnect(e: E, fn: Listener): void { e.off('sig', fn); }
export function emit0(e: E): void { e.emit('sig'); }
export function emit2(e: E, a: number, b: number): void { e.emit('sig', a, b); }
