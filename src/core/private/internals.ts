// SPDX-License-Identifier: MIT
// Not part of the public API; may change without notice.
// Hooks between the core modules, filled in by QObject.ts at load time, so that Signal.ts and the
// dispatcher need no runtime import of QObject (which would be an import cycle).
import type { QObject } from '../QObject.js';
import type { QEvent } from '../QEvent.js';
import type { Signal } from '../Signal.js';
import type { Connection } from '../Connection.js';
import { qWarning } from '../qlogging.js';

/** @internal */
export interface CoreHooks {
  isQObject(o: unknown): o is QObject;
  /** Destruction started (QPointer reads null) or finished. */
  isDeleted(o: QObject): boolean;
  /** Destruction finished (dispose() has returned): its methods throw from now on. */
  isDisposed(o: QObject): boolean;
  signalsBlocked(o: QObject): boolean;
  /** The sender's signal joins its owner's list of connected signals (for teardown). */
  registerSignal(owner: QObject, signal: Signal<any>): void;
  /** A connection naming `receiver` as context: torn down with it. */
  addInbound(receiver: QObject, c: Connection): void;
  removeInbound(receiver: QObject, c: Connection): void;
  /** Whether some live connection from a signal of `sender` names `receiver` as context. */
  isConnectedFrom(receiver: QObject, sender: QObject): boolean;
  /** Delivery through the filter chain to `event()` (QCoreApplication::notify). */
  notify(receiver: QObject, event: QEvent): boolean;
  lazySignal(owner: QObject, name: string): Signal<any>;
  peekSignal(owner: QObject, name: string): Signal<any> | null;
  /** The name under which `signal` was lazily created on `owner`, or null. */
  lazySignalName(owner: QObject, signal: Signal<any>): string | null;
  /** The hidden context object used for calls without one (singleShot(0, fn)). */
  globalContext(): QObject;
  /** The QCoreApplication instance (its event filters see every event), or null. */
  app: QObject | null;
  /**
   * QObject.prototype's connectNotify/disconnectNotify: an owner whose class has not overridden
   * them is not notified. Signal compares once, when a signal gets its first connection, and
   * keeps the answer with its connection list (a flag test on connect and disconnect, nothing
   * on emit).
   */
  baseConnectNotify: unknown;
  baseDisconnectNotify: unknown;
}

/** @internal */
export const hooks: CoreHooks = {} as CoreHooks;

/**
 * The signal `name` of a library object, created on first use (prototype getters use it).
 * @internal
 */
export function lazySignal<A extends unknown[]>(owner: QObject, name: string): Signal<A> {
  return hooks.lazySignal(owner, name) as Signal<A>;
}

/**
 * The signal `name` of `owner` if it was ever created (nothing to emit otherwise).
 * @internal
 */
export function peekSignal<A extends unknown[]>(owner: QObject, name: string): Signal<A> | null {
  return hooks.peekSignal(owner, name) as Signal<A> | null;
}

/**
 * One signal or slot as a library class registers it: Qt's signature split into its name, the
 * parameter types and moc's parameter names ('' where moc has none).
 * @internal
 */
export interface DeclaredMember {
  readonly name: string;
  readonly types: readonly string[];
  readonly names: readonly string[];
}

/**
 * What a library class (one of tsqt's own QObject classes) registers about itself, keyed by its
 * constructor: names, signatures and slots that JavaScript cannot tell, or that a minifier would
 * rename.
 * @internal
 */
export interface ClassDecl {
  /** Qt's class name (what `metaObject().className()` answers), never read from `Function.name`. */
  readonly name: string;
  /** The direct base class (itself registered), or null for QObject. */
  readonly base: Function | null;
  /**
   * Qt's signatures of the class's own signals, in Qt's declaration order (signal indexes and
   * `SIGNAL()` names follow it), with moc's parameter names: `'bytesWritten(qlonglong bytes)'`.
   * A name may come back with Qt's other overloads and default-argument clones after its first
   * signature (`'destroyed()'` after `'destroyed(QObject*)'`): the method table lists the first
   * only; invokeMethod() accepts the argument count of any (Qt matches the whole signature).
   */
  readonly signals: readonly string[];
  /**
   * Qt 5.15's public slots of the class that tsqt has, as signatures (`'start(int msec)'`), with
   * their overloads as for `signals` (`'start()'`).
   */
  readonly slots: readonly string[];
  /**
   * The names of the class's static enum objects that Qt 5.15 registers with `Q_ENUM`/`Q_FLAG`, in
   * moc's order (QAbstractSocket's `SocketType`, ..., `SocketOption`): the meta-object's
   * enumerators. None if absent: a library class's other enum objects (QIODevice's `OpenModeFlag`,
   * QAbstractSocket's `BindFlag`) are not Qt's enumerators.
   */
  readonly enums?: readonly string[];
}

/**
 * A registered class, its signatures parsed.
 * @internal
 */
export interface ClassEntry {
  readonly name: string;
  readonly signals: readonly DeclaredMember[];
  readonly slots: readonly DeclaredMember[];
  readonly enums: readonly string[];
}

/** `name(T1 a,T2)` into its name, its types and its parameter names. */
function parseSignature(sig: string): DeclaredMember {
  const p = sig.indexOf('(');
  const inner = sig.slice(p + 1, sig.lastIndexOf(')'));
  const types: string[] = [];
  const names: string[] = [];
  for (const part of inner === '' ? [] : inner.split(',')) {
    const sp = part.lastIndexOf(' ');
    types.push(sp < 0 ? part : part.slice(0, sp));
    names.push(sp < 0 ? '' : part.slice(sp + 1));
  }
  return { name: sig.slice(0, p), types, names };
}

const classes = new Map<Function, ClassEntry>();

/**
 * Registers a library class: its Qt class name, base, signals (with their argument counts,
 * SG-8) and slots. Each library class's own module calls it once, after the class is defined.
 * @internal
 */
export function declareClass(cls: Function, decl: ClassDecl): void {
  const base = decl.base === null ? Function.prototype : decl.base;
  if (Object.getPrototypeOf(cls) !== base) throw new Error(`declareClass: ${decl.name}'s base is not the one declared`);
  const signals = decl.signals.map(parseSignature);
  classes.set(cls, { name: decl.name, signals, slots: decl.slots.map(parseSignature), enums: decl.enums ?? [] });
}

/**
 * What the library class `cls` itself registered, or undefined for any other class (a user class,
 * even one named like a library class).
 * @internal
 */
export function declaredClass(cls: Function): ClassEntry | undefined {
  return classes.get(cls);
}

/**
 * Qt's name of a class: the registered name of a library class, `Function.name` of a user class.
 * @internal
 */
export function qtClassName(cls: Function): string {
  return classes.get(cls)?.name ?? cls.name;
}

/**
 * How many arguments the library signal `name` of `obj`'s class (or a base class) takes.
 * @internal
 */
export function declaredArity(obj: object, name: string): number | undefined {
  // the nearest registered class that declares `name`; its first signature counts
  for (let proto = Object.getPrototypeOf(obj); proto !== null; proto = Object.getPrototypeOf(proto)) {
    const sig = classes.get(proto.constructor)?.signals.find((x) => x.name === name);
    if (sig !== undefined) return sig.types.length;
  }
  return undefined;
}

/** What the nearest class of `obj`'s chain declares under `name` in `table`. */
function inClassChain<T>(table: Map<Function, Record<string, T>>, obj: object, name: string): T | undefined {
  let proto = Object.getPrototypeOf(obj);
  while (proto !== null) {
    const r = table.get(proto.constructor);
    if (r !== undefined && Object.prototype.hasOwnProperty.call(r, name)) return r[name];
    proto = Object.getPrototypeOf(proto);
  }
  return undefined;
}

/**
 * A declared (Qt) property: read and optional write accessors by method name, called on the class
 * itself when `onClass` (QCoreApplication's static accessors).
 * @internal
 */
export interface PropertyDecl {
  get: string;
  set?: string;
  /** Qt's type name (`'QString'`, `'Qt::TimerType'`): `QMetaProperty.typeName()`. */
  type: string;
  onClass?: boolean;
  /** What setProperty() does to the value before the setter sees it (Qt's QVariant conversion). */
  convert?: (value: unknown) => unknown;
}
const props = new Map<Function, Record<string, PropertyDecl>>();

/**
 * Declares the Qt properties of a library class, reachable through property()/setProperty().
 * @internal
 */
export function declareProperties(cls: Function, p: Record<string, PropertyDecl>): void {
  props.set(cls, p);
}

/**
 * The Qt properties declared by `cls` itself (not its bases), in declaration order (QMetaObject).
 * @internal
 */
export function declaredProperties(cls: Function): Readonly<Record<string, PropertyDecl>> | undefined {
  return props.get(cls);
}

/** @internal */
export function findProperty(obj: object, name: string): PropertyDecl | undefined {
  return inClassChain(props, obj, name);
}

/** @internal */
export function deletedError(obj: object, method: string): Error {
  const cls = qtClassName(obj.constructor);
  return new Error(`${cls}.${method}: the ${cls} has been deleted`);
}

/**
 * Qt's err_info_about_objects(): after a connect/disconnect warning about a missing signal or
 * slot, one more warning for each of the two objects that has an objectName.
 * @internal
 */
export function warnObjectNames(func: 'connect' | 'disconnect', sender: QObject | null, receiver: QObject | null): void {
  const a = sender !== null ? sender.objectName() : '';
  const b = receiver !== null ? receiver.objectName() : '';
  if (a !== '') qWarning(`QObject::${func}:  (sender name:   '${a}')`);
  if (b !== '') qWarning(`QObject::${func}:  (receiver name: '${b}')`);
}
