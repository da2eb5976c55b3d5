// SPDX-License-Identifier: MIT

/**
 * Names the values of an enum object (tsqt's `as const` enums), as QMetaEnum does.
 *
 * ```ts
 * QMetaEnum.fromType(QAbstractSocket.SocketState).valueToKey(4) // 'BoundState'
 * ```
 *
 * @see {@link https://doc.qt.io/qt-6/qmetaenum.html | QMetaEnum in Qt 6}
 */
export class QMetaEnum {
  #name: string;
  #keys: string[];
  #values: number[];
  #flag: boolean;

  /**
   * Describes an enum object.
   * @param enumObject - an object of named numeric values
   * @param name - the enum's name
   * @param isFlag - whether values combine as bit flags
   */
  constructor(enumObject: Readonly<Record<string, number>>, name = '', isFlag = false) {
    if (enumObject === null || typeof enumObject !== 'object') throw new TypeError('QMetaEnum: enumObject must be an object of numbers');
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
  }

  /**
   * Same as the constructor.
   * @param enumObject - an object of named numeric values
   * @param name - the enum's name
   * @param isFlag - whether values combine as bit flags
   * @returns the QMetaEnum
   */
  static fromType(enumObject: Readonly<Record<string, number>>, name = '', isFlag = false): QMetaEnum {
    return new QMetaEnum(enumObject, name, isFlag);
  }

  /** @returns the enum's name */
  name(): string {
    return this.#name;
  }
  /** @returns whether values are bit flags */
  isFlag(): boolean {
    return this.#flag;
  }
  /** @returns whether it is valid (always true) */
  isValid(): boolean {
    return true;
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
   * @param key - a key
   * @returns its value, or -1
   */
  keyToValue(key: string): number {
    const i = this.#keys.indexOf(key);
    return i >= 0 ? this.#values[i]! : -1;
  }
  /**
   * @param value - a combination of flags
   * @returns the keys of the set flags joined by `|`
   */
  valueToKeys(value: number): string {
    const out: string[] = [];
    let left = value;
    for (let i = 0; i < this.#keys.length; i++) {
      const v = this.#values[i]!;
      if ((v !== 0 && (value & v) === v) || (v === 0 && value === 0)) {
        out.push(this.#keys[i]!);
        left &= ~v;
      }
    }
    void left;
    return out.join('|');
  }
  /**
   * @param keys - keys joined by `|`
   * @returns the combined value, or -1 if a key is unknown
   */
  keysToValue(keys: string): number {
    let v = 0;
    for (const k of keys.split('|')) {
      const x = this.keyToValue(k.trim());
      if (x === -1 && !this.#keys.includes(k.trim())) return -1;
      v |= x;
    }
    return v;
  }
}
