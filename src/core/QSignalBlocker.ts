// SPDX-License-Identifier: MIT
import type { QObject } from './QObject.js';
import { hooks } from './private/internals.js';

/**
 * Blocks an object's signals for a scope: `using blocker = new QSignalBlocker(obj)`; the previous
 * state is restored when the scope ends (or on `unblock()`).
 * @see {@link https://doc.qt.io/qt-6/qsignalblocker.html | QSignalBlocker in Qt 6}
 */
export class QSignalBlocker implements Disposable {
  #obj: QObject | null;
  #prev = false;
  #blocked = false;
  /**
   * Blocks `obj`'s signals.
   * @param obj - the object, or null (does nothing)
   */
  constructor(obj: QObject | null) {
    this.#obj = obj;
    if (obj !== null) {
      this.#prev = obj.blockSignals(true);
      this.#blocked = true;
    }
  }
  /** Restores the previous blocking state now. */
  unblock(): void {
    const o = this.#obj;
    if (o !== null && this.#blocked && !hooks.isDeleted(o)) o.blockSignals(this.#prev);
    this.#blocked = false;
  }
  /** Blocks again after `unblock()`. */
  reblock(): void {
    const o = this.#obj;
    if (o !== null && !this.#blocked && !hooks.isDeleted(o)) {
      this.#prev = o.blockSignals(true);
      this.#blocked = true;
    }
  }
  /** Restores the previous state (end of a `using` scope). */
  [Symbol.dispose](): void {
    this.unblock();
  }
}
