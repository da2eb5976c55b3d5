// SPDX-License-Identifier: MIT
import { QEvent } from './QEvent.js';
import type { QObject } from './QObject.js';

/**
 * Sent synchronously to a parent when a child is added (`ChildAdded`) or removed (`ChildRemoved`).
 * @see {@link https://doc.qt.io/qt-6/qchildevent.html | QChildEvent in Qt 6}
 */
export class QChildEvent extends QEvent {
  #child: QObject;
  /**
   * Creates a child event.
   * @param type - `QEvent.ChildAdded`, `ChildPolished` or `ChildRemoved`
   * @param child - the child concerned
   */
  constructor(type: number, child: QObject) {
    super(type);
    this.#child = child;
  }
  /** @returns the child that was added or removed */
  child(): QObject {
    return this.#child;
  }
  /** @returns whether the type is ChildAdded */
  added(): boolean {
    return this.type() === QEvent.ChildAdded;
  }
  /** @returns whether the type is ChildPolished */
  polished(): boolean {
    return this.type() === QEvent.ChildPolished;
  }
  /** @returns whether the type is ChildRemoved */
  removed(): boolean {
    return this.type() === QEvent.ChildRemoved;
  }
}
