// SPDX-License-Identifier: MIT
import { QEvent } from './QEvent.js';

/**
 * The event a QObject timer delivers to `timerEvent()`.
 * @see {@link https://doc.qt.io/qt-6/qtimerevent.html | QTimerEvent in Qt 6}
 */
export class QTimerEvent extends QEvent {
  #id: number;
  /**
   * Creates a timer event.
   * @param timerId - the id returned by `startTimer()`
   */
  constructor(timerId: number) {
    super(QEvent.Timer);
    this.#id = timerId;
  }
  /** @returns the id of the timer that fired */
  timerId(): number {
    return this.#id;
  }
}
