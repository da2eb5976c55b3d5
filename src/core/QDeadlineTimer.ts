// SPDX-License-Identifier: MIT
import process from 'node:process';
import { Qt } from './Qt.js';
import { describe } from './private/describe.js';

// CLOCK_MONOTONIC in ms, the clock of QElapsedTimer (process.hrtime), as in Qt, where both classes
// read the same monotonic clock: a deadline() compares with QElapsedTimer.msecsSinceReference().
const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

// Qt saturates a deadline whose arithmetic overflows qint64: to forever above, to the minimum below
// (tst_qdeadlinetimer's overflow()). Here the limits are those deadline() answers: a deadline at or
// beyond Number.MAX_SAFE_INTEGER ms is forever, one at or below Number.MIN_SAFE_INTEGER ms is -Infinity
// (deadline() and deadlineNSecs() then answer Number.MIN_SAFE_INTEGER, as Qt answers qint64 min).
const saturate = (ms: number): number => (ms >= Number.MAX_SAFE_INTEGER ? Infinity : ms <= Number.MIN_SAFE_INTEGER ? -Infinity : ms);

function checkInteger(where: string, arg: string, v: unknown): void {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`${where}: ${arg} must be an integer, got ${describe(v)}`);
}

function checkType(where: string, v: unknown): void {
  if (v !== Qt.PreciseTimer && v !== Qt.CoarseTimer && v !== Qt.VeryCoarseTimer) {
    throw new RangeError(`${where}: type must be a Qt.TimerType, got ${describe(v)}`);
  }
}

/**
 * A deadline on the monotonic clock, possibly "forever". The clock is the one
 * {@link QElapsedTimer} reads (CLOCK_MONOTONIC), so `deadline()` and
 * `QElapsedTimer.msecsSinceReference()` are on one scale, as in Qt.
 * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html | QDeadlineTimer in Qt 6}
 */
export class QDeadlineTimer {
  /**
   * {@link QDeadlineTimer.ForeverConstant}.
   * @enum
   */
  static readonly ForeverConstant = {
    /** A deadline that never expires. */
    Forever: 0,
  } as const;
  /** {@inheritDoc QDeadlineTimer.ForeverConstant.Forever} */
  static readonly Forever = 0;

  #deadline: number; // performance.now() ms, Infinity = forever
  #type: Qt.TimerType;

  /**
   * Creates a deadline `msecs` from now; with no argument an expired one; with
   * `QDeadlineTimer.Forever` (as the second form) a never-expiring one.
   * @param msecs - ms from now; -1 means forever, and another negative value is a deadline that
   *   has already passed (Qt 5.15; Qt 6 takes every negative value as forever)
   * @param type - a {@link Qt.TimerType}
   */
  constructor(msecs?: number, type: Qt.TimerType = Qt.CoarseTimer) {
    this.#type = type;
    // Qt's default timer: deadline 0 on the monotonic clock, long expired (PyQt5 5.15: 0 and 0)
    if (msecs === undefined) this.#deadline = 0;
    else if (typeof msecs !== 'number' || Number.isNaN(msecs)) throw new TypeError(`QDeadlineTimer: msecs must be a number, got ${String(msecs)}`);
    else this.#deadline = msecs === -1 ? Infinity : saturate(nowMs() + msecs);
  }

  /**
   * @param type - a {@link Qt.TimerType}
   * @returns a never-expiring deadline
   */
  static forever(type: Qt.TimerType = Qt.CoarseTimer): QDeadlineTimer {
    return new QDeadlineTimer(-1, type);
  }

  /**
   * @param type - a {@link Qt.TimerType}
   * @returns a deadline at the current time (already expired)
   */
  static current(type: Qt.TimerType = Qt.CoarseTimer): QDeadlineTimer {
    return new QDeadlineTimer(0, type);
  }

  /** @returns whether the deadline passed */
  hasExpired(): boolean {
    return this.#deadline !== Infinity && nowMs() >= this.#deadline;
  }
  /** @returns whether it never expires */
  isForever(): boolean {
    return this.#deadline === Infinity;
  }
  /** @returns ms left (rounded up), 0 if expired, -1 if forever */
  remainingTime(): number {
    if (this.#deadline === Infinity) return -1;
    const l = this.#deadline - nowMs();
    return l <= 0 ? 0 : Math.ceil(l);
  }
  /** @returns ns left, 0 if expired, -1 if forever */
  remainingTimeNSecs(): number {
    if (this.#deadline === Infinity) return -1;
    const l = this.#deadline - nowMs();
    return l <= 0 ? 0 : Math.ceil(l * 1e6);
  }
  /**
   * Sets the deadline `msecs` from now; -1 means forever, another negative value a deadline that
   * has already passed (Qt 5.15; Qt 6 takes every negative value as forever).
   * @param msecs - ms
   * @param type - a {@link Qt.TimerType}
   */
  setRemainingTime(msecs: number, type: Qt.TimerType = this.#type): void {
    if (typeof msecs !== 'number' || Number.isNaN(msecs)) {
      throw new TypeError(`QDeadlineTimer.setRemainingTime: msecs must be a number, got ${String(msecs)}`);
    }
    checkType('QDeadlineTimer.setRemainingTime', type);
    this.#type = type;
    this.#deadline = msecs === -1 ? Infinity : saturate(nowMs() + msecs);
  }
  /** @returns the deadline in ms on the monotonic clock (`Number.MAX_SAFE_INTEGER` if forever) */
  deadline(): number {
    if (this.#deadline === Infinity) return Number.MAX_SAFE_INTEGER;
    if (this.#deadline === -Infinity) return Number.MIN_SAFE_INTEGER;
    return Math.floor(this.#deadline);
  }
  /**
   * Sets the deadline as ms on the monotonic clock.
   * @param msecs - the absolute deadline
   * @param type - a {@link Qt.TimerType}
   */
  setDeadline(msecs: number, type: Qt.TimerType = this.#type): void {
    this.#type = type;
    this.#deadline = saturate(msecs);
  }
  /**
   * The deadline in nanoseconds on the same clock as {@link QDeadlineTimer.deadline}.
   *
   * @returns the deadline in ns (`Number.MAX_SAFE_INTEGER` if forever, 0 for a default-constructed
   *   timer, as in Qt).
   * @remarks
   * #### Differences from Qt
   * Qt returns a `qint64` (`INT64_MAX` for forever); here the value is a `number` with the limits of
   * {@link QDeadlineTimer.deadline}, exact to the nanosecond only while it stays below 2^53.
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#deadlineNSecs | QDeadlineTimer::deadlineNSecs in Qt 6}
   */
  deadlineNSecs(): number {
    if (this.#deadline === Infinity) return Number.MAX_SAFE_INTEGER;
    if (this.#deadline === -Infinity) return Number.MIN_SAFE_INTEGER;
    return Math.round(this.#deadline * 1e6);
  }

  /**
   * Sets the deadline to `secs` seconds plus `nsecs` nanoseconds on the clock of
   * {@link QDeadlineTimer.deadline}. As in Qt, `secs` or `nsecs` at the maximum
   * (`Number.MAX_SAFE_INTEGER` here), or a sum that overflows (here: reaches
   * `Number.MAX_SAFE_INTEGER` ms), makes the timer never expire; a negative value is a deadline in
   * the past, and one that underflows (at or below `Number.MIN_SAFE_INTEGER` ms) saturates, so
   * {@link QDeadlineTimer.deadline} and {@link QDeadlineTimer.deadlineNSecs} answer
   * `Number.MIN_SAFE_INTEGER`, as Qt answers `qint64` min.
   *
   * @param secs - whole seconds (an integer).
   * @param nsecs - nanoseconds added to `secs` (an integer, may exceed one second or be negative).
   * @param type - a {@link Qt.TimerType}.
   * @throws TypeError if `secs` or `nsecs` is not an integer, RangeError if `type` is not a
   *   {@link Qt.TimerType}; the timer is unchanged either way.
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#setPreciseDeadline | QDeadlineTimer::setPreciseDeadline in Qt 6}
   */
  setPreciseDeadline(secs: number, nsecs = 0, type: Qt.TimerType = Qt.CoarseTimer): void {
    checkInteger('QDeadlineTimer.setPreciseDeadline', 'secs', secs);
    checkInteger('QDeadlineTimer.setPreciseDeadline', 'nsecs', nsecs);
    checkType('QDeadlineTimer.setPreciseDeadline', type);
    this.#type = type;
    if (secs >= Number.MAX_SAFE_INTEGER || nsecs >= Number.MAX_SAFE_INTEGER) this.#deadline = Infinity;
    else this.#deadline = saturate(secs * 1000 + nsecs / 1e6);
  }

  /**
   * Sets the deadline `secs` seconds plus `nsecs` nanoseconds from now.
   *
   * @param secs - whole seconds (an integer); -1 makes the timer never expire.
   * @param nsecs - nanoseconds added to `secs` (an integer).
   * @param type - a {@link Qt.TimerType}.
   * @throws TypeError if `secs` or `nsecs` is not an integer, RangeError if `type` is not a
   *   {@link Qt.TimerType}; the timer is unchanged either way.
   * @remarks
   * #### Differences from Qt
   * None: as in Qt 5.15, only `secs === -1` means forever, and another negative value is a deadline
   * in the past (the same rule as the constructor and {@link QDeadlineTimer.setRemainingTime}). A
   * deadline that overflows saturates as in {@link QDeadlineTimer.setPreciseDeadline}.
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#setPreciseRemainingTime | QDeadlineTimer::setPreciseRemainingTime in Qt 6}
   */
  setPreciseRemainingTime(secs: number, nsecs = 0, type: Qt.TimerType = Qt.CoarseTimer): void {
    checkInteger('QDeadlineTimer.setPreciseRemainingTime', 'secs', secs);
    checkInteger('QDeadlineTimer.setPreciseRemainingTime', 'nsecs', nsecs);
    checkType('QDeadlineTimer.setPreciseRemainingTime', type);
    this.#type = type;
    this.#deadline = secs === -1 ? Infinity : saturate(nowMs() + secs * 1000 + nsecs / 1e6);
  }

  /**
   * A copy of `dt` whose deadline is moved by `nsecs` nanoseconds (earlier when negative); a
   * never-expiring timer stays so.
   *
   * @param dt - the timer to start from (not changed).
   * @param nsecs - nanoseconds to add (an integer).
   * @returns the new timer, with `dt`'s timer type.
   * @throws TypeError if `dt` is not a QDeadlineTimer or `nsecs` is not an integer.
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#addNSecs | QDeadlineTimer::addNSecs in Qt 6}
   */
  static addNSecs(dt: QDeadlineTimer, nsecs: number): QDeadlineTimer {
    if (!(dt instanceof QDeadlineTimer)) throw new TypeError(`QDeadlineTimer.addNSecs: dt must be a QDeadlineTimer, got ${describe(dt)}`);
    checkInteger('QDeadlineTimer.addNSecs', 'nsecs', nsecs);
    const r = new QDeadlineTimer(undefined, dt.#type);
    r.#deadline = dt.#deadline === Infinity || dt.#deadline === -Infinity ? dt.#deadline : saturate(dt.#deadline + nsecs / 1e6);
    return r;
  }

  /**
   * Exchanges the deadline and timer type of this timer and `other`.
   *
   * @param other - the timer to swap with.
   * @throws TypeError if `other` is not a QDeadlineTimer.
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#swap | QDeadlineTimer::swap in Qt 6}
   */
  swap(other: QDeadlineTimer): void {
    if (!(other instanceof QDeadlineTimer)) throw new TypeError(`QDeadlineTimer.swap: other must be a QDeadlineTimer, got ${describe(other)}`);
    const [d, t] = [this.#deadline, this.#type];
    this.#deadline = other.#deadline;
    this.#type = other.#type;
    other.#deadline = d;
    other.#type = t;
  }

  /** @returns the timer type */
  timerType(): Qt.TimerType {
    return this.#type;
  }
  /**
   * Sets the timer type (kept for Qt compatibility: deadlines are measured the same way for every type).
   * @param type - a {@link Qt.TimerType}
   */
  setTimerType(type: Qt.TimerType): void {
    this.#type = type;
  }
}
