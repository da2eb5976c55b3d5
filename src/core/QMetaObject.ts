// SPDX-License-Identifier: MIT
import { Connection } from './Connection.js';
import { QObject, signalNamesOf } from './QObject.js';
import { Signal, callWithSender } from './Signal.js';
import { qWarning } from './qlogging.js';
import { QMetaCallEvent } from './private/QMetaCallEvent.js';
import { deletedError, hooks } from './private/internals.js';
import { postEvent } from './private/dispatcher.js';
import { describe } from './private/describe.js';

/**
 * Run-time information about a QObject class: its name, base class and signals, and
 * `invokeMethod()`.
 *
 * @remarks
 * #### Differences from Qt
 * Only the class name, the base class and the signal names are reflected (no QMetaMethod or
 * QMetaProperty objects).
 *
 * @see {@link https://doc.qt.io/qt-6/qmetaobject.html | QMetaObject in Qt 6}
 */
export class QMetaObject {
  /** The connection handle class (`QMetaObject.Connection` in Qt). */
  static readonly Connection = Connection;

  #proto: object;

  /**
   * Creates the meta-object of a class.
   * @param cls - the class (constructor)
   */
  constructor(cls: abstract new (...args: any[]) => unknown) {
    if (typeof cls !== 'function') throw new TypeError(`QMetaObject: cls must be a class, got ${describe(cls)}`);
    this.#proto = cls.prototype as object;
  }

  /**
   * @param obj - any QObject
   * @returns the meta-object of its class
   */
  static of(obj: QObject): QMetaObject {
    return new QMetaObject(obj.constructor as abstract new (...args: any[]) => unknown);
  }

  /** @returns the class name */
  className(): string {
    return (this.#proto as { constructor: Function }).constructor.name;
  }

  /** @returns the meta-object of the base class, or null for QObject */
  superClass(): QMetaObject | null {
    if ((this.#proto as { constructor: Function }).constructor === QObject) return null;
    const p = Object.getPrototypeOf(this.#proto) as { constructor: abstract new (...args: any[]) => unknown } | null;
    if (p === null || p === Object.prototype) return null;
    return new QMetaObject(p.constructor);
  }

  /**
   * @param other - another meta-object
   * @returns whether this class is `other`'s class or derives from it
   */
  inherits(other: QMetaObject): boolean {
    return this.#proto === other.#proto || Object.prototype.isPrototypeOf.call(other.#proto, this.#proto);
  }

  /**
   * The index of a signal (signals are numbered in declaration order, base classes first). User
   * signals declared as fields are known once an instance was inspected (`obj.metaObject()`).
   * @param name - the signal's name (parameters in parentheses are ignored)
   * @returns the index, or -1
   */
  indexOfSignal(name: string): number {
    const n = name.replace(/\(.*$/, '');
    return this.#signals().indexOf(n);
  }

  #sample: QObject | null = null;
  /** @internal */
  _setSample(o: QObject): this {
    this.#sample = o;
    return this;
  }

  #signals(): string[] {
    if (this.#sample !== null) return signalNamesOf(this.#sample);
    return [];
  }

  /**
   * Calls a method of `obj` by name (or a function with `obj` as context): directly, or posted for
   * `Qt.QueuedConnection`.
   * @param obj - the object
   * @param member - a method name of `obj`, or a function
   * @param type - `Qt.AutoConnection`/`DirectConnection` (call now) or `Qt.QueuedConnection`
   * @param args - the arguments
   * @returns false (with Qt's warning) when there is no such method
   */
  static invokeMethod(obj: QObject, member: string | ((...args: any[]) => unknown), type = 0, ...args: unknown[]): boolean {
    if (!(obj instanceof QObject)) throw new TypeError(`QMetaObject.invokeMethod: obj must be a QObject, got ${describe(obj)}`);
    if (hooks.isDeleted(obj)) throw deletedError(obj, 'invokeMethod');
    if (typeof type !== 'number' || ![0, 1, 2].includes(type & 0x7f)) {
      throw new RangeError(`QMetaObject.invokeMethod: type must be Auto, Direct or Queued connection, got ${String(type)}`);
    }
    let fn: ((...a: unknown[]) => unknown) | null = null;
    let method: string | null = null;
    let target: Signal<any> | null = null;
    if (typeof member === 'function') fn = member as (...a: unknown[]) => unknown;
    else if (typeof member === 'string') {
      const name = member.replace(/\(.*$/, '');
      const v = (obj as unknown as Record<string, unknown>)[name];
      if (v instanceof Signal) target = v;
      else if (typeof v === 'function') method = name;
      else {
        qWarning(`QMetaObject::invokeMethod: No such method ${obj.constructor.name}::${name}()`);
        return false;
      }
    } else throw new TypeError(`QMetaObject.invokeMethod: member must be a method name or a function, got ${describe(member)}`);
    if ((type & 0x7f) === 2) {
      postEvent(obj, new QMetaCallEvent(fn, obj, method, target, args, null, null), 0);
      return true;
    }
    if (target !== null) target._emitArgs(args);
    else callWithSender(obj, null, null, fn ?? (obj as unknown as Record<string, (...a: unknown[]) => unknown>)[method!]!, args);
    return true;
  }
}
