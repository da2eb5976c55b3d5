// SPDX-License-Identifier: MIT
import process from 'node:process';
import { describe } from './private/describe.js';
import { checkInteger } from './private/args.js';

const now = (): bigint => process.hrtime.bigint();
const INVALID = -(1n << 63n);

/**
 * Measures elapsed time on the monotonic clock.
 * @see {@link https://doc.qt.io/qt-6/qelapsedtimer.html | QElapsedTimer in Qt 6}
 */
export class QElapsedTimer {
  /**
   * Clock types ({@link QElapsedTimer.ClockType}); tsqt always uses the monotonic clock.
   * @enum
   */
  static readonly ClockType = {
    /** The system time. */
    SystemTime: 0,
    /** The monotonic clock (the one tsqt uses). */
    MonotonicClock: 1,
    /** Tick counter. */
    TickCounter: 2,
    /** Mach absolute time. */
    MachAbsoluteTime: 3,
    /** Performance counter. */
    PerformanceCounter: 4,
  } as const;
  /** {@inheritDoc QElapsedTimer.ClockType.SystemTime} */
  static readonly SystemTime = 0;
  /** {@inheritDoc QElapsedTimer.ClockType.MonotonicClock} */
  static readonly MonotonicClock = 1;
  /** {@inheritDoc QElapsedTimer.ClockType.TickCounter} */
  static readonly TickCounter = 2;
  /** {@inheritDoc QElapsedTimer.ClockType.MachAbsoluteTime} */
  static readonly MachAbsoluteTime = 3;
  /** {@inheritDoc QElapsedTimer.ClockType.PerformanceCounter} */
  static readonly PerformanceCounter = 4;

  #t = INVALID;

  /** @returns the clock type (MonotonicClock) */
  static clockType(): number {
    return QElapsedTimer.ClockType.MonotonicClock;
  }
  /** @returns true: the clock is monotonic */
  static isMonotonic(): boolean {
    return true;
  }

  /** Starts (or restarts) the timer. */
  start(): void {
    this.#t = now();
  }
  /** Restarts the timer. @returns ms elapsed since the previous start */
  restart(): number {
    const t = now();
    const e = this.#t === INVALID ? 0 : Number((t - this.#t) / 1000000n);
    this.#t = t;
    return e;
  }
  /** Marks the timer invalid. */
  invalidate(): void {
    this.#t = INVALID;
  }
  /** @returns whether it was started */
  isValid(): boolean {
    return this.#t !== INVALID;
  }
  /** @returns ms since start (-1 if invalid) */
  elapsed(): number {
    if (this.#t === INVALID) return -1;
    return Number((now() - this.#t) / 1000000n);
  }
  /** @returns ns since start (-1 if invalid) */
  nsecsElapsed(): number {
    if (this.#t === INVALID) return -1;
    return Number(now() - this.#t);
  }
  /**
   * Whether more than `timeout` ms elapsed since the timer was started.
   *
   * @param timeout - ms (an integer); a negative value means "never expires", so the answer is
   *   `false`.
   * @returns `true` if {@link QElapsedTimer.elapsed} exceeds `timeout`; `false` for an invalid timer.
   * @throws TypeError if `timeout` is not an integer (PyQt5 refuses a float, a str or None too).
   * @remarks
   * #### Differences from Qt
   * An invalid timer answers `false`; in Qt its elapsed time is undefined (Qt 5.15 answers `true`
   * for a timeout of 0 or more).
   * @see {@link https://doc.qt.io/qt-6/qelapsedtimer.html#hasExpired | QElapsedTimer::hasExpired in Qt 6}
   */
  hasExpired(timeout: number): boolean {
    checkInteger('QElapsedTimer.hasExpired', 'timeout', timeout);
    return this.isValid() && timeout >= 0 && this.elapsed() > timeout;
  }
  /**
   * The time the timer was started, in ms since the monotonic clock's reference (the scale of
   * {@link QDeadlineTimer.deadline}).
   * @returns the start time in ms.
   * @see {@link https://doc.qt.io/qt-6/qelapsedtimer.html#msecsSinceReference | QElapsedTimer::msecsSinceReference in Qt 6}
   */
  msecsSinceReference(): number {
    return Number(this.#t / 1000000n);
  }
  /**
   * The ms from this timer's start to `other`'s (negative if `other` started earlier).
   *
   * @param other - another timer.
   * @returns ms from this timer's start to `other`'s.
   * @throws TypeError if `other` is not a QElapsedTimer.
   * @see {@link https://doc.qt.io/qt-6/qelapsedtimer.html#msecsTo | QElapsedTimer::msecsTo in Qt 6}
   */
  msecsTo(other: QElapsedTimer): number {
    if (!QElapsedTimer.#is(other)) throw new TypeError(`QElapsedTimer.msecsTo: other must be a QElapsedTimer, got ${describe(other)}`);
    return Number((other.#t - this.#t) / 1000000n);
  }
  /**
   * The whole seconds from this timer's start to `other`'s (negative if `other` started earlier).
   *
   * @param other - another timer.
   * @returns seconds from this timer's start to `other`'s, truncated toward zero.
   * @throws TypeError if `other` is not a QElapsedTimer.
   * @see {@link https://doc.qt.io/qt-6/qelapsedtimer.html#secsTo | QElapsedTimer::secsTo in Qt 6}
   */
  secsTo(other: QElapsedTimer): number {
    if (!QElapsedTimer.#is(other)) throw new TypeError(`QElapsedTimer.secsTo: other must be a QElapsedTimer, got ${describe(other)}`);
    return Number((other.#t - this.#t) / 1000000n / 1000n); // Qt's msecsTo(other) / 1000; never -0
  }

  // A real QElapsedTimer (one with the private state), not merely one by its prototype.
  static #is(v: unknown): v is QElapsedTimer {
    return typeof v === 'object' && v !== null && #t in v;
  }
}
