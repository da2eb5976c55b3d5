// SPDX-License-Identifier: MIT
// Not part of the public API; may change without notice.
import { QEvent } from '../QEvent.js';
import type { QObject } from '../QObject.js';
import type { Signal } from '../Signal.js';

/** A queued slot call (Qt's QMetaCallEvent). @internal */
export class QMetaCallEvent extends QEvent {
  constructor(
    /** The function to call, or null for the method-name and signal forms. */
    readonly fn: ((...args: any[]) => unknown) | null,
    /** The context object (this for the call; sender() answers for it). */
    readonly receiver: QObject | null,
    /** A method name of receiver to call instead of fn. */
    readonly method: string | null,
    /** A signal to emit instead of calling fn. */
    readonly target: Signal<any> | null,
    readonly args: unknown[],
    readonly sender: QObject | null,
    readonly signal: Signal<any> | null,
  ) {
    super(QEvent.MetaCall);
  }
}
