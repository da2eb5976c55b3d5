// SPDX-License-Identifier: MIT
import { performance } from 'node:perf_hooks';
import { QObject, objectAddress } from './QObject.js';
import { QEvent } from './QEvent.js';
import type { Signal } from './Signal.js';
import { qWarning } from './qlogging.js';
import { hooks, lazySignal, peekSignal, declareSignals, declareProperties, deletedError } from './private/internals.js';
import { translateText } from './private/translate.js';
import {
  clearPosted,
  enterLoop,
  hasPosted,
  postEvent,
  removePosted,
  requestExit,
  runPass,
  runningLoops,
  sendEvent,
  sendPosted,
  setExceptionHandler,
  type LoopRecord,
} from './private/dispatcher.js';
import { describe } from './private/describe.js';

let instance: QCoreApplication | null = null;
let quitNow = false;
let appName = '';
/** Whether appName was set by setApplicationName() (Qt's applicationNameSet) rather than derived. */
let appNameSet = false;
let appVersion = '';
let orgName = '';
let orgDomain = '';

/**
 * Qt 5.15's QCoreApplicationPrivate::appName(): the file name (after the last `/`) of the program
 * in `argv`; the script (`argv[1]`) when `argv` is Node's own list, which starts with the executable.
 */
function programName(argv: readonly string[]): string {
  const program = argv.length > 1 && argv[0] === process.execPath ? argv[1]! : (argv[0] ?? '');
  return program.slice(program.lastIndexOf('/') + 1);
}

/** @returns whether QCoreApplication.exit() ran and the application's exec() has not returned yet @internal */
export function isQuitNow(): boolean {
  return quitNow;
}

/** A handler for exceptions thrown by slots, event handlers, queued calls and notifiers. */
export type ExceptionHandler = (error: unknown) => void;

/**
 * Processes events in passes, as Qt's loop does: repeats non-blocking passes while the previous
 * one handled something and `maxTime` ms have not passed.
 * @internal
 */
export function processEventsImpl(flags: number, maxTime?: number): boolean {
  if (maxTime === undefined) return runPass(flags);
  const end = performance.now() + maxTime;
  let any = false;
  while (runPass(flags)) {
    any = true;
    if (performance.now() >= end) break;
  }
  return any;
}

/**
 * The application object: the event loop's `exec()`, posted events, application-wide event
 * filters and the exception handler.
 *
 * On Node the loop always runs: posted events, timers and socket notifications are delivered
 * whenever control returns to Node's loop (from a `setImmediate` pass), with or without `exec()`
 * and with or without an instance. `await app.exec()` holds the process alive and resolves to the
 * code given to `exit()`.
 *
 * @remarks
 * #### Differences from Qt
 * - `exec()` returns a Promise; `processEvents()` is synchronous.
 * - The instance is optional: without one, an implicit dispatcher delivers posted events, timers
 *   and notifiers, and `sendEvent()` still delivers (Qt returns false).
 * - At most one instance at a time (a second `new QCoreApplication()` throws); `dispose()` ends
 *   it and drops its queued events.
 * - `quit()` is `exit(0)` (Qt 5.15); `aboutToQuit` is emitted after the loop returned (Qt 5.15).
 *
 * @example
 * ```ts
 * import { QCoreApplication, QTimer } from 'tsqt';
 *
 * const app = new QCoreApplication(process.argv);
 * QTimer.singleShot(10, () => QCoreApplication.exit(0));
 * const code = await app.exec(); // resolves after the pass in which exit() ran
 * app.dispose();
 * console.log(code);             // 0
 * ```
 * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html | QCoreApplication in Qt 6}
 */
export class QCoreApplication extends QObject {
  #argv: string[];
  #loop: LoopRecord | null = null;

  /**
   * Creates the application object.
   * @param argv - the argument list (default: `process.argv`)
   */
  constructor(argv: string[] = process.argv) {
    if (instance !== null) throw new Error('QCoreApplication: there can be only one QCoreApplication instance; dispose() the existing one first');
    if (!Array.isArray(argv)) throw new TypeError(`QCoreApplication: argv must be an array of strings, got ${describe(argv)}`);
    super(null);
    this.#argv = argv.map(String);
    instance = this;
    hooks.app = this;
    if (!appNameSet) appName = programName(this.#argv);
  }

  /**
   * Emitted when the application's `exec()` is about to return (after the last pass, before the
   * final deferred deletes).
   * @group Signals
   */
  get aboutToQuit(): Signal<[]> {
    return lazySignal(this, 'aboutToQuit');
  }

  /**
   * Emitted by {@link QCoreApplication.setApplicationName} when the name changes (only while an
   * instance exists, as in Qt).
   * @group Signals
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#applicationName-prop | applicationName in Qt 6}
   */
  get applicationNameChanged(): Signal<[]> {
    return lazySignal(this, 'applicationNameChanged');
  }

  /**
   * Emitted by {@link QCoreApplication.setApplicationVersion} when the version changes (only while
   * an instance exists, as in Qt).
   * @group Signals
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#applicationVersion-prop | applicationVersion in Qt 6}
   */
  get applicationVersionChanged(): Signal<[]> {
    return lazySignal(this, 'applicationVersionChanged');
  }

  /**
   * Emitted by {@link QCoreApplication.setOrganizationName} when the name changes (only while an
   * instance exists, as in Qt).
   * @group Signals
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#organizationName-prop | organizationName in Qt 6}
   */
  get organizationNameChanged(): Signal<[]> {
    return lazySignal(this, 'organizationNameChanged');
  }

  /**
   * Emitted by {@link QCoreApplication.setOrganizationDomain} when the domain changes (only while an
   * instance exists, as in Qt).
   * @group Signals
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#organizationDomain-prop | organizationDomain in Qt 6}
   */
  get organizationDomainChanged(): Signal<[]> {
    return lazySignal(this, 'organizationDomainChanged');
  }

  /** @returns the application object, or null */
  static instance(): QCoreApplication | null {
    return instance;
  }

  /** @returns the argument list given to the constructor */
  static override arguments(): string[] {
    return instance ? instance.#argv.slice() : [];
  }

  /**
   * Runs the main loop until `exit()`: a running exec() holds the process alive.
   * @returns a promise of the code given to `exit()`; -1 without an instance or when already running
   */
  static exec(): Promise<number> {
    const app = instance;
    if (app === null) {
      qWarning('QCoreApplication::exec: Please instantiate the QApplication object first');
      return Promise.resolve(-1);
    }
    if (app.#loop !== null) {
      qWarning('QCoreApplication::exec: The event loop is already running');
      return Promise.resolve(-1);
    }
    quitNow = false;
    return new Promise<number>((resolve) => {
      const rec: LoopRecord = {
        exiting: false,
        code: 0,
        main: true,
        finish: () => {
          app.#loop = null;
          quitNow = false;
          const s = peekSignal<[]>(app, 'aboutToQuit');
          if (s !== null && !hooks.isDeleted(app)) s.emit();
          sendPosted(null, QEvent.DeferredDelete, true);
          resolve(rec.code);
        },
      };
      app.#loop = rec;
      enterLoop(rec);
    });
  }

  /**
   * Makes every running loop (nested ones included) end after its current pass; the
   * application's `exec()` resolves to `returnCode`. Ignored when no loop runs.
   * @param returnCode - the exit code
   */
  static exit(returnCode = 0): void {
    if (!Number.isInteger(returnCode)) throw new TypeError(`QCoreApplication.exit: returnCode must be an integer, got ${describe(returnCode)}`);
    const loops = runningLoops();
    if (loops.length === 0) return;
    if (instance !== null && instance.#loop !== null) quitNow = true;
    for (const l of loops.slice().reverse()) requestExit(l, returnCode);
  }

  /** Same as `exit(0)`. @group Slots */
  static quit(): void {
    QCoreApplication.exit(0);
  }

  /**
   * Runs one pass synchronously: posted events present now, ready socket notifiers, due timers.
   * With `maxTime`, repeats passes while they handle something, until `maxTime` ms passed.
   * @param flags - `QEventLoop.ProcessEventsFlag` values
   * @param maxTime - milliseconds, optional
   */
  static processEvents(flags = 0, maxTime?: number): void {
    processEventsImpl(flags, maxTime);
  }

  /**
   * Queues an event for `receiver`; it is delivered (through the event filters to `event()`)
   * once control returns to Node's loop, by priority then FIFO.
   * @param receiver - the target object; null warns as Qt does
   * @param event - the event (the object itself reaches `event()`)
   * @param priority - higher first; any integer (default `Qt.NormalEventPriority`)
   */
  static postEvent(receiver: QObject | null, event: QEvent, priority = 0): void {
    if (receiver === null || receiver === undefined) {
      qWarning('QCoreApplication::postEvent: Unexpected null receiver');
      return;
    }
    if (!(receiver instanceof QObject)) throw new TypeError(`QCoreApplication.postEvent: receiver must be a QObject, got ${describe(receiver)}`);
    if (!(event instanceof QEvent)) throw new TypeError(`QCoreApplication.postEvent: event must be a QEvent, got ${describe(event)}`);
    if (!Number.isInteger(priority)) throw new TypeError(`QCoreApplication.postEvent: priority must be an integer, got ${describe(priority)}`);
    if (hooks.isDeleted(receiver)) throw deletedError(receiver, 'postEvent');
    postEvent(receiver, event, priority);
  }

  /**
   * Delivers an event now through the event filters to `receiver.event()`.
   * @param receiver - the target object
   * @param event - the event (the caller keeps it)
   * @returns what the filter or `event()` returned
   * @remarks Differences from Qt: delivers even without an instance (Qt returns false).
   */
  static sendEvent(receiver: QObject, event: QEvent): boolean {
    if (!(receiver instanceof QObject)) throw new TypeError(`QCoreApplication.sendEvent: receiver must be a QObject, got ${describe(receiver)}`);
    if (!(event instanceof QEvent)) throw new TypeError(`QCoreApplication.sendEvent: event must be a QEvent, got ${describe(event)}`);
    if (hooks.isDeleted(receiver)) throw deletedError(receiver, 'sendEvent');
    return sendEvent(receiver, event);
  }

  /**
   * Delivers now the queued events for `receiver` (null = all) of `eventType` (0 = all) that are
   * queued at the call. Deferred deletes follow Qt's level rules.
   * @param receiver - the target, or null
   * @param eventType - the type, or 0
   */
  static sendPostedEvents(receiver: QObject | null = null, eventType = 0): void {
    sendPosted(receiver, eventType, eventType === QEvent.DeferredDelete);
  }

  /**
   * Drops queued events for `receiver` (null = all) of `eventType` (0 = all).
   * @param receiver - the target, or null
   * @param eventType - the type, or 0
   */
  static removePostedEvents(receiver: QObject | null, eventType = 0): void {
    removePosted(receiver, eventType);
  }

  /** @returns whether events are queued */
  static hasPendingEvents(): boolean {
    return hasPosted(null, 0);
  }

  /**
   * Installs the handler that receives exceptions thrown by slots (and rejections of async slots),
   * event handlers, filters, queued calls and notifier activations. The handler is called
   * synchronously with the thrown value; the default one rethrows it on a fresh stack (so Node's
   * `uncaughtException` applies).
   * @param handler - the new handler, or null for the default
   * @returns the previous handler
   */
  static setExceptionHandler(handler: ExceptionHandler | null): ExceptionHandler {
    if (handler !== null && typeof handler !== 'function') {
      throw new TypeError(`QCoreApplication.setExceptionHandler: handler must be a function or null, got ${describe(handler)}`);
    }
    return setExceptionHandler(handler);
  }

  /**
   * Registers a user event type (see {@link QEvent.registerEventType}).
   * @param hint - the wanted type, or -1
   * @returns the registered type, or -1
   */
  static registerEventType(hint = -1): number {
    return QEvent.registerEventType(hint);
  }

  /**
   * @returns the application name: the one set with {@link QCoreApplication.setApplicationName},
   *   else, once an instance exists, the program's file name taken from its argument list as Qt
   *   5.15 does (`demo.ts` for `examples/demo.ts`), else `''`
   * @remarks
   * #### Differences from Qt
   * Qt takes the program from `argv[0]`. Node's `process.argv` starts with the node executable,
   * so when the instance was given Node's own list (its first entry is `process.execPath`) the
   * script, `argv[1]`, names the program, as `sys.argv[0]` does under PyQt. A list of your own
   * (`new QCoreApplication(['myprog'])`) is read as Qt reads it.
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#applicationName-prop | applicationName in Qt 6}
   */
  static applicationName(): string {
    return appName;
  }
  /**
   * Sets the application name (free text; tsqt stores it and nothing else reads it). When it
   * changes and an instance exists, the instance emits `applicationNameChanged`. An empty name
   * goes back to the program's name while an instance exists (Qt).
   * @param name - the application name
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#applicationName-prop | applicationName in Qt 6}
   */
  static setApplicationName(name: string): void {
    let v = String(name);
    appNameSet = v !== '';
    if (v === '' && instance !== null) v = programName(instance.#argv);
    if (v === appName) return;
    appName = v;
    emitChanged('applicationNameChanged');
  }
  /** @returns the application version */
  static applicationVersion(): string {
    return appVersion;
  }
  /**
   * Sets the application version (free text). When it changes and an instance exists, the
   * instance emits `applicationVersionChanged`.
   * @param version - the application version
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#applicationVersion-prop | applicationVersion in Qt 6}
   */
  static setApplicationVersion(version: string): void {
    const v = String(version);
    if (v === appVersion) return;
    appVersion = v;
    emitChanged('applicationVersionChanged');
  }
  /** @returns the organization name */
  static organizationName(): string {
    return orgName;
  }
  /**
   * Sets the organization name (free text). When it changes and an instance exists, the instance
   * emits `organizationNameChanged`.
   * @param name - the organization name
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#organizationName-prop | organizationName in Qt 6}
   */
  static setOrganizationName(name: string): void {
    const v = String(name);
    if (v === orgName) return;
    orgName = v;
    emitChanged('organizationNameChanged');
  }
  /** @returns the organization domain */
  static organizationDomain(): string {
    return orgDomain;
  }
  /**
   * Sets the organization's Internet domain (free text). When it changes and an instance exists,
   * the instance emits `organizationDomainChanged`.
   * @param domain - the organization domain
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#organizationDomain-prop | organizationDomain in Qt 6}
   */
  static setOrganizationDomain(domain: string): void {
    const v = String(domain);
    if (v === orgDomain) return;
    orgDomain = v;
    emitChanged('organizationDomainChanged');
  }
  /** @returns the process id */
  static applicationPid(): number {
    return process.pid;
  }
  /** @returns the path of the running script (or of node) */
  static applicationFilePath(): string {
    return process.argv[1] ?? process.execPath;
  }
  /** @returns the directory of {@link QCoreApplication.applicationFilePath} */
  static applicationDirPath(): string {
    const p = QCoreApplication.applicationFilePath();
    const i = p.lastIndexOf('/');
    return i > 0 ? p.slice(0, i) : '/';
  }
  /** @returns whether the application is shutting down (exit() called, exec() not returned) */
  static closingDown(): boolean {
    return quitNow;
  }

  /**
   * Whether the application object is not there yet: true before a QCoreApplication is created
   * and again after it is disposed, false while one exists (Qt answers the same around its
   * constructor and destructor).
   *
   * @returns whether no instance exists.
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#startingUp | QCoreApplication::startingUp in Qt 6}
   */
  static startingUp(): boolean {
    return instance === null;
  }

  /**
   * Translates `sourceText` in `context`. tsqt has no translators (no `QTranslator`), so this
   * returns `sourceText` itself, which is also what Qt returns when no installed translator knows
   * the text; as in Qt, when `n >= 0` every `%n` is replaced by `n` and every `%Ln` by `n` with the
   * default locale's digit grouping.
   *
   * @param context - the translation context, usually a class name (not used: there are no
   *   translators).
   * @param sourceText - the text to translate.
   * @param disambiguation - a note telling apart identical texts in one context, or null.
   * @param n - the count for plural forms, or -1 for none.
   * @returns the text, with `%n` replaced.
   * @throws TypeError if `context` or `sourceText` is not a string, `disambiguation` is neither a
   *   string nor null, or `n` is not an integer.
   * @remarks
   * #### Differences from Qt
   * `installTranslator()` and `QTranslator` do not exist, so no translation ever happens.
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#translate | QCoreApplication::translate in Qt 6}
   */
  static translate(context: string, sourceText: string, disambiguation: string | null = null, n = -1): string {
    if (typeof context !== 'string') throw new TypeError(`QCoreApplication.translate: context must be a string, got ${describe(context)}`);
    return translateText('QCoreApplication.translate', sourceText, disambiguation, n);
  }

  /**
   * The instance form of the static {@link QCoreApplication.exec}, as PyQt's `app.exec_()` reads.
   * @returns a promise of the code given to `exit()`
   */
  exec(): Promise<number> {
    return QCoreApplication.exec();
  }

  /**
   * The instance form of the static {@link QCoreApplication.exit}.
   * @param returnCode - the exit code
   */
  exit(returnCode = 0): void {
    QCoreApplication.exit(returnCode);
  }

  /** The instance form of the static {@link QCoreApplication.quit}. @group Slots */
  quit(): void {
    QCoreApplication.quit();
  }

  /**
   * The instance form of the static {@link QCoreApplication.processEvents}.
   * @param flags - `QEventLoop.ProcessEventsFlag` values
   * @param maxTime - milliseconds, optional
   */
  processEvents(flags = 0, maxTime?: number): void {
    QCoreApplication.processEvents(flags, maxTime);
  }

  /**
   * Delivers an event through the filters to `receiver` (what `sendEvent()` uses).
   * @param receiver - the target
   * @param event - the event
   * @returns the delivery result
   */
  notify(receiver: QObject, event: QEvent): boolean {
    return hooks.notify(receiver, event);
  }

  /**
   * Ends the application object: its running exec() resolves with 0 (without another pass), its
   * queued events are dropped, and a new instance may be created.
   */
  override dispose(): void {
    if (hooks.isDeleted(this)) return;
    clearPosted();
    if (instance === this) {
      instance = null;
      hooks.app = null;
    }
    const l = this.#loop;
    if (l !== null) requestExit(l, 0);
    quitNow = false;
    super.dispose();
  }

  /** @returns a debug description */
  override toString(): string {
    return `QCoreApplication(${objectAddress(this)})`;
  }
}

declareSignals(QCoreApplication, [
  'aboutToQuit',
  'organizationNameChanged',
  'organizationDomainChanged',
  'applicationNameChanged',
  'applicationVersionChanged',
], [0, 0, 0, 0, 0]);
// Qt's Q_PROPERTYs of QCoreApplication (quitLockEnabled aside: tsqt has no quit lock), reached
// through property()/setProperty() on the instance and backed by the static accessors.
declareProperties(QCoreApplication, {
  applicationName: { get: 'applicationName', set: 'setApplicationName', onClass: true },
  applicationVersion: { get: 'applicationVersion', set: 'setApplicationVersion', onClass: true },
  organizationName: { get: 'organizationName', set: 'setOrganizationName', onClass: true },
  organizationDomain: { get: 'organizationDomain', set: 'setOrganizationDomain', onClass: true },
});

/** Emits one of the application's `*Changed` signals on the instance, if any (Qt's setters do). */
function emitChanged(name: string): void {
  const app = instance;
  if (app === null || hooks.isDeleted(app)) return;
  peekSignal<[]>(app, name)?.emit();
}
