// SPDX-License-Identifier: MIT
import { QObject, objectAddress } from './QObject.js';
import { qWarning } from './qlogging.js';
import { isQuitNow, processEventsImpl, removePostedQuitEvents } from './QCoreApplication.js';
import { allBits, checkFlags, checkInt } from './private/args.js';
import { declareClass, deletedError, hooks } from './private/internals.js';
import { enterLoop, requestExit, type LoopRecord } from './private/dispatcher.js';

/**
 * What a pass processes: {@link QEventLoop.ProcessEventsFlag}.
 * @enum
 */
const ProcessEventsFlag = {
  /** Everything. */
  AllEvents: 0x00,
  /** No effect without a GUI. */
  ExcludeUserInputEvents: 0x01,
  /** Skip socket notifiers. */
  ExcludeSocketNotifiers: 0x02,
  /** Informational (a pass never blocks in tsqt). */
  WaitForMoreEvents: 0x04,
  /** Skip timers. */
  X11ExcludeTimers: 0x08,
  /** Informational. */
  EventLoopExec: 0x20,
  /** Informational. */
  DialogExec: 0x40,
  /** Informational. */
  ApplicationExec: 0x80,
} as const;

/** Every bit of {@link ProcessEventsFlag}. */
const ALL_FLAGS = allBits(ProcessEventsFlag);

/**
 * A nested event loop: `await loop.exec()` resolves when `loop.quit()`/`exit()` is called (or
 * `QCoreApplication.exit()`), after the pass in which it was called.
 *
 * @remarks
 * #### Differences from Qt
 * `exec()` returns a Promise and does not block the code that started it: the calling function
 * continues when it awaits. While it runs it raises the loop level (deferred deletes requested
 * before it wait until it ends) and holds the process alive.
 *
 * @example
 * ```ts
 * import { QEventLoop, QTimer } from 'tsqt';
 *
 * const loop = new QEventLoop();
 * QTimer.singleShot(10, () => loop.quit());
 * await loop.exec(); // resolves once quit() ran; the caller of this code was not blocked
 * loop.dispose();
 * ```
 * @see {@link https://doc.qt.io/qt-6/qeventloop.html | QEventLoop in Qt 6}
 */
export class QEventLoop extends QObject {
  /** Flags for `processEvents()`/`exec()`. */
  static readonly ProcessEventsFlag = ProcessEventsFlag;
  /** {@inheritDoc QEventLoop.ProcessEventsFlag.AllEvents} */
  static readonly AllEvents = 0x00;
  /** {@inheritDoc QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents} */
  static readonly ExcludeUserInputEvents = 0x01;
  /** {@inheritDoc QEventLoop.ProcessEventsFlag.ExcludeSocketNotifiers} */
  static readonly ExcludeSocketNotifiers = 0x02;
  /** {@inheritDoc QEventLoop.ProcessEventsFlag.WaitForMoreEvents} */
  static readonly WaitForMoreEvents = 0x04;
  /** {@inheritDoc QEventLoop.ProcessEventsFlag.X11ExcludeTimers} */
  static readonly X11ExcludeTimers = 0x08;
  /** {@inheritDoc QEventLoop.ProcessEventsFlag.EventLoopExec} */
  static readonly EventLoopExec = 0x20;
  /** {@inheritDoc QEventLoop.ProcessEventsFlag.DialogExec} */
  static readonly DialogExec = 0x40;
  /** {@inheritDoc QEventLoop.ProcessEventsFlag.ApplicationExec} */
  static readonly ApplicationExec = 0x80;

  #rec: LoopRecord | null = null;

  /**
   * Creates a loop.
   * @param parent - the owner, or null
   */
  constructor(parent: QObject | null = null) {
    super(parent);
  }

  /**
   * Runs the loop until `exit()`.
   * @param flags - ProcessEventsFlag values (checked, then informational)
   * @returns a promise of the exit code; -1 at once if `QCoreApplication.exit()` is in progress
   *   or the loop already runs (with Qt's warning)
   * @throws TypeError if `flags` is not an integer; RangeError if it has a bit that is not a
   *   ProcessEventsFlag (or is negative). The loop does not start then.
   */
  exec(flags = 0): Promise<number> {
    if (hooks.isDeleted(this)) throw deletedError(this, 'exec');
    checkFlags('QEventLoop.exec', 'flags', flags, ALL_FLAGS, 'QEventLoop.ProcessEventsFlag');
    if (isQuitNow()) return Promise.resolve(-1);
    if (this.#rec !== null) {
      qWarning(`QEventLoop::exec: instance ${objectAddress(this)} has already called exec()`);
      return Promise.resolve(-1);
    }
    removePostedQuitEvents();
    return new Promise<number>((resolve) => {
      const rec: LoopRecord = {
        exiting: false,
        code: 0,
        finish: () => {
          this.#rec = null;
          resolve(rec.code);
        },
      };
      this.#rec = rec;
      enterLoop(rec);
    });
  }

  /**
   * Makes `exec()` resolve to `returnCode` after the current pass.
   * @param returnCode - the exit code
   * @throws TypeError if `returnCode` is not an integer; RangeError if it is outside
   *   -2147483648..2147483647 (a C `int`, as PyQt5 checks). The loop keeps running then.
   */
  exit(returnCode = 0): void {
    if (hooks.isDeleted(this)) throw deletedError(this, 'exit');
    checkInt('QEventLoop.exit', 'returnCode', returnCode);
    if (this.#rec !== null) requestExit(this.#rec, returnCode);
  }

  /** Same as `exit(0)`. @group Slots */
  quit(): void {
    this.exit(0);
  }

  /** @returns whether `exec()` is running */
  isRunning(): boolean {
    return this.#rec !== null;
  }

  /**
   * Runs one synchronous pass (see `QCoreApplication.processEvents`).
   * @param flags - ProcessEventsFlag values
   * @param maxTime - optional milliseconds to keep passing while there is work (as Qt 5.15: until
   *   more than `maxTime` whole ms passed; 0 keeps going within the first ms, a negative value
   *   runs one pass)
   * @returns whether anything was processed
   * @throws TypeError if `flags` or `maxTime` is not an integer; RangeError if `flags` has a bit
   *   that is not a ProcessEventsFlag (or is negative), or `maxTime` is outside
   *   -2147483648..2147483647. Nothing is processed then.
   */
  processEvents(flags = 0, maxTime?: number): boolean {
    if (hooks.isDeleted(this)) throw deletedError(this, 'processEvents');
    return processEventsImpl('QEventLoop.processEvents', flags, maxTime);
  }

  /** Does nothing (the Node loop is never blocked by tsqt). */
  wakeUp(): void {}

  /** Deleting a running loop makes its exec() resolve with its current code. */
  override dispose(): void {
    if (this.#rec !== null) requestExit(this.#rec, this.#rec.code);
    super.dispose();
  }
}

declareClass(QEventLoop, { name: 'QEventLoop', base: QObject, signals: [], slots: ['quit()'] });

/** Types named like the enums of {@link QEventLoop}. */
export declare namespace QEventLoop {
  /** A ProcessEventsFlag value (or a combination). */
  type ProcessEventsFlag = number;
}
