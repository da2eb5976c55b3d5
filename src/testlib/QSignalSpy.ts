// SPDX-License-Identifier: MIT
import { Signal } from '../core/Signal.js';
import { QObject, isDeleted } from '../core/QObject.js';
import type { Connection } from '../core/Connection.js';
import { qWarning } from '../core/qlogging.js';

/**
 * Records the emissions of a signal, for tests: each emission is stored as an array of its
 * arguments.
 *
 * @remarks
 * #### Differences from Qt
 * - Qt's QSignalSpy is a QList; here `at(i)`, `length`, `count()` and iteration give the records.
 * - `wait(ms)` returns a Promise instead of running a nested loop.
 *
 * @example
 * ```ts
 * import { QHostAddress, QSignalSpy, QUdpSocket } from 'tsqt';
 *
 * const socket = new QUdpSocket();
 * socket.bind(QHostAddress.LocalHost, 0);
 * const spy = new QSignalSpy(socket.readyRead);
 * socket.writeDatagram('hello', QHostAddress.LocalHost, socket.localPort());
 * console.log(await spy.wait(1000)); // true: readyRead was emitted
 * console.log(spy.count());          // 1
 * socket.dispose();
 * ```
 *
 * @typeParam A - the signal's argument tuple
 * @see {@link https://doc.qt.io/qt-6/qsignalspy.html | QSignalSpy in Qt 6}
 */
export class QSignalSpy<A extends unknown[] = unknown[]> implements Iterable<A> {
  #records: A[] = [];
  #signal: Signal<A> | null = null;
  #conn: Connection | null = null;
  #name = '';

  /**
   * Spies on a signal.
   * @param signal - the signal
   */
  constructor(signal: Signal<A>);
  /**
   * Spies on the signal of `obj` named `signalName` (an unknown name warns as Qt does and
   * makes an invalid spy).
   * @param obj - the sender
   * @param signalName - the signal's name (or `SIGNAL('name(...)')`)
   */
  constructor(obj: QObject, signalName: string);
  constructor(a: Signal<A> | QObject, b?: string) {
    if (a instanceof Signal) {
      this.#signal = a;
    } else if (a instanceof QObject) {
      if (typeof b !== 'string') throw new TypeError(`QSignalSpy: signalName must be a string, got ${typeof b}`);
      let n = b.trim();
      if (/^[0-2]/.test(n)) n = n.slice(1);
      n = n.replace(/\(.*$/, '');
      const s = (a as unknown as Record<string, unknown>)[n];
      if (s instanceof Signal) this.#signal = s as Signal<A>;
      else qWarning(`QSignalSpy: No such signal: '${b}'`);
    } else if (a === null || a === undefined) {
      qWarning('QSignalSpy: Cannot spy on a null object');
    } else {
      throw new TypeError(`QSignalSpy: expected a Signal or a QObject, got ${typeof a}`);
    }
    const s = this.#signal;
    if (s !== null) {
      const owner = s._owner();
      if (owner !== null && isDeleted(owner)) {
        this.#signal = null;
        return;
      }
      this.#name = s._name();
      this.#conn = s.connect((...args: unknown[]) => {
        this.#records.push(args as A);
      });
    }
  }

  /** @returns whether the spy is connected to a signal */
  isValid(): boolean {
    return this.#signal !== null;
  }

  /** @returns the spied signal's name ('' if invalid or unknown) */
  signal(): string {
    return this.#name;
  }

  /** @returns the number of recorded emissions */
  count(): number {
    return this.#records.length;
  }

  /** The number of recorded emissions. */
  get length(): number {
    return this.#records.length;
  }

  /**
   * @param i - the index (negative counts from the end)
   * @returns the arguments of emission `i`
   */
  at(i: number): A {
    const n = this.#records.length;
    const j = i < 0 ? n + i : i;
    if (!Number.isInteger(j) || j < 0 || j >= n) throw new RangeError(`QSignalSpy.at: index out of range: ${i} (count ${n})`);
    return this.#records[j]!;
  }

  /** @returns the first record (throws if none) */
  first(): A {
    return this.at(0);
  }

  /** @returns the last record (throws if none) */
  last(): A {
    return this.at(-1);
  }

  /** @returns and removes the first record (throws if none) */
  takeFirst(): A {
    const r = this.at(0);
    this.#records.shift();
    return r;
  }

  /** @returns and removes the last record (throws if none) */
  takeLast(): A {
    const r = this.at(-1);
    this.#records.pop();
    return r;
  }

  /** @returns whether nothing was recorded */
  isEmpty(): boolean {
    return this.#records.length === 0;
  }

  /** Forgets the records. */
  clear(): void {
    this.#records.length = 0;
  }

  /** @returns a copy of the records */
  toArray(): A[] {
    return this.#records.slice();
  }

  /** @returns an iterator over the records */
  [Symbol.iterator](): Iterator<A> {
    return this.#records[Symbol.iterator]();
  }

  /**
   * Waits for the next emission.
   * @param timeout - ms (default 5000)
   * @returns a promise of true if the signal was emitted in time, false otherwise (also when the
   *   sender is deleted first)
   */
  wait(timeout = 5000): Promise<boolean> {
    const s = this.#signal;
    if (s === null) return Promise.resolve(false);
    if (typeof timeout !== 'number' || !(timeout >= 0)) throw new RangeError(`QSignalSpy.wait: timeout must be a number >= 0, got ${String(timeout)}`);
    return s.wait(timeout).then(
      () => true,
      () => false,
    );
  }

  /** Disconnects the spy (the records stay). */
  dispose(): void {
    if (this.#conn !== null && this.#conn.isValid()) this.#signal?.disconnect(this.#conn);
    this.#conn = null;
  }

  /** Same as `dispose()`, for `using`. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}
