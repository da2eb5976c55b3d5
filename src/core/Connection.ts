// SPDX-License-Identifier: MIT
import type { Signal } from './Signal.js';
import type { QObject } from './QObject.js';

/**
 * The handle `connect()` returns (Qt's `QMetaObject::Connection`, also reachable as
 * `QMetaObject.Connection`). It is valid while the connection exists; pass it to
 * `signal.disconnect(handle)` or `QObject.disconnect(handle)` to remove exactly that connection.
 *
 * @see {@link https://doc.qt.io/qt-6/qmetaobject-connection.html | QMetaObject::Connection in Qt 6}
 */
export class Connection {
  /** @internal The signal, or null once disconnected. */
  _signal: Signal<any> | null = null;
  /** @internal The slot function (null for the method-name and signal forms). */
  _fn: ((...args: any[]) => unknown) | null = null;
  /** @internal The context object, or null. */
  _receiver: QObject | null = null;
  /** @internal The method name for the `(context, 'name')` form. */
  _method: string | null = null;
  /** @internal The target of a signal-to-signal connection. */
  _target: Signal<any> | null = null;
  /**
   * @internal 0 = plain function, direct, no context (the fast path); else bits: 1 = context,
   * method or signal target, 2 = queued, 4 = single-shot.
   */
  _slow = 0;
  /** @internal Called when the sender dies (waits and iterators). */
  _onSenderDeleted: (() => void) | null = null;

  /** Creates an invalid handle (as Qt's default constructor does). */
  constructor() {}

  /** @returns whether the connection still exists */
  isValid(): boolean {
    return this._signal !== null;
  }
}
