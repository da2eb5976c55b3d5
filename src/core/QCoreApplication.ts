// SPDX-License-Identifier: MIT
import { realpathSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { performance } from 'node:perf_hooks';
import { QObject, objectAddress } from './QObject.js';
import { QEvent } from './QEvent.js';
import { Qt } from './Qt.js';
import type { Signal } from './Signal.js';
import { qWarning } from './qlogging.js';
import { hooks, lazySignal, peekSignal, declareClass, declareProperties, deletedError } from './private/internals.js';
import { addTranslator, clearTranslators, dropTranslator, translateText } from './private/translate.js';
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
import { allBits, checkBool, checkFlags, checkInt } from './private/args.js';
import { QEventLoop } from './QEventLoop.js';

let instance: QCoreApplication | null = null;
let quitNow = false;
let appName = '';
/** Whether appName was set by setApplicationName() (Qt's applicationNameSet) rather than derived. */
let appNameSet = false;
let appVersion = '';
let orgName = '';
let orgDomain = '';
/**
 * Qt's QCoreApplicationPrivate::attribs, one bit per Qt.ApplicationAttribute; Qt sets
 * AA_SynthesizeMouseForUnhandledTouchEvents and AA_SynthesizeMouseForUnhandledTabletEvents by default.
 */
let attribs = (1 << Qt.AA_SynthesizeMouseForUnhandledTouchEvents) | (1 << Qt.AA_SynthesizeMouseForUnhandledTabletEvents);
/** The attributes that Qt 5.15's setAttribute() warns about once the application object exists. */
const ATTRIBUTES_BEFORE_INSTANCE: ReadonlySet<number> = new Set([
  Qt.AA_EnableHighDpiScaling,
  Qt.AA_DisableHighDpiScaling,
  Qt.AA_PluginApplication,
  Qt.AA_UseDesktopOpenGL,
  Qt.AA_UseOpenGLES,
  Qt.AA_UseSoftwareOpenGL,
  Qt.AA_ShareOpenGLContexts,
]);
let quitLockEnabled = true;
let setuidAllowed = false;
/** Qt's coreappdata()->app_libpaths: the default library paths, computed on first use. */
let appLibPaths: string[] | null = null;
/** Qt's coreappdata()->manual_libpaths: the list once add/remove/setLibraryPaths changed it. */
let manualLibPaths: string[] | null = null;

/**
 * Qt 5.15's QCoreApplicationPrivate::processCommandLineArguments(): the arguments after the first
 * lose `-qmljsdebugger=value`, `--qmljsdebugger=value` and `-qmljsdebugger value` (Qt documents
 * that QCoreApplication removes this option; PyQt5 5.15: `['x', 'a', '--qmljsdebugger=p',
 * '-qmljsdebugger', 'v', 'b', '-qmljsdebugger']` gives `['x', 'a', 'b', '-qmljsdebugger']`).
 */
function stripQtOptions(argv: string[]): string[] {
  const out = argv.slice(0, 1);
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    const arg = a.startsWith('--') ? a.slice(1) : a;
    if (arg.startsWith('-qmljsdebugger=')) continue;
    if (arg === '-qmljsdebugger' && i < argv.length - 1) {
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

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

/**
 * What Qt's `QEventLoop::exec()` does on entry: drops the `Quit` events posted to the application
 * object (EL-5), so that a stale one cannot end the loop being entered.
 * @internal
 */
export function removePostedQuitEvents(): void {
  if (instance !== null) removePosted(instance, QEvent.Quit);
}

/** A handler for exceptions thrown by slots, event handlers, queued calls and notifiers. */
export type ExceptionHandler = (error: unknown) => void;

/** Qt's QDir(path).canonicalPath(): absolute, symbolic links resolved; '' when it does not exist. */
function canonicalPath(path: string): string {
  try {
    return realpathSync(resolvePath(path));
  } catch {
    return '';
  }
}

/** Qt's QCoreApplicationPrivate::appendApplicationPathToLibraryPaths(). */
function appendApplicationPath(): string[] {
  const paths = (appLibPaths ??= []);
  const dir = canonicalPath(QCoreApplication.applicationDirPath());
  if (dir !== '' && !paths.includes(dir)) paths.push(dir);
  return paths;
}

/**
 * Qt's libraryPathsLocked(): the changed list if any, else the default one (computed once: the
 * application's directory when an instance exists; tsqt has no plugin directory and reads no
 * QT_PLUGIN_PATH).
 */
function currentLibraryPaths(): string[] {
  if (manualLibPaths !== null) return manualLibPaths;
  if (appLibPaths === null) {
    appLibPaths = [];
    if (instance !== null) appendApplicationPath();
  }
  return appLibPaths;
}

function removeAll(list: string[], item: string): number {
  let n = 0;
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i] === item) {
      list.splice(i, 1);
      n++;
    }
  }
  return n;
}

/**
 * Qt 5.15's QCoreApplicationPrivate::init() for library paths: the default list is computed again
 * now that the application directory is known, and changes made before the instance existed are
 * replayed on top of it (paths are only ever prepended or removed, so one backward scan finds them).
 */
function recomputeLibraryPaths(): void {
  const appPaths = appLibPaths;
  const manualPaths = manualLibPaths;
  appLibPaths = null;
  manualLibPaths = null;
  if (appPaths === null || manualPaths === null) return;
  const newPaths = currentLibraryPaths().slice();
  let i = manualPaths.length;
  let j = appPaths.length;
  while (i > 0 || j > 0) {
    if (--j < 0) {
      newPaths.unshift(manualPaths[--i]!);
    } else if (--i < 0) {
      removeAll(newPaths, appPaths[j]!);
    } else if (manualPaths[i] !== appPaths[j]) {
      removeAll(newPaths, appPaths[j]!);
      ++i;
    }
  }
  manualLibPaths = newPaths;
}

/** Qt's QCoreApplicationPrivate::checkInstance(), whose warning names QApplication. */
function checkInstance(fn: string): QCoreApplication | null {
  if (instance === null) qWarning(`QApplication::${fn}: Please instantiate the QApplication object first`);
  return instance;
}

function checkAttribute(method: string, attribute: unknown): number {
  if (typeof attribute !== 'number' || !Number.isInteger(attribute)) {
    throw new TypeError(`QCoreApplication.${method}: attribute must be a Qt.ApplicationAttribute, got ${describe(attribute)}`);
  }
  if (attribute < 0 || attribute >= Qt.AA_AttributeCount) {
    throw new RangeError(`QCoreApplication.${method}: attribute must be a Qt.ApplicationAttribute (0 to ${Qt.AA_AttributeCount - 1}), got ${attribute}`);
  }
  return attribute;
}

/**
 * A `QString` argument as PyQt5 takes it: a string, or null (Python's None), which is the empty
 * string; undefined counts as null, as elsewhere in tsqt. Anything else is a TypeError.
 */
function checkString(method: string, arg: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') throw new TypeError(`QCoreApplication.${method}: ${arg} must be a string or null, got ${describe(value)}`);
  return value;
}

/** A receiver that may be null (undefined counts as null): TypeError unless a QObject. */
function checkReceiver(method: string, receiver: unknown): QObject | null {
  if (receiver === null || receiver === undefined) return null;
  if (!(receiver instanceof QObject)) throw new TypeError(`QCoreApplication.${method}: receiver must be a QObject or null, got ${describe(receiver)}`);
  return receiver;
}

/**
 * Every bit of QEventLoop.ProcessEventsFlag, from the enum; read at the first call, as QEventLoop's
 * module imports this one and may not be evaluated yet when this one is.
 */
let processEventsFlags = 0;

/**
 * A `QEventLoop.ProcessEventsFlags` argument: an integer (TypeError otherwise) made of
 * `QEventLoop.ProcessEventsFlag` bits (RangeError otherwise, negative numbers included).
 * @param method - `Class.method`, for the message
 */
function checkProcessEventsFlags(method: string, flags: unknown): number {
  if (processEventsFlags === 0) processEventsFlags = allBits(QEventLoop.ProcessEventsFlag);
  return checkFlags(method, 'flags', flags, processEventsFlags, 'QEventLoop.ProcessEventsFlag');
}

/**
 * Processes events in passes, as Qt 5.15's `processEvents(flags, maxTime)` does: checks the
 * arguments, then runs one pass, and with `maxTime` repeats passes while the previous one handled
 * something and the whole ms elapsed do not exceed `maxTime` (so 0 keeps going within the first
 * ms, and a negative value runs one pass).
 * @param method - `Class.method`, for the messages
 * @internal
 */
export function processEventsImpl(method: string, flags: unknown, maxTime: unknown): boolean {
  const f = checkProcessEventsFlags(method, flags);
  if (maxTime === undefined) return runPass(f);
  const ms = checkInt(method, 'maxTime', maxTime);
  const start = performance.now();
  let any = false;
  while (runPass(f)) {
    any = true;
    if (Math.trunc(performance.now() - start) > ms) break;
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
    this.#argv = stripQtOptions(argv.map(String));
    instance = this;
    hooks.app = this;
    if (!appNameSet) appName = programName(this.#argv);
    recomputeLibraryPaths();
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
    removePostedQuitEvents();
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
   * @throws TypeError if `returnCode` is not an integer; RangeError if it is outside
   *   -2147483648..2147483647 (a C `int`, as PyQt5 checks).
   */
  static exit(returnCode = 0): void {
    checkInt('QCoreApplication.exit', 'returnCode', returnCode);
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
   * With `maxTime`, repeats passes while they handle something, until more than `maxTime` whole
   * ms passed (as Qt 5.15: 0 keeps going within the first ms, a negative value runs one pass).
   * @param flags - `QEventLoop.ProcessEventsFlag` values
   * @param maxTime - milliseconds, optional
   * @throws TypeError if `flags` or `maxTime` is not an integer; RangeError if `flags` has a bit
   *   that is not a `QEventLoop.ProcessEventsFlag` (or is negative), or `maxTime` is outside
   *   -2147483648..2147483647.
   */
  static processEvents(flags = 0, maxTime?: number): void {
    processEventsImpl('QCoreApplication.processEvents', flags, maxTime);
  }

  /**
   * Queues an event for `receiver`; it is delivered (through the event filters to `event()`)
   * once control returns to Node's loop, by priority then FIFO.
   * @param receiver - the target object; null warns as Qt does
   * @param event - the event (the object itself reaches `event()`)
   * @param priority - higher first; a C++ `int` (default `Qt.NormalEventPriority`)
   * @throws TypeError if `priority` is not an integer; RangeError if it is outside
   *   -2147483648..2147483647 (PyQt5: OverflowError)
   */
  static postEvent(receiver: QObject | null, event: QEvent, priority = 0): void {
    if (receiver === null || receiver === undefined) {
      qWarning('QCoreApplication::postEvent: Unexpected null receiver');
      return;
    }
    if (!(receiver instanceof QObject)) throw new TypeError(`QCoreApplication.postEvent: receiver must be a QObject, got ${describe(receiver)}`);
    if (!(event instanceof QEvent)) throw new TypeError(`QCoreApplication.postEvent: event must be a QEvent, got ${describe(event)}`);
    checkInt('QCoreApplication.postEvent', 'priority', priority);
    if (hooks.isDeleted(receiver)) throw deletedError(receiver, 'postEvent');
    // Qt's compressEvent(): a Quit event already pending for the receiver makes a new one redundant (EV-11).
    if (event.type() === QEvent.Quit && hasPosted(receiver, QEvent.Quit)) return;
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
   * @param receiver - the target, or null (undefined counts as null)
   * @param eventType - the type, or 0
   * @throws TypeError if `receiver` is neither a QObject nor null, or `eventType` is not an
   *   integer; RangeError if `eventType` is outside -2147483648..2147483647.
   */
  static sendPostedEvents(receiver: QObject | null = null, eventType = 0): void {
    const r = checkReceiver('sendPostedEvents', receiver);
    const t = checkInt('QCoreApplication.sendPostedEvents', 'eventType', eventType);
    sendPosted(r, t, t === QEvent.DeferredDelete);
  }

  /**
   * Drops queued events for `receiver` (null = all) of `eventType` (0 = all).
   * @param receiver - the target, or null (undefined counts as null)
   * @param eventType - the type, or 0
   * @throws TypeError if `receiver` is neither a QObject nor null, or `eventType` is not an
   *   integer; RangeError if `eventType` is outside -2147483648..2147483647.
   */
  static removePostedEvents(receiver: QObject | null, eventType = 0): void {
    const r = checkReceiver('removePostedEvents', receiver);
    const t = checkInt('QCoreApplication.removePostedEvents', 'eventType', eventType);
    removePosted(r, t);
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
   * Registers a user event type (see {@link QEvent.registerEventType}): `hint` when it is free and
   * from `QEvent.User` to `QEvent.MaxUser`; any other hint (-1 by convention) asks for the highest
   * free type, as in Qt 5.15.
   * @param hint - the wanted type, or -1
   * @returns the registered type, or -1 when none is left
   * @throws TypeError if `hint` is not an integer; RangeError if it is outside
   *   -2147483648..2147483647 (nothing is registered then).
   */
  static registerEventType(hint = -1): number {
    return QEvent.registerEventType(checkInt('QCoreApplication.registerEventType', 'hint', hint));
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
   * @param name - the application name; null (PyQt5's None) is the empty string, and so is
   *   undefined
   * @throws TypeError if `name` is neither a string nor null (nothing changes, nothing is emitted;
   *   PyQt5 raises TypeError too, and converts nothing).
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#applicationName-prop | applicationName in Qt 6}
   */
  static setApplicationName(name: string | null): void {
    let v = checkString('setApplicationName', 'name', name);
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
   * @param version - the application version; null (PyQt5's None) is the empty string, and so
   *   is undefined
   * @throws TypeError if `version` is neither a string nor null (nothing changes, nothing is
   *   emitted).
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#applicationVersion-prop | applicationVersion in Qt 6}
   */
  static setApplicationVersion(version: string | null): void {
    const v = checkString('setApplicationVersion', 'version', version);
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
   * @param name - the organization name; null (PyQt5's None) is the empty string, and so is
   *   undefined
   * @throws TypeError if `name` is neither a string nor null (nothing changes, nothing is emitted).
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#organizationName-prop | organizationName in Qt 6}
   */
  static setOrganizationName(name: string | null): void {
    const v = checkString('setOrganizationName', 'name', name);
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
   * @param domain - the organization domain; null (PyQt5's None) is the empty string, and so is
   *   undefined
   * @throws TypeError if `domain` is neither a string nor null (nothing changes, nothing is
   *   emitted).
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#organizationDomain-prop | organizationDomain in Qt 6}
   */
  static setOrganizationDomain(domain: string | null): void {
    const v = checkString('setOrganizationDomain', 'domain', domain);
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
   * Translates `sourceText` in `context`: asks the translators installed with
   * {@link QCoreApplication.installTranslator}, the most recently installed first, and takes the
   * first string one returns; with no translator, or none that knows the text, the translation is
   * `sourceText` itself, as in Qt. Then, as in Qt, when `n >= 0` every `%n` is replaced by `n` and
   * every `%Ln` by `n` with the default locale's digit grouping.
   *
   * @param context - the translation context, usually a class name.
   * @param sourceText - the text to translate.
   * @param disambiguation - a note telling apart identical texts in one context, or null.
   * @param n - the count for plural forms, or -1 for none.
   * @returns the translation (or the text), with `%n` replaced.
   * @throws TypeError if `context` or `sourceText` is not a string, `disambiguation` is neither a
   *   string nor null, or `n` is not an integer.
   * @remarks
   * #### Differences from Qt
   * There is no `QTranslator` class: a translator is any object with a `translate()` method (see
   * {@link QCoreApplication.Translator}).
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#translate | QCoreApplication::translate in Qt 6}
   */
  static translate(context: string, sourceText: string, disambiguation: string | null = null, n = -1): string {
    if (typeof context !== 'string') throw new TypeError(`QCoreApplication.translate: context must be a string, got ${describe(context)}`);
    return translateText('QCoreApplication.translate', sourceText, disambiguation, n, context);
  }

  /**
   * Adds a translator in front of the list that {@link QCoreApplication.translate} asks (the most
   * recently installed is asked first), then sends the application object a
   * `QEvent.LanguageChange` event through its event filters to its `event()`. Installing the same
   * translator twice puts it in the list twice, as in Qt. The translators belong to the application
   * object: disposing it forgets them (without an event).
   *
   * @param translationFile - the translator, or null (which returns false).
   * @returns true when it was installed; false for null, without an application object (with Qt's
   *   warning), and when the translator's `isEmpty()` returns true (it is installed anyway, and no
   *   event is sent, as in Qt).
   * @throws TypeError if `translationFile` is neither null nor an object with a `translate` method.
   * @remarks
   * #### Differences from Qt
   * There is no `QTranslator` class (no `.qm` loader): any object with a `translate()` method is a
   * translator.
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#installTranslator | QCoreApplication::installTranslator in Qt 6}
   */
  static installTranslator(translationFile: QCoreApplication.Translator | null): boolean {
    if (translationFile === null || translationFile === undefined) return false;
    if ((typeof translationFile !== 'object' && typeof translationFile !== 'function') || typeof translationFile.translate !== 'function') {
      throw new TypeError(`QCoreApplication.installTranslator: translationFile must be an object with a translate() method, got ${describe(translationFile)}`);
    }
    const app = checkInstance('installTranslator');
    if (app === null) return false;
    addTranslator(translationFile);
    if (typeof translationFile.isEmpty === 'function' && translationFile.isEmpty()) return false;
    sendEvent(app, new QEvent(QEvent.LanguageChange));
    return true;
  }

  /**
   * Removes a translator (every time it was installed) from the list that
   * {@link QCoreApplication.translate} asks, then sends the application object a
   * `QEvent.LanguageChange` event.
   *
   * @param translationFile - the translator, or null (which returns false).
   * @returns true when it was installed; false for null, for a translator not installed (no event),
   *   and without an application object (with Qt's warning).
   * @throws TypeError if `translationFile` is neither null nor an object.
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#removeTranslator | QCoreApplication::removeTranslator in Qt 6}
   */
  static removeTranslator(translationFile: QCoreApplication.Translator | null): boolean {
    if (translationFile === null || translationFile === undefined) return false;
    if (typeof translationFile !== 'object' && typeof translationFile !== 'function') {
      throw new TypeError(`QCoreApplication.removeTranslator: translationFile must be an object, got ${describe(translationFile)}`);
    }
    const app = checkInstance('removeTranslator');
    if (app === null) return false;
    if (!dropTranslator(translationFile)) return false;
    sendEvent(app, new QEvent(QEvent.LanguageChange));
    return true;
  }

  /**
   * Sets or clears an application attribute. The attributes are global: they outlive the
   * application object, as in Qt. Setting one of the attributes that must be set before the
   * application object exists (`AA_PluginApplication`, the OpenGL and high-DPI ones) while an
   * instance exists stores it and warns, as Qt 5.15 does.
   *
   * @param attribute - a `Qt.ApplicationAttribute` value (`Qt.AA_*`).
   * @param on - true to set it (the default), false to clear it; an integer counts as its truth
   *   value (PyQt5 takes an int here).
   * @throws TypeError if `attribute` is not an integer or `on` is neither a boolean nor an integer (1.5 too, as PyQt5); RangeError if
   *   `attribute` is not an attribute (`Qt.AA_AttributeCount` or beyond, or negative).
   * @remarks
   * #### Differences from Qt
   * The attributes configure QtGui and QtWidgets, which tsqt does not have: they are stored and
   * reported by {@link QCoreApplication.testAttribute}, and only `AA_PluginApplication` changes
   * anything (it turns native event filters off, as in Qt).
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#setAttribute | QCoreApplication::setAttribute in Qt 6}
   */
  static setAttribute(attribute: Qt.ApplicationAttribute, on = true): void {
    const a = checkAttribute('setAttribute', attribute);
    const v = checkBool('QCoreApplication.setAttribute', 'on', on);
    if (v) attribs |= 1 << a;
    else attribs &= ~(1 << a);
    if (instance !== null && ATTRIBUTES_BEFORE_INSTANCE.has(a)) {
      const name = Object.keys(Qt.ApplicationAttribute).find((k) => Qt.ApplicationAttribute[k as keyof typeof Qt.ApplicationAttribute] === a);
      qWarning(`Attribute Qt::${name} must be set before QCoreApplication is created.`);
    }
  }

  /**
   * Whether an application attribute is set. `AA_SynthesizeMouseForUnhandledTouchEvents` and
   * `AA_SynthesizeMouseForUnhandledTabletEvents` are set by default, the others are not (as in Qt
   * 5.15).
   *
   * @param attribute - a `Qt.ApplicationAttribute` value (`Qt.AA_*`).
   * @returns whether it is set.
   * @throws TypeError if `attribute` is not an integer; RangeError if it is not an attribute.
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#testAttribute | QCoreApplication::testAttribute in Qt 6}
   */
  static testAttribute(attribute: Qt.ApplicationAttribute): boolean {
    const a = checkAttribute('testAttribute', attribute);
    return (attribs & (1 << a)) !== 0;
  }

  /**
   * Allows the application to run setuid (false by default, and it outlives the application object).
   *
   * @param allow - whether running setuid is allowed; an integer counts as its truth value (PyQt5
   *   takes an int here).
   * @throws TypeError if `allow` is neither a boolean nor an integer (1.5 too, as PyQt5).
   * @remarks
   * #### Differences from Qt
   * Qt aborts the creation of the application object when the process runs setuid and this was not
   * allowed; tsqt stores the flag and checks nothing (Node itself decides how a setuid process runs).
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#setSetuidAllowed | QCoreApplication::setSetuidAllowed in Qt 6}
   */
  static setSetuidAllowed(allow: boolean): void {
    setuidAllowed = checkBool('QCoreApplication.setSetuidAllowed', 'allow', allow);
  }

  /**
   * @returns whether the application may run setuid (false unless
   *   {@link QCoreApplication.setSetuidAllowed} allowed it).
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#isSetuidAllowed | QCoreApplication::isSetuidAllowed in Qt 6}
   */
  static isSetuidAllowed(): boolean {
    return setuidAllowed;
  }

  /**
   * Sets the `quitLockEnabled` property (true by default, and it outlives the application object):
   * in Qt, whether releasing the last `QEventLoopLocker` may quit the application. Also reachable as
   * `app.setProperty('quitLockEnabled', v)`.
   *
   * @param enabled - the new value; an integer counts as its truth value (PyQt5 takes an int here).
   * @throws TypeError if `enabled` is neither a boolean nor an integer (1.5 too, as PyQt5).
   * @remarks
   * #### Differences from Qt
   * tsqt has no `QEventLoopLocker`, so nothing reads the value: it is stored and reported.
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#quitLockEnabled-prop | quitLockEnabled in Qt 6}
   */
  static setQuitLockEnabled(enabled: boolean): void {
    quitLockEnabled = checkBool('QCoreApplication.setQuitLockEnabled', 'enabled', enabled);
  }

  /**
   * @returns the `quitLockEnabled` property (true unless
   *   {@link QCoreApplication.setQuitLockEnabled} cleared it).
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#quitLockEnabled-prop | quitLockEnabled in Qt 6}
   */
  static isQuitLockEnabled(): boolean {
    return quitLockEnabled;
  }

  /**
   * The directories searched for plugins and libraries, as a string list. Until one of
   * {@link QCoreApplication.addLibraryPath}, {@link QCoreApplication.removeLibraryPath} or
   * {@link QCoreApplication.setLibraryPaths} changes it, the list is the default one: the
   * application's directory (the canonical form of {@link QCoreApplication.applicationDirPath})
   * while an instance exists, else empty. Changes made before the instance exists are kept when it
   * is created (the application's directory is added to them, as in Qt 5.15); disposing the
   * instance goes back to the default list.
   *
   * @returns a copy of the list.
   * @remarks
   * #### Differences from Qt
   * tsqt loads no plugins, so nothing reads the list. Qt's default list also starts with Qt's plugin
   * directory and the entries of `QT_PLUGIN_PATH`; tsqt has neither. Qt's application directory is
   * the executable's (`/usr/bin` for a PyQt script); tsqt's is the script's, as with
   * `applicationDirPath()`.
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#libraryPaths | QCoreApplication::libraryPaths in Qt 6}
   */
  static libraryPaths(): string[] {
    return currentLibraryPaths().slice();
  }

  /**
   * Replaces the library path list with `paths`, kept as given (not made canonical, duplicates
   * kept, as in Qt).
   *
   * @param paths - the new list.
   * @throws TypeError if `paths` is not an array of strings.
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#setLibraryPaths | QCoreApplication::setLibraryPaths in Qt 6}
   */
  static setLibraryPaths(paths: readonly string[]): void {
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) {
      throw new TypeError(`QCoreApplication.setLibraryPaths: paths must be an array of strings, got ${describe(paths)}`);
    }
    if (appLibPaths === null) currentLibraryPaths();
    manualLibPaths = paths.slice();
  }

  /**
   * Puts a directory at the front of the library path list, in canonical form (absolute, relative
   * to the working directory, symbolic links resolved). Nothing changes when `path` is empty, does
   * not exist, or is already in the list.
   *
   * @param path - the directory.
   * @throws TypeError if `path` is not a string.
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#addLibraryPath | QCoreApplication::addLibraryPath in Qt 6}
   */
  static addLibraryPath(path: string): void {
    if (typeof path !== 'string') throw new TypeError(`QCoreApplication.addLibraryPath: path must be a string, got ${describe(path)}`);
    if (path === '') return;
    const canonical = canonicalPath(path);
    if (canonical === '') return;
    if (manualLibPaths === null) {
      const defaults = currentLibraryPaths();
      if (defaults.includes(canonical)) return;
      manualLibPaths = defaults.slice();
    } else if (manualLibPaths.includes(canonical)) {
      return;
    }
    manualLibPaths.unshift(canonical);
  }

  /**
   * Removes a directory (every occurrence of its canonical form) from the library path list.
   * Nothing changes when `path` is empty, does not exist, or is not in the list.
   *
   * @param path - the directory.
   * @throws TypeError if `path` is not a string.
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#removeLibraryPath | QCoreApplication::removeLibraryPath in Qt 6}
   */
  static removeLibraryPath(path: string): void {
    if (typeof path !== 'string') throw new TypeError(`QCoreApplication.removeLibraryPath: path must be a string, got ${describe(path)}`);
    if (path === '') return;
    const canonical = canonicalPath(path);
    if (canonical === '') return;
    if (manualLibPaths === null) {
      const defaults = currentLibraryPaths();
      if (!defaults.includes(canonical)) return;
      manualLibPaths = defaults.slice();
    }
    removeAll(manualLibPaths, canonical);
  }

  /**
   * Does nothing: in Qt 5 it flushed the window system's native event queues, and Node has none
   * (Qt's Unix event dispatcher does nothing here either).
   *
   * @remarks
   * #### Differences from Qt
   * Deprecated since Qt 5.9 and gone in Qt 6; kept so that Qt 5 code ports line by line. Use
   * {@link QCoreApplication.sendPostedEvents} or {@link QCoreApplication.processEvents}.
   * @see {@link https://doc.qt.io/qt-5/qcoreapplication.html#flush | QCoreApplication::flush in Qt 5}
   */
  static flush(): void {
    // Nothing to flush: see the doc comment.
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
   * Installs a filter for native events (the window system's messages, `MSG` or XCB structures in
   * Qt), in front of the filters already installed; installing it again moves it to the front.
   * Node delivers no native events, so the filter is accepted and never called.
   *
   * @param filterObj - the filter: in Qt a `QAbstractNativeEventFilter`, here any object (one with
   *   a `nativeEventFilter(eventType, message)` method, for code that also runs under Qt); null is
   *   ignored, as in Qt.
   * @throws TypeError if `filterObj` is neither null nor an object.
   * @remarks
   * #### Differences from Qt
   * tsqt has no native events and no `QAbstractNativeEventFilter` class: filters are checked and
   * accepted, not kept (nothing could ever call them). As in Qt, while
   * `Qt.AA_PluginApplication` is set the filter is not installed and a warning is printed.
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#installNativeEventFilter | QCoreApplication::installNativeEventFilter in Qt 6}
   */
  installNativeEventFilter(filterObj: object | null): void {
    if (hooks.isDeleted(this)) throw deletedError(this, 'installNativeEventFilter');
    if (filterObj !== null && filterObj !== undefined && typeof filterObj !== 'object' && typeof filterObj !== 'function') {
      throw new TypeError(`QCoreApplication.installNativeEventFilter: filterObj must be an object or null, got ${describe(filterObj)}`);
    }
    if (QCoreApplication.testAttribute(Qt.AA_PluginApplication)) {
      qWarning('Native event filters are not applied when the Qt::AA_PluginApplication attribute is set');
      return;
    }
  }

  /**
   * Removes a filter installed with {@link QCoreApplication.installNativeEventFilter}; a filter that
   * is not installed, and null, are ignored.
   *
   * @param filterObject - the filter.
   * @throws TypeError if `filterObject` is neither null nor an object.
   * @see {@link https://doc.qt.io/qt-6/qcoreapplication.html#removeNativeEventFilter | QCoreApplication::removeNativeEventFilter in Qt 6}
   */
  removeNativeEventFilter(filterObject: object | null): void {
    if (hooks.isDeleted(this)) throw deletedError(this, 'removeNativeEventFilter');
    if (filterObject === null || filterObject === undefined) return;
    if (typeof filterObject !== 'object' && typeof filterObject !== 'function') {
      throw new TypeError(`QCoreApplication.removeNativeEventFilter: filterObject must be an object or null, got ${describe(filterObject)}`);
    }
  }

  /**
   * Delivers an event through the filters to `receiver` (what `sendEvent()` uses).
   * @param receiver - the target; null (or undefined) delivers nothing and returns true with Qt
   *   5.15's warning "QCoreApplication::notify: Unexpected null receiver"
   * @param event - the event
   * @returns the delivery result
   * @throws TypeError if `receiver` is neither a QObject nor null, or `event` is not a QEvent (PyQt5
   *   raises TypeError for both); Error if `receiver` was deleted.
   */
  notify(receiver: QObject | null, event: QEvent): boolean {
    const r = checkReceiver('notify', receiver);
    if (!(event instanceof QEvent)) throw new TypeError(`QCoreApplication.notify: event must be a QEvent, got ${describe(event)}`);
    if (r === null) {
      qWarning('QCoreApplication::notify: Unexpected null receiver');
      return true;
    }
    if (hooks.isDeleted(r)) throw deletedError(r, 'notify');
    return hooks.notify(r, event);
  }

  /**
   * Handles the application's events: a `QEvent.Quit` event calls {@link QCoreApplication.quit}
   * (Qt 5.15); the rest goes to {@link QObject.event}.
   * @param e - the event
   * @returns whether the event was handled
   */
  override event(e: QEvent): boolean {
    if (e.type() === QEvent.Quit) {
      QCoreApplication.quit();
      return true;
    }
    return super.event(e);
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
      clearTranslators();
      appLibPaths = null;
      manualLibPaths = null;
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

declareClass(QCoreApplication, {
  name: 'QCoreApplication',
  base: QObject,
  signals: [
    'aboutToQuit()',
    'organizationNameChanged()',
    'organizationDomainChanged()',
    'applicationNameChanged()',
    'applicationVersionChanged()',
  ],
  slots: ['quit()'],
});
// Qt's Q_PROPERTYs of QCoreApplication, reached through property()/setProperty() on the instance
// and backed by the static accessors.
// setProperty() converts the value of the four QString properties as Qt's QVariant does before
// the setter sees it (PyQt5 5.15: setProperty('applicationVersion', 5) gives '5', True gives
// 'true', None gives ''), whereas the setters themselves take only a string or null, as PyQt5's do.
/** setProperty()'s conversion for the QString properties. */
function toQString(name: string): (value: unknown) => string | null {
  return (value) => {
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new TypeError(`QCoreApplication.setProperty: ${name} must be a string, number, boolean or null, got ${describe(value)}`);
    }
    return value === null ? null : String(value);
  };
}
declareProperties(QCoreApplication, {
  applicationName: { get: 'applicationName', set: 'setApplicationName', onClass: true, convert: toQString('applicationName'), type: 'QString' },
  applicationVersion: { get: 'applicationVersion', set: 'setApplicationVersion', onClass: true, convert: toQString('applicationVersion'), type: 'QString' },
  organizationName: { get: 'organizationName', set: 'setOrganizationName', onClass: true, convert: toQString('organizationName'), type: 'QString' },
  organizationDomain: { get: 'organizationDomain', set: 'setOrganizationDomain', onClass: true, convert: toQString('organizationDomain'), type: 'QString' },
  quitLockEnabled: { get: 'isQuitLockEnabled', set: 'setQuitLockEnabled', onClass: true, type: 'bool' },
});

/** Types named after QCoreApplication. */
export declare namespace QCoreApplication {
  /**
   * What {@link QCoreApplication.installTranslator} accepts: the part of Qt's QTranslator that
   * QCoreApplication uses. tsqt has no QTranslator class (no `.qm` loader); any object with a
   * `translate()` method is a translator, for instance one that reads a JSON catalogue.
   *
   * @example
   * ```ts
   * import { QCoreApplication } from 'tsqt';
   *
   * const fr: QCoreApplication.Translator = {
   *   translate: (context, sourceText) => (context === 'Main' && sourceText === 'Hello' ? 'Bonjour' : null),
   * };
   * const app = new QCoreApplication([]);
   * QCoreApplication.installTranslator(fr);
   * console.log(QCoreApplication.translate('Main', 'Hello')); // Bonjour
   * app.dispose();
   * ```
   * @see {@link https://doc.qt.io/qt-6/qtranslator.html | QTranslator in Qt 6}
   */
  interface Translator {
    /**
     * Looks up a translation, as QTranslator::translate() does.
     * @param context - the context given to `QCoreApplication.translate()`.
     * @param sourceText - the text to translate.
     * @param disambiguation - the disambiguation given to `translate()`, or null.
     * @param n - the count given to `translate()`, or -1; `%n` is replaced afterwards by
     *   `QCoreApplication.translate()`, so the translation keeps its `%n`.
     * @returns the translation (an empty string counts as one, as Qt's non-null empty QString does),
     *   or null or undefined when this translator has none, which lets the next translator answer.
     *   Any other value counts as none.
     */
    translate(context: string, sourceText: string, disambiguation: string | null, n: number): string | null | undefined;
    /**
     * Optional, as QTranslator::isEmpty(): whether the translator holds no translations. When it
     * returns true, `installTranslator()` still installs it but returns false and sends no
     * LanguageChange event, as Qt does.
     * @returns whether the translator is empty.
     */
    isEmpty?(): boolean;
  }
}

/** Emits one of the application's `*Changed` signals on the instance, if any (Qt's setters do). */
function emitChanged(name: string): void {
  const app = instance;
  if (app === null || hooks.isDeleted(app)) return;
  peekSignal<[]>(app, name)?.emit();
}
