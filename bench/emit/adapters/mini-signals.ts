// mini-signals 3: add() returns the token detach() takes.
import { MiniSignal } from 'mini-signals';
import type { Listener } from '../adapter.js';

type E = MiniSignal<any[]>;
export const name = 'mini-signals';
export function create(): E { return new MiniSignal<any[]>(); }
export function connect(e: E, fn: Listener): unknown { return e.add(fn); }
export function disconnect(e: E, token: unknown): void { e.detach(token as Parameters<E['detach']>[0]); }
export function emit0(e: E): void { e.dispatch(); }
export function emit2(e: E, a: number, b: number): void { e.dispatch(a, b); }
