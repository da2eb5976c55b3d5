// SPDX-License-Identifier: MIT
import type { QMetaObject } from './QMetaObject.js';
import { QObject } from './QObject.js';
import { Signal } from './Signal.js';
import { checkConnectionType, checkInteger } from './private/args.js';
import { describe } from './private/describe.js';

/**
 * What kind of member a {@link QMetaMethod} describes, with Qt's values.
 * @enum
 */
const MethodType = {
  /** A plain method (Q_INVOKABLE in Qt); tsqt lists none. */
  Method: 0,
  /** A signal. */
  Signal: 1,
  /** A slot. */
  Slot: 2,
  /** A constructor (Q_INVOKABLE constructor in Qt); tsqt lists none. */
  Constructor: 3,
} as const;

/**
 * The access level of a {@link QMetaMethod}, with Qt's values.
 * @enum
 */
const Access = {
  /** Private (`private slots:` in Qt); tsqt lists none. */
  Private: 0,
  /** Protected (`protected slots:` in Qt); tsqt lists none. */
  Protected: 1,
  /** Public: every method tsqt lists. */
  Public: 2,
} as const;

/**
 * One row of a class's method table, built by QMetaObject.
 * @internal
 */
export interface MethodEntry {
  /** The member's name. */
  readonly name: string;
  /** MethodType.Signal or MethodType.Slot. */
  readonly type: 1 | 2;
  /** The parameter types: Qt's for library members, `QVariant` for each parameter of a user method. */
  readonly types: readonly string[];
  /** The parameter names ('' where unknown). */
  readonly names: readonly string[];
  /** The return type's name: `void`, or '' where unknown. */
  readonly returns: string;
  /** Whether the parameter count is known (false: a user signal, whose count JS cannot see). */
  readonly counted: boolean;
  /** Whether the types are Qt's (a library member) rather than placeholders. */
  readonly typed: boolean;
  /** The class that declares the member. */
  readonly cls: Function;
}

/** QMetaType ids of the few types a signature of tsqt's library names (Qt 5.15's values). */
const TYPE_IDS: Readonly<Record<string, number>> = {
  void: 43,
  bool: 1,
  int: 2,
  qlonglong: 4,
  QString: 10,
  QVariant: 41,
  'QObject*': 39,
};

let create: (mo: QMetaObject, index: number, entry: MethodEntry) => QMetaMethod;

/**
 * Makes the QMetaMethod for row `index` of `mo`'s method table.
 * @internal
 */
export function createMetaMethod(mo: QMetaObject, index: number, entry: MethodEntry): QMetaMethod {
  return create(mo, index, entry);
}

/**
 * The entry behind a valid QMetaMethod, or null.
 * @internal
 */
export let methodEntryOf: (m: QMetaMethod) => MethodEntry | null;

/**
 * Describes one signal or slot of a QObject class, as listed by {@link QMetaObject.method}: its
 * name, signature, kind and parameter count, and a way to call it ({@link QMetaMethod.invoke}).
 *
 * ```ts
 * const timer = new QTimer();
 * const mo = QTimer.staticMetaObject;
 * const m = mo.method(mo.indexOfSlot('start'));
 * m.methodSignature();            // 'start(int)'
 * m.invoke(timer, Qt.DirectConnection, 100);
 * ```
 *
 * A default-constructed QMetaMethod is invalid, as in Qt: {@link QMetaMethod.isValid} is false and
 * every query answers an empty value.
 *
 * @remarks
 * #### Differences from Qt
 * - JavaScript has no parameter types. The members of tsqt's own classes (QObject, QTimer,
 *   QCoreApplication, QEventLoop, QSocketNotifier, QIODevice, QAbstractSocket) carry Qt's
 *   signatures (`objectNameChanged(QString)`, `start(int)`); a method of a user class has one
 *   `QVariant` per parameter it declares (`Function.length`: the parameters before the first one
 *   with a default value), and a user signal, whose argument count JavaScript cannot see, has
 *   none: `valueChanged()`. Lookups by signature therefore match by name (see
 *   {@link QMetaObject.indexOfMethod}).
 * - There are no overloads and no clones for default arguments: one entry per name
 *   (Qt's QTimer has `start(int)` and `start()`; tsqt lists `start(int)`).
 * - Every listed method is public; `tag()`, `attributes()` and `revision()` are always empty or 0.
 * - The return type of a user slot is unknown: `typeName()` is '' and `returnType()` 0
 *   (`QMetaType::UnknownType`); signals and the library's slots return `void`.
 * @see {@link https://doc.qt.io/qt-6/qmetamethod.html | QMetaMethod in Qt 6}
 */
export class QMetaMethod {
  /** What kind of member a QMetaMethod describes: `QMetaMethod.MethodType.Signal` and so on. */
  static readonly MethodType = MethodType;
  /** {@inheritDoc QMetaMethod.MethodType.Method} */
  static readonly Method = MethodType.Method;
  /** {@inheritDoc QMetaMethod.MethodType.Signal} */
  static readonly Signal = MethodType.Signal;
  /** {@inheritDoc QMetaMethod.MethodType.Slot} */
  static readonly Slot = MethodType.Slot;
  /** {@inheritDoc QMetaMethod.MethodType.Constructor} */
  static readonly Constructor = MethodType.Constructor;
  /** The access level of a member: `QMetaMethod.Access.Public` and so on. */
  static readonly Access = Access;
  /** {@inheritDoc QMetaMethod.Access.Private} */
  static readonly Private = Access.Private;
  /** {@inheritDoc QMetaMethod.Access.Protected} */
  static readonly Protected = Access.Protected;
  /** {@inheritDoc QMetaMethod.Access.Public} */
  static readonly Public = Access.Public;

  #mo: QMetaObject | null = null;
  #index = -1;
  #e: MethodEntry | null = null;

  static {
    create = (mo, index, entry) => {
      const m = new QMetaMethod();
      m.#mo = mo;
      m.#index = index;
      m.#e = entry;
      return m;
    };
    methodEntryOf = (m) => m.#e;
  }

  /**
   * The QMetaMethod of a signal object: the row of its owner's class that has the signal's name.
   *
   * @param signal - a Signal owned by a QObject.
   * @returns the signal's QMetaMethod, or an invalid one for a signal without an owner or whose
   *   name is unknown.
   * @throws TypeError if `signal` is not a Signal.
   * @remarks
   * #### Differences from Qt
   * Qt takes a pointer to the signal's member function; tsqt takes the Signal itself, as
   * `connectNotify()` receives it: `QMetaMethod.fromSignal(this.valueChanged)`.
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#fromSignal | QMetaMethod::fromSignal in Qt 6}
   */
  static fromSignal(signal: Signal<any>): QMetaMethod {
    if (!(signal instanceof Signal)) throw new TypeError(`QMetaMethod.fromSignal: signal must be a Signal, got ${describe(signal)}`);
    const owner = signal._owner();
    const name = signal._name();
    if (owner === null || name === '') return new QMetaMethod();
    const mo = owner.metaObject();
    return mo.method(mo.indexOfSignal(name));
  }

  /**
   * @returns the method's name without its parameters (`'timeout'`), or '' for an invalid one.
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#name | QMetaMethod::name in Qt 6}
   */
  name(): string {
    return this.#e?.name ?? '';
  }

  /**
   * The signature: the name and the parameter types in parentheses, in Qt's normalized form.
   *
   * @returns `'objectNameChanged(QString)'` for a library signal, `'setValue(QVariant)'` for a user
   *   method with one parameter, `'valueChanged()'` for a user signal; '' for an invalid one.
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#methodSignature | QMetaMethod::methodSignature in Qt 6}
   */
  methodSignature(): string {
    const e = this.#e;
    return e === null ? '' : `${e.name}(${e.types.join(',')})`;
  }

  /**
   * @returns `QMetaMethod.Signal` or `QMetaMethod.Slot`; `QMetaMethod.Method` for an invalid one
   *   (Qt's answer).
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#methodType | QMetaMethod::methodType in Qt 6}
   */
  methodType(): QMetaMethod.MethodType {
    return this.#e?.type ?? MethodType.Method;
  }

  /**
   * @returns `QMetaMethod.Public` (JavaScript's `#private` methods are not listed);
   *   `QMetaMethod.Private` for an invalid one (Qt's answer).
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#access | QMetaMethod::access in Qt 6}
   */
  access(): QMetaMethod.Access {
    return this.#e === null ? Access.Private : Access.Public;
  }

  /**
   * @returns the number of parameters: Qt's for a library member, `Function.length` for a user
   *   method, 0 for a user signal (its count is not visible to JavaScript) and for an invalid one.
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#parameterCount | QMetaMethod::parameterCount in Qt 6}
   */
  parameterCount(): number {
    return this.#e?.types.length ?? 0;
  }

  /**
   * @returns the parameter types' names (`['QString']`; `'QVariant'` for each parameter of a user
   *   method).
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#parameterTypes | QMetaMethod::parameterTypes in Qt 6}
   */
  parameterTypes(): string[] {
    return this.#e === null ? [] : [...this.#e.types];
  }

  /**
   * The QMetaType id of one parameter's type, for the few types tsqt's library signatures use
   * (`int` 2, `bool` 1, `QString` 10, `qlonglong` 4, `QObject*` 39, `QVariant` 41); 0
   * (`QMetaType::UnknownType`) for any other type, and for an index out of range.
   *
   * @param index - the parameter's index.
   * @returns the type id, or 0.
   * @throws TypeError if `index` is not an integer.
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#parameterType | QMetaMethod::parameterType in Qt 6}
   */
  parameterType(index: number): number {
    checkInteger('QMetaMethod.parameterType', 'index', index);
    const t = this.#e?.types[index];
    return t === undefined ? 0 : TYPE_IDS[t] ?? 0;
  }

  /**
   * @returns the parameter names as Qt's moc records them for the library's members
   *   (`['objectName']`), '' for each unnamed one; '' for each parameter of a user method (the
   *   names are not read out of the function's source text).
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#parameterNames | QMetaMethod::parameterNames in Qt 6}
   */
  parameterNames(): string[] {
    return this.#e === null ? [] : [...this.#e.names];
  }

  /**
   * @returns the return type's name: `'void'` for signals and the library's slots, '' where it is
   *   unknown (a user method, an invalid QMetaMethod).
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#typeName | QMetaMethod::typeName in Qt 6}
   */
  typeName(): string {
    return this.#e?.returns ?? '';
  }

  /**
   * @returns the QMetaType id of the return type: 43 (`QMetaType::Void`) where it is `void`, 0
   *   (`QMetaType::UnknownType`) where it is unknown.
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#returnType | QMetaMethod::returnType in Qt 6}
   */
  returnType(): number {
    const r = this.#e?.returns ?? '';
    return r === '' ? 0 : TYPE_IDS[r] ?? 0;
  }

  /**
   * @returns '' (tsqt has no method tags).
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#tag | QMetaMethod::tag in Qt 6}
   */
  tag(): string {
    return '';
  }

  /**
   * @returns 0 (no Compatibility, Cloned or Scriptable attributes).
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#attributes | QMetaMethod::attributes in Qt 6}
   */
  attributes(): number {
    return 0;
  }

  /**
   * @returns 0 (no revisions).
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#revision | QMetaMethod::revision in Qt 6}
   */
  revision(): number {
    return 0;
  }

  /**
   * @returns whether the QMetaMethod describes a method (false for a default-constructed one or
   *   one asked for an index out of range).
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#isValid | QMetaMethod::isValid in Qt 6}
   */
  isValid(): boolean {
    return this.#e !== null;
  }

  /**
   * @returns the method's index in its meta-object's table (base classes first), or -1.
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#methodIndex | QMetaMethod::methodIndex in Qt 6}
   */
  methodIndex(): number {
    return this.#index;
  }

  /**
   * @returns the meta-object of the class that declares the method (QObject's for `destroyed`,
   *   even when asked through a subclass), or null for an invalid one.
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#enclosingMetaObject | QMetaMethod::enclosingMetaObject in Qt 6}
   */
  enclosingMetaObject(): QMetaObject | null {
    const e = this.#e;
    const mo = this.#mo;
    return e === null || mo === null ? null : mo._enclosing(e.cls);
  }

  /**
   * Calls the method on `object` by name, with {@link QMetaObject.invokeMethod}'s rules: directly
   * for `Qt.AutoConnection`/`Qt.DirectConnection` (a signal is emitted), posted for
   * `Qt.QueuedConnection`.
   *
   * @param object - an instance of the method's class (or a subclass).
   * @param type - a {@link Qt.ConnectionType} (default `Qt.AutoConnection`).
   * @param args - the arguments.
   * @returns true once called or posted; false, without a warning (as Qt), for an invalid
   *   QMetaMethod, an object that is not an instance of the method's class, or fewer arguments
   *   than the method's parameters (a user method's `Function.length`; a user signal takes any
   *   count). Arguments beyond a library member's parameters are dropped, as Qt passes only its
   *   parameters; a user method receives them all.
   * @throws TypeError if `object` is not a QObject, or `type` is not an integer (a string, as
   *   PyQt5 5.15 does); RangeError for an integer other than Auto, Direct or Queued (3, Qt's
   *   BlockingQueuedConnection, included: one thread), as {@link QMetaObject.invokeMethod}.
   * @remarks
   * #### Differences from Qt
   * No `QGenericReturnArgument`: the return value of a direct call is not reported (PyQt's
   * `invoke()` returns it only with `Q_RETURN_ARG`). Qt asserts when `object` is of another class;
   * tsqt returns false.
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#invoke | QMetaMethod::invoke in Qt 6}
   */
  invoke(object: QObject, type = 0, ...args: unknown[]): boolean {
    if (!(object instanceof QObject)) throw new TypeError(`QMetaMethod.invoke: object must be a QObject, got ${describe(object)}`);
    checkConnectionType('QMetaMethod.invoke', type, 0);
    const e = this.#e;
    if (e === null || this.#mo === null || !(object instanceof e.cls)) return false;
    // Qt: too few arguments for this signature fail without a warning; extra ones are not passed
    if (e.counted && args.length < e.types.length) return false;
    const passed = e.typed ? args.slice(0, e.types.length) : args;
    return (this.#mo.constructor as typeof QMetaObject).invokeMethod(object, e.name, type, ...passed);
  }

  /**
   * Whether two QMetaMethods describe the same member of the same class (Qt's `operator==`); two
   * invalid ones are equal.
   *
   * @param other - another QMetaMethod.
   * @returns true if they are the same method.
   * @throws TypeError if `other` is not a QMetaMethod.
   * @see {@link https://doc.qt.io/qt-6/qmetamethod.html#operator-eq-eq | QMetaMethod operator== in Qt 6}
   */
  equals(other: QMetaMethod): boolean {
    if (!(other instanceof QMetaMethod)) throw new TypeError(`QMetaMethod.equals: other must be a QMetaMethod, got ${describe(other)}`);
    const a = this.#e;
    const b = other.#e;
    if (a === null || b === null) return a === b;
    return a === b || (a.cls === b.cls && a.name === b.name && a.type === b.type);
  }

  /** @returns `QMetaMethod(signature)`, or `QMetaMethod()` for an invalid one */
  toString(): string {
    return `QMetaMethod(${this.methodSignature()})`;
  }
}

/** Types named after QMetaMethod. */
export declare namespace QMetaMethod {
  /** A {@link QMetaMethod.MethodType} value: 0 Method, 1 Signal, 2 Slot, 3 Constructor. */
  type MethodType = 0 | 1 | 2 | 3;
  /** A {@link QMetaMethod.Access} value: 0 Private, 1 Protected, 2 Public. */
  type Access = 0 | 1 | 2;
}
