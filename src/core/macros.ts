// SPDX-License-Identifier: MIT

/**
 * Qt's `SIGNAL()` macro: marks a signal signature for the string-based `QObject.connect`.
 * @param signature - e.g. `'valueChanged(int)'` (the parameters are ignored by tsqt)
 * @returns the marked string (`'2valueChanged(int)'`)
 * @see {@link https://doc.qt.io/qt-6/qobject.html#connect | QObject::connect in Qt 6}
 */
export function SIGNAL(signature: string): string {
  return '2' + signature;
}

/**
 * Qt's `SLOT()` macro: marks a slot signature for the string-based `QObject.connect`.
 * @param signature - e.g. `'setValue(int)'`
 * @returns the marked string (`'1setValue(int)'`)
 * @see {@link https://doc.qt.io/qt-6/qobject.html#connect | QObject::connect in Qt 6}
 */
export function SLOT(signature: string): string {
  return '1' + signature;
}
