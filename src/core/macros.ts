// SPDX-License-Identifier: MIT

declare const signalSignature: unique symbol;
declare const slotSignature: unique symbol;

/**
 * A signal signature marked by {@link SIGNAL} (a string starting with `2`). The static
 * {@link QObject.connect} and {@link QObject.disconnect} take it where they take a signal's name;
 * any other string must be a name the compiler finds on the sender.
 */
export type SignalSignature = string & {
  /** The mark that only {@link SIGNAL} puts on a string (types only: nothing at run time). */
  readonly [signalSignature]: true;
};

/**
 * A slot signature marked by {@link SLOT} (a string starting with `1`), accepted by the static
 * {@link QObject.connect} and {@link QObject.disconnect} where they take a method's name.
 */
export type SlotSignature = string & {
  /** The mark that only {@link SLOT} puts on a string (types only: nothing at run time). */
  readonly [slotSignature]: true;
};

/**
 * Qt's `SIGNAL()` macro: marks a signal signature for the string-based `QObject.connect`.
 * @param signature - e.g. `'valueChanged(int)'` (the parameters are ignored by tsqt)
 * @returns the marked string (`'2valueChanged(int)'`)
 * @see {@link https://doc.qt.io/qt-6/qobject.html#connect | QObject::connect in Qt 6}
 */
export function SIGNAL(signature: string): SignalSignature {
  return ('2' + signature) as SignalSignature;
}

/**
 * Qt's `SLOT()` macro: marks a slot signature for the string-based `QObject.connect`.
 * @param signature - e.g. `'setValue(int)'`
 * @returns the marked string (`'1setValue(int)'`)
 * @see {@link https://doc.qt.io/qt-6/qobject.html#connect | QObject::connect in Qt 6}
 */
export function SLOT(signature: string): SlotSignature {
  return ('1' + signature) as SlotSignature;
}
