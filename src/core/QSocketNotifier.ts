// SPDX-License-Identifier: MIT
import { QObject } from './QObject.js';
import { QEvent } from './QEvent.js';
import type { Signal } from './Signal.js';
import { declareClass, deletedError, hooks, lazySignal, peekSignal } from './private/internals.js';
import { registerNotifier, unregisterNotifier, notifierReady, sendEvent, type DispatcherNotifier } from './private/dispatcher.js';
import { loadNative, PollEvent, type NativeBinding } from '../private/native.js';
import { closedShare, descriptorClosed, releasePoll, setPollEvents, sharePoll, type PollShare } from '../private/fdPoll.js';
import { qWarning } from './qlogging.js';
import { describeQuoted } from './private/describe.js';

/**
 * What a notifier watches: {@link QSocketNotifier.Type}.
 * @enum
 */
const Type = {
  /** The descriptor is readable (data, hang-up or error). */
  Read: 0,
  /** The descriptor is writable. */
  Write: 1,
  /** An exceptional condition (error/hang-up). */
  Exception: 2,
} as const;

/** Qt's names of the types, for its warnings. */
const TYPE_NAMES = ['Read', 'Write', 'Exception'] as const;

/**
 * Watches a file descriptor and emits `activated` when it is ready, once per loop pass while it
 * stays ready and the notifier is enabled (level-triggered, as Qt).
 *
 * It uses the native addon's poll handle, loaded on first construction; constructing one without
 * the addon throws an Error that says to run `npm rebuild`. A notifier does not keep the process
 * alive by itself.
 *
 * @remarks
 * #### Differences from Qt
 * - `activated` is one signal with two arguments, `(socket, type)`, the descriptor as a number:
 *   Qt 5.15's overload with a `QSocketDescriptor` and the type. A slot that takes one parameter
 *   gets what Qt 5.15's `activated(int socket)` gives.
 * - It cannot keep the process alive: Node exits when nothing else (a running `exec()`, an open
 *   socket, an active timer) holds it, even while a notifier is enabled.
 * - Qt 6's socket-less constructor, `setSocket()` and `isValid()` are not part of it (tsqt follows
 *   Qt 5.15's API).
 * - On a {@link network.QUdpSocket | QUdpSocket}'s `socketDescriptor()` it works beside the
 *   socket, as under Qt's glib dispatcher (PyQt5's default on Linux), not as under Qt's UNIX
 *   dispatcher, where it replaces the socket's own notifier. Readiness is checked again at the
 *   notifier's turn in the pass, so a Read notifier is not activated for a datagram the socket's
 *   readyRead slot has already read.
 * - When its descriptor is closed under it (by the socket, or by the program), Qt finds it in its
 *   next poll (POLLNVAL), warns `QSocketNotifier: Invalid socket N and type 'Read', disabling...`
 *   and disables it. tsqt does the same when it next checks the notifier, which it does in the
 *   pass after an activation or after the socket closed the descriptor; a notifier that was idle
 *   when the program closed its descriptor stays silent. Dispose or disable a notifier before
 *   closing its descriptor.
 *
 * @see {@link https://doc.qt.io/qt-6/qsocketnotifier.html | QSocketNotifier in Qt 6}
 */
export class QSocketNotifier extends QObject {
  /** The notifier types. */
  static readonly Type = Type;
  /** {@inheritDoc QSocketNotifier.Type.Read} */
  static readonly Read = 0;
  /** {@inheritDoc QSocketNotifier.Type.Write} */
  static readonly Write = 1;
  /** {@inheritDoc QSocketNotifier.Type.Exception} */
  static readonly Exception = 2;

  #fd: number;
  #type: QSocketNotifier.Type;
  #enabled = false;
  #native: NativeBinding;
  #poll: PollShare | null;
  #dn: DispatcherNotifier;
  /** What poll(2) watches for this type (an Exception notifier polls for reading and looks at
   * the error bit). */
  #events: number;

  /**
   * Creates an enabled notifier. On a descriptor that is not open it is made all the same, and
   * in the next pass, as Qt's first poll of it does, it warns `QSocketNotifier: Invalid socket N
   * and type 'Read', disabling...` and is disabled.
   * @param socket - the file descriptor (integer >= 0)
   * @param type - Read, Write or Exception
   * @param parent - the owner, or null
   * @throws TypeError / RangeError for a bad argument; Error when the descriptor is open but
   *   cannot be watched (libuv refuses regular files and directories: "operation not
   *   permitted"), before anything is created
   */
  constructor(socket: number, type: QSocketNotifier.Type, parent: QObject | null = null) {
    if (typeof socket !== 'number' || !Number.isInteger(socket) || socket < 0) throw new TypeError(`QSocketNotifier: socket must be an integer >= 0, got ${describeQuoted(socket)}`);
    if (socket > 0x7fffffff) throw new RangeError(`QSocketNotifier: socket must be a descriptor number (0..2147483647), got ${socket}`);
    if (type !== 0 && type !== 1 && type !== 2) throw new RangeError(`QSocketNotifier: type must be a QSocketNotifier.Type, got ${describeQuoted(type)}`);
    const native = loadNative();
    // The poll handle is taken before QObject's constructor, so that a descriptor libuv refuses
    // leaves no half-made child in `parent`.
    const cell: { dn: DispatcherNotifier | null } = { dn: null };
    const onPoll = (): void => {
      if (cell.dn !== null) notifierReady(cell.dn);
    };
    let share: PollShare;
    const probe = native.pollFd(socket, 0, 0);
    if (probe >= 0 && (probe & PollEvent.Invalid) !== 0) {
      // not open: like Qt, made enabled, and found invalid in the next pass
      share = closedShare(onPoll);
    } else {
      try {
        // One libuv poll handle per descriptor (libuv refuses a second one: EEXIST), shared
        // with the descriptor's other notifiers and with a QUdpSocket's engine.
        share = sharePoll(native, socket, onPoll);
      } catch (e) {
        const reason = e instanceof Error ? e.message.replace(/^tsqt native pollOpen: /, '') : String(e);
        throw new Error(`QSocketNotifier: cannot watch descriptor ${socket}: ${reason}`);
      }
    }
    super(parent);
    this.#fd = socket;
    this.#type = type;
    this.#native = native;
    const events = type === Type.Write ? PollEvent.Write : PollEvent.Read;
    this.#events = events;
    const dn: DispatcherNotifier = {
      isReady: () => {
        // A descriptor closed under the notifier, by its socket (which gave the poll handle up)
        // or by the program (poll(2) says POLLNVAL): Qt warns and disables it (the glib
        // dispatcher's words, PyQt5's default; the UNIX one says "with type Read").
        const poll = this.#poll;
        const r = poll !== null && poll.poll === null ? PollEvent.Invalid : this.#native.pollFd(this.#fd, events, 0);
        if (r < 0) return false;
        if ((r & PollEvent.Invalid) !== 0) {
          // later watchers of this descriptor number must not inherit libuv's stale registration
          if (poll !== null) descriptorClosed(poll);
          qWarning(`QSocketNotifier: Invalid socket ${this.#fd} and type '${TYPE_NAMES[this.#type]}', disabling...`);
          this.setEnabled(false);
          return false;
        }
        if (this.#type === Type.Exception) return (r & PollEvent.Error) !== 0;
        return r !== 0;
      },
      activate: () => {
        if (this.#enabled && !hooks.isDeleted(this)) sendEvent(this, new QEvent(QEvent.SockAct));
      },
      marked: false,
    };
    this.#dn = dn;
    this.#poll = share;
    cell.dn = dn;
    this.setEnabled(true);
  }

  /**
   * Emitted when the descriptor is ready.
   * @group Signals
   */
  get activated(): Signal<[socket: number, type: QSocketNotifier.Type]> {
    return lazySignal(this, 'activated');
  }

  #alive(m: string): void {
    if (hooks.isDeleted(this)) throw deletedError(this, m);
  }

  /** @returns the descriptor */
  socket(): number {
    this.#alive('socket');
    return this.#fd;
  }
  /** @returns the type */
  type(): QSocketNotifier.Type {
    this.#alive('type');
    return this.#type;
  }
  /** @returns whether it is enabled */
  isEnabled(): boolean {
    this.#alive('isEnabled');
    return this.#enabled;
  }

  /**
   * Enables or disables the notifier.
   * @param enable - the new state
   * @group Slots
   */
  setEnabled(enable: boolean): void {
    this.#alive('setEnabled');
    enable = !!enable;
    if (enable === this.#enabled || this.#poll === null) return;
    this.#enabled = enable;
    setPollEvents(this.#poll, enable ? this.#events : 0);
    if (enable) {
      registerNotifier(this.#dn);
      // on a descriptor closed under it: found invalid (and disabled again) in the next pass
      if (this.#poll.poll === null) notifierReady(this.#dn);
    } else {
      unregisterNotifier(this.#dn);
    }
  }

  /**
   * Emits `activated` for SockAct events.
   * @param e - the event
   * @returns whether it was handled
   */
  override event(e: QEvent): boolean {
    if (e.type() === QEvent.SockAct) {
      const s = peekSignal<[number, QSocketNotifier.Type]>(this, 'activated');
      if (s !== null) s.emit(this.#fd, this.#type);
      return true;
    }
    return super.event(e);
  }

  /** Stops watching and closes the poll handle (never the descriptor). */
  override dispose(): void {
    if (hooks.isDeleted(this)) return;
    const poll = this.#poll;
    if (poll !== null) {
      unregisterNotifier(this.#dn);
      this.#enabled = false;
      releasePoll(poll, false);
      this.#poll = null;
    }
    super.dispose();
  }
}

declareClass(QSocketNotifier, {
  name: 'QSocketNotifier',
  base: QObject,
  signals: [
    'activated(QSocketDescriptor socket,QSocketNotifier::Type activationEvent)',
    'activated(QSocketDescriptor socket)',
    'activated(int socket)',
  ],
  slots: ['setEnabled(bool)'],
});

/** Types named like the enums of {@link QSocketNotifier}. */
export declare namespace QSocketNotifier {
  /** A notifier type value. */
  type Type = (typeof Type)[keyof typeof Type];
}
