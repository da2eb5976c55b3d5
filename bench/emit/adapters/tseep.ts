// tseep: compiles a call function per listener count (new Function).
import tseep from 'tseep';
import type { Listener } from '../adapter.js';

type E = InstanceType<typeof tseep.EventEmitter>;
export const name = 'tseep';
export function create(): E { return new tseep.EventEmitter(); }
export function connect(e: E, fn: Listener): Listener { e.on('sig', fn); return fn; }
export function disconnect(e: E, fn: Listener): void { e.off('sig', fn); }
export function emit0(e: E): void { e.emit('sig'); }
export function emit2(e: E, a: number, b: number): void { e.emit('sig', a, b); }
