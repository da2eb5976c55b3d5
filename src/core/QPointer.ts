// SPDX-License-Identifier: MIT
import type { QObject } from './QObject.js';
import { hooks } from './private/internals.js';
import { describe } from './private/describe.js';

/**
 * A guarded reference to a QObject: `data()` reads null as soon as the object's deletion starts
 * (before `destroyed` is emitted).
 * @typeParam T - the object's class
 * @see {@link https://doc.qt.io/qt-6/qpointer.html | QPointer in Qt 6}
 */
export class QPointer<T extends QObject> {
  #obj: T | null;
  /**
   * Guards `obj`.
   * @param obj - the object, or null
   */
  constructor(obj: T | null = null) {
    this.#obj = obj;
  }
  /** @returns the object, or null once it is deleted */
  data(): T | null {
    const o = this.#obj;
    if (o === null) return null;
    if (hooks.isDeleted(o)) {
      this.#obj = null;
      return null;
    }
    return o;
  }
  /** @returns the object, or null once it is deleted (same as `data()`) */
  get(): T | null {
    return this.data();
  }
  /** @returns whether it reads null */
  isNull(): boolean {
    return this.data() === null;
  }
  /**
   * Guards another object.
   * @param obj - the object, or null
   */
  set(obj: T | null): void {
    this.#obj = obj;
  }
  /**
   * Exchanges the guarded objects of this pointer and `other`.
   *
   * @param other - the pointer to swap with.
   * @throws TypeError if `other` is not a QPointer.
   * @see {@link https://doc.qt.io/qt-6/qpointer.html#swap | QPointer::swap in Qt 6}
   */
  swap(other: QPointer<T>): void {
    if (!(other instanceof QPointer)) {
      throw new TypeError(`QPointer.swap: other must be a QPointer, got ${describe(other)}`);
    }
    const o = this.#obj;
    this.#obj = other.#obj;
    other.#obj = o;
  }
  /** Forgets the object. */
  clear(): void {
    this.#obj = null;
  }
}
