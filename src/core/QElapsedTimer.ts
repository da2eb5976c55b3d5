// SPDX-License-Identifier: MIT
import process from 'node:process';

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
   * @param timeout - ms
   * @returns whether more than `timeout` ms elapsed
   */
  hasExpired(timeout: number): boolean {
    return this.isValid() && timeout >= 0 && this.elapsed() > timeout;
  }
  /** @returns the start time in ms since the clock's reference */
  msecsSinceReference(): number {
    return Number(this.#t / 1000000n);
  }
  /**
   * @param other - another timer
   * @returns ms from this timer's start to `other`'s
   */
  msecsTo(other: QElapsedTimer): number {
    return Number((other.#t - this.#t) / 1000000n);
  }
  /**
   * @param other - another timer
   * @returns seconds from this timer's start to `other`'s
   */
  secsTo(other: QElapsedTimer): number {
    return Math.trunc(this.msecsTo(other) / 1000);
  }
}
