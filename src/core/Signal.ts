// SPDX-License-Identifier: MIT
import { Connection } from './Connection.js';
import { hooks, declaredArity, deletedError, qtClassName, warnObjectNames } from './private/internals.js';
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
import { describe } from './private/describe.js';
import { checkConnectionType } from './private/args.js';

/** A slot for a signal with arguments `A`: it may take fewer arguments than the signal sends. */
export type Slot<A extends unknown[]> = (...args: A) => unknown;

/** Options of the {@link Signal} constructor. */
export interface SignalOptions<A extends unknown[] = unknown[]> {
  /** The signal's name; by default it is found on first use among the owner's fields. */
  name?: string;
  /**
   * How many arguments the signal takes (the length of `A`). Give it when the signal may be the
   * target of a signal-to-signal connection from a signal with more arguments: the extra ones are
   * then dropped, as Qt does. Without it the target is emitted with all of the source's arguments.
   */
  argc?: A['length'];
}

/** Options of {@link Signal.wait}. */
export interface SignalWaitOptions {
  /** Aborting rejects the wait with a `TimeoutError` DOMException. */
  signal?: AbortSignal;
}

const ITER_LIMIT = 1024;

/**
 * The connections of a signal that has been connected at least once (a never-connected signal
 * holds none of this: just its owner).
 */
class Slots {
  /**
   * Live connections in connection order, plus tombstones (`_signal === null`): a connection
   * dropped while an emission runs, or in the middle of the list, stays until compaction, so
   * running emissions keep their indexes and nothing is copied.
   */
  list: Connection[] = [];
  /** Depth of emissions running over `list`. */
  emitting = 0;
  /** Tombstones in `list`. */
  dead = 0;
  /** `list` compiled into straight-line calls (see {@link bake}), or null; also in the signal's `#fast`. */
  baked: Baked | null = null;
  /** Emissions through the loop since the list last changed. */
  runs = 0;
  /** The connections of the last compiled function, or null. */
  bakedConns: Connection[] | null = null;
  /**
   * Tells the last compiled function that one of its connections was dropped: if it is running,
   * the rest of that emission goes through resumeFrom (which checks every connection).
   */
  kill: (() => void) | null = null;
  /** Whether a compiled emission is running (`kill` is replaced only while none runs). */
  running = false;
  /** The owner's class overrides connectNotify (1) and/or disconnectNotify (2); fixed when created. */
  notify = 0;
}

/** A list of plain connections compiled for one argument count. */
type Baked = (a: unknown, b: unknown, c: unknown, d: unknown) => void;
/** The loop emission, for a compiled function called with another argument count. */
type Other = (argc: number, a: unknown, b: unknown, c: unknown, d: unknown) => void;
type BakeFactory = (
  st: Slots,
  conns: Connection[],
  other: Other,
  report: (e: unknown) => void,
  resume: typeof resumeFrom,
  ...fns: unknown[]
) => Baked;

/** Loop emissions over an unchanged list before it is compiled. */
const BAKE_AFTER = 32;
/** Longest list that is compiled. */
const BAKE_MAX = 32;
/** Factories by `n * 5 + argc`; `canBake` turns false where code generation is disallowed. */
const factories = new Map<number, BakeFactory>();
let canBake = true;

/**
 * Compiles `st.list` (2..BAKE_MAX live plain connections, nothing else) into one function that
 * calls each slot at its own call site, so the engine can inline every slot, as a hand-written
 * sequence of calls would be. The semantics are those of the loop in `#emitList`:
 * - it is the signal's `#fast` slot, called by emit() with the exact argument count; called
 *   with another count, it hands the emission to the loop (`other`); inlined, that check is
 *   free (the engine knows the count at the call site);
 * - it works on its own copy of the list, so it needs no emission depth (a drop while it runs
 *   may compact `st.list` at once); it sets `st.running` while it runs and restores the
 *   previous value after (it cannot throw: every call is guarded and the handler never throws,
 *   so no `finally` is needed);
 * - every connection is live when the function starts (a drop or blockSignals() discards the
 *   function); a connection dropped while it runs (`st.kill`) makes it hand the rest of the
 *   emission to {@link resumeFrom}, which skips dropped connections. The slots themselves stay
 *   constants of the function (never reassigned), so the engine inlines them without a check
 *   per call, and the one flag it tests between slots is cheap;
 * - a slot that throws is reported and the rest runs through {@link resumeFrom}, which checks
 *   each connection and gives each call its own exception handler;
 * - a returned promise is watched (the rest of that emission then runs through resumeFrom);
 * - connections added meanwhile are not in it (not called by the running emission).
 */
function bake(st: Slots, argc: number, other: Other): Baked | null {
  const conns = st.list.slice();
  const n = conns.length;
  const key = n * 5 + argc;
  let f = factories.get(key);
  if (f === undefined) {
    const params = ['a', 'b', 'c', 'd'].slice(0, argc).join(', ');
    const names: string[] = [];
    let body = '';
    for (let k = 0; k < n; k++) {
      names.push(`f${k}`);
      body += `k = ${k}; if (dirty || (r = f${k}(${params})) !== undefined) break run;\n`;
    }
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      f = new Function('st', 'conns', 'other', 'report', 'resume', ...names, `'use strict';
var dirty = false;
st.kill = function () {
  dirty = true;
};
function rest(k, r, a, b, c, d) {
  resume(conns, k, ${argc}, a, b, c, d, r);
}
return function (a, b, c, d) {
  if (arguments.length !== ${argc}) {
    other(arguments.length, a, b, c, d);
    return;
  }
  const s = st;
  const was = s.running;
  let k = 0, r;
  s.running = true;
  try {
    run: {
${body}      k = ${n};
    }
  } catch (e) {
    report(e);
    k++;
  }
  if (r !== undefined) k++;
  if (k < ${n} || r !== undefined) rest(k, r, a, b, c, d);
  s.running = was;
};`) as BakeFactory;
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      canBake = false; // --disallow-code-generation-from-strings: keep the loop
      return null;
    }
    factories.set(key, f);
  }
  const fns: unknown[] = [];
  for (let k = 0; k < n; k++) fns.push(conns[k]!._fn);
  st.bakedConns = conns;
  return f(st, conns, other, reportException, resumeFrom, ...fns);
}

/**
 * The rest of a compiled emission, from index `k`, with the loop's checks; `r0` is what the
 * last slot called returned (a promise to watch first), or undefined.
 */
function resumeFrom(conns: Connection[], k: number, argc: number, a: unknown, b: unknown, c: unknown, d: unknown, r0: unknown): void {
  if (r0 !== undefined) {
    try {
      watch(r0);
    } catch (e) {
      reportException(e);
    }
  }
  for (let i = k; i < conns.length; i++) {
    const cn = conns[i]!;
    if (cn._signal === null) continue;
    const fn = cn._fn!;
    try {
      const r = argc === 2 ? fn(a, b) : argc === 1 ? fn(a) : argc === 0 ? fn() : argc === 3 ? fn(a, b, c) : fn(a, b, c, d);
      if (r !== undefined) watch(r);
    } catch (e) {
      reportException(e);
    }
  }
}

/** Names given explicitly to `new Signal(owner, name)` (or found once by `_name()`). */
const names = new WeakMap<Signal<any>, string>();

/**
 * Argument counts (SG-8): declared with `new Signal(owner, { argc })`, or looked up once for a
 * library signal the first time it is the target of a signal-to-signal call (-1: unknown). Kept
 * out of the Signal object, so that a signal costs no more memory for it.
 */
const arities = new WeakMap<Signal<any>, number>();

/** The argument count of `target`, -1 when unknown (a user signal declared without `argc`). */
function arityOf(target: Signal<any>): number {
  let n = arities.get(target);
  if (n === undefined) {
    const owner = target._owner();
    const name = owner === null ? null : hooks.lazySignalName(owner, target);
    n = (name === null ? undefined : declaredArity(owner!, name)) ?? -1;
    arities.set(target, n);
  }
  return n;
}

/**
 * `Class::name(...)` for a warning: the class of the signal's owner, its name, and as many
 * argument places as it takes (types are not known at run time).
 */
function signature(sig: Signal<any>, argc: number): string {
  const owner = sig._owner();
  return `${owner === null ? 'Signal' : qtClassName(owner.constructor)}::${sig._name()}(${Array(argc).fill('...').join(',')})`;
}

// Who is emitting, for QObject.sender()/senderSignalIndex().
let curReceiver: QObject | null = null;
let curSender: QObject | null = null;
let curSignal: Signal<any> | null = null;

/** @returns the sender seen by `receiver` inside a slot, or null @internal */
export function currentSenderFor(receiver: QObject): QObject | null {
  if (curReceiver !== receiver || curSender === null) return null;
  // Qt (SG-12): only while the sender lives and some connection from it to the receiver remains.
  return hooks.isDeleted(curSender) || !hooks.isConnectedFrom(receiver, curSender) ? null : curSender;
}

/** @returns the signal being delivered to `receiver`, or null @internal */
export function currentSignalFor(receiver: QObject): Signal<any> | null {
  return currentSenderFor(receiver) === null ? null : curSignal;
}

function watch(r: unknown): void {
  if (r !== undefined && r !== null && typeof (r as PromiseLike<unknown>).then === 'function') {
    (r as PromiseLike<unknown>).then(undefined, reportException);
  }
}

/** The owner's notification hooks (QObject's protected connectNotify/disconnectNotify). */
interface Notified {
  connectNotify(signal: Signal<any>): unknown;
  disconnectNotify(signal: Signal<any> | null): unknown;
}

/**
 * Calls the owner's override of `hook`, unless its class has none or the owner is being deleted
 * (Qt cannot reach an override from the destructor); what it throws goes to the handler.
 */
function callHook(owner: QObject, hook: keyof Notified, base: unknown, signal: Signal<any> | null): void {
  const f = (owner as unknown as Notified)[hook] as (s: Signal<any> | null) => unknown;
  if (f === base || hooks.isDeleted(owner)) return;
  try {
    watch(f.call(owner, signal));
  } catch (e) {
    reportException(e);
  }
}

/** `owner.connectNotify(signal)`, if overridden. */
function notifyConnect(owner: QObject, signal: Signal<any>): void {
  callHook(owner, 'connectNotify', hooks.baseConnectNotify, signal);
}

/**
 * `owner.disconnectNotify(signal)` (null: every signal), if overridden.
 * @internal
 */
export function notifyDisconnect(owner: QObject | null, signal: Signal<any> | null): void {
  if (owner !== null) callHook(owner, 'disconnectNotify', hooks.baseDisconnectNotify, signal);
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
 * - Once its owner is deleted, `connect()` and `disconnect()` throw an Error naming the class (PyQt
 *   raises RuntimeError); `emit()` does nothing, since no connection is left to call (PyQt raises
 *   there too; a check would cost every emission that has no listener).
 *
 * @typeParam A - the argument tuple
 * @see {@link https://doc.qt.io/qt-6/signalsandslots.html | Signals & Slots in Qt 6}
 */
export class Signal<A extends unknown[] = []> implements AsyncIterable<A> {
  #owner: QObject | null;
  #st: Slots | null = null;
  /**
   * The slot when the list is exactly one live plain function connection (direct, no context),
   * or the list compiled by bake(), and the owner's signals are not blocked; null otherwise
   * (then emit takes the general path). On the signal itself: one load away from emit().
   */
  #fast: ((...args: any[]) => unknown) | null = null;

  /**
   * Creates a signal.
   * @param owner - the QObject that emits it (its deletion disconnects the signal; its
   *   `blockSignals()` silences it; `sender()` reports it); null for a free-standing signal
   * @param options - the signal's name (a string), or {@link SignalOptions}: its name and its
   *   argument count, which a signal-to-signal connection into this signal uses to drop the
   *   source's extra arguments (`new Signal<[celsius: number]>(this, { argc: 1 })`)
   * @throws TypeError when `owner` is neither a QObject nor null, `options` is neither a string
   *   nor an object, `name` is not a string or `argc` is not a number
   * @throws RangeError when `argc` is not a non-negative integer
   */
  constructor(owner: QObject | null = null, options?: string | SignalOptions<A>) {
    if (owner !== null && (hooks.isQObject === undefined || !hooks.isQObject(owner))) {
      throw new TypeError(`Signal: owner must be a QObject or null, got ${describe(owner)}`);
    }
    this.#owner = owner;
    if (options === undefined) return;
    if (typeof options === 'string') {
      names.set(this, options);
      return;
    }
    if (typeof options !== 'object' || options === null) {
      throw new TypeError(`Signal: options must be a name or a SignalOptions object, got ${describe(options)}`);
    }
    const { name, argc } = options;
    if (name !== undefined && typeof name !== 'string') throw new TypeError(`Signal: name must be a string, got ${describe(name)}`);
    if (argc !== undefined) {
      if (typeof argc !== 'number') throw new TypeError(`Signal: argc must be a non-negative integer, got ${describe(argc)}`);
      if (!Number.isInteger(argc) || argc < 0) throw new RangeError(`Signal: argc must be a non-negative integer, got ${describe(argc)}`);
      arities.set(this, argc);
    }
    if (name !== undefined) names.set(this, name);
  }

  /**
   * Connects a slot function, or another signal (emitted with this signal's arguments, or with
   * only its own first N when it was declared with `argc` N, as Qt drops the extra ones).
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
    if (typeof a === 'function' && b === undefined) {
      // The common form, connect(fn): a plain direct connection (what the general path below
      // builds for it, without the argument analysis).
      const owner = this.#owner;
      if (owner !== null && hooks.isDeleted(owner)) throw deletedError(owner, 'connect');
      const cn = new Connection();
      cn._signal = this;
      cn._fn = a as (...args: any[]) => unknown;
      if ((Signal.#append(this, cn).notify & 1) !== 0) notifyConnect(owner!, this);
      return cn;
    }
    return Signal.#connectAny(this, a, b, c, 'Signal.connect');
  }

  /**
   * @internal connect() for a library method that connects on the user's behalf
   * (`QObject.connect`, `QTimer.callOnTimeout`): its errors name `where`, the method called.
   */
  _connectVia(where: string, a: unknown, b?: unknown, c?: unknown): Connection {
    if (typeof a === 'function' && b === undefined) return this.connect(a as (...args: any[]) => unknown);
    return Signal.#connectAny(this, a, b, c, where);
  }

  static #connectAny(self: Signal<any>, a: unknown, b: unknown, c: unknown, where: string): Connection {
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
      else throw new TypeError(`${where}: slot must be a function, a method name or a Signal, got ${describe(b)}`);
    } else {
      throw new TypeError(`${where}: slot must be a function, a Signal or a QObject context, got ${describe(a)}`);
    }
    const t = checkConnectionType(where, type, 0x180);
    const owner = self.#owner;
    if (owner !== null && hooks.isDeleted(owner)) throw deletedError(owner, 'connect');
    // A chained signal without a context lives as long as its owner (checked below like a context).
    if (target !== null && receiver === null) receiver = target.#owner;
    if (receiver !== null && hooks.isDeleted(receiver)) throw deletedError(receiver, 'connect');
    if (method !== null && typeof (receiver as unknown as Record<string, unknown>)[method] !== 'function') {
      const cls = qtClassName(receiver!.constructor);
      qWarning(`QObject::connect: No such slot ${cls}::${method}()`);
      warnObjectNames('connect', owner, receiver);
      return new Connection();
    }
    if (target !== null) {
      // Qt refuses a target signal that needs more arguments than the source sends (both known).
      const need = arityOf(target);
      const have = arityOf(self);
      if (need >= 0 && have >= 0 && need > have) {
        qWarning(`QObject::connect: Incompatible sender/receiver arguments\n        ${signature(self, have)} --> ${signature(target, need)}`);
        return new Connection();
      }
    }
    if ((t & 0x80) !== 0) {
      const list = self.#st?.list;
      if (list !== undefined) {
        for (const x of list) {
          if (x._signal !== null && x._receiver === receiver && x._fn === fn && x._method === method && x._target === target) return new Connection();
        }
      }
    }
    const cn = new Connection();
    cn._signal = self;
    cn._fn = fn;
    cn._receiver = receiver;
    cn._method = method;
    cn._target = target;
    const queued = (t & 0x7f) === 2;
    const single = (t & 0x100) !== 0;
    cn._slow = (queued ? 2 : 0) | (single ? 4 : 0) | (receiver !== null || target !== null || method !== null ? 1 : 0);
    const st = Signal.#append(self, cn);
    if (receiver !== null) hooks.addInbound(receiver, cn);
    if ((st.notify & 1) !== 0) notifyConnect(owner!, self);
    return cn;
  }

  /**
   * Appends cn; the caller then calls notifyConnect if `notify & 1` (on the Slots returned).
   * @returns the signal's Slots
   */
  static #append(self: Signal<any>, cn: Connection): Slots {
    let st = self.#st;
    if (st === null) {
      st = self.#st = new Slots();
      const o = self.#owner;
      if (o !== null) {
        hooks.registerSignal(o, self);
        const n = o as unknown as Notified;
        st.notify = (n.connectNotify !== hooks.baseConnectNotify ? 1 : 0) | (n.disconnectNotify !== hooks.baseDisconnectNotify ? 2 : 0);
      }
    }
    // Appending never disturbs a running emission: it only visits the indexes it started with.
    // An empty list is replaced (no emission can be using it) by one sized for one connection.
    const list = st.list;
    if (list.length === 0) st.list = [cn];
    else list.push(cn);
    Signal.#refresh(self, st);
    return st;
  }

  /** Removes cn (which must belong to this signal) in amortised O(1), no copy. */
  static #drop(self: Signal<any>, cn: Connection): void {
    cn._signal = null;
    const st = self.#st!;
    if (st.bakedConns !== null) {
      // A compiled emission may be running: it must not call cn.
      const i = st.bakedConns.indexOf(cn);
      if (i >= 0) st.kill!();
    }
    const list = st.list;
    let len = list.length;
    if (st.emitting === 0 && list[len - 1] === cn) {
      list.pop();
      len--;
      while (len > 0 && list[len - 1]!._signal === null) {
        list.pop();
        len--;
        st.dead--;
      }
    } else {
      st.dead++;
      if (st.emitting === 0 && st.dead * 2 >= len) Signal.#compact(st);
    }
    Signal.#refresh(self, st);
    const receiver = cn._receiver;
    Signal.#release(cn);
    if (receiver !== null) hooks.removeInbound(receiver, cn);
  }

  /**
   * Forgets what a dropped connection called: a handle kept by the user must not keep the slot
   * (often a closure) or the context alive, as in Qt, where disconnecting destroys the functor
   * whatever handles remain (tst_qobject disconnectDoesNotLeakFunctor). Calls already queued
   * hold their own copy (QMetaCallEvent).
   */
  static #release(cn: Connection): void {
    cn._fn = null;
    cn._receiver = null;
    cn._method = null;
    cn._target = null;
  }

  static #compact(st: Slots): void {
    const list = st.list;
    let j = 0;
    for (let i = 0; i < list.length; i++) {
      const x = list[i]!;
      if (x._signal !== null) list[j++] = x;
    }
    list.length = j;
    st.dead = 0;
  }

  static #refresh(self: Signal<any>, st: Slots): void {
    st.baked = null;
    st.runs = 0;
    const list = st.list;
    if (!st.running) {
      // No compiled emission runs: drop the last one's state (its closure holds its slots).
      st.kill = null;
      st.bakedConns = null;
    }
    const x = list[0];
    self.#fast = list.length === 1 && x!._signal !== null && x!._slow === 0 && !Signal.#blocked(self) ? x!._fn : null;
  }

  /** Removes every live connection (the list is replaced: running emissions see tombstones). */
  static #dropAll(self: Signal<any>, st: Slots): Connection[] {
    const list = st.list;
    if (st.kill !== null) st.kill();
    st.list = [];
    st.dead = 0;
    self.#fast = null;
    st.baked = null;
    st.runs = 0;
    for (const cn of list) {
      if (cn._signal === null) continue;
      cn._signal = null;
      if (cn._receiver !== null) hooks.removeInbound(cn._receiver, cn);
      Signal.#release(cn);
    }
    return list;
  }

  static #blocked(self: Signal<any>): boolean {
    const owner = self.#owner;
    return owner !== null && hooks.signalsBlocked(owner);
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
    // a live connection of this signal means a live owner (deletion drops them all)
    if (a instanceof Connection && a._signal === this) {
      Signal.#drop(this, a);
      Signal.#dropped(this);
      return true;
    }
    const owner = this.#owner;
    if (owner !== null && hooks.isDisposed(owner)) throw deletedError(owner, 'disconnect');
    if (a instanceof Connection) return false;
    return Signal.#disconnectAny(this, a, b);
  }

  /** A disconnect removed connections of `self`: one disconnectNotify, as Qt makes per call. */
  static #dropped(self: Signal<any>): void {
    if ((self.#st!.notify & 2) !== 0) notifyDisconnect(self.#owner, self);
  }

  static #disconnectAny(self: Signal<any>, a: unknown, b: unknown): boolean {
    if (a === undefined) {
      const st = self.#st;
      if (st === null || st.list.length === st.dead) return false;
      Signal.#dropAll(self, st);
      Signal.#dropped(self);
      return true;
    }
    if (typeof a === 'function' || a instanceof Signal) {
      const list = self.#st?.list;
      if (list === undefined) return false;
      for (const cn of list) {
        if (cn._signal !== null && (cn._fn === a || cn._target === a)) {
          Signal.#drop(self, cn);
          Signal.#dropped(self);
          return true;
        }
      }
      return false;
    }
    if (hooks.isQObject(a)) {
      let any = false;
      const list = self.#st?.list;
      if (list === undefined) return false;
      for (const cn of list.slice()) {
        if (cn._signal !== self || cn._receiver !== a) continue;
        if (b !== undefined && cn._fn !== b && cn._method !== b && cn._target !== b) continue;
        Signal.#drop(self, cn);
        any = true;
      }
      if (any) Signal.#dropped(self);
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
    const fn = this.#fast;
    const argc = arguments.length;
    if (fn !== null && argc <= 4) {
      // The common case, kept small enough to be inlined at the call site: one plain function
      // connection, or a compiled list (see bake()), and the owner not blocked (blockSignals()
      // clears `fast`). Nothing after the call depends on the list, so no emission depth is
      // needed: a slot connected by this slot is not called, one it disconnects is not called
      // again.
      try {
        const r = argc === 2 ? fn(a, b) : argc === 1 ? fn(a) : argc === 0 ? fn() : argc === 3 ? fn(a, b, c) : fn(a, b, c, d);
        if (r !== undefined) watch(r);
      } catch (e) {
        reportException(e);
      }
      return;
    }
    // Everything else is out of line, so that emit() with a compiled list and its slots still
    // fits the engine's inlining budget.
    let all: unknown[] | null = null;
    if (argc > 4) {
      all = new Array<unknown>(argc);
      for (let i = 0; i < argc; i++) all[i] = arguments[i];
    }
    Signal.#emitSlow(this, argc, a, b, c, d, all);
  }

  /** emit() without a fast slot or compiled list, or with `all`: more than 4 arguments. */
  static #emitSlow(self: Signal<any>, argc: number, a: unknown, b: unknown, c: unknown, d: unknown, all: unknown[] | null): void {
    const st = self.#st;
    // Nothing to call. This is also the path of a deleted owner's signals (deletion drops their
    // lists); emit() stays a no-op there, unlike connect() and disconnect(), which throw: any
    // check here costs every emit that has no listener (measured: 0.66 -> 1.1-1.8 ns).
    if (st === null) return;
    if (all !== null) Signal.#emitArray(self, all);
    else Signal.#emitList(self, st, argc, a, b, c, d);
  }

  static #emitList(self: Signal<any>, st: Slots, argc: number, a: unknown, b: unknown, c: unknown, d: unknown): void {
    const list = st.list;
    const n = list.length;
    if (n === 0 || Signal.#blocked(self)) return;
    st.emitting++;
    try {
      // Compiled only outside other emissions of this signal (then no compiled one runs, and
      // st.kill may be replaced).
      if (++st.runs === BAKE_AFTER && canBake && st.emitting === 1 && !st.running && n <= BAKE_MAX && st.dead === 0 && list === st.list && n === list.length) {
        let plain = true;
        for (let i = 0; i < n; i++) if (list[i]!._slow !== 0) plain = false;
        if (plain) {
          st.baked = bake(st, argc, (m, a2, b2, c2, d2) => Signal.#emitList(self, st, m, a2, b2, c2, d2));
          self.#fast = st.baked;
        }
      }
      for (let i = 0; i < n; i++) {
        const cn = list[i]!;
        if (cn._signal === null) continue;
        if (cn._slow === 0) {
          const fn = cn._fn!;
          try {
            const r = argc === 2 ? fn(a, b) : argc === 1 ? fn(a) : argc === 0 ? fn() : argc === 3 ? fn(a, b, c) : fn(a, b, c, d);
            if (r !== undefined) watch(r);
          } catch (e) {
            reportException(e);
          }
        } else {
          Signal.#invoke(self, cn, argc === 0 ? [] : argc === 1 ? [a] : argc === 2 ? [a, b] : argc === 3 ? [a, b, c] : [a, b, c, d]);
        }
      }
    } finally {
      if (--st.emitting === 0 && st.dead !== 0) Signal.#settle(self, st);
    }
  }

  /** After the outermost emission: drop the tombstones (or enough of them). */
  static #settle(self: Signal<any>, st: Slots): void {
    const list = st.list;
    let len = list.length;
    while (len > 0 && list[len - 1]!._signal === null) {
      list.pop();
      len--;
      st.dead--;
    }
    if (st.dead !== 0 && st.dead * 2 >= len) Signal.#compact(st);
    Signal.#refresh(self, st);
  }

  static #emitArray(self: Signal<any>, args: unknown[]): void {
    const st = self.#st;
    if (st === null) return;
    const list = st.list;
    const n = list.length;
    if (n === 0 || Signal.#blocked(self)) return;
    st.emitting++;
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
          Signal.#invoke(self, cn, args.slice());
        }
      }
    } finally {
      if (--st.emitting === 0 && st.dead !== 0) Signal.#settle(self, st);
    }
  }

  static #invoke(self: Signal<any>, cn: Connection, args: unknown[]): void {
    // Read before a single-shot connection is dropped (which releases them).
    const receiver = cn._receiver;
    const target = cn._target;
    const method = cn._method;
    const cnFn = cn._fn;
    if ((cn._slow & 4) !== 0) {
      // Qt 6 removes a single-shot connection before the call, with a disconnectNotify.
      Signal.#drop(self, cn);
      Signal.#dropped(self);
    }
    const owner = self.#owner;
    if (target !== null) {
      // A target signal that declares fewer arguments gets only its own (SG-8).
      const n = arityOf(target);
      if (n >= 0 && n < args.length) args = args.slice(0, n);
    }
    if ((cn._slow & 2) !== 0) {
      postEvent(receiver ?? hooks.globalContext(), new QMetaCallEvent(cnFn, receiver, method, target, args, owner, self), 0);
      return;
    }
    if (target !== null) {
      const pr = curReceiver;
      const ps = curSender;
      const pg = curSignal;
      curReceiver = receiver;
      curSender = owner;
      curSignal = self;
      try {
        Signal.#emitArray(target, args);
      } finally {
        curReceiver = pr;
        curSender = ps;
        curSignal = pg;
      }
      return;
    }
    // A slot named by its method on a receiver whose destruction has begun is not called: in Qt
    // the subclass that defined it is already gone (SLOT() connections, tst_qobject
    // baseDestroyed), in PyQt the bound method's object is. A function slot still runs.
    if (method !== null && hooks.isDeleted(receiver!)) return;
    const fn = cnFn ?? ((receiver as unknown as Record<string, (...a: unknown[]) => unknown>)[method!] as (...a: unknown[]) => unknown);
    if (typeof fn !== 'function') {
      reportException(new TypeError(`Signal.emit: ${receiver === null ? undefined : qtClassName(receiver.constructor)}.${method} is not a function`));
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
    callWithSender(receiver, owner, self, fn, args);
  }

  /**
   * Waits for the next emission.
   * @param ms - timeout in milliseconds (a fraction is rounded up by the timer), at most
   *   2147483647 as for a QTimer; omitted = no timeout
   * @param options - an AbortSignal to cancel the wait
   * @returns a promise of the emission's arguments; it rejects with a `TimeoutError`
   *   `DOMException` on timeout, on abort, and when the sender is deleted. A pending wait keeps
   *   the process alive.
   * @throws TypeError (synchronously, before anything is connected) when `ms` is not a number,
   *   `options` is not an object or `options.signal` is not an AbortSignal
   * @throws RangeError (synchronously) when `ms` is NaN, negative, infinite or above 2147483647
   */
  wait(ms?: number, options?: SignalWaitOptions): Promise<A> {
    if (ms !== undefined) {
      if (typeof ms !== 'number') throw new TypeError(`Signal.wait: ms must be a number, got ${describe(ms)}`);
      if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`Signal.wait: ms must be a finite number >= 0, got ${String(ms)}`);
      // as QTimer; beyond it a Node timer overflows (fires after 1 ms, with a warning), re-armed forever
      if (ms > 0x7fffffff) throw new RangeError(`Signal.wait: ms must be at most 2147483647, got ${ms}`);
    }
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw new TypeError(`Signal.wait: options must be a SignalWaitOptions object, got ${describe(options)}`);
    }
    const abort = options?.signal;
    if (abort !== undefined && !(abort instanceof AbortSignal)) {
      throw new TypeError(`Signal.wait: options.signal must be an AbortSignal, got ${describe(abort)}`);
    }
    const owner = this.#owner;
    if (owner !== null && hooks.isDeleted(owner)) {
      return Promise.reject(timeoutError(`Signal.wait: the ${qtClassName(owner.constructor)} has been deleted`));
    }
    if (abort?.aborted) return Promise.reject(timeoutError('Signal.wait: aborted'));
    return new Promise<A>((resolve, reject) => {
      let done = false;
      let timerId = 0;
      const cn = new Connection();
      const cleanup = (): void => {
        done = true;
        if (timerId !== 0) unregisterTimer(timerId);
        if (cn._signal !== null) {
          Signal.#drop(this, cn);
          Signal.#dropped(this);
        }
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
      if ((Signal.#append(this, cn).notify & 1) !== 0) notifyConnect(owner!, this);
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
      if (cn._signal !== null) {
        Signal.#drop(this, cn);
        Signal.#dropped(this);
      }
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
    else if ((Signal.#append(this, cn).notify & 1) !== 0) notifyConnect(owner!, this);
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
    Signal.#emitArray(this, args);
  }

  /** @internal The owner, or null. */
  _owner(): QObject | null {
    return this.#owner;
  }

  /** @internal The number of live connections. */
  _count(): number {
    const st = this.#st;
    return st === null ? 0 : st.list.length - st.dead;
  }

  /** @internal Live connections (a copy). */
  _connections(): Connection[] {
    const st = this.#st;
    if (st === null) return [];
    return st.dead === 0 ? st.list.slice() : st.list.filter((x) => x._signal !== null);
  }

  /** @internal The declared name ('' if unknown). */
  _name(): string {
    let n = names.get(this);
    if (n === undefined) {
      const o = this.#owner;
      if (o === null) return '';
      const r = o as unknown as Record<string, unknown>;
      for (const k of Object.keys(r)) {
        if (r[k] === this) {
          n = k;
          break;
        }
      }
      n ??= hooks.lazySignalName(o, this) ?? undefined;
      if (n === undefined) return '';
      names.set(this, n);
    }
    return n;
  }

  /** @internal The owner's blockSignals() state changed. */
  _blockedChanged(): void {
    const st = this.#st;
    if (st !== null) Signal.#refresh(this, st);
  }

  /** @internal Drops `cn`, whose receiver is being deleted (one disconnectNotify per connection, as Qt). */
  _dropConnection(cn: Connection): void {
    if (cn._signal === this) {
      Signal.#drop(this, cn);
      Signal.#dropped(this);
    }
  }

  /**
   * @internal Drops `cn` without disconnectNotify: the caller notifies once for a whole
   * disconnect (QObject.disconnect), or the connection was made by `_connectQuiet`.
   * @returns whether cn was a live connection of this signal
   */
  _dropQuiet(cn: Connection): boolean {
    if (cn._signal !== this) return false;
    Signal.#drop(this, cn);
    return true;
  }

  /**
   * @internal Connects a plain function without connectNotify: a guard the library itself
   * keeps (Qt's own code holds a QPointer there, not a connection).
   */
  _connectQuiet(fn: (...args: any[]) => unknown): Connection {
    const cn = new Connection();
    cn._signal = this;
    cn._fn = fn;
    Signal.#append(this, cn);
    return cn;
  }

  /** @internal The owner is being deleted: disconnect everything, end waits/iterations. */
  _ownerDeleted(): void {
    const st = this.#st;
    if (st === null) return;
    const list = st.list.filter((x) => x._signal !== null);
    Signal.#dropAll(this, st);
    // no list from now on: emit() takes its no-listener path
    this.#st = null;
    this.#fast = null;
    for (const cn of list) {
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
