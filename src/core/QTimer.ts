// SPDX-License-Identifier: MIT
import { QObject } from './QObject.js';
import { Signal } from './Signal.js';
import type { QTimerEvent } from './QTimerEvent.js';
import type { Connection } from './Connection.js';
import { Qt } from './Qt.js';
import { qWarning } from './qlogging.js';
import { QMetaCallEvent } from './private/QMetaCallEvent.js';
import { callWithSender } from './Signal.js';
import { declareClass, declareProperties, deletedError, hooks, lazySignal, peekSignal } from './private/internals.js';
import { postEvent, registerTimer, remainingTime, unregisterTimer } from './private/dispatcher.js';
import { describe } from './private/describe.js';
import { checkBool, checkInt, checkTimerType } from './private/args.js';

/**
 * A timer object: emits `timeout` every `interval()` ms, or once for a single-shot timer.
 *
 * `QTimer.singleShot(0, fn)` is not a timer: it posts a call, so it runs in the posted-event
 * phase, FIFO with other posted events and queued calls, before any timer of the same pass.
 * An active timer holds the process alive (as `setTimeout` does).
 *
 * @remarks
 * #### Differences from Qt
 * - All timer types are precise (Qt lets coarse timers drift by 5 %).
 * - A negative interval keeps Qt 5.15's quirk: `start(-1)` warns, `isActive()` is true and the
 *   timer never fires.
 *
 * @example
 * ```ts
 * import { QObject, QTimer } from 'tsqt';
 *
 * const owner = new QObject();
 * const timer = new QTimer(owner);
 * let ticks = 0;
 * timer.timeout.connect(owner, () => {
 *   if (++ticks === 3) owner.dispose(); // deleting the owner deletes (and stops) the timer
 * });
 * timer.start(10);
 * QTimer.singleShot(0, () => console.log('a zero timer runs on the next pass'));
 * ```
 * @see {@link https://doc.qt.io/qt-6/qtimer.html | QTimer in Qt 6}
 */
export class QTimer extends QObject {
  #id = -1;
  #interval = 0;
  #single = false;
  #type: Qt.TimerType = Qt.CoarseTimer;

  /**
   * Creates an inactive timer (interval 0, repeating, CoarseTimer).
   * @param parent - the owner, or null
   */
  constructor(parent: QObject | null = null) {
    super(parent);
  }

  /**
   * Emitted when the timer fires (a single-shot timer is already inactive inside the slots).
   * @group Signals
   */
  get timeout(): Signal<[]> {
    return lazySignal(this, 'timeout');
  }

  #alive(method: string): void {
    if (hooks.isDeleted(this)) throw deletedError(this, method);
  }

  /**
   * Starts (or restarts) the timer, optionally with a new interval.
   * @param msec - the new interval in ms (integer)
   * @throws TypeError if `msec` is not an integer; RangeError if it is outside
   *   -2147483648..2147483647 (PyQt5: OverflowError). The timer is unchanged then.
   * @group Slots
   */
  start(msec?: number): void {
    this.#alive('start');
    if (msec !== undefined) this.#interval = checkInt('QTimer.start', 'msec', msec);
    this.stop();
    this.#id = this.startTimer(this.#interval, this.#type);
  }

  /** Stops the timer (nothing happens if it is inactive). @group Slots */
  stop(): void {
    this.#alive('stop');
    if (this.#id > 0) this.killTimer(this.#id);
    this.#id = -1;
  }

  /** @returns whether the timer runs */
  isActive(): boolean {
    this.#alive('isActive');
    return this.#id >= 0;
  }

  /** @returns the timer id, or -1 when inactive */
  timerId(): number {
    this.#alive('timerId');
    return this.#id;
  }

  /** @returns the interval in ms */
  interval(): number {
    this.#alive('interval');
    return this.#interval;
  }

  /**
   * Sets the interval; a running timer restarts with it.
   * @param msec - milliseconds (integer)
   * @throws TypeError if `msec` is not an integer; RangeError if it is outside
   *   -2147483648..2147483647 (PyQt5: OverflowError). The timer is unchanged then.
   */
  setInterval(msec: number): void {
    this.#alive('setInterval');
    this.#interval = checkInt('QTimer.setInterval', 'msec', msec);
    if (this.#id >= 0) {
      if (this.#id > 0) this.killTimer(this.#id);
      this.#id = this.startTimer(this.#interval, this.#type);
    }
  }

  /** @returns ms until the next timeout (rounded up), 0 if overdue, -1 if inactive */
  remainingTime(): number {
    this.#alive('remainingTime');
    if (this.#id <= 0) return -1;
    return remainingTime(this.#id);
  }

  /** @returns whether the timer fires only once */
  isSingleShot(): boolean {
    this.#alive('isSingleShot');
    return this.#single;
  }

  /**
   * Makes the timer fire once (true) or repeatedly (false).
   * @param singleShot - the mode (an integer counts by its truth value, as PyQt5 takes it)
   * @throws TypeError if `singleShot` is neither a boolean nor an integer (PyQt5: TypeError)
   */
  setSingleShot(singleShot: boolean): void {
    this.#alive('setSingleShot');
    this.#single = checkBool('QTimer.setSingleShot', 'singleShot', singleShot);
  }

  /** @returns the timer type */
  timerType(): Qt.TimerType {
    this.#alive('timerType');
    return this.#type;
  }

  /**
   * Sets the timer type (used from the next start).
   * @param type - a {@link Qt.TimerType}
   * @throws TypeError if `type` is not an integer; RangeError if it is not a Qt.TimerType
   */
  setTimerType(type: Qt.TimerType): void {
    this.#alive('setTimerType');
    this.#type = checkTimerType('QTimer.setTimerType', 'type', type);
  }

  /**
   * Connects `slot` to `timeout` (Qt 5.12's callOnTimeout).
   * @param slot - the function
   * @param type - a {@link Qt.ConnectionType}
   * @returns the connection
   */
  callOnTimeout(slot: () => unknown, type?: number): Connection;
  /**
   * Connects `slot` to `timeout` with a context object.
   * @param context - the receiver
   * @param slot - the function or method name of `context`
   * @param type - a {@link Qt.ConnectionType}
   * @returns the connection
   */
  callOnTimeout<R extends QObject>(context: R, slot: (() => unknown) | (keyof R & string), type?: number): Connection;
  callOnTimeout(a: unknown, b?: unknown, c?: unknown): Connection {
    this.#alive('callOnTimeout');
    return this.timeout._connectVia('QTimer.callOnTimeout', a, b, c);
  }

  /**
   * Emits `timeout` for this timer's own timer events.
   * @param e - the timer event
   */
  protected override timerEvent(e: QTimerEvent): void {
    if (e.timerId() !== this.#id) return;
    if (this.#single) this.stop();
    const s = peekSignal<[]>(this, 'timeout');
    if (s !== null) s.emit();
  }

  /**
   * Calls `slot` once after `msec` ms. With msec 0 the call is posted (FIFO with other posted
   * events), not timed.
   * @param msec - milliseconds (integer); a negative value warns as Qt does and does nothing
   * @param slot - the function
   */
  static singleShot(msec: number, slot: () => unknown): void;
  /**
   * Calls `slot` once after `msec` ms; nothing happens if `context` is deleted first.
   * @param msec - milliseconds (integer)
   * @param context - the receiver (`this` for the call; the call is dropped if it is deleted)
   * @param slot - a function, a method name of `context`, or a Signal to emit
   */
  static singleShot<R extends QObject>(msec: number, context: R, slot: (() => unknown) | (keyof R & string) | Signal<any>): void;
  /**
   * Calls `slot` once after `msec` ms, with a timer type.
   * @param msec - milliseconds (integer)
   * @param timerType - a {@link Qt.TimerType}
   * @param slot - the function
   */
  static singleShot(msec: number, timerType: Qt.TimerType, slot: () => unknown): void;
  /**
   * Calls `slot` once after `msec` ms, with a timer type and a context object.
   * @param msec - milliseconds (integer)
   * @param timerType - a {@link Qt.TimerType}
   * @param context - the receiver
   * @param slot - a function, a method name of `context`, or a Signal to emit
   */
  static singleShot<R extends QObject>(msec: number, timerType: Qt.TimerType, context: R, slot: (() => unknown) | (keyof R & string) | Signal<any>): void;
  static singleShot(msec: number, ...rest: unknown[]): void {
    checkInt('QTimer.singleShot', 'msec', msec);
    let type: number = Qt.CoarseTimer;
    if (typeof rest[0] === 'number') {
      type = checkTimerType('QTimer.singleShot', 'timerType', rest.shift());
    }
    let context: QObject | null = null;
    let slot = rest[0];
    if (rest.length >= 2) {
      if (!(rest[0] instanceof QObject)) throw new TypeError(`QTimer.singleShot: context must be a QObject, got ${describe(rest[0])}`);
      context = rest[0];
      slot = rest[1];
      if (hooks.isDeleted(context)) throw deletedError(context, 'singleShot');
    }
    let fn: ((...a: unknown[]) => unknown) | null = null;
    let method: string | null = null;
    let target: Signal<any> | null = null;
    if (typeof slot === 'function') fn = slot as (...a: unknown[]) => unknown;
    else if (slot instanceof Signal) target = slot;
    else if (typeof slot === 'string' && context !== null && typeof (context as unknown as Record<string, unknown>)[slot] === 'function') method = slot;
    else throw new TypeError(`QTimer.singleShot: slot must be a function${context ? ', a method name of the context' : ''} or a Signal, got ${describe(slot)}`);
    if (msec < 0) {
      qWarning('QTimer::singleShot: Timers cannot have negative timeouts');
      return;
    }
    if (msec === 0) {
      postEvent(context ?? hooks.globalContext(), new QMetaCallEvent(fn, context, method, target, [], null, null), 0);
      return;
    }
    let guard: Connection | null = null;
    const id = registerTimer(msec, type, null, () => {
      if (guard !== null) guard._signal?._dropQuiet(guard);
      if (context !== null && hooks.isDeleted(context)) return;
      if (target !== null) {
        target._emitArgs([]);
        return;
      }
      const f = fn ?? (context as unknown as Record<string, (...a: unknown[]) => unknown>)[method!]!;
      callWithSender(context, null, null, f, []);
    }, true);
    if (context !== null) guard = context.destroyed._connectQuiet(() => unregisterTimer(id));
  }
}

declareClass(QTimer, { name: 'QTimer', base: QObject, signals: ['timeout()'], slots: ['start(int msec)', 'start()', 'stop()'] });
declareProperties(QTimer, {
  singleShot: { get: 'isSingleShot', set: 'setSingleShot', type: 'bool' },
  interval: { get: 'interval', set: 'setInterval', type: 'int' },
  remainingTime: { get: 'remainingTime', type: 'int' },
  timerType: { get: 'timerType', set: 'setTimerType', type: 'Qt::TimerType' },
  active: { get: 'isActive', type: 'bool' },
});
