// SPDX-License-Identifier: MIT
import { Qt } from './Qt.js';

const nowMs = (): number => performance.now();

/**
 * A deadline on the monotonic clock, possibly "forever".
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
   * @param msecs - ms from now; negative = forever
   * @param type - a {@link Qt.TimerType}
   */
  constructor(msecs?: number, type: Qt.TimerType = Qt.CoarseTimer) {
    this.#type = type;
    if (msecs === undefined) this.#deadline = -Infinity;
    else if (typeof msecs !== 'number' || Number.isNaN(msecs)) throw new TypeError(`QDeadlineTimer: msecs must be a number, got ${String(msecs)}`);
    else this.#deadline = msecs < 0 ? Infinity : nowMs() + msecs;
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
   * Sets the deadline `msecs` from now (negative = forever).
   * @param msecs - ms
   * @param type - a {@link Qt.TimerType}
   */
  setRemainingTime(msecs: number, type: Qt.TimerType = this.#type): void {
    this.#type = type;
    this.#deadline = msecs < 0 ? Infinity : nowMs() + msecs;
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
    this.#deadline = msecs >= Number.MAX_SAFE_INTEGER ? Infinity : msecs;
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
