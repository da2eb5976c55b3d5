// SPDX-License-Identifier: MIT
import type { QMetaObject } from './QMetaObject.js';
import { QMetaMethod } from './QMetaMethod.js';
import { QObject } from './QObject.js';
import { describe } from './private/describe.js';

/**
 * One row of a class's property table, built by QMetaObject.
 * @internal
 */
export interface PropertyEntry {
  /** The property's name. */
  readonly name: string;
  /** Qt's type name ('' where unknown). */
  readonly type: string;
  /** Whether the property has a write accessor. */
  readonly writable: boolean;
  /** Whether Qt's type is an enum registered with Q_ENUM (`Qt::TimerType`). */
  readonly isEnum: boolean;
  /** The class that declares the property. */
  readonly cls: Function;
}

let create: (mo: QMetaObject, index: number, entry: PropertyEntry) => QMetaProperty;

/**
 * Makes the QMetaProperty for row `index` of `mo`'s property table.
 * @internal
 */
export function createMetaProperty(mo: QMetaObject, index: number, entry: PropertyEntry): QMetaProperty {
  return create(mo, index, entry);
}

/**
 * Describes one Qt property of a QObject class (`objectName`, QTimer's `interval`,
 * QCoreApplication's `applicationName`), as listed by {@link QMetaObject.property}: its name,
 * whether it can be written, its notify signal, and reading and writing it on an object.
 *
 * ```ts
 * const obj = new QObject();
 * const mo = QObject.staticMetaObject;
 * const p = mo.property(mo.indexOfProperty('objectName'));
 * p.write(obj, 'main');                 // obj.setProperty('objectName', 'main')
 * p.read(obj);                          // 'main'
 * p.notifySignal().methodSignature();   // 'objectNameChanged(QString)'
 * ```
 *
 * A default-constructed QMetaProperty is invalid, as in Qt.
 *
 * @remarks
 * #### Differences from Qt
 * - The properties are those of tsqt's own classes (the ones `property()`/`setProperty()`
 *   reach); a user class declares none, since there is no `Q_PROPERTY` (its values are dynamic
 *   properties, which Qt does not list either).
 * - A property's notify signal is the signal named `<name>Changed` of its class or a base class,
 *   which is what each of the library's properties has in Qt 5.15.
 * - `typeName()` is Qt's type for the library's properties; the QVariant-level `type()`/
 *   `userType()` and `enumerator()` are not offered.
 * - No property is resettable, user, constant or final; all are designable, scriptable and
 *   stored, as Qt's defaults for the library's properties are.
 * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html | QMetaProperty in Qt 6}
 */
export class QMetaProperty {
  #mo: QMetaObject | null = null;
  #index = -1;
  #e: PropertyEntry | null = null;

  static {
    create = (mo, index, entry) => {
      const p = new QMetaProperty();
      p.#mo = mo;
      p.#index = index;
      p.#e = entry;
      return p;
    };
  }

  /**
   * @returns the property's name, or '' for an invalid one.
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#name | QMetaProperty::name in Qt 6}
   */
  name(): string {
    return this.#e?.name ?? '';
  }

  /**
   * @returns Qt's name of the property's type (`'QString'`, `'int'`, `'Qt::TimerType'`), or ''
   *   for an invalid one.
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#typeName | QMetaProperty::typeName in Qt 6}
   */
  typeName(): string {
    return this.#e?.type ?? '';
  }

  /**
   * @returns whether the property can be read: true for a valid one.
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#isReadable | QMetaProperty::isReadable in Qt 6}
   */
  isReadable(): boolean {
    return this.#e !== null;
  }

  /**
   * @returns whether the property can be written (`QTimer`'s `active` and `remainingTime`
   *   cannot).
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#isWritable | QMetaProperty::isWritable in Qt 6}
   */
  isWritable(): boolean {
    return this.#e?.writable ?? false;
  }

  /**
   * @returns false: no property of tsqt has a RESET function.
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#isResettable | QMetaProperty::isResettable in Qt 6}
   */
  isResettable(): boolean {
    return false;
  }

  /**
   * @returns true for a valid property (Qt's default).
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#isDesignable | QMetaProperty::isDesignable in Qt 6}
   */
  isDesignable(): boolean {
    return this.#e !== null;
  }

  /**
   * @returns true for a valid property (Qt's default).
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#isScriptable | QMetaProperty::isScriptable in Qt 6}
   */
  isScriptable(): boolean {
    return this.#e !== null;
  }

  /**
   * @returns true for a valid property (Qt's default).
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#isStored | QMetaProperty::isStored in Qt 6}
   */
  isStored(): boolean {
    return this.#e !== null;
  }

  /**
   * @returns false (no USER property).
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#isUser | QMetaProperty::isUser in Qt 6}
   */
  isUser(): boolean {
    return false;
  }

  /**
   * @returns false (no CONSTANT property).
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#isConstant | QMetaProperty::isConstant in Qt 6}
   */
  isConstant(): boolean {
    return false;
  }

  /**
   * @returns false (no FINAL property).
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#isFinal | QMetaProperty::isFinal in Qt 6}
   */
  isFinal(): boolean {
    return false;
  }

  /**
   * @returns whether the type is an enum Qt registers (QTimer's `timerType`, a `Qt::TimerType`).
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#isEnumType | QMetaProperty::isEnumType in Qt 6}
   */
  isEnumType(): boolean {
    return this.#e?.isEnum ?? false;
  }

  /**
   * @returns false: no property of tsqt's classes is a set of flags.
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#isFlagType | QMetaProperty::isFlagType in Qt 6}
   */
  isFlagType(): boolean {
    return false;
  }

  /**
   * @returns whether the property has a notify signal (`objectName`: `objectNameChanged`).
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#hasNotifySignal | QMetaProperty::hasNotifySignal in Qt 6}
   */
  hasNotifySignal(): boolean {
    return this.notifySignalIndex() >= 0;
  }

  /**
   * @returns the notify signal's QMetaMethod, or an invalid one.
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#notifySignal | QMetaProperty::notifySignal in Qt 6}
   */
  notifySignal(): QMetaMethod {
    const i = this.notifySignalIndex();
    return i < 0 ? new QMetaMethod() : this.#mo!.method(i);
  }

  /**
   * @returns the notify signal's method index in the meta-object the property was asked from, or
   *   -1.
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#notifySignalIndex | QMetaProperty::notifySignalIndex in Qt 6}
   */
  notifySignalIndex(): number {
    const e = this.#e;
    if (e === null || this.#mo === null) return -1;
    return this.#mo.indexOfSignal(`${e.name}Changed`);
  }

  /**
   * @returns the property's index in its meta-object's table (base classes first), or -1.
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#propertyIndex | QMetaProperty::propertyIndex in Qt 6}
   */
  propertyIndex(): number {
    return this.#index;
  }

  /**
   * @returns whether the QMetaProperty describes a property.
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#isValid | QMetaProperty::isValid in Qt 6}
   */
  isValid(): boolean {
    return this.#e !== null;
  }

  /**
   * @returns the meta-object of the class that declares the property, or null for an invalid
   *   one.
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#enclosingMetaObject | QMetaProperty::enclosingMetaObject in Qt 6}
   */
  enclosingMetaObject(): QMetaObject | null {
    const e = this.#e;
    return e === null || this.#mo === null ? null : this.#mo._enclosing(e.cls);
  }

  /**
   * Reads the property of `object`, as `object.property(name)` does.
   *
   * @param object - an instance of the property's class (or a subclass).
   * @returns the value; undefined (Qt's invalid QVariant) for an invalid QMetaProperty or an
   *   object of another class.
   * @throws TypeError if `object` is not a QObject; Error if it was deleted.
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#read | QMetaProperty::read in Qt 6}
   */
  read(object: QObject): unknown {
    if (!(object instanceof QObject)) throw new TypeError(`QMetaProperty.read: object must be a QObject, got ${describe(object)}`);
    const e = this.#e;
    if (e === null || !(object instanceof e.cls)) return undefined;
    return object.property(e.name);
  }

  /**
   * Writes the property of `object`, as `object.setProperty(name, value)` does (the write
   * accessor checks the value's type and throws as it would).
   *
   * @param object - an instance of the property's class (or a subclass).
   * @param value - the new value; undefined (Qt's invalid QVariant) writes nothing.
   * @returns true if written; false for an invalid or read-only property, undefined, or an object
   *   of another class.
   * @throws TypeError if `object` is not a QObject; Error if it was deleted.
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#write | QMetaProperty::write in Qt 6}
   */
  write(object: QObject, value: unknown): boolean {
    if (!(object instanceof QObject)) throw new TypeError(`QMetaProperty.write: object must be a QObject, got ${describe(object)}`);
    const e = this.#e;
    if (e === null || !e.writable || !(object instanceof e.cls)) return false;
    return object.setProperty(e.name, value);
  }

  /**
   * Resets the property: always false, no property of tsqt is resettable.
   *
   * @param object - the object.
   * @returns false.
   * @throws TypeError if `object` is not a QObject.
   * @see {@link https://doc.qt.io/qt-6/qmetaproperty.html#reset | QMetaProperty::reset in Qt 6}
   */
  reset(object: QObject): boolean {
    if (!(object instanceof QObject)) throw new TypeError(`QMetaProperty.reset: object must be a QObject, got ${describe(object)}`);
    return false;
  }

  /** @returns `QMetaProperty(name)` */
  toString(): string {
    return `QMetaProperty(${this.name()})`;
  }
}
