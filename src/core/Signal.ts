// SPDX-License-Identifier: MIT
import { Connection } from './Connection.js';
import { hooks, deletedError } from './private/internals.js';
import {
  addKeepAlive,
  postEvent,
  registerTimer,
  releaseKeepAlive,
  reportException,
  unregisterTimer,
} from './private/dispatcher.js';
import { QMetaCallEvent } from './private/QMetaCallEvent.js';
import { qWarning } from './qlogging.js';
import type { QObject } from './QObject.js';

/** A slot for a signal with arguments `A`: it may take fewer arguments than the signal sends. */
export type Slot<A extends unknown[]> = (...args: A) => unknown;

/** Options of {@link Signal.wait}. */
export interface SignalWaitOptions {
  /** Aborting rejects the wait with a `TimeoutError` DOMException. */
  signal?: AbortSignal;
}

const EMPTY: Connection[] = [];
const ITER_LIMIT = 1024;

// Who is emitting, for QObject.sender()/senderSignalIndex().
let curReceiver: QObject | null = null;
let curSender: QObject | null = null;
let curSignal: Signal<any> | null = null;

/** @returns the sender seen by `receiver` inside a slot, or null @internal */
export function currentSenderFor(receiver: QObject): QObject | null {
  if (curReceiver !== receiver || curSender === null) return null;
  return hooks.isDeleted(curSender) ? null : curSender;
}

/** @returns the signal being delivered to `receiver`, or null @internal */
export function currentSignalFor(receiver: QObject): Signal<any> | null {
  if (curReceiver !== receiver || curSender === null || hooks.isDeleted(curSender)) return null;
  return curSignal;
}

function watch(r: unknown): void {
  if (r !== undefined && r !== null && typeof (r as PromiseLike<unknown>).then === 'function') {
    (r as PromiseLike<unknown>).then(undefined, reportException);
  }
}

/**
 * Calls fn with sender() answering `sender` for `receiver`; exceptions go to the handler.
 * @internal
 */
export function callWithSender(
  receiver: QObject | null,
  sender: QObject | null,
  signal: Signal<any> | null,
  fn: (...args: any[]) => unknown,
  args: unknown[],
): void {
  const pr = curReceiver;
  const ps = curSender;
  const pg = curSignal;
  curReceiver = receiver;
  curSender = sender;
  curSignal = signal;
  try {
    watch(fn.apply(receiver, args));
  } catch (e) {
    reportException(e);
  } finally {
    curReceiver = pr;
    curSender = ps;
    curSignal = pg;
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'object' || typeof v === 'function') return (v as object).constructor?.name ?? typeof v;
  return `${typeof v} ${String(v)}`;
}

function checkType(method: string, type: unknown): number {
  if (type === undefined) return 0;
  if (typeof type !== 'number' || !Number.isInteger(type) || (type & ~0x1ff) !== 0) {
    throw new TypeError(`Signal.${method}: type must be a Qt.ConnectionType, got ${describe(type)}`);
  }
  const base = type & 0x7f;
  if (base === 3) {
    throw new RangeError(`Signal.${method}: BlockingQueuedConnection is not supported (tsqt has one thread)`);
  }
  if (base > 3) throw new RangeError(`Signal.${method}: type must be a Qt.ConnectionType, got ${type}`);
  return type;
}

function timeoutError(message: string): DOMException {
  return new DOMException(message, 'TimeoutError');
}

/**
 * A signal: a typed list of connections, emitted synchronously in connection order.
 *
 * Declare signals as fields of a QObject subclass, typed by a labelled tuple of the arguments:
 *
 * ```ts
 * class Thermometer extends QObject {
 *   readonly temperatureChanged = new Signal<[celsius: number]>(this);
 * }
 * ```
 *
 * Emission follows Qt: slots run in connection order; a slot connected during an emission is not
 * called in that emission; one disconnected during it is not called after; deleting the sender
 * inside a slot ends the emission; `blockSignals(true)` on the owner silences it. A slot that
 * throws (or an `async` slot that rejects) does not stop the others: the error goes to
 * `QCoreApplication.setExceptionHandler`'s handler.
 *
 * @remarks
 * #### Differences from Qt
 * - Signals are objects (`obj.sig.connect(...)`, as in PyQt), not member-function pointers.
 * - `BlockingQueuedConnection` does not exist (one thread).
 * - `disconnect(slot)` removes the earliest matching connection (PyQt); the static
 *   `QObject.disconnect(sender, 'signal', receiver, slot)` removes all matches (Qt).
 * - Where PyQt raises (not connected, duplicate unique connection) tsqt returns `false` or an
 *   invalid Connection, as Qt does.
 *
 * @typeParam A - the argument tuple
 * @see {@link https://doc.qt.io/qt-6/signalsandslots.html | Signals & Slots in Qt 6}
 */
export class Signal<A extends unknown[] = []> implements AsyncIterable<A> {
  #owner: QObject | null;
  #name: string | null;
  #list: Connection[] = EMPTY;
  #emitting = 0;
  #registered = false;

  /**
   * Creates a signal.
   * @param owner - the QObject that emits it (its deletion disconnects the signal; its
   *   `blockSignals()` silences it; `sender()` reports it); null for a free-standing signal
   * @param name - the signal's name; by default found on first use among the owner's fields
   */
  constructor(owner: QObject | null = null, name?: string) {
    this.#owner = owner;
    this.#name = name ?? null;
  }

  /**
   * Connects a slot function, or another signal (emitted with this signal's arguments).
   * @param slot - a function, or a Signal to chain
   * @param type - a {@link Qt.ConnectionType}, possibly with `UniqueConnection`/`SingleShotConnection`
   * @returns the connection handle; invalid if a unique connection would be duplicated
   */
  connect(slot: Slot<A> | Signal<any>, type?: number): Connection;
  /**
   * Connects a slot with a context object: the connection ends when `context` is deleted, the
   * slot runs with `this` = context, `context.sender()` answers inside it, and a queued call is
   * posted to the context.
   * @param context - the receiver
   * @param slot - a function, the name of a method of `context` (kept by name, so it can be
   *   disconnected), or a Signal
   * @param type - a {@link Qt.ConnectionType}, possibly with `UniqueConnection`/`SingleShotConnection`
   * @returns the connection handle; invalid if a unique connection would be duplicated
   */
  connect<R extends QObject>(context: R, slot: Slot<A> | (keyof R & string) | Signal<any>, type?: number): Connection;
  connect(a: unknown, b?: unknown, c?: unknown): Connection {
    let receiver: QObject | null = null;
    let fn: ((...args: any[]) => unknown) | null = null;
    let method: string | null = null;
    let target: Signal<any> | null = null;
    let type: unknown;
    if (typeof a === 'function') {
      fn = a as (...args: any[]) => unknown;
      type = b;
    } else if (a instanceof Signal) {
      target = a;
      type = b;
    } else if (hooks.isQObject(a)) {
      receiver = a;
      type = c;
      if (typeof b === 'function') fn = b as (...args: any[]) => unknown;
      else if (b instanceof Signal) target = b;
      else if (typeof b === 'string') method = b;
      else throw new TypeError(`Signal.connect: slot must be a function, a method name or a Signal, got ${describe(b)}`);
    } else {
      throw new TypeError(`Signal.connect: slot must be a function, a Signal or a QObject context, got ${describe(a)}`);
    }
    const t = checkType('connect', type);
    const owner = this.#owner;
    if (owner !== null && hooks.isDeleted(owner)) throw deletedError(owner, 'connect');
    if (receiver !== null && hooks.isDeleted(receiver)) throw deletedError(receiver, 'connect');
    if (method !== null && typeof (receiver as unknown as Record<string, unknown>)[method] !== 'function') {
      const cls = receiver!.constructor.name;
      qWarning(`QObject::connect: No such slot ${cls}::${method}()`);
      return new Connection();
    }
    if (target !== null && receiver === null) receiver = target.#owner;
    if ((t & 0x80) !== 0) {
      for (const x of this.#list) {
        if (x._receiver === receiver && x._fn === fn && x._method === method && x._target === target) return new Connection();
      }
    }
    const cn = new Connection();
    cn._signal = this;
    cn._fn = fn;
    cn._receiver = receiver;
    cn._method = method;
    cn._target = target;
    cn._queued = (t & 0x7f) === 2;
    cn._single = (t & 0x100) !== 0;
    cn._slow = receiver !== null || cn._queued || cn._single || target !== null || method !== null ? 1 : 0;
    this.#append(cn);
    if (receiver !== null) hooks.addInbound(receiver, cn);
    return cn;
  }

  #append(cn: Connection): void {
    const list = this.#list;
    if (list === EMPTY || this.#emitting > 0) {
      const n = list.slice();
      n.push(cn);
      this.#list = n;
    } else {
      list.push(cn);
    }
    if (!this.#registered && this.#owner !== null) {
      this.#registered = true;
      hooks.registerSignal(this.#owner, this);
    }
  }

  #drop(cn: Connection): void {
    cn._signal = null;
    const list = this.#list;
    if (this.#emitting > 0) {
      this.#list = list.filter((x) => x !== cn);
    } else {
      const i = list.indexOf(cn);
      if (i >= 0) list.splice(i, 1);
    }
    if (cn._receiver !== null) hooks.removeInbound(cn._receiver, cn);
  }

  /**
   * Removes every connection of this signal.
   * @returns whether anything was disconnected
   */
  disconnect(): boolean;
  /**
   * Removes exactly the connection `connection`.
   * @param connection - a handle returned by `connect()`
   * @returns false if it was already gone (or belongs to another signal)
   */
  disconnect(connection: Connection): boolean;
  /**
   * Removes the earliest connection to `slot` (a function or a chained signal), as PyQt does.
   * @param slot - the function or Signal given to `connect()`
   * @returns whether a connection was removed
   */
  disconnect(slot: Slot<A> | Signal<any>): boolean;
  /**
   * Removes every connection whose context is `context`, or only those to `slot`.
   * @param context - the receiver given to `connect()`
   * @param slot - optional function, method name or Signal
   * @returns whether anything was removed
   */
  disconnect<R extends QObject>(context: R, slot?: Slot<A> | (keyof R & string) | Signal<any>): boolean;
  disconnect(a?: unknown, b?: unknown): boolean {
    if (a === undefined) {
      const list = this.#list;
      if (list.length === 0) return false;
      this.#list = EMPTY;
      for (const cn of list) {
        cn._signal = null;
        if (cn._receiver !== null) hooks.removeInbound(cn._receiver, cn);
      }
      return true;
    }
    if (a instanceof Connection) {
      if (a._signal !== this) return false;
      this.#drop(a);
      return true;
    }
    if (typeof a === 'function' || a instanceof Signal) {
      for (const cn of this.#list) {
        if (cn._fn === a || cn._target === a) {
          this.#drop(cn);
          return true;
        }
      }
      return false;
    }
    if (hooks.isQObject(a)) {
      let any = false;
      for (const cn of this.#list.slice()) {
        if (cn._receiver !== a) continue;
        if (b !== undefined && cn._fn !== b && cn._method !== b && cn._target !== b) continue;
        this.#drop(cn);
        any = true;
      }
      return any;
    }
    throw new TypeError(`Signal.disconnect: expected a Connection, a function, a Signal or a QObject, got ${describe(a)}`);
  }

  /**
   * Emits the signal: every connected slot runs now, in connection order (queued connections
   * post a call instead).
   * @param args - the signal's arguments
   */
  // @ts-ignore -- the implementation takes fixed parameters (no rest array on the hot path)
  emit(...args: A): void;
  emit(a?: unknown, b?: unknown, c?: unknown, d?: unknown): void {
    const list = this.#list;
    const n = list.length;
    if (n === 0) return;
    const owner = this.#owner;
    if (owner !== null && hooks.signalsBlocked(owner)) return;
    const argc = arguments.length;
    if (argc > 4) {
      const all = new Array<unknown>(argc);
      for (let i = 0; i < argc; i++) all[i] = arguments[i];
      this.#emitArray(all);
      return;
    }
    this.#emitting++;
    try {
      for (let i = 0; i < n; i++) {
        const cn = list[i]!;
        if (cn._signal === null) continue;
        if (cn._slow === 0) {
          const fn = cn._fn!;
          try {
            const r = argc === 0 ? fn() : argc === 1 ? fn(a) : argc === 2 ? fn(a, b) : argc === 3 ? fn(a, b, c) : fn(a, b, c, d);
            if (r !== undefined) watch(r);
          } catch (e) {
            reportException(e);
          }
        } else {
          this.#invoke(cn, argc === 0 ? [] : argc === 1 ? [a] : argc === 2 ? [a, b] : argc === 3 ? [a, b, c] : [a, b, c, d]);
        }
      }
    } finally {
      this.#emitting--;
    }
  }

  #emitArray(args: unknown[]): void {
    const list = this.#list;
    const n = list.length;
    if (n === 0) return;
    const owner = this.#owner;
    if (owner !== null && hooks.signalsBlocked(owner)) return;
    this.#emitting++;
    try {
      for (let i = 0; i < n; i++) {
        const cn = list[i]!;
        if (cn._signal === null) continue;
        if (cn._slow === 0) {
          try {
            watch(cn._fn!.apply(undefined, args));
          } catch (e) {
            reportException(e);
          }
        } else {
          this.#invoke(cn, args.slice());
        }
      }
    } finally {
      this.#emitting--;
    }
  }

  #invoke(cn: Connection, args: unknown[]): void {
    if (cn._single) this.#drop(cn);
    const receiver = cn._receiver;
    const owner = this.#owner;
    if (cn._queued) {
      postEvent(receiver ?? hooks.globalContext(), new QMetaCallEvent(cn._fn, receiver, cn._method, cn._target, args, owner, this), 0);
      return;
    }
    const target = cn._target;
    if (target !== null) {
      const pr = curReceiver;
      const ps = curSender;
      const pg = curSignal;
      curReceiver = receiver;
      curSender = owner;
      curSignal = this;
      try {
        target.#emitArray(args);
      } finally {
        curReceiver = pr;
        curSender = ps;
        curSignal = pg;
      }
      return;
    }
    const fn = cn._fn ?? ((receiver as unknown as Record<string, (...a: unknown[]) => unknown>)[cn._method!] as (...a: unknown[]) => unknown);
    if (typeof fn !== 'function') {
      reportException(new TypeError(`Signal.emit: ${receiver?.constructor.name}.${cn._method} is not a function`));
      return;
    }
    if (receiver === null) {
      try {
        watch(fn.apply(undefined, args));
      } catch (e) {
        reportException(e);
      }
      return;
    }
    callWithSender(receiver, owner, this, fn, args);
  }

  /**
   * Waits for the next emission.
   * @param ms - timeout in milliseconds; omitted = no timeout
   * @param options - an AbortSignal to cancel the wait
   * @returns a promise of the emission's arguments; it rejects with a `TimeoutError`
   *   `DOMException` on timeout, on abort, and when the sender is deleted. A pending wait keeps
   *   the process alive.
   */
  wait(ms?: number, options?: SignalWaitOptions): Promise<A> {
    if (ms !== undefined && (typeof ms !== 'number' || !(ms >= 0) || !Number.isFinite(ms))) {
      throw new RangeError(`Signal.wait: ms must be a finite number >= 0, got ${String(ms)}`);
    }
    const owner = this.#owner;
    if (owner !== null && hooks.isDeleted(owner)) {
      return Promise.reject(timeoutError(`Signal.wait: the ${owner.constructor.name} has been deleted`));
    }
    const abort = options?.signal;
    if (abort?.aborted) return Promise.reject(timeoutError('Signal.wait: aborted'));
    return new Promise<A>((resolve, reject) => {
      let done = false;
      let timerId = 0;
      const cn = new Connection();
      const cleanup = (): void => {
        done = true;
        if (timerId !== 0) unregisterTimer(timerId);
        if (cn._signal !== null) this.#drop(cn);
        releaseKeepAlive();
        abort?.removeEventListener('abort', onAbort);
      };
      const onAbort = (): void => {
        if (done) return;
        cleanup();
        reject(timeoutError('Signal.wait: aborted'));
      };
      cn._signal = this;
      cn._fn = (...args: unknown[]) => {
        if (done) return;
        cleanup();
        resolve(args as A);
      };
      cn._slow = 1;
      cn._onSenderDeleted = () => {
        if (done) return;
        cleanup();
        reject(timeoutError(`Signal.wait: the sender was deleted`));
      };
      this.#append(cn);
      addKeepAlive();
      if (ms !== undefined) {
        timerId = registerTimer(ms, 0, null, () => {
          timerId = 0;
          if (done) return;
          cleanup();
          reject(timeoutError(`Signal.wait: timed out after ${ms} ms`));
        }, true);
      }
      abort?.addEventListener('abort', onAbort);
    });
  }

  /**
   * Iterates emissions (`for await (const args of signal)`), buffering up to 1024 emissions
   * that arrive while the loop body runs (the oldest are dropped beyond that). The iteration
   * ends when the sender is deleted; leaving the loop disconnects.
   * @returns an async iterator of argument tuples
   */
  [Symbol.asyncIterator](): AsyncIterableIterator<A> {
    const buffer: A[] = [];
    let waiting: ((r: IteratorResult<A>) => void) | null = null;
    let finished = false;
    const cn = new Connection();
    const finish = (): void => {
      if (finished) return;
      finished = true;
      if (cn._signal !== null) this.#drop(cn);
      if (waiting !== null) {
        const w = waiting;
        waiting = null;
        releaseKeepAlive();
        w({ value: undefined, done: true });
      }
    };
    cn._signal = this;
    cn._fn = (...args: unknown[]) => {
      if (waiting !== null) {
        const w = waiting;
        waiting = null;
        releaseKeepAlive();
        w({ value: args as A, done: false });
      } else {
        buffer.push(args as A);
        if (buffer.length > ITER_LIMIT) buffer.shift();
      }
    };
    cn._onSenderDeleted = finish;
    const owner = this.#owner;
    if (owner !== null && hooks.isDeleted(owner)) finished = true;
    else this.#append(cn);
    const it: AsyncIterableIterator<A> = {
      next: (): Promise<IteratorResult<A>> => {
        if (buffer.length > 0) return Promise.resolve({ value: buffer.shift()!, done: false });
        if (finished) return Promise.resolve({ value: undefined, done: true });
        if (waiting !== null) return Promise.reject(new Error('Signal: next() called while a previous next() is pending'));
        addKeepAlive();
        return new Promise((resolve) => {
          waiting = resolve;
        });
      },
      return: (): Promise<IteratorResult<A>> => {
        buffer.length = 0;
        finish();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() {
        return it;
      },
    };
    return it;
  }

  /** @internal Emits with an argument array (queued signal-to-signal calls). */
  _emitArgs(args: unknown[]): void {
    this.#emitArray(args);
  }

  /** @internal The owner, or null. */
  _owner(): QObject | null {
    return this.#owner;
  }

  /** @internal The number of live connections. */
  _count(): number {
    return this.#list.length;
  }

  /** @internal Live connections (a copy). */
  _connections(): Connection[] {
    return this.#list.slice();
  }

  /** @internal The declared name ('' if unknown). */
  _name(): string {
    if (this.#name === null) {
      const o = this.#owner as unknown as Record<string, unknown> | null;
      if (o !== null) {
        for (const k of Object.keys(o)) {
          if (o[k] === this) {
            this.#name = k;
            break;
          }
        }
      }
    }
    return this.#name ?? '';
  }

  /** @internal Disconnects every connection whose receiver is being deleted. */
  _dropConnection(cn: Connection): void {
    if (cn._signal === this) this.#drop(cn);
  }

  /** @internal The owner is being deleted: disconnect everything, end waits/iterations. */
  _ownerDeleted(): void {
    const list = this.#list;
    this.#list = EMPTY;
    for (const cn of list) {
      cn._signal = null;
      if (cn._receiver !== null) hooks.removeInbound(cn._receiver, cn);
      const f = cn._onSenderDeleted;
      if (f !== null) {
        try {
          f();
        } catch (e) {
          reportException(e);
        }
      }
    }
  }
}
