// SPDX-License-Identifier: MIT
import { QEvent } from './QEvent.js';

/**
 * The event `deleteLater()` posts. It records the loop and scope levels at the call; the
 * dispatcher delivers it only once control went back to an outer level (Qt's rule).
 * @see {@link https://doc.qt.io/qt-6/qdeferreddeleteevent.html | QDeferredDeleteEvent in Qt 6}
 */
export class QDeferredDeleteEvent extends QEvent {
  /** @internal */
  _loopLevel = 0;
  /** @internal */
  _scopeLevel = 0;
  /** Creates a deferred delete event. */
  constructor() {
    super(QEvent.DeferredDelete);
  }
  /** @returns the loop level plus scope level recorded when it was posted */
  loopLevel(): number {
    return this._loopLevel;
  }
  /** @returns the scope level recorded when it was posted */
  scopeLevel(): number {
    return this._scopeLevel;
  }
}
