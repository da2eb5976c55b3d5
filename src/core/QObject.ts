// SPDX-License-Identifier: MIT
import type { SignalSignature, SlotSignature } from './macros.js';
import { Signal, callWithSender, currentSenderFor, currentSignalFor, notifyDisconnect } from './Signal.js';
import { Connection } from './Connection.js';
import { QEvent } from './QEvent.js';
import { QChildEvent } from './QChildEvent.js';
import { QDeferredDeleteEvent } from './QDeferredDeleteEvent.js';
import { QDynamicPropertyChangeEvent } from './QDynamicPropertyChangeEvent.js';
import type { QTimerEvent } from './QTimerEvent.js';
import { Qt } from './Qt.js';
import { qDebug, qWarning } from './qlogging.js';
import { hooks, declareClass, declareProperties, findProperty, deletedError, qtClassName, warnObjectNames } from './private/internals.js';
import { translateText } from './private/translate.js';
import { postEvent, registerTimer, sendEvent, unregisterTimer } from './private/dispatcher.js';
import type { QMetaCallEvent } from './private/QMetaCallEvent.js';
import { QMetaObject } from './QMetaObject.js';
import { QMetaMethod } from './QMetaMethod.js';
import { describe } from './private/describe.js';
import { checkBool, checkInt, checkTimerType } from './private/args.js';

const BLOCKED = 1;
const DESTROYING = 2;
const DELETED = 4;
const DELETE_LATER = 8;
const DELETING_CHILDREN = 16;

interface Extra {
  parent: QObject | null;
  children: (QObject | null)[] | null;
  name: string;
  props: Map<string, unknown> | null;
  filters: (QObject | null)[] | null;
  timers: Set<number> | null;
  inbound: Set<Connection> | null;
  signals: Signal<any>[] | null;
  /** While deleting the children: the index being deleted. */
  delIdx: number;
}

/** A class (constructor) whose instances are QObjects, for `findChild`/`findChildren`. */
export type QObjectClass<T extends QObject> = abstract new (...args: any[]) => T;

/** Names of the Signal-valued members of T. */
export type SignalNames<T> = { [K in keyof T]: T[K] extends Signal<any> ? K : never }[keyof T] & string;
/** Names of the method members of T. */
export type MethodNames<T> = { [K in keyof T]: T[K] extends (...args: any[]) => any ? K : never }[keyof T] & string;

let filterDepth = 0;
let addressCounter = 0x1000;
const addresses = new WeakMap<object, number>();
let globalCtx: QObject | null = null;

/** A fake, stable "pointer" for Qt's warnings that print one. @internal */
export function objectAddress(o: object): string {
  let a = addresses.get(o);
  if (a === undefined) {
    a = addressCounter += 0x10;
    addresses.set(o, a);
  }
  return '0x' + a.toString(16);
}

function signalName(spec: string): string {
  let s = spec.trim();
  if (/^[0-2]/.test(s)) s = s.slice(1);
  const i = s.indexOf('(');
  return i >= 0 ? s.slice(0, i) : s;
}

/**
 * The base class of the object model: parent/child ownership, signals, events, timers, event
 * filters, dynamic properties and deletion.
 *
 * Deleting: `dispose()` (also `[Symbol.dispose]`, so `using` works) is Qt's `delete`: `destroyed`
 * is emitted, then the children are deleted in order, then the object leaves its parent.
 * `deleteLater()` posts a deferred delete that follows Qt's loop-level rules. Calling a method of
 * a deleted object throws an Error naming the class; `isDeleted(obj)` tells.
 *
 * @remarks
 * #### Differences from Qt
 * - No threads: `thread()`, `moveToThread()` and `BlockingQueuedConnection` do not exist.
 * - `setParent()` refuses an object as its own ancestor with a RangeError (Qt's behaviour is
 *   undefined there).
 * - Exceptions thrown by `event()`, filters, `timerEvent()` and slots go to
 *   `QCoreApplication.setExceptionHandler`'s handler.
 *
 * @example
 * ```ts
 * import { QObject, Signal } from 'tsqt';
 *
 * class Counter extends QObject {
 *   readonly valueChanged = new Signal<[value: number]>(this);
 *   #value = 0;
 *   setValue(value: number): void {
 *     if (value === this.#value) return;
 *     this.#value = value;
 *     this.valueChanged.emit(value);
 *   }
 * }
 *
 * const parent = new QObject();
 * const a = new Counter(parent);
 * const b = new Counter(parent);
 * a.valueChanged.connect(b, 'setValue'); // ends when b is deleted
 * a.setValue(12);                        // b.valueChanged emits 12 too
 * parent.dispose();                      // deletes a and b, disconnects everything
 * ```
 * @see {@link https://doc.qt.io/qt-6/qobject.html | QObject in Qt 6}
 */
export class QObject implements Disposable {
  #f = 0;
  #x: Extra | null = null;
  #s: Record<string, Signal<any>> | null = null;

  static {
    hooks.isQObject = (o: unknown): o is QObject => o instanceof QObject;
    hooks.isDeleted = (o: QObject) => (o.#f & (DESTROYING | DELETED)) !== 0;
    hooks.isDisposed = (o: QObject) => (o.#f & DELETED) !== 0;
    hooks.signalsBlocked = (o: QObject) => (o.#f & BLOCKED) !== 0;
    hooks.registerSignal = (o: QObject, s: Signal<any>) => {
      const x = o.#extra();
      if (x.signals === null) x.signals = [s];
      else x.signals.push(s);
    };
    hooks.addInbound = (o: QObject, c: Connection) => {
      (o.#extra().inbound ??= new Set()).add(c);
    };
    hooks.removeInbound = (o: QObject, c: Connection) => {
      o.#x?.inbound?.delete(c);
    };
    hooks.isConnectedFrom = (o: QObject, sender: QObject) => {
      const ib = o.#x?.inbound;
      if (ib) for (const c of ib) if (c._signal !== null && c._signal._owner() === sender) return true;
      return false;
    };
    hooks.notify = (r: QObject, e: QEvent): boolean => {
      const app = hooks.app;
      if (app !== null && app !== undefined && app !== r && app.#x?.filters && QObject.#runFilters(app, r, e)) return true;
      if (r.#x?.filters && QObject.#runFilters(r, r, e)) return true;
      return r.event(e);
    };
    hooks.lazySignal = (o: QObject, name: string) => {
      const s = (o.#s ??= Object.create(null) as Record<string, Signal<any>>);
      return (s[name] ??= new Signal(o));
    };
    hooks.lazySignalName = (o: QObject, sig: Signal<any>) => {
      const s = o.#s;
      if (s !== null) for (const k in s) if (s[k] === sig) return k;
      return null;
    };
    hooks.peekSignal = (o: QObject, name: string) => o.#s?.[name] ?? null;
    hooks.globalContext = () => (globalCtx ??= new QObject());
    hooks.app = null;
    hooks.baseConnectNotify = QObject.prototype.connectNotify;
    hooks.baseDisconnectNotify = QObject.prototype.disconnectNotify;
  }

  static #runFilters(owner: QObject, watched: QObject, e: QEvent): boolean {
    const fl = owner.#x!.filters!;
    filterDepth++;
    try {
      for (let i = fl.length - 1; i >= 0; i--) {
        const f = fl[i];
        if (f === null || f === undefined || (f.#f & (DESTROYING | DELETED)) !== 0) continue;
        if (f.eventFilter(watched, e)) return true;
      }
      return false;
    } finally {
      filterDepth--;
    }
  }

  /**
   * Creates an object, optionally owned by `parent` (appended to its children; the parent gets
   * a ChildAdded event synchronously).
   * @param parent - the owner, or null
   */
  constructor(parent: QObject | null = null) {
    if (parent !== null && parent !== undefined) {
      if (!(parent instanceof QObject)) {
        // named after the class being made (new QUdpSocket('x'): "QUdpSocket: parent ...")
        throw new TypeError(`${qtClassName(new.target) || 'QObject'}: parent must be a QObject or null, got ${describe(parent)}`);
      }
      if ((parent.#f & DELETED) !== 0) throw deletedError(parent, 'constructor');
      this.#attach(parent);
    }
  }

  #extra(): Extra {
    return (this.#x ??= {
      parent: null,
      children: null,
      name: '',
      props: null,
      filters: null,
      timers: null,
      inbound: null,
      signals: null,
      delIdx: -1,
    });
  }

  #alive(method: string): void {
    if ((this.#f & DELETED) !== 0) throw deletedError(this, method);
  }

  #attach(parent: QObject): void {
    this.#extra().parent = parent;
    (parent.#extra().children ??= []).push(this);
    sendEvent(parent, new QChildEvent(QEvent.ChildAdded, this));
  }

  // ------------------------------------------------------------------ signals

  /**
   * Emitted at the start of deletion, before the children are deleted; emitted even when the
   * object's signals are blocked.
   * @group Signals
   */
  get destroyed(): Signal<[obj: QObject]> {
    return hooks.lazySignal(this, 'destroyed');
  }

  /**
   * Emitted by `setObjectName()` when the name changes.
   * @group Signals
   */
  get objectNameChanged(): Signal<[objectName: string]> {
    return hooks.lazySignal(this, 'objectNameChanged');
  }

  // ------------------------------------------------------------------ names, parents

  /** @returns the object's name ("" by default) */
  objectName(): string {
    this.#alive('objectName');
    return this.#x?.name ?? '';
  }

  /**
   * Sets the name; emits `objectNameChanged` when it changes.
   * @param name - the new name
   */
  setObjectName(name: string): void {
    this.#alive('setObjectName');
    if (typeof name !== 'string') throw new TypeError(`QObject.setObjectName: name must be a string, got ${describe(name)}`);
    const x = this.#extra();
    if (x.name === name) return;
    x.name = name;
    const s = this.#s?.objectNameChanged;
    if (s !== undefined) s.emit(name);
  }

  /** @returns the parent, or null */
  parent(): QObject | null {
    this.#alive('parent');
    return this.#x?.parent ?? null;
  }

  /**
   * Makes `parent` the owner: the object leaves its old parent (ChildRemoved) and is appended to
   * the new parent's children (ChildAdded). Setting the same parent does nothing.
   * @param parent - the new parent, or null
   */
  setParent(parent: QObject | null): void {
    this.#alive('setParent');
    if (parent === undefined) parent = null;
    if (parent !== null) {
      if (!(parent instanceof QObject)) throw new TypeError(`QObject.setParent: parent must be a QObject or null, got ${describe(parent)}`);
      if ((parent.#f & DELETED) !== 0) throw deletedError(parent, 'setParent');
      for (let p: QObject | null = parent; p !== null; p = p.#x?.parent ?? null) {
        if (p === this) throw new RangeError('QObject.setParent: an object cannot be its own ancestor');
      }
    }
    const old = this.#x?.parent ?? null;
    if (old === parent) return;
    if (old !== null) this.#detach(old);
    if (parent !== null) this.#attach(parent);
  }

  #detach(old: QObject): void {
    this.#x!.parent = null;
    const ox = old.#x;
    const ch = ox?.children;
    if (ch) {
      const i = ch[ox!.delIdx] === this ? ox!.delIdx : ch.lastIndexOf(this);
      if (i >= 0) {
        if ((old.#f & DELETING_CHILDREN) !== 0) ch[i] = null;
        else ch.splice(i, 1);
      }
    }
    if ((old.#f & (DELETING_CHILDREN | DELETED)) === 0) sendEvent(old, new QChildEvent(QEvent.ChildRemoved, this));
  }

  /** @returns the children, in insertion order (a copy) */
  children(): QObject[] {
    this.#alive('children');
    const ch = this.#x?.children;
    if (!ch) return [];
    return ch.filter((c): c is QObject => c !== null);
  }

  /**
   * The first child of type `type` whose name matches (direct children are checked before
   * grandchildren).
   * @param type - a class; instances of it (and subclasses) match
   * @param name - a name, a RegExp, or undefined/null for any name
   * @param options - `Qt.FindChildrenRecursively` (default) or `Qt.FindDirectChildrenOnly`
   * @returns the child, or null
   */
  findChild<T extends QObject>(type: QObjectClass<T>, name?: string | RegExp | null, options: Qt.FindChildOption = Qt.FindChildrenRecursively): T | null {
    this.#alive('findChild');
    QObject.#checkFind('findChild', type, name);
    const ch = this.children();
    for (const c of ch) if (QObject.#matches(c, type, name)) return c as T;
    if (options === Qt.FindChildrenRecursively) {
      for (const c of ch) {
        const r = c.findChild(type, name, options);
        if (r !== null) return r;
      }
    }
    return null;
  }

  /**
   * Every descendant of type `type` whose name matches, depth-first in children order.
   * @param type - a class; instances of it (and subclasses) match
   * @param name - a name, a RegExp, or undefined/null for any name
   * @param options - `Qt.FindChildrenRecursively` (default) or `Qt.FindDirectChildrenOnly`
   * @returns the matching objects
   */
  findChildren<T extends QObject>(type: QObjectClass<T>, name?: string | RegExp | null, options: Qt.FindChildOption = Qt.FindChildrenRecursively): T[] {
    this.#alive('findChildren');
    QObject.#checkFind('findChildren', type, name);
    const out: T[] = [];
    const walk = (o: QObject): void => {
      for (const c of o.children()) {
        if (QObject.#matches(c, type, name)) out.push(c as T);
        if (options === Qt.FindChildrenRecursively) walk(c);
      }
    };
    walk(this);
    return out;
  }

  static #checkFind(method: string, type: unknown, name: unknown): void {
    if (typeof type !== 'function') throw new TypeError(`QObject.${method}: type must be a class, got ${describe(type)}`);
    if (name !== undefined && name !== null && typeof name !== 'string' && !(name instanceof RegExp)) {
      throw new TypeError(`QObject.${method}: name must be a string or a RegExp, got ${describe(name)}`);
    }
  }

  static #matches(c: QObject, type: Function, name: string | RegExp | null | undefined): boolean {
    if (!(c instanceof type)) return false;
    if (name === undefined || name === null) return true;
    const n = c.#x?.name ?? '';
    if (typeof name === 'string') return n === name;
    name.lastIndex = 0;
    return name.test(n);
  }

  // ------------------------------------------------------------------ properties

  /**
   * Reads a declared property (such as `objectName`) or a dynamic one.
   * @param name - the property name
   * @returns its value, or undefined for an unknown name
   */
  property(name: string): unknown {
    this.#alive('property');
    if (typeof name !== 'string') throw new TypeError(`QObject.property: name must be a string, got ${describe(name)}`);
    const d = findProperty(this, name);
    if (d !== undefined) return ((d.onClass ? this.constructor : this) as unknown as Record<string, () => unknown>)[d.get]!();
    return this.#x?.props?.get(name);
  }

  /**
   * Writes a declared property (returns true) or a dynamic one (returns false, as Qt). Setting a
   * dynamic property to undefined removes it. Adding, changing or removing a dynamic property
   * sends a DynamicPropertyChange event synchronously; setting an equal value does nothing.
   * @param name - the property name
   * @param value - the value; undefined removes a dynamic property
   * @returns true for a declared, writable property, false otherwise
   */
  setProperty(name: string, value: unknown): boolean {
    this.#alive('setProperty');
    if (typeof name !== 'string') throw new TypeError(`QObject.setProperty: name must be a string, got ${describe(name)}`);
    const d = findProperty(this, name);
    if (d !== undefined) {
      if (d.set === undefined || value === undefined) return false;
      ((d.onClass ? this.constructor : this) as unknown as Record<string, (v: unknown) => void>)[d.set]!(d.convert !== undefined ? d.convert(value) : value);
      return true;
    }
    const x = this.#extra();
    if (value === undefined) {
      if (x.props === null || !x.props.has(name)) return false;
      x.props.delete(name);
    } else {
      x.props ??= new Map();
      if (x.props.has(name) && Object.is(x.props.get(name), value)) return false;
      x.props.set(name, value);
    }
    sendEvent(this, new QDynamicPropertyChangeEvent(name));
    return false;
  }

  /** @returns the names of the dynamic properties, in creation order */
  dynamicPropertyNames(): string[] {
    this.#alive('dynamicPropertyNames');
    return this.#x?.props ? [...this.#x.props.keys()] : [];
  }

  // ------------------------------------------------------------------ signals state

  /**
   * Blocks (or unblocks) every signal of this object; `destroyed` is still emitted.
   * @param block - true to block (an integer counts by its truth value, as PyQt5 takes it)
   * @returns the previous state
   * @throws TypeError if `block` is neither a boolean nor an integer (PyQt5: TypeError, 1.5 too)
   */
  blockSignals(block: boolean): boolean {
    this.#alive('blockSignals');
    const on = checkBool('QObject.blockSignals', 'block', block);
    const prev = (this.#f & BLOCKED) !== 0;
    if (on) this.#f |= BLOCKED;
    else this.#f &= ~BLOCKED;
    if (prev !== on) {
      // Signals keep a fast path only while unblocked.
      const sigs = this.#x?.signals;
      if (sigs) for (const s of sigs) s._blockedChanged();
    }
    return prev;
  }

  /** @returns whether the signals are blocked */
  signalsBlocked(): boolean {
    this.#alive('signalsBlocked');
    return (this.#f & BLOCKED) !== 0;
  }

  /**
   * Inside a slot called through a connection with this object as context (or a queued call to
   * it), the object that emitted the signal; null elsewhere, or when the sender was deleted.
   * @returns the sender or null
   */
  sender(): QObject | null {
    this.#alive('sender');
    return currentSenderFor(this);
  }

  /**
   * Like {@link QObject.sender}, the index of the signal being delivered in the sender's method
   * table (`sender.metaObject().indexOfSignal(name)`; QObject's `destroyed` is 0), or -1.
   * @returns the index or -1
   */
  senderSignalIndex(): number {
    this.#alive('senderSignalIndex');
    const s = currentSignalFor(this);
    if (s === null) return -1;
    const o = s._owner();
    if (o === null) return -1;
    return o.metaObject().indexOfSignal(s._name());
  }

  /**
   * The number of connections of one of this object's signals.
   * @param signal - the Signal, or its name (also `SIGNAL('name(...)')`)
   * @returns the number of live connections (0 for a name that is no signal)
   * @throws TypeError if `signal` is neither a Signal nor a string
   */
  receivers(signal: Signal<any> | string): number {
    this.#alive('receivers');
    if (signal instanceof Signal) return signal._count();
    if (typeof signal !== 'string') throw new TypeError(`QObject.receivers: signal must be a Signal or a signal name, got ${describe(signal)}`);
    const s = this.#signalByName(signalName(signal));
    return s === null ? 0 : s._count();
  }

  /**
   * @param signal - the Signal, its name, or its QMetaMethod (Qt's form; a QMetaMethod that is not
   *   a signal answers false)
   * @returns whether the signal has at least one connection
   * @throws TypeError if `signal` is neither a Signal, a string nor a QMetaMethod
   */
  isSignalConnected(signal: Signal<any> | string | QMetaMethod): boolean {
    this.#alive('isSignalConnected');
    if (signal instanceof QMetaMethod) return signal.methodType() === QMetaMethod.Signal && this.receivers(signal.name()) > 0;
    if (typeof signal !== 'string' && !(signal instanceof Signal)) {
      throw new TypeError(`QObject.isSignalConnected: signal must be a Signal, a signal name or a QMetaMethod, got ${describe(signal)}`);
    }
    return this.receivers(signal) > 0;
  }

  #signalByName(name: string): Signal<any> | null {
    const v = (this as unknown as Record<string, unknown>)[name];
    return v instanceof Signal ? v : null;
  }

  // ------------------------------------------------------------------ events

  /**
   * Receives every event sent or posted to the object (after the event filters). The default
   * dispatches timers to `timerEvent()`, child events to `childEvent()`, DeferredDelete to
   * deletion, queued calls to their slot, user types to `customEvent()` (returning true), and
   * returns false for the rest.
   * @param e - the event
   * @returns whether the event was handled
   */
  event(e: QEvent): boolean {
    switch (e.type()) {
      case QEvent.Timer:
        this.timerEvent(e as QTimerEvent);
        return true;
      case QEvent.ChildAdded:
      case QEvent.ChildPolished:
      case QEvent.ChildRemoved:
        this.childEvent(e as QChildEvent);
        return true;
      case QEvent.DeferredDelete:
        this.dispose();
        return true;
      case QEvent.MetaCall: {
        const m = e as QMetaCallEvent;
        if (m.target !== null) {
          const t = m.target;
          callWithSender(m.receiver, m.sender, m.signal, (...a: unknown[]) => t._emitArgs(a), m.args);
        } else {
          const fn = m.fn ?? (m.receiver as unknown as Record<string, (...a: unknown[]) => unknown>)[m.method!]!;
          callWithSender(m.receiver, m.sender, m.signal, fn, m.args);
        }
        return true;
      }
      default:
        if (e.type() >= QEvent.User) {
          this.customEvent(e);
          return true;
        }
        return false;
    }
  }

  /**
   * Filters events of objects this one watches (see `installEventFilter`). Default: false.
   * @param watched - the receiver of the event
   * @param event - the event
   * @returns true to stop the event
   */
  eventFilter(watched: QObject, event: QEvent): boolean {
    void watched;
    void event;
    return false;
  }

  /**
   * Makes `filter` see every event sent to this object before it does; the filter installed last
   * runs first; installing it again moves it to the front.
   * @param filter - the filtering object
   */
  installEventFilter(filter: QObject): void {
    this.#alive('installEventFilter');
    if (!(filter instanceof QObject)) throw new TypeError(`QObject.installEventFilter: filter must be a QObject, got ${describe(filter)}`);
    const x = this.#extra();
    let fl = (x.filters ??= []);
    const i = fl.indexOf(filter);
    if (i >= 0) fl[i] = null;
    if (filterDepth === 0) fl = x.filters = fl.filter((f) => f !== null && (f.#f & DELETED) === 0);
    fl.push(filter);
  }

  /**
   * Removes an event filter (safe during event delivery: a removed filter that has not run yet
   * does not run).
   * @param filter - the filtering object
   */
  removeEventFilter(filter: QObject): void {
    this.#alive('removeEventFilter');
    const fl = this.#x?.filters;
    if (!fl) return;
    const i = fl.indexOf(filter);
    if (i >= 0) fl[i] = null;
  }

  /**
   * Called for the object's timers (`startTimer`).
   * @param event - the timer event
   */
  protected timerEvent(event: QTimerEvent): void {
    void event;
  }

  /**
   * Called when a child is added or removed.
   * @param event - the child event
   */
  protected childEvent(event: QChildEvent): void {
    void event;
  }

  /**
   * Called for user events (`QEvent.User` and above).
   * @param event - the event
   */
  protected customEvent(event: QEvent): void {
    void event;
  }

  /**
   * Called on the sender after a connection to one of its signals is made, for every form of
   * connect (a function, a context and slot, a method name, a signal, a string `QObject.connect`,
   * `signal.wait()`, `for await`, QSignalSpy). The connection is already in place (`receivers()`
   * counts it). Override it to start expensive work only once somebody listens; the default
   * does nothing. A refused connect (a duplicate `UniqueConnection`, an unknown name) calls
   * nothing.
   *
   * Compare `signal` with the object's signals: `if (signal === this.valueChanged) ...`.
   * The override may connect and disconnect; what it throws goes to
   * `QCoreApplication.setExceptionHandler`'s handler, and the connection stays made.
   *
   * @param signal - the signal just connected.
   * @remarks
   * #### Differences from Qt
   * - Qt passes a `QMetaMethod`; tsqt passes the Signal object itself.
   * - Qt warns that the override may run with an internal mutex held; tsqt has no such lock, and
   *   the override may call any QObject function.
   * @see {@link https://doc.qt.io/qt-6/qobject.html#connectNotify | QObject::connectNotify in Qt 6}
   */
  protected connectNotify(signal: Signal<any>): void {
    void signal;
  }

  /**
   * Called on the sender after connections of its signals are removed: once per disconnect call
   * that removed something (however many connections it removed), once per connection when a
   * receiver (context) is deleted, and when a `SingleShotConnection` drops itself (before its
   * slot runs, as in Qt 6). The connections are already gone. A disconnect that removes
   * nothing calls nothing; neither does the deletion of the sender itself, nor a disconnect
   * made while the sender is being deleted (a C++ destructor cannot reach the override). The
   * default does nothing.
   *
   * The override may connect and disconnect; what it throws goes to
   * `QCoreApplication.setExceptionHandler`'s handler, and the disconnect stays done.
   *
   * @param signal - the signal whose connections were removed, or null when a disconnect of
   *   every signal of the object removed them (`obj.disconnect()`, `obj.disconnect(receiver)`,
   *   `QObject.disconnect(obj, null, ...)`).
   * @remarks
   * #### Differences from Qt
   * - Qt passes a `QMetaMethod`, an invalid one for a disconnect of every signal; tsqt passes
   *   the Signal object, and null where Qt's would be invalid.
   * - Qt warns that the override may run with an internal mutex held (Qt 5.15 deadlocks if it
   *   calls `receivers()` there on a disconnect through a Connection handle); tsqt has no such
   *   lock, and the override may call any QObject function.
   * @see {@link https://doc.qt.io/qt-6/qobject.html#disconnectNotify | QObject::disconnectNotify in Qt 6}
   */
  protected disconnectNotify(signal: Signal<any> | null): void {
    void signal;
  }

  // ------------------------------------------------------------------ timers

  /**
   * Starts a repeating timer that sends QTimerEvents to this object.
   * @param interval - milliseconds (integer); a negative one warns as Qt does and returns 0
   * @param timerType - a {@link Qt.TimerType}
   * @returns the timer id (positive), or 0 on failure
   * @throws TypeError if `interval` or `timerType` is not an integer (PyQt5: TypeError)
   * @throws RangeError if `interval` is outside -2147483648..2147483647 (PyQt5: OverflowError) or
   *   `timerType` is not a Qt.TimerType
   */
  startTimer(interval: number, timerType: Qt.TimerType = Qt.CoarseTimer): number {
    this.#alive('startTimer');
    checkInt('QObject.startTimer', 'interval', interval);
    checkTimerType('QObject.startTimer', 'timerType', timerType);
    if (interval < 0) {
      qWarning('QObject::startTimer: Timers cannot have negative intervals');
      return 0;
    }
    const id = registerTimer(interval, timerType, this, null, false);
    (this.#extra().timers ??= new Set()).add(id);
    return id;
  }

  /**
   * Stops a timer of this object; an id it does not own warns as Qt does.
   * @param id - the id returned by `startTimer()`
   * @throws TypeError if `id` is not an integer; RangeError if it is outside
   *   -2147483648..2147483647 (PyQt5: OverflowError)
   */
  killTimer(id: number): void {
    this.#alive('killTimer');
    checkInt('QObject.killTimer', 'id', id);
    if (id === 0) return;
    const t = this.#x?.timers;
    if (!t || !t.has(id)) {
      qWarning(
        `QObject::killTimer(): Error: timer id ${id} is not valid for object ${objectAddress(this)} (${qtClassName(this.constructor)}, ${this.#x?.name ?? ''}), timer has not been killed`,
      );
      return;
    }
    t.delete(id);
    unregisterTimer(id);
  }

  // ------------------------------------------------------------------ meta

  /**
   * The meta-object of a class (Qt's static member): `QTimer.staticMetaObject.className()` is
   * `'QTimer'`. A user class's signal fields are listed once an instance was seen (see
   * {@link QMetaObject}).
   * @see {@link https://doc.qt.io/qt-6/qobject.html#staticMetaObject-var | QObject::staticMetaObject in Qt 6}
   */
  static get staticMetaObject(): QMetaObject {
    return new QMetaObject(this);
  }

  /** @returns the meta-object of the object's class (`metaObject().className()`) */
  metaObject(): QMetaObject {
    return QMetaObject.of(this);
  }

  /**
   * @param className - a class name
   * @returns whether this object's class or one of its bases is named `className`
   */
  inherits(className: string): boolean {
    for (let p = Object.getPrototypeOf(this); p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
      if (qtClassName(p.constructor) === className) return true;
    }
    return false;
  }

  /**
   * Whether the object is a widget: always false, since tsqt has no QtWidgets (generic code that
   * asks, such as an event filter shared with GUI code, keeps working).
   *
   * @returns false.
   * @see {@link https://doc.qt.io/qt-6/qobject.html#isWidgetType | QObject::isWidgetType in Qt 6}
   */
  isWidgetType(): boolean {
    return false;
  }

  /**
   * Whether the object is a window (a QWindow): always false, since tsqt has no QtGui.
   *
   * @returns false.
   * @see {@link https://doc.qt.io/qt-6/qobject.html#isWindowType | QObject::isWindowType in Qt 6}
   */
  isWindowType(): boolean {
    return false;
  }

  /**
   * Translates `sourceText` in the context of this object's class name, as PyQt's `self.tr()`
   * does: the translators installed with `QCoreApplication.installTranslator()` are asked newest
   * first (see `QCoreApplication.translate()`); without an answer the text is `sourceText`. In
   * either, `%n` (and `%Ln`) is replaced by `n` when `n >= 0`.
   *
   * @param sourceText - the text to translate.
   * @param disambiguation - a note telling apart identical texts in one context, or null.
   * @param n - the count for plural forms, or -1 for none.
   * @returns the text, with `%n` replaced.
   * @throws TypeError if `sourceText` is not a string, `disambiguation` is neither a string nor
   *   null, or `n` is not an integer.
   * @remarks
   * #### Differences from Qt
   * In C++ `tr()` is a static member that moc generates for each class; here it is an instance
   * method, as in PyQt. There is no `QTranslator` class: a translator is any object with a
   * `translate()` method ({@link core.QCoreApplication.Translator | QCoreApplication.Translator}).
   * @see {@link https://doc.qt.io/qt-6/qobject.html#tr | QObject::tr in Qt 6}
   */
  tr(sourceText: string, disambiguation: string | null = null, n = -1): string {
    return translateText('QObject.tr', sourceText, disambiguation, n, this.metaObject().className());
  }

  /** Prints the object's connections (through qDebug). */
  dumpObjectInfo(): void {
    this.#alive('dumpObjectInfo');
    qDebug(`OBJECT ${qtClassName(this.constructor)}::${this.#x?.name ?? ''}`);
    for (const s of this.#x?.signals ?? []) if (s._count() > 0) qDebug(`  signal: ${s._name()} (${s._count()} connections)`);
  }

  /** Prints the object tree (through qDebug). */
  dumpObjectTree(): void {
    this.#alive('dumpObjectTree');
    const walk = (o: QObject, indent: string): void => {
      qDebug(`${indent}${qtClassName(o.constructor)}::${o.#x?.name ?? ''}`);
      for (const c of o.children()) walk(c, indent + '    ');
    };
    walk(this, '');
  }

  // ------------------------------------------------------------------ deletion

  /**
   * Schedules deletion: a posted DeferredDelete event, delivered once control returns to an outer
   * loop level than the one of the call (Qt's rule). Calling it again does nothing.
   */
  deleteLater(): void {
    if ((this.#f & (DELETED | DESTROYING | DELETE_LATER)) !== 0) return;
    this.#f |= DELETE_LATER;
    postEvent(this, new QDeferredDeleteEvent(), 0);
  }

  /**
   * Deletes the object now (Qt's `delete`): `destroyed` is emitted (even if signals are blocked),
   * every connection from and to it is removed, the children are deleted in order, the object
   * leaves its parent (which gets ChildRemoved), its timers stop and its queued events are
   * dropped. Idempotent. Subclasses that override it call `super.dispose()`.
   */
  dispose(): void {
    if ((this.#f & (DESTROYING | DELETED)) !== 0) return;
    this.#f = (this.#f | DESTROYING) & ~BLOCKED;
    const ds = this.#s?.destroyed;
    if (ds !== undefined) ds.emit(this);
    const x = this.#x;
    if (x !== null) {
      if (x.signals !== null) {
        const sigs = x.signals;
        x.signals = null;
        for (const s of sigs) s._ownerDeleted();
      }
      if (x.inbound !== null) {
        // Newest first, as Qt walks its senders list (the order of the senders' disconnectNotify).
        const ib = Array.from(x.inbound);
        x.inbound = null;
        for (let i = ib.length - 1; i >= 0; i--) ib[i]!._signal?._dropConnection(ib[i]!);
      }
      if (x.children !== null) {
        this.#f |= DELETING_CHILDREN;
        const ch = x.children;
        for (let i = 0; i < ch.length; i++) {
          const c = ch[i];
          if (c === null || c === undefined) continue;
          x.delIdx = i;
          if ((c.#f & (DESTROYING | DELETED)) === 0) c.dispose();
          if (c.#x !== null) c.#x.parent = null;
        }
        x.children = null;
      }
      if (x.parent !== null) this.#detach(x.parent);
      if (x.timers !== null) {
        for (const id of x.timers) unregisterTimer(id);
        x.timers = null;
      }
      x.props = null;
      x.filters = null;
    }
    this.#s = null;
    this.#f |= DELETED;
  }

  /** Same as {@link QObject.dispose}, for `using` declarations. */
  [Symbol.dispose](): void {
    this.dispose();
  }

  // ------------------------------------------------------------------ static connect/disconnect

  /**
   * Connects a signal of `sender`, named as a string, to a slot (function, or method/signal name
   * of `receiver`). An unknown signal or slot name warns as Qt does and returns an invalid
   * Connection.
   * @param sender - the emitting object
   * @param signal - the signal's name, checked by the compiler against `sender`'s signals (or
   *   `SIGNAL('name(...)')`, checked when the call runs)
   * @param receiver - the context object
   * @param slot - a function, or the name of a method or signal of `receiver`, checked by the
   *   compiler (or `SLOT(...)`/`SIGNAL(...)`, checked when the call runs)
   * @param type - a {@link Qt.ConnectionType}
   * @returns the connection handle
   */
  static connect<S extends QObject, R extends QObject>(sender: S, signal: SignalNames<S> | SignalSignature, receiver: R, slot: MethodNames<R> | SignalNames<R> | SlotSignature | SignalSignature | ((...args: any[]) => unknown), type?: number): Connection;
  /**
   * Connects a signal of `sender`, named as a string, to a function.
   * @param sender - the emitting object
   * @param signal - the signal's name
   * @param slot - the function
   * @param type - a {@link Qt.ConnectionType}
   * @returns the connection handle
   */
  static connect<S extends QObject>(sender: S, signal: SignalNames<S> | SignalSignature, slot: (...args: any[]) => unknown, type?: number): Connection;
  static connect(sender: QObject, signal: string, a: unknown, b?: unknown, c?: unknown): Connection {
    if (!(sender instanceof QObject)) throw new TypeError(`QObject.connect: sender must be a QObject, got ${describe(sender)}`);
    if (typeof signal !== 'string') throw new TypeError(`QObject.connect: signal must be a signal name, got ${describe(signal)}`);
    sender.#alive('connect');
    const name = signalName(signal);
    const sig = sender.#signalByName(name);
    if (sig === null) {
      qWarning(`QObject::connect: No such signal ${qtClassName(sender.constructor)}::${name}()`);
      warnObjectNames('connect', sender, a instanceof QObject ? a : null);
      return new Connection();
    }
    if (typeof a === 'function') return sig._connectVia('QObject.connect', a, b);
    if (!(a instanceof QObject)) throw new TypeError(`QObject.connect: receiver must be a QObject or a function, got ${describe(a)}`);
    if (typeof b === 'string') {
      const sl = signalName(b);
      const target = a.#signalByName(sl);
      if (target !== null) return sig._connectVia('QObject.connect', a, target, c);
      return sig._connectVia('QObject.connect', a, sl, c);
    }
    if (typeof b === 'function' || b instanceof Signal) return sig._connectVia('QObject.connect', a, b, c);
    throw new TypeError(`QObject.connect: slot must be a function or a method name, got ${describe(b)}`);
  }

  /**
   * Disconnects this object's signals, Qt's member form of {@link QObject.disconnect | the static
   * disconnect}: `obj.disconnect()` removes every connection of every signal of `obj`,
   * `obj.disconnect('sig')` those of one signal, `obj.disconnect(signal, receiver, slot)` the
   * matching ones (an omitted or null argument matches anything).
   *
   * @param signal - a signal name or Signal of this object, or null for every signal.
   * @param receiver - the context object, or null for any.
   * @param slot - a function or method name, or null for any.
   * @returns whether at least one connection was removed.
   * @throws TypeError if `receiver` is neither a QObject nor null.
   * @see {@link https://doc.qt.io/qt-6/qobject.html#disconnect-2 | QObject::disconnect in Qt 6}
   */
  disconnect(signal?: string | Signal<any> | null, receiver?: QObject | null, slot?: ((...args: any[]) => unknown) | string | null): boolean;
  /**
   * Disconnects every signal of this object from `receiver` (Qt's `disconnect(receiver, method)`
   * member): all its connections, or only those to `slot`.
   *
   * @param receiver - the context object.
   * @param slot - a function or method name, or null for any.
   * @returns whether at least one connection was removed.
   * @see {@link https://doc.qt.io/qt-6/qobject.html#disconnect-3 | QObject::disconnect in Qt 6}
   */
  disconnect(receiver: QObject, slot?: ((...args: any[]) => unknown) | string | null): boolean;
  disconnect(a?: string | Signal<any> | QObject | null, b?: QObject | ((...args: any[]) => unknown) | string | null, c?: ((...args: any[]) => unknown) | string | null): boolean {
    if (a instanceof QObject) {
      if (c !== undefined) throw new TypeError(`QObject.disconnect: too many arguments after a receiver, got ${describe(c)}`);
      return QObject.disconnect(this, null, a, b as ((...args: any[]) => unknown) | SlotSignature | null | undefined);
    }
    if (b !== undefined && b !== null && !(b instanceof QObject)) {
      throw new TypeError(`QObject.disconnect: receiver must be a QObject or null, got ${describe(b)}`);
    }
    // the names were typed by the member's own overloads; the static form checks them again at run time
    return QObject.disconnect(this, a as SignalSignature | Signal<any> | null | undefined, b, c as SlotSignature | ((...args: any[]) => unknown) | null | undefined);
  }

  /**
   * Removes exactly one connection.
   * @param connection - the handle
   * @returns false if it was already gone
   */
  static disconnect(connection: Connection): boolean;
  /**
   * Removes every matching connection (Qt's wildcard rules: an omitted/null signal, receiver or
   * slot matches anything).
   * @param sender - the emitting object
   * @param signal - a signal name or Signal, or null for every signal
   * @param receiver - the context object, or null for any
   * @param slot - a function, a method or signal name, or a Signal of `receiver`; null for any
   * @returns whether at least one connection was removed
   * @throws TypeError if `sender` is neither a QObject nor a Connection, `signal` is neither a
   *   string, a Signal nor null, `receiver` is neither a QObject nor null, or `slot` is neither a
   *   function, a string, a Signal nor null
   */
  static disconnect<S extends QObject, R extends QObject>(sender: S, signal?: SignalNames<S> | SignalSignature | Signal<any> | null, receiver?: R | null, slot?: MethodNames<R> | SignalNames<R> | SlotSignature | SignalSignature | ((...args: any[]) => unknown) | Signal<any> | null): boolean;
  static disconnect(a: QObject | Connection, signal?: string | Signal<any> | null, receiver?: QObject | null, slot?: ((...args: any[]) => unknown) | string | Signal<any> | null): boolean {
    if (a instanceof Connection) {
      const s = a._signal;
      return s !== null ? s.disconnect(a) : false;
    }
    if (!(a instanceof QObject)) throw new TypeError(`QObject.disconnect: sender must be a QObject or a Connection, got ${describe(a)}`);
    a.#alive('disconnect');
    if (signal !== undefined && signal !== null && typeof signal !== 'string' && !(signal instanceof Signal)) {
      throw new TypeError(`QObject.disconnect: signal must be a signal name, a Signal or null, got ${describe(signal)}`);
    }
    if (receiver !== undefined && receiver !== null && !(receiver instanceof QObject)) {
      throw new TypeError(`QObject.disconnect: receiver must be a QObject or null, got ${describe(receiver)}`);
    }
    if (slot !== undefined && slot !== null && typeof slot !== 'string' && typeof slot !== 'function' && !(slot instanceof Signal)) {
      throw new TypeError(`QObject.disconnect: slot must be a function, a method name, a Signal or null, got ${describe(slot)}`);
    }
    let sigs: Signal<any>[];
    if (signal === undefined || signal === null) sigs = a.#x?.signals?.slice() ?? [];
    else if (signal instanceof Signal) sigs = [signal];
    else {
      const s = a.#signalByName(signalName(signal));
      if (s === null) {
        qWarning(`QObject::disconnect: No such signal ${qtClassName(a.constructor)}::${signalName(signal)}()`);
        warnObjectNames('disconnect', a, receiver ?? null);
        return false;
      }
      sigs = [s];
    }
    const slotName = typeof slot === 'string' ? signalName(slot) : slot;
    let any = false;
    for (const s of sigs) {
      let some = false;
      for (const c of s._connections()) {
        if (receiver !== undefined && receiver !== null && c._receiver !== receiver) continue;
        if (slotName !== undefined && slotName !== null && c._fn !== slotName && c._method !== slotName && c._target !== slotName && c._target?._name() !== slotName) continue;
        if (s._dropQuiet(c)) some = true;
      }
      // Qt: one disconnectNotify per call, with the signal, or an invalid one for every signal.
      if (some && signal !== undefined && signal !== null) notifyDisconnect(s._owner(), s);
      if (some) any = true;
    }
    if (any && (signal === undefined || signal === null)) notifyDisconnect(a, null);
    return any;
  }
}

// Qt lists deleteLater() as QObject's slot; tsqt does not, so that QObject's two signals keep
// indexes 0 and 1 and a subclass's first signal 2 (senderSignalIndex() always said so).
declareClass(QObject, {
  name: 'QObject',
  base: null,
  signals: ['destroyed(QObject*)', 'destroyed()', 'objectNameChanged(QString objectName)'],
  slots: [],
});
declareProperties(QObject, { objectName: { get: 'objectName', set: 'setObjectName', type: 'QString' } });

/**
 * Tells whether a QObject was deleted (or is being deleted), like PyQt's `sip.isdeleted`.
 * @param obj - the object
 * @returns true once `dispose()` started
 */
export function isDeleted(obj: QObject): boolean {
  return hooks.isDeleted(obj);
}
