// SPDX-License-Identifier: MIT
import { QEvent } from './QEvent.js';

/**
 * Sent synchronously when a dynamic property is added, changed or removed.
 * @see {@link https://doc.qt.io/qt-6/qdynamicpropertychangeevent.html | QDynamicPropertyChangeEvent in Qt 6}
 */
export class QDynamicPropertyChangeEvent extends QEvent {
  #name: string;
  /**
   * Creates the event.
   * @param name - the property name
   */
  constructor(name: string) {
    super(QEvent.DynamicPropertyChange);
    this.#name = name;
  }
  /** @returns the name of the property that changed */
  propertyName(): string {
    return this.#name;
  }
}
