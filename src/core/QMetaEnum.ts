// SPDX-License-Identifier: MIT
import { describe } from './private/describe.js';

/**
 * Names the values of an enum object (tsqt's `as const` enums), as QMetaEnum does.
 *
 * ```ts
 * QMetaEnum.fromType(QAbstractSocket.SocketState).valueToKey(4) // 'BoundState'
 * ```
 *
 * tsqt has no moc, so the enum's name, scope and kind are given when the QMetaEnum is made:
 *
 * ```ts
 * const me = QMetaEnum.fromType(QAbstractSocket.SocketState, 'SocketState', false, { scope: 'QAbstractSocket' });
 * me.scope();                                 // 'QAbstractSocket'
 * me.keyToValue('QAbstractSocket::BoundState') // 4
 * ```
 *
 * @see {@link https://doc.qt.io/qt-6/qmetaenum.html | QMetaEnum in Qt 6}
 */
export class QMetaEnum {
  #name: string;
  #keys: string[];
  #values: number[];
  #flag: boolean;
  #scope: string;
  #enumName: string;
  #scoped: boolean;

  /**
   * Describes an enum object.
   * @param enumObject - an object of named numeric values
   * @param name - the enum's name (for a set of flags, the name of the flags type, such as
   *   `Alignment`)
   * @param isFlag - whether values combine as bit flags
   * @param options - where the enum is declared and how: see {@link QMetaEnum.Options}
   * @throws TypeError if `enumObject` is not an object, `name` is not a string, `isFlag` is not a
   *   boolean, or an option has the wrong type
   */
  constructor(enumObject: Readonly<Record<string, number>>, name = '', isFlag = false, options: QMetaEnum.Options = {}) {
    if (enumObject === null || typeof enumObject !== 'object') throw new TypeError('QMetaEnum: enumObject must be an object of numbers');
    if (typeof name !== 'string') throw new TypeError(`QMetaEnum: name must be a string, got ${describe(name)}`);
    if (typeof isFlag !== 'boolean') throw new TypeError(`QMetaEnum: isFlag must be a boolean, got ${describe(isFlag)}`);
    if (options === null || typeof options !== 'object') throw new TypeError(`QMetaEnum: options must be an object, got ${describe(options)}`);
    const { scope = '', enumName = name, isScoped = false } = options;
    if (typeof scope !== 'string') throw new TypeError(`QMetaEnum: options.scope must be a string, got ${describe(scope)}`);
    if (typeof enumName !== 'string') throw new TypeError(`QMetaEnum: options.enumName must be a string, got ${describe(enumName)}`);
    if (typeof isScoped !== 'boolean') throw new TypeError(`QMetaEnum: options.isScoped must be a boolean, got ${describe(isScoped)}`);
    this.#keys = [];
    this.#values = [];
    for (const [k, v] of Object.entries(enumObject)) {
      if (typeof v === 'number') {
        this.#keys.push(k);
        this.#values.push(v);
      }
    }
    this.#name = name;
    this.#flag = isFlag;
    this.#scope = scope;
    this.#enumName = enumName;
    this.#scoped = isScoped;
  }

  /**
   * Same as the constructor.
   * @param enumObject - an object of named numeric values
   * @param name - the enum's name
   * @param isFlag - whether values combine as bit flags
   * @param options - where the enum is declared and how: see {@link QMetaEnum.Options}
   * @returns the QMetaEnum
   */
  static fromType(enumObject: Readonly<Record<string, number>>, name = '', isFlag = false, options: QMetaEnum.Options = {}): QMetaEnum {
    return new QMetaEnum(enumObject, name, isFlag, options);
  }

  /**
   * @returns the enum's name (for flags, the name of the flags type: `Alignment`, where
   *   {@link QMetaEnum.enumName} is `AlignmentFlag`)
   * @see {@link https://doc.qt.io/qt-6/qmetaenum.html#name | QMetaEnum::name in Qt 6}
   */
  name(): string {
    return this.#name;
  }
  /**
   * The name of the enum itself. For an enum it is {@link QMetaEnum.name}; for a set of flags it is
   * the name of the enum the flags are made of (`AlignmentFlag` for Qt's `Alignment`, `BindFlag`
   * for `QAbstractSocket.BindMode`), as in Qt 5.12 and later.
   *
   * @returns `options.enumName` given to the constructor, else the name.
   * @see {@link https://doc.qt.io/qt-6/qmetaenum.html#enumName | QMetaEnum::enumName in Qt 6}
   */
  enumName(): string {
    return this.#enumName;
  }
  /**
   * The name of the class (or namespace) that declares the enum: `QAbstractSocket` for
   * `QAbstractSocket.SocketState`, `Qt` for `Qt.ConnectionType`. {@link QMetaEnum.keyToValue} and
   * {@link QMetaEnum.keysToValue} also accept keys qualified with it (`Qt::QueuedConnection`).
   *
   * @returns `options.scope` given to the constructor, else `''`.
   * @remarks
   * #### Differences from Qt
   * Qt finds the scope through moc; here it is what the constructor was given. An invalid
   * QMetaEnum returns null in Qt, '' here.
   * @see {@link https://doc.qt.io/qt-6/qmetaenum.html#scope | QMetaEnum::scope in Qt 6}
   */
  scope(): string {
    return this.#scope;
  }
  /**
   * Whether the enum is a C++ scoped enum (`enum class`, such as Qt 5.15's
   * `Qt::HighDpiScaleFactorRoundingPolicy`). tsqt's enums are reachable both scoped and unscoped,
   * so this tells what the enum is in Qt, not how it is spelt here.
   *
   * @returns `options.isScoped` given to the constructor, else false.
   * @see {@link https://doc.qt.io/qt-6/qmetaenum.html#isScoped | QMetaEnum::isScoped in Qt 6}
   */
  isScoped(): boolean {
    return this.#scoped;
  }
  /** @returns whether values are bit flags */
  isFlag(): boolean {
    return this.#flag;
  }
  /**
   * @returns whether it describes an enum: false for one with neither a name nor keys, such as
   *   what {@link QMetaObject.enumerator} gives for an index out of range (Qt's invalid,
   *   default-constructed QMetaEnum).
   * @see {@link https://doc.qt.io/qt-6/qmetaenum.html#isValid | QMetaEnum::isValid in Qt 6}
   */
  isValid(): boolean {
    return this.#name !== '' || this.#keys.length > 0;
  }
  /** @returns the number of keys */
  keyCount(): number {
    return this.#keys.length;
  }
  /**
   * @param index - 0..keyCount()-1
   * @returns the key at `index`, or null
   */
  key(index: number): string | null {
    return this.#keys[index] ?? null;
  }
  /**
   * @param index - 0..keyCount()-1
   * @returns the value at `index`, or -1
   */
  value(index: number): number {
    return this.#values[index] ?? -1;
  }
  /**
   * @param value - a value
   * @returns the first key with that value, or null
   */
  valueToKey(value: number): string | null {
    const i = this.#values.indexOf(value);
    return i >= 0 ? this.#keys[i]! : null;
  }
  /**
   * @param key - a key, possibly qualified with the {@link QMetaEnum.scope} (`Qt::QueuedConnection`),
   *   as Qt accepts
   * @returns its value, or -1
   */
  keyToValue(key: string): number {
    const i = this.#indexOfKey(key);
    return i >= 0 ? this.#values[i]! : -1;
  }
  /**
   * Names the flags set in `value`, as Qt 5.15 does: the keys are scanned from the last declared
   * to the first, and a key is taken when all its bits are still unnamed or when it equals the
   * whole `value` (Qt's `k == value` clause). So of two keys with the same value only the later
   * one appears inside a larger combination, both when that value is the whole argument
   * (`valueToKeys(1)` with `AlignLeft = AlignLeading = 1` gives `AlignLeft|AlignLeading`); a key
   * made of several bits wins over its parts declared before it. A key of value 0 is taken only
   * for 0.
   * @param value - a combination of flags
   * @returns the keys of the set flags joined by `|`, in declaration order
   * @see {@link https://doc.qt.io/qt-6/qmetaenum.html#valueToKeys | QMetaEnum::valueToKeys in Qt 6}
   */
  valueToKeys(value: number): string {
    const out: string[] = [];
    let left = value;
    for (let i = this.#keys.length - 1; i >= 0; i--) {
      const v = this.#values[i]!;
      if ((v !== 0 && (left & v) === v) || v === value) {
        left &= ~v;
        out.unshift(this.#keys[i]!);
      }
    }
    return out.join('|');
  }
  /**
   * @param keys - keys joined by `|`, each possibly qualified with the {@link QMetaEnum.scope}
   * @returns the combined value, or -1 if a key is unknown
   */
  keysToValue(keys: string): number {
    let v = 0;
    for (const k of keys.split('|')) {
      const i = this.#indexOfKey(k.trim());
      if (i < 0) return -1;
      v |= this.#values[i]!;
    }
    return v;
  }

  /**
   * Qt's key lookup: a key qualified as `Scope::Key` matches only when `Scope` is the enum's scope.
   * @returns the index of the key, or -1
   */
  #indexOfKey(key: string): number {
    if (typeof key !== 'string') return -1;
    let k = key;
    const sep = key.lastIndexOf('::');
    if (sep > 0) {
      if (key.slice(0, sep) !== this.#scope) return -1;
      k = key.slice(sep + 2);
    }
    return this.#keys.indexOf(k);
  }
}

/** Types named after QMetaEnum. */
export declare namespace QMetaEnum {
  /**
   * What Qt's moc records about an enum besides its keys, given to the {@link QMetaEnum}
   * constructor and {@link QMetaEnum.fromType}.
   */
  interface Options {
    /** The class or namespace that declares the enum ({@link QMetaEnum.scope}); default `''`. */
    scope?: string;
    /**
     * The name of the enum the flags are made of ({@link QMetaEnum.enumName}); default: the name.
     */
    enumName?: string;
    /** Whether it is a C++ `enum class` ({@link QMetaEnum.isScoped}); default false. */
    isScoped?: boolean;
  }
}
