// Node's built-in EventEmitter, one named event.
import { EventEmitter } from 'node:events';
import type { Listener } from '../adapter.js';

export const name = 'node:events';
export function create(): EventEmitter { return new EventEmitter(); }
export function connect(e: EventEmitter, fn: Listener): Listener { e.on('sig', fn); return fn; }
export function disconnect(e: EventEmitter, fn: Listener): void { e.off('sig', fn); }
export function emit0(e: EventEmitter): void { e.emit('sig'); }
export function emit2(e: EventEmitter, a: number, b: number): void { e.emit('sig', a, b); }
