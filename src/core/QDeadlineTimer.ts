// SPDX-License-Identifier: MIT
import process from 'node:process';
import { Qt } from './Qt.js';
import { describe } from './private/describe.js';
import { checkInteger as checkIntegerArg, checkTimerType } from './private/args.js';

// CLOCK_MONOTONIC in ms, the clock of QElapsedTimer (process.hrtime), as in Qt, where both classes
// read the same monotonic clock: a deadline() compares with QElapsedTimer.msecsSinceReference().
const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

// Qt saturates a deadline whose arithmetic overflows qint64: to forever above, to the minimum below
// (tst_qdeadlinetimer's overflow()). Here the limits are those deadline() answers: a deadline at or
// beyond Number.MAX_SAFE_INTEGER ms is forever, one at or below Number.MIN_SAFE_INTEGER ms is -Infinity
// (deadline() and deadlineNSecs() then answer Number.MIN_SAFE_INTEGER, as Qt answers qint64 min).
const saturate = (ms: number): number => (ms >= Number.MAX_SAFE_INTEGER ? Infinity : ms <= Number.MIN_SAFE_INTEGER ? -Infinity : ms);

// A ms or ns count (qint64): an integer, as PyQt5 takes it. QDeadlineTimer.Forever gets a pointer to
// the one place that takes it.
function checkInteger(where: string, arg: string, v: unknown): asserts v is number {
  if (v === QDeadlineTimer.Forever) {
    throw new TypeError(`${where}: ${arg} must be an integer, got QDeadlineTimer.Forever (only the constructor takes it; -1 ms means forever here)`);
  }
  checkIntegerArg(where, arg, v);
}

/**
 * A deadline on the monotonic clock, possibly "forever". The clock is the one
 * {@link QElapsedTimer} reads (CLOCK_MONOTONIC), so `deadline()` and
 * `QElapsedTimer.msecsSinceReference()` are on one scale, as in Qt.
 *
 * @remarks
 * #### Differences from Qt
 * - {@link QDeadlineTimer.Forever} is a unique symbol, not the number 0 it is in Qt, so that
 *   `new QDeadlineTimer(QDeadlineTimer.Forever)` (never expires) and `new QDeadlineTimer(0)`
 *   (expires at once) cannot be confused.
 * - Qt's `QDeadlineTimer(Qt::TimerType)` constructor is `new QDeadlineTimer(undefined, type)`.
 * - Every argument is checked: a count that is not an integer is a `TypeError`, a timer type that is
 *   not an integer a `TypeError` and an integer other than 0, 1 or 2 a `RangeError`; the timer is
 *   unchanged after the throw (Qt stores any value; PyQt5 refuses the wrong types too).
 * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html | QDeadlineTimer in Qt 6}
 */
export class QDeadlineTimer {
  /**
   * The value of {@link QDeadlineTimer.ForeverConstant}: passed to the constructor, it makes a
   * deadline that never expires.
   *
   * @remarks
   * #### Differences from Qt
   * Qt's `QDeadlineTimer::Forever` is an enumerator equal to 0, told apart from "0 ms" by C++
   * overloading. TypeScript has no overloading on types at run time, so here it is a unique symbol:
   * only the constructor takes it, and the methods that take a count of milliseconds refuse it with a
   * `TypeError` (in Qt it would silently be 0 ms, an expired deadline; -1 ms means forever there).
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#ForeverConstant-enum | QDeadlineTimer::ForeverConstant in Qt 6}
   */
  static readonly Forever: unique symbol = Symbol('QDeadlineTimer.Forever');
  /**
   * Qt's `QDeadlineTimer::ForeverConstant` enum, whose one value is {@link QDeadlineTimer.Forever}
   * (a unique symbol here, not 0).
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#ForeverConstant-enum | QDeadlineTimer::ForeverConstant in Qt 6}
   */
  static readonly ForeverConstant: {
    /** {@inheritDoc QDeadlineTimer.Forever} */
    readonly Forever: typeof QDeadlineTimer.Forever;
  } = Object.freeze({ Forever: QDeadlineTimer.Forever });

  #deadline: number; // ms on the monotonic clock (nowMs), Infinity = forever, -Infinity = saturated minimum
  #type: Qt.TimerType;

  /**
   * Creates a deadline `msecs` from now; with `QDeadlineTimer.Forever` a never-expiring one; with
   * no argument (or `undefined`) an expired one, whose {@link QDeadlineTimer.deadline} is 0, as in
   * Qt.
   *
   * @param msecs - ms from now (an integer): -1 means forever, and another negative value is a
   *   deadline that has already passed (Qt 5.15; Qt 6 takes every negative value as forever); or
   *   {@link QDeadlineTimer.Forever}; or `undefined`.
   * @param type - a {@link Qt.TimerType} (default `Qt.CoarseTimer`).
   * @throws TypeError if `msecs` is neither `undefined`, `QDeadlineTimer.Forever` nor an integer,
   *   or `type` is not an integer; RangeError if `type` is an integer but not a {@link Qt.TimerType}.
   * @remarks
   * #### Differences from Qt
   * Qt's `QDeadlineTimer(Qt::TimerType)` is `new QDeadlineTimer(undefined, type)` here, and
   * `QDeadlineTimer::Forever` is a symbol (see {@link QDeadlineTimer.Forever}).
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#QDeadlineTimer | QDeadlineTimer::QDeadlineTimer in Qt 6}
   */
  constructor(msecs?: number | typeof QDeadlineTimer.Forever, type: Qt.TimerType = Qt.CoarseTimer) {
    if (msecs !== undefined && msecs !== QDeadlineTimer.Forever) checkInteger('QDeadlineTimer', 'msecs', msecs);
    checkTimerType('QDeadlineTimer', 'type', type);
    this.#type = type;
    // Qt's default timer: deadline 0 on the monotonic clock, long expired (PyQt5 5.15: 0 and 0)
    if (msecs === undefined) this.#deadline = 0;
    else if (msecs === QDeadlineTimer.Forever || msecs === -1) this.#deadline = Infinity;
    else this.#deadline = saturate(nowMs() + msecs);
  }

  /**
   * A deadline that never expires: the same as `new QDeadlineTimer(QDeadlineTimer.Forever, type)`.
   *
   * @param type - a {@link Qt.TimerType} (default `Qt.CoarseTimer`).
   * @returns a never-expiring deadline.
   * @throws TypeError if `type` is not an integer, RangeError if it is not a {@link Qt.TimerType}.
   * @remarks
   * #### Differences from Qt
   * Not in Qt, which writes `QDeadlineTimer(QDeadlineTimer::Forever, type)`.
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#QDeadlineTimer-1 | QDeadlineTimer::QDeadlineTimer(ForeverConstant) in Qt 6}
   */
  static forever(type: Qt.TimerType = Qt.CoarseTimer): QDeadlineTimer {
    checkTimerType('QDeadlineTimer.forever', 'type', type);
    return new QDeadlineTimer(QDeadlineTimer.Forever, type);
  }

  /**
   * A deadline at the current time, which has therefore already expired.
   *
   * @param type - a {@link Qt.TimerType} (default `Qt.CoarseTimer`).
   * @returns a deadline at the current time.
   * @throws TypeError if `type` is not an integer, RangeError if it is not a {@link Qt.TimerType}.
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#current | QDeadlineTimer::current in Qt 6}
   */
  static current(type: Qt.TimerType = Qt.CoarseTimer): QDeadlineTimer {
    checkTimerType('QDeadlineTimer.current', 'type', type);
    return new QDeadlineTimer(0, type);
  }

  /**
   * Whether the deadline has passed; never for a never-expiring timer.
   * @returns `true` once the monotonic clock reached the deadline.
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#hasExpired | QDeadlineTimer::hasExpired in Qt 6}
   */
  hasExpired(): boolean {
    return this.#deadline !== Infinity && nowMs() >= this.#deadline;
  }
  /**
   * Whether the timer never expires.
   * @returns `true` for a never-expiring timer.
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#isForever | QDeadlineTimer::isForever in Qt 6}
   */
  isForever(): boolean {
    return this.#deadline === Infinity;
  }
  /**
   * The time left until the deadline.
   * @returns ms left (rounded up), 0 if expired, -1 if forever.
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#remainingTime | QDeadlineTimer::remainingTime in Qt 6}
   */
  remainingTime(): number {
    if (this.#deadline === Infinity) return -1;
    const l = this.#deadline - nowMs();
    return l <= 0 ? 0 : Math.ceil(l);
  }
  /**
   * The time left until the deadline, in nanoseconds.
   * @returns ns left, 0 if expired, -1 if forever.
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#remainingTimeNSecs | QDeadlineTimer::remainingTimeNSecs in Qt 6}
   */
  remainingTimeNSecs(): number {
    if (this.#deadline === Infinity) return -1;
    const l = this.#deadline - nowMs();
    return l <= 0 ? 0 : Math.ceil(l * 1e6);
  }
  /**
   * Sets the deadline `msecs` from now and the timer type.
   *
   * @param msecs - ms from now (an integer): -1 means forever, another negative value a deadline
   *   that has already passed (Qt 5.15; Qt 6 takes every negative value as forever).
   * @param type - a {@link Qt.TimerType}; as in Qt, `Qt.CoarseTimer` when left out (not the timer's
   *   current type).
   * @throws TypeError if `msecs` is not an integer (`QDeadlineTimer.Forever` included: use -1) or
   *   `type` is not an integer; RangeError if `type` is not a {@link Qt.TimerType}. The timer is
   *   unchanged either way.
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#setRemainingTime | QDeadlineTimer::setRemainingTime in Qt 6}
   */
  setRemainingTime(msecs: number, type: Qt.TimerType = Qt.CoarseTimer): void {
    checkInteger('QDeadlineTimer.setRemainingTime', 'msecs', msecs);
    checkTimerType('QDeadlineTimer.setRemainingTime', 'type', type);
    this.#type = type;
    this.#deadline = msecs === -1 ? Infinity : saturate(nowMs() + msecs);
  }
  /**
   * The deadline as ms on the monotonic clock (the scale of
   * {@link QElapsedTimer.msecsSinceReference}).
   * @returns the deadline in ms: `Number.MAX_SAFE_INTEGER` if forever, 0 for a default-constructed
   *   timer, `Number.MIN_SAFE_INTEGER` once saturated below.
   * @remarks
   * #### Differences from Qt
   * Qt returns a `qint64` (`INT64_MAX` for forever); here the limits are those of a safe integer.
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#deadline | QDeadlineTimer::deadline in Qt 6}
   */
  deadline(): number {
    if (this.#deadline === Infinity) return Number.MAX_SAFE_INTEGER;
    if (this.#deadline === -Infinity) return Number.MIN_SAFE_INTEGER;
    return Math.floor(this.#deadline);
  }
  /**
   * Sets the deadline as ms on the monotonic clock, and the timer type. As in Qt, a deadline at or
   * beyond the maximum (`Number.MAX_SAFE_INTEGER` here) never expires; a negative one is in the past
   * (-1 included: it is not forever here).
   *
   * @param msecs - the absolute deadline (an integer).
   * @param type - a {@link Qt.TimerType}; as in Qt, `Qt.CoarseTimer` when left out (not the timer's
   *   current type).
   * @throws TypeError if `msecs` or `type` is not an integer; RangeError if `type`
   *   is not a {@link Qt.TimerType}. The timer is unchanged either way.
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#setDeadline | QDeadlineTimer::setDeadline in Qt 6}
   */
  setDeadline(msecs: number, type: Qt.TimerType = Qt.CoarseTimer): void {
    checkInteger('QDeadlineTimer.setDeadline', 'msecs', msecs);
    checkTimerType('QDeadlineTimer.setDeadline', 'type', type);
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
    checkTimerType('QDeadlineTimer.setPreciseDeadline', 'type', type);
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
    checkTimerType('QDeadlineTimer.setPreciseRemainingTime', 'type', type);
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
    if (!QDeadlineTimer.#is(dt)) throw new TypeError(`QDeadlineTimer.addNSecs: dt must be a QDeadlineTimer, got ${describe(dt)}`);
    checkInteger('QDeadlineTimer.addNSecs', 'nsecs', nsecs);
    const r = new QDeadlineTimer(undefined, dt.#type);
    r.#deadline = dt.#deadline === Infinity || dt.#deadline === -Infinity ? dt.#deadline : saturate(dt.#deadline + nsecs / 1e6);
    return r;
  }

  /**
   * Exchanges the deadline and timer type of this timer and `other`.
   *
   * @param other - the timer to swap with.
   * @throws TypeError if `other` is not a QDeadlineTimer; neither timer changes then.
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#swap | QDeadlineTimer::swap in Qt 6}
   */
  swap(other: QDeadlineTimer): void {
    if (!QDeadlineTimer.#is(other)) throw new TypeError(`QDeadlineTimer.swap: other must be a QDeadlineTimer, got ${describe(other)}`);
    const [d, t] = [this.#deadline, this.#type];
    this.#deadline = other.#deadline;
    this.#type = other.#type;
    other.#deadline = d;
    other.#type = t;
  }

  /**
   * The timer type.
   * @returns the {@link Qt.TimerType} last set.
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#timerType | QDeadlineTimer::timerType in Qt 6}
   */
  timerType(): Qt.TimerType {
    return this.#type;
  }
  /**
   * Sets the timer type; the deadline stays. Kept for Qt compatibility: deadlines are measured the
   * same way for every type.
   * @param type - a {@link Qt.TimerType}
   * @throws TypeError if `type` is not an integer, RangeError if it is not a {@link Qt.TimerType}
   *   (0, 1 or 2; Qt stores any value); the type is unchanged then.
   * @see {@link https://doc.qt.io/qt-6/qdeadlinetimer.html#setTimerType | QDeadlineTimer::setTimerType in Qt 6}
   */
  setTimerType(type: Qt.TimerType): void {
    checkTimerType('QDeadlineTimer.setTimerType', 'type', type);
    this.#type = type;
  }

  // A real QDeadlineTimer (one with the private state), not merely one by its prototype.
  static #is(v: unknown): v is QDeadlineTimer {
    return typeof v === 'object' && v !== null && #deadline in v;
  }
}
