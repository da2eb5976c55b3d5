// SPDX-License-Identifier: MIT
import { Connection } from './Connection.js';
import { QObject } from './QObject.js';
import { Signal, callWithSender } from './Signal.js';
import { checkConnectionType, checkInteger } from './private/args.js';
import { QMetaEnum } from './QMetaEnum.js';
import { QMetaMethod, createMetaMethod, methodEntryOf, type MethodEntry } from './QMetaMethod.js';
import { QMetaProperty, createMetaProperty, type PropertyEntry } from './QMetaProperty.js';
import { qWarning } from './qlogging.js';
import { QMetaCallEvent } from './private/QMetaCallEvent.js';
import { declaredClass, declaredProperties, deletedError, hooks, qtClassName } from './private/internals.js';
import { postEvent } from './private/dispatcher.js';
import { describe } from './private/describe.js';

type Ctor = abstract new (...args: any[]) => unknown;

/** One class's part of a meta-object: its own methods, properties and enums. */
interface Block {
  readonly methods: MethodEntry[];
  readonly props: PropertyEntry[];
  readonly enums: QMetaEnum[];
}

/** A class's whole table, base classes first, and where its own part starts. */
interface Table {
  readonly methods: readonly MethodEntry[];
  readonly methodOffset: number;
  readonly props: readonly PropertyEntry[];
  readonly propOffset: number;
  readonly enums: readonly QMetaEnum[];
  readonly enumOffset: number;
}

// What JavaScript cannot know of a user class before one of its objects exists, learned from an
// object seen by QMetaObject.of() and kept per class, so that a class's table depends only on the
// class and this knowledge, never on which meta-object (with or without an object) asks. The
// object is read when a table first needs it, not when it is seen: that may be inside a
// constructor (a base class's tr() or invokeMethod()), before the subclass's fields exist.
/** The Signal-valued fields of an object of each class (fields are the object's own). */
const fieldSignals = new WeakMap<Function, string[]>();
/** For a class whose fields were not read yet: an object of exactly that class. */
const fieldSamples = new WeakMap<Function, WeakRef<QObject>>();
/** For a class whose fields were not read yet: those its objects had when seen, listed if they
 * are gone when a table needs them (a class seen once stays known, as documented). */
const fieldsWhenSeen = new WeakMap<Function, string[]>();
/** The getters of each user class's prototype that gave a Signal on an object of the class or a
 * subclass. */
const getterSignals = new WeakMap<Function, string[]>();
/** For a user class whose getters were not read yet: an object to read them on. */
const getterSamples = new WeakMap<Function, WeakRef<QObject>>();
/** Classes whose objects have nothing left to tell (fields and every getter of the chain known). */
const known = new WeakSet<Function>();
/** Counts the changes of that knowledge; a cached table built before the last one is stale. */
let generation = 0;
/** Whether a table was built, since the last change, without something an object could tell (an
 * object seen from now on changes the knowledge; otherwise it need not, and caches stay). */
let incomplete = false;
/** A table, as of a generation. */
interface Cached {
  readonly generation: number;
  readonly table: Table;
}
/** Each class's table, as of a generation. */
const tables = new WeakMap<Function, Cached>();
/** Each class's table without the fields and getters not read yet (see refusedArgumentCount). */
const methodTables = new WeakMap<Function, Cached>();

/** The classes of `cls`'s prototype chain, the root (QObject) first. */
function chainOf(cls: Function): Function[] {
  const chain: Function[] = [];
  for (let p = cls.prototype as object | null; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    chain.unshift((p as { constructor: Function }).constructor);
  }
  return chain;
}

/**
 * Names that a user class's member may not claim: the members of the library classes of `chain`
 * (their overrides, such as event() or timerEvent(), are not slots) and of Object.prototype.
 */
function inheritedNames(chain: readonly Function[]): Set<string> {
  const inherited = new Set(Object.getOwnPropertyNames(Object.prototype));
  for (const c of chain) if (declaredClass(c) !== undefined) for (const k of Object.getOwnPropertyNames(c.prototype)) inherited.add(k);
  return inherited;
}

/** Keeps `o` as the object to read the fields of its class on, and the getters of the user
 * classes of its chain, where these are not known and no other object is kept for them. */
function learnFrom(o: QObject): void {
  const cls = o.constructor;
  if (known.has(cls)) return;
  let learned = false;
  let complete = true;
  if (declaredClass(cls) === undefined && !fieldSignals.has(cls)) {
    complete = false;
    if (fieldSamples.get(cls)?.deref() === undefined) {
      fieldSamples.set(cls, new WeakRef(o));
      fieldsWhenSeen.set(cls, [...new Set([...(fieldsWhenSeen.get(cls) ?? []), ...signalFields(o)])]);
      learned = true;
    }
  }
  for (const c of chainOf(cls)) {
    if (declaredClass(c) !== undefined || getterSignals.has(c)) continue;
    complete = false;
    if (getterSamples.get(c)?.deref() === undefined) {
      getterSamples.set(c, new WeakRef(o));
      learned = true;
    }
  }
  if (complete) known.add(cls);
  if (learned && incomplete) {
    generation++;
    incomplete = false;
  }
}

/** The names of the Signal-valued own properties of `o`. */
function signalFields(o: object): string[] {
  const r = o as Record<string, unknown>;
  return Object.keys(r).filter((k) => r[k] instanceof Signal);
}

/**
 * What `store` knows of `cls`, or, when `readSamples`, what its object kept in `samples` tells
 * (read once, then known); else what `early` holds, or []: the table being built is then
 * incomplete.
 */
function knowledge(
  store: WeakMap<Function, string[]>,
  samples: WeakMap<Function, WeakRef<QObject>>,
  early: WeakMap<Function, string[]> | null,
  cls: Function,
  readSamples: boolean,
  read: (sample: Record<string, unknown>) => string[],
): readonly string[] {
  const names = store.get(cls);
  if (names !== undefined) return names;
  const sample = readSamples ? (samples.get(cls)?.deref() as Record<string, unknown> | undefined) : undefined;
  if (sample === undefined) {
    incomplete = true;
    return early?.get(cls) ?? [];
  }
  const found = read(sample);
  store.set(cls, found);
  samples.delete(cls);
  early?.delete(cls);
  // the tables built without it (those that read no object) are stale
  generation++;
  return found;
}

/** The Signal fields of the user class `cls`: its object's own Signal-valued properties. */
function fieldsOf(cls: Function, readSamples: boolean): readonly string[] {
  return knowledge(fieldSignals, fieldSamples, fieldsWhenSeen, cls, readSamples, signalFields);
}

/** The Signal getters of the user class `cls`: its prototype's getters that give a Signal on an
 * object of the class or of a subclass. */
function gettersOf(cls: Function, readSamples: boolean, inherited: Set<string>): readonly string[] {
  return knowledge(getterSignals, getterSamples, null, cls, readSamples, (sample) => {
    const proto = cls.prototype as object;
    const found: string[] = [];
    for (const k of Object.getOwnPropertyNames(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, k)!;
      if (d.get !== undefined && !inherited.has(k) && sample[k] instanceof Signal) found.push(k);
    }
    return found;
  });
}

function isEnumObject(v: unknown): v is Record<string, number> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  const vals = Object.values(v);
  return vals.length > 0 && vals.every((x) => typeof x === 'number');
}

function blockOf(cls: Function, mostDerived: boolean, readSamples: boolean, seen: Set<string>, inherited: Set<string>): Block {
  const lib = declaredClass(cls);
  const methods: MethodEntry[] = [];
  const proto = cls.prototype as object;
  if (lib !== undefined) {
    // a library class: its registered signals and slots, with Qt's signatures
    for (const p of lib.signals) {
      if (seen.has(p.name)) continue;
      seen.add(p.name);
      methods.push({ name: p.name, type: 1, types: p.types, names: p.names, returns: 'void', counted: true, typed: true, cls });
    }
    for (const p of lib.slots) {
      if (typeof (proto as Record<string, unknown>)[p.name] !== 'function' || seen.has(p.name)) continue;
      seen.add(p.name);
      methods.push({ name: p.name, type: 2, types: p.types, names: p.names, returns: 'void', counted: true, typed: true, cls });
    }
  } else {
    // a user class: signals as prototype getters (read on an instance), then as fields
    const signal = (name: string): void => {
      if (seen.has(name)) return;
      seen.add(name);
      methods.push({ name, type: 1, types: [], names: [], returns: 'void', counted: false, typed: false, cls });
    };
    for (const k of gettersOf(cls, readSamples, inherited)) signal(k);
    if (mostDerived) for (const k of fieldsOf(cls, readSamples)) signal(k);
    // slots
    for (const k of Object.getOwnPropertyNames(proto)) {
      if (k === 'constructor' || k.startsWith('_') || seen.has(k) || inherited.has(k)) continue;
      const d = Object.getOwnPropertyDescriptor(proto, k)!;
      if (typeof d.value !== 'function') continue;
      seen.add(k);
      const n = (d.value as Function).length;
      methods.push({ name: k, type: 2, types: Array<string>(n).fill('QVariant'), names: Array<string>(n).fill(''), returns: '', counted: true, typed: false, cls });
    }
  }
  const props: PropertyEntry[] = [];
  const decl = declaredProperties(cls);
  if (decl !== undefined) {
    for (const [name, p] of Object.entries(decl)) {
      props.push({ name, type: p.type, writable: p.set !== undefined, isEnum: p.type.includes('::'), cls });
    }
  }
  const enums: QMetaEnum[] = [];
  // a library class: the enums Qt registers; a user class: its static enum objects
  for (const k of lib !== undefined ? lib.enums : Object.getOwnPropertyNames(cls)) {
    if (!/^[A-Z]/.test(k)) continue;
    const d = Object.getOwnPropertyDescriptor(cls, k)!;
    if (!isEnumObject(d.value)) continue;
    enums.push(new QMetaEnum(d.value, k, k.endsWith('Flag'), { scope: qtClassName(cls) }));
  }
  return { methods, props, enums };
}

/** The table of `cls`; `readSamples` false leaves out the Signal fields and getters not read yet
 * (reading no object). */
function buildTable(cls: Function, readSamples: boolean): Table {
  const chain = chainOf(cls);
  const inherited = inheritedNames(chain);
  const seen = new Set<string>();
  const methods: MethodEntry[] = [];
  const props: PropertyEntry[] = [];
  const enums: QMetaEnum[] = [];
  let methodOffset = 0;
  let propOffset = 0;
  let enumOffset = 0;
  chain.forEach((c, i) => {
    const last = i === chain.length - 1;
    if (last) {
      methodOffset = methods.length;
      propOffset = props.length;
      enumOffset = enums.length;
    }
    const b = blockOf(c, last, readSamples, seen, inherited);
    methods.push(...b.methods);
    props.push(...b.props);
    enums.push(...b.enums);
  });
  return { methods, methodOffset, props, propOffset, enums, enumOffset };
}

/** `name(...,...)`: a call's signature for a warning, one `...` per argument (JavaScript's values
 * carry no Qt type, so the places are shown, as in Signal's warnings). */
function callSignature(name: string, argc: number): string {
  return `${name}(${Array<string>(argc).fill('...').join(',')})`;
}

/** The table of `cls` (the cached one if still current), reading the objects kept or not. */
function tableOf(cls: Function, readSamples: boolean): Table {
  const cache = readSamples ? tables : methodTables;
  const cached = cache.get(cls);
  if (cached !== undefined && cached.generation === generation) return cached.table;
  const table = buildTable(cls, readSamples);
  // stamped after the build, which may have read an object (a new generation it is part of)
  cache.set(cls, { generation, table });
  return table;
}

/**
 * Whether `argc` arguments can call the member `name` whose method-table row is `e` ({@link rowOf}),
 * as Qt's invokeMethod() requires a method whose whole signature matches: null if they can (or
 * nothing is known of the member's parameters: a user signal, a function outside the method table),
 * otherwise Qt's candidates, the signatures under that name. A library member takes the parameter
 * count of one of its Qt overloads; a user method at least its `Function.length` (JavaScript lets
 * it take more: default values, rest parameters).
 */
function refusedArgumentCount(e: MethodEntry | undefined, name: string, argc: number): string[] | null {
  if (e === undefined || !e.counted) return null;
  if (!e.typed) return argc >= e.types.length ? null : [`${name}(${e.types.join(',')})`];
  const lib = declaredClass(e.cls)!;
  const all = (e.type === 1 ? lib.signals : lib.slots).filter((s) => s.name === name);
  if (all.some((s) => s.types.length === argc)) return null;
  return all.map((s) => `${name}(${s.types.join(',')})`);
}

/**
 * The method-table row a call of `name` finds on a `cls` (the most derived one), from a table that
 * reads no object (the object may be under construction; the rows it would add are user signals,
 * which take any count).
 */
function rowOf(cls: Function, name: string): MethodEntry | undefined {
  const rows = tableOf(cls, false).methods;
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i]!.name === name) return rows[i];
  return undefined;
}

/**
 * Whether `name` is a member of a library class of `cls`'s chain (or of Object.prototype) that Qt
 * does not list as a signal or slot, so that invokeMethod() refuses it as Qt does (PyQt5 5.15:
 * `invokeMethod(QObject(), 'objectName')`, `(QTimer(), 'isActive')`, `(QTimer(), 'setInterval')`
 * warn `No such method` and fail). A user class's override of such a member is no slot either (the
 * table leaves it out; PyQt5 refuses a Python subclass's undecorated `event` or `objectName`).
 * QObject's deleteLater() is Qt's slot, though tsqt's table leaves it out (see QObject.ts).
 */
function libraryNonSlot(cls: Function, row: MethodEntry | undefined, name: string): boolean {
  if (name === 'deleteLater' || row !== undefined) return false;
  return inheritedNames(chainOf(cls)).has(name);
}

function nameOf(method: string, arg: unknown, what: string): string {
  if (typeof arg !== 'string') throw new TypeError(`QMetaObject.${method}: ${what} must be a string, got ${describe(arg)}`);
  const i = arg.indexOf('(');
  return (i >= 0 ? arg.slice(0, i) : arg).trim();
}

// ------------------------------------------------------------------ normalization (qmetaobject.cpp)

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
const isIdent = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9_]$/.test(c);

/** qRemoveWhitespace: drops whitespace, keeping one space between two identifier characters. */
function removeWhitespace(s: string): string {
  let i = 0;
  let d = '';
  let last = '';
  while (i < s.length && isSpace(s[i])) i++;
  while (i < s.length) {
    while (i < s.length && !isSpace(s[i])) d += last = s[i++]!;
    while (i < s.length && isSpace(s[i])) i++;
    if (i < s.length && ((isIdent(s[i]) && isIdent(last)) || (s[i] === ':' && last === '<'))) d += last = ' ';
  }
  return d;
}

/** normalizeTypeInternal: one type, whitespace already removed; `after` is the character that
 * follows it in the signature (Qt's code reads past the type's end there). */
function normalizeTypeInternal(src: string, adjustConst: boolean, after = ''): string {
  let t = src;
  // 'char const *' becomes 'const char *' (not past a '*', '&' or '<')
  for (let i = 1; i < t.length; i++) {
    if (t[i] === 'c' && t.startsWith('onst', i + 1) && (i + 5 >= t.length || !isIdent(t[i + 5])) && !isIdent(t[i - 1])) {
      t = 'const ' + (isSpace(t[i - 1]) ? t.slice(0, i - 1) + t.slice(i + 5) : t.slice(0, i) + t.slice(i + 5));
      break;
    }
    if (t[i] === '&' || t[i] === '*' || t[i] === '<') break;
  }
  if (adjustConst && t.length > 6 && t.startsWith('const ')) {
    const end = t[t.length - 1]!;
    if (end === '&') t = t.slice(6, -1); // const reference: a value
    else if (isIdent(end) || end === '>') t = t.slice(6); // const value: a value
  }
  let result = '';
  if (t.startsWith('const ')) {
    t = t.slice(6);
    result += 'const ';
  }
  if (t.startsWith('unsigned')) {
    if (t.length === 8 || !isIdent(t[8])) {
      if (t.startsWith(' int', 8)) {
        t = t.slice(12);
        result += 'uint';
      } else if (t.startsWith(' long', 8)) {
        const rest = t.slice(13);
        if (!rest.startsWith(' int') && !rest.startsWith(' long')) {
          t = rest;
          result += 'ulong';
        }
      } else if (!t.startsWith(' short', 8) && !t.startsWith(' char', 8)) {
        t = t.slice(8);
        result += 'uint';
      }
    }
  } else {
    for (const kw of ['struct ', 'class ', 'enum ']) {
      if (t.startsWith(kw)) {
        t = t.slice(kw.length);
        break;
      }
    }
  }
  let star = false;
  let i = 0;
  while (i < t.length) {
    let c = t[i++]!;
    star = star || c === '*';
    result += c;
    if (c === '<') {
      // template arguments, each normalized (without adjusting const)
      let tt = i;
      let templdepth = 1;
      let scopeDepth = 0;
      while (i < t.length) {
        c = t[i++]!;
        if (c === '{' || c === '(' || c === '[') ++scopeDepth;
        if (c === '}' || c === ')' || c === ']') --scopeDepth;
        if (scopeDepth === 0) {
          if (c === '<') ++templdepth;
          if (c === '>') --templdepth;
          if (templdepth === 0 || (templdepth === 1 && c === ',')) {
            result += normalizeTypeInternal(t.slice(tt, i - 1), false, t[i - 1]);
            result += c;
            if (templdepth === 0) {
              if ((i < t.length ? t[i] : after) === '>') result += ' '; // avoid >>
              break;
            }
            tt = i;
          }
        }
      }
    }
    // cv qualifiers may follow the type
    if (!isIdent(c) && i < t.length && t.startsWith('const', i) && (t.length - i === 5 || !isIdent(t[i + 5]))) {
      i += 5;
      while (i < t.length && isSpace(t[i])) ++i;
      if (adjustConst && i < t.length && t[i] === '&') ++i; // const reference: a value
      else if (adjustConst && !star) {
        // const value: a value
      } else if (!star) result = 'const ' + result; // const moves to the front
      else result += 'const'; // but stays after a '*'
    }
  }
  return result;
}

/** qNormalizeType: the type from `pos` to the next top-level ',' or ')'. */
function normalizeArg(s: string, pos: number, depth: { v: number }): [number, string] {
  const t = pos;
  while (pos < s.length && (depth.v !== 0 || (s[pos] !== ',' && s[pos] !== ')'))) {
    if (s[pos] === '<') depth.v++;
    if (s[pos] === '>') depth.v--;
    pos++;
  }
  // an explicit void parameter list, "foo(void)", becomes "foo()"
  if (s.slice(t, pos + 1) === 'void)') return [pos, ''];
  return [pos, normalizeTypeInternal(s.slice(t, pos), true, s[pos])];
}

/**
 * Run-time information about a QObject class: its name and base class, its signals and slots
 * ({@link QMetaMethod}), its Qt properties ({@link QMetaProperty}) and its enums
 * ({@link QMetaEnum}); and the static helpers `invokeMethod()`, `connectSlotsByName()`,
 * `normalizedSignature()` and `checkConnectArgs()`.
 *
 * Reach it as `obj.metaObject()` or `SomeClass.staticMetaObject`.
 *
 * #### The method table
 * Each class of the chain adds its part after its base class's, QObject's first: its signals in
 * declaration order, then its slots. {@link QMetaObject.methodOffset} is the number of rows of the
 * base classes, so `for (let i = mo.methodOffset(); i < mo.methodCount(); i++)` lists a class's
 * own members, as in Qt.
 * - Signals: those the library declares (`destroyed`, QTimer's `timeout`, ...), then a user
 *   class's Signal getters and Signal fields. JavaScript tells neither before an object exists: a
 *   class's fields are known once one of its objects was seen (`obj.metaObject()`), and are
 *   listed with that object's own class; its Signal getters once an object of the class or of a
 *   subclass was seen. The object is read when a table is first needed, not when it is seen
 *   (which may be inside a base class's constructor), and what it tells is kept with the class,
 *   so every meta-object of the class (`staticMetaObject`, `superClass()`, `obj.metaObject()`)
 *   lists the same table.
 * - Slots: for the library's classes, the public slots of Qt 5.15 that tsqt has (QTimer's
 *   `start` and `stop`, QCoreApplication's and QEventLoop's `quit`, QSocketNotifier's
 *   `setEnabled`). For a user class, every method of its prototype, since any method can be
 *   connected by name: except `constructor`, names starting with `_`, Symbol-keyed members,
 *   getters and setters, overrides of a library class's members (`event()`, `timerEvent()`,
 *   `dispose()`, ...) and overrides of a base class's methods, which keep the base's row.
 *   Function-valued fields are not listed.
 *
 * @remarks
 * #### Differences from Qt
 * - Signatures carry Qt's types for the library's members only: see {@link QMetaMethod}. The
 *   `indexOf...()` functions match by name (the parameter list is ignored; JavaScript has no
 *   overloads).
 * - QObject lists no `deleteLater()` slot, and no `_q_` private slots are listed, so the numbers
 *   differ from Qt's (Qt's QTimer `timeout` is method 5, tsqt's 2); compare indexes with
 *   `indexOfSignal()`, not with constants taken from Qt.
 * - Enumerators are the class's static enum objects (`QAbstractSocket.SocketState`), all of
 *   them: Qt lists only those registered with Q_ENUM (it omits `BindFlag` and `PauseMode`). An
 *   enum whose name ends in `Flag` is reported as a set of flags.
 * - No class info (`Q_CLASSINFO`) and no invokable constructors: {@link QMetaObject.classInfoCount}
 *   and {@link QMetaObject.constructorCount} are 0.
 * - Qt's meta-object is one object per class; here `metaObject()` returns a new object each time
 *   (compare classes with {@link QMetaObject.inherits} or `className()`).
 *
 * @see {@link https://doc.qt.io/qt-6/qmetaobject.html | QMetaObject in Qt 6}
 */
export class QMetaObject {
  /** The connection handle class (`QMetaObject.Connection` in Qt). */
  static readonly Connection = Connection;

  #proto: object;
  /** The object of of(), kept so that what it tells can still be read when the table is built. */
  #object: QObject | null = null;

  /**
   * Creates the meta-object of a class.
   * @param cls - the class (constructor)
   * @throws TypeError if `cls` is not a class (a function with a prototype object)
   */
  constructor(cls: abstract new (...args: any[]) => unknown) {
    if (typeof cls !== 'function' || typeof cls.prototype !== 'object' || cls.prototype === null) {
      throw new TypeError(`QMetaObject: cls must be a class, got ${typeof cls === 'function' ? `function ${cls.name || '(anonymous)'} (no prototype)` : describe(cls)}`);
    }
    this.#proto = cls.prototype as object;
  }

  /**
   * @param obj - any QObject
   * @returns the meta-object of its class (the first object of a class tells its signal fields,
   *   see {@link QMetaObject})
   * @throws TypeError if `obj` is not a QObject
   */
  static of(obj: QObject): QMetaObject {
    if (!(obj instanceof QObject)) throw new TypeError(`QMetaObject.of: obj must be a QObject, got ${describe(obj)}`);
    learnFrom(obj);
    const mo = new QMetaObject(obj.constructor as Ctor);
    mo.#object = obj;
    return mo;
  }

  /** @internal The meta-object of `cls` in this one's chain (where a method or property is declared). */
  _enclosing(cls: Function): QMetaObject {
    for (let m: QMetaObject | null = this; m !== null; m = m.superClass()) if (m._cls() === cls) return m;
    return this;
  }

  /** @internal The class. */
  _cls(): Function {
    return (this.#proto as { constructor: Function }).constructor;
  }

  #table(): Table {
    // the object kept for the class may have been collected since: this one can stand in
    if (this.#object !== null) learnFrom(this.#object);
    return tableOf(this._cls(), true);
  }

  /**
   * @returns the class name: Qt's name for the library's classes (registered with the class, so
   *   that a minifier renaming the constructors does not change it), the constructor's `name` for
   *   a user class.
   */
  className(): string {
    return qtClassName(this._cls());
  }

  /** @returns the meta-object of the base class, or null for QObject */
  superClass(): QMetaObject | null {
    if (this._cls() === QObject) return null;
    const p = Object.getPrototypeOf(this.#proto) as { constructor: Ctor } | null;
    if (p === null || p === Object.prototype) return null;
    return new QMetaObject(p.constructor);
  }

  /**
   * @param other - another meta-object
   * @returns whether this class is `other`'s class or derives from it
   * @throws TypeError if `other` is not a QMetaObject
   */
  inherits(other: QMetaObject): boolean {
    if (!(other instanceof QMetaObject)) throw new TypeError(`QMetaObject.inherits: other must be a QMetaObject, got ${describe(other)}`);
    return this.#proto === other.#proto || Object.prototype.isPrototypeOf.call(other.#proto, this.#proto);
  }

  // ------------------------------------------------------------------ methods

  /**
   * @returns the number of methods (signals and slots) of the class and its base classes.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#methodCount | QMetaObject::methodCount in Qt 6}
   */
  methodCount(): number {
    return this.#table().methods.length;
  }

  /**
   * @returns the number of methods of the base classes: the index of the class's first own
   *   method.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#methodOffset | QMetaObject::methodOffset in Qt 6}
   */
  methodOffset(): number {
    return this.#table().methodOffset;
  }

  /**
   * @param index - a method index, 0 to `methodCount() - 1`.
   * @returns the method, or an invalid QMetaMethod for an index out of range (as Qt).
   * @throws TypeError if `index` is not an integer.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#method | QMetaObject::method in Qt 6}
   */
  method(index: number): QMetaMethod {
    checkInteger('QMetaObject.method', 'index', index);
    const e = this.#table().methods[index];
    return e === undefined ? new QMetaMethod() : createMetaMethod(this, index, e);
  }

  #indexOf(method: string, arg: unknown, type: 0 | 1 | 2): number {
    const n = nameOf(method, arg, method === 'indexOfMethod' ? 'method' : method === 'indexOfSlot' ? 'slot' : 'signal');
    const m = this.#table().methods;
    for (let i = m.length - 1; i >= 0; i--) if (m[i]!.name === n && (type === 0 || m[i]!.type === type)) return i;
    return -1;
  }

  /**
   * The index of a signal or slot (the most derived class's, if a name repeats).
   * @param method - its name, or a signature such as `'timeout()'` (the parameters are ignored).
   * @returns the method index, or -1.
   * @throws TypeError if `method` is not a string.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#indexOfMethod | QMetaObject::indexOfMethod in Qt 6}
   */
  indexOfMethod(method: string): number {
    return this.#indexOf('indexOfMethod', method, 0);
  }

  /**
   * The index of a signal in the method table (QObject's `destroyed` is 0). User signals declared
   * as fields are known once an instance was inspected (`obj.metaObject()`).
   * @param signal - the signal's name (parameters in parentheses are ignored)
   * @returns the index, or -1
   * @throws TypeError if `signal` is not a string.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#indexOfSignal | QMetaObject::indexOfSignal in Qt 6}
   */
  indexOfSignal(signal: string): number {
    return this.#indexOf('indexOfSignal', signal, 1);
  }

  /**
   * The index of a slot in the method table.
   * @param slot - its name, or a signature (the parameters are ignored).
   * @returns the index, or -1.
   * @throws TypeError if `slot` is not a string.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#indexOfSlot | QMetaObject::indexOfSlot in Qt 6}
   */
  indexOfSlot(slot: string): number {
    return this.#indexOf('indexOfSlot', slot, 2);
  }

  /**
   * @returns 0: no class has invokable constructors (`Q_INVOKABLE` constructors; Qt lists two
   *   for QObject).
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#constructorCount | QMetaObject::constructorCount in Qt 6}
   */
  constructorCount(): number {
    return 0;
  }

  /**
   * @param constructor - a constructor's signature.
   * @returns -1 (there are no invokable constructors).
   * @throws TypeError if `constructor` is not a string.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#indexOfConstructor | QMetaObject::indexOfConstructor in Qt 6}
   */
  indexOfConstructor(constructor: string): number {
    nameOf('indexOfConstructor', constructor, 'constructor');
    return -1;
  }

  // ------------------------------------------------------------------ properties

  /**
   * @returns the number of Qt properties of the class and its base classes (`objectName` is 0).
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#propertyCount | QMetaObject::propertyCount in Qt 6}
   */
  propertyCount(): number {
    return this.#table().props.length;
  }

  /**
   * @returns the number of properties of the base classes.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#propertyOffset | QMetaObject::propertyOffset in Qt 6}
   */
  propertyOffset(): number {
    return this.#table().propOffset;
  }

  /**
   * @param index - a property index, 0 to `propertyCount() - 1`.
   * @returns the property, or an invalid QMetaProperty for an index out of range.
   * @throws TypeError if `index` is not an integer.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#property | QMetaObject::property in Qt 6}
   */
  property(index: number): QMetaProperty {
    checkInteger('QMetaObject.property', 'index', index);
    const e = this.#table().props[index];
    return e === undefined ? new QMetaProperty() : createMetaProperty(this, index, e);
  }

  /**
   * @param name - a property name, such as `'objectName'`.
   * @returns its index, or -1.
   * @throws TypeError if `name` is not a string.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#indexOfProperty | QMetaObject::indexOfProperty in Qt 6}
   */
  indexOfProperty(name: string): number {
    if (typeof name !== 'string') throw new TypeError(`QMetaObject.indexOfProperty: name must be a string, got ${describe(name)}`);
    const p = this.#table().props;
    for (let i = p.length - 1; i >= 0; i--) if (p[i]!.name === name) return i;
    return -1;
  }

  /**
   * @returns an invalid QMetaProperty: no property is marked USER.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#userProperty | QMetaObject::userProperty in Qt 6}
   */
  userProperty(): QMetaProperty {
    return new QMetaProperty();
  }

  // ------------------------------------------------------------------ enumerators

  /**
   * @returns the number of enums of the class and its base classes: those Qt 5.15 registers for
   *   a library class (QAbstractSocket's `SocketType`, `NetworkLayerProtocol`, `SocketError`,
   *   `SocketState` and `SocketOption`; none for QIODevice, whose `OpenModeFlag` Qt does not
   *   register), the static enum objects of a user class.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#enumeratorCount | QMetaObject::enumeratorCount in Qt 6}
   */
  enumeratorCount(): number {
    return this.#table().enums.length;
  }

  /**
   * @returns the number of enums of the base classes.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#enumeratorOffset | QMetaObject::enumeratorOffset in Qt 6}
   */
  enumeratorOffset(): number {
    return this.#table().enumOffset;
  }

  /**
   * @param index - an enumerator index, 0 to `enumeratorCount() - 1`.
   * @returns the enum (its scope is the declaring class), or an invalid QMetaEnum for an index
   *   out of range (as Qt).
   * @throws TypeError if `index` is not an integer.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#enumerator | QMetaObject::enumerator in Qt 6}
   */
  enumerator(index: number): QMetaEnum {
    checkInteger('QMetaObject.enumerator', 'index', index);
    return this.#table().enums[index] ?? new QMetaEnum({});
  }

  /**
   * @param name - an enum's name, such as `'SocketState'`.
   * @returns its index, or -1.
   * @throws TypeError if `name` is not a string.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#indexOfEnumerator | QMetaObject::indexOfEnumerator in Qt 6}
   */
  indexOfEnumerator(name: string): number {
    if (typeof name !== 'string') throw new TypeError(`QMetaObject.indexOfEnumerator: name must be a string, got ${describe(name)}`);
    const e = this.#table().enums;
    for (let i = e.length - 1; i >= 0; i--) if (e[i]!.name() === name) return i;
    return -1;
  }

  // ------------------------------------------------------------------ class info

  /**
   * @returns 0: there is no `Q_CLASSINFO`.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#classInfoCount | QMetaObject::classInfoCount in Qt 6}
   */
  classInfoCount(): number {
    return 0;
  }

  /**
   * @returns 0: there is no `Q_CLASSINFO`.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#classInfoOffset | QMetaObject::classInfoOffset in Qt 6}
   */
  classInfoOffset(): number {
    return 0;
  }

  /**
   * @param name - a class info name.
   * @returns -1: there is no `Q_CLASSINFO`.
   * @throws TypeError if `name` is not a string.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#indexOfClassInfo | QMetaObject::indexOfClassInfo in Qt 6}
   */
  indexOfClassInfo(name: string): number {
    if (typeof name !== 'string') throw new TypeError(`QMetaObject.indexOfClassInfo: name must be a string, got ${describe(name)}`);
    return -1;
  }

  /** @returns `QMetaObject(className)` */
  toString(): string {
    return `QMetaObject(${this.className()})`;
  }

  // ------------------------------------------------------------------ statics

  /**
   * Normalizes a signature as Qt does, so that it compares equal to what moc records: whitespace
   * is removed (one space is kept between two words), `const T&` and `const T` become `T`,
   * `char const*` becomes `const char*`, `unsigned int` becomes `uint`, `struct`/`class`/`enum`
   * are dropped, and `(void)` becomes `()`.
   *
   * @param method - a signature, such as `' valueChanged( const QString & ) '`.
   * @returns the normalized signature (`'valueChanged(QString)'`); '' for ''.
   * @throws TypeError if `method` is not a string.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#normalizedSignature | QMetaObject::normalizedSignature in Qt 6}
   */
  static normalizedSignature(method: string): string {
    if (typeof method !== 'string') throw new TypeError(`QMetaObject.normalizedSignature: method must be a string, got ${describe(method)}`);
    const d = removeWhitespace(method);
    let result = '';
    let argdepth = 0;
    const depth = { v: 0 };
    let i = 0;
    while (i < d.length) {
      if (argdepth === 1) {
        const [ni, part] = normalizeArg(d, i, depth);
        result += part;
        i = ni;
        if (i >= d.length) break; // most likely an invalid signature
      }
      if (d[i] === '(') ++argdepth;
      if (d[i] === ')') --argdepth;
      result += d[i++];
    }
    return result;
  }

  /**
   * Normalizes a type name with {@link QMetaObject.normalizedSignature}'s rules
   * (`'const QString &'` becomes `'QString'`).
   *
   * @param type - a type name.
   * @returns the normalized type; '' for ''.
   * @throws TypeError if `type` is not a string.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#normalizedType | QMetaObject::normalizedType in Qt 6}
   */
  static normalizedType(type: string): string {
    if (typeof type !== 'string') throw new TypeError(`QMetaObject.normalizedType: type must be a string, got ${describe(type)}`);
    if (type === '') return '';
    return normalizeArg(removeWhitespace(type), 0, { v: 0 })[1];
  }

  /**
   * Whether a signal's arguments suit a method, Qt's rule: the method's parameter list is the
   * signal's or a prefix of it (a slot may take fewer arguments).
   *
   * Given two signatures (normalized, as Qt requires), the lists are compared as text. Given two
   * QMetaMethods, `signal` must be a signal with at least as many parameters as `method`, and
   * where both carry Qt's types (the library's members), the types must be equal; a user signal,
   * whose parameter count is unknown, suits any method.
   *
   * @param signal - a signal's signature or QMetaMethod.
   * @param method - a slot's (or signal's) signature or QMetaMethod.
   * @returns whether the arguments are compatible.
   * @throws TypeError if the arguments are neither two strings nor two QMetaMethods.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#checkConnectArgs | QMetaObject::checkConnectArgs in Qt 6}
   */
  static checkConnectArgs(signal: string | QMetaMethod, method: string | QMetaMethod): boolean {
    if (typeof signal === 'string' && typeof method === 'string') {
      const a = signal.indexOf('(');
      const b = method.indexOf('(');
      if (a < 0 || b < 0) return false;
      const s1 = signal.slice(a + 1);
      const s2 = method.slice(b + 1);
      if (s2.startsWith(')') || s1 === s2) return true; // the method takes no arguments, or the same
      // the method takes fewer: its list up to ')' is the signal's up to a ','
      return s2.length < s1.length && s1.startsWith(s2.slice(0, -1)) && s1[s2.length - 1] === ',';
    }
    if (signal instanceof QMetaMethod && method instanceof QMetaMethod) {
      const s = methodEntryOf(signal);
      const m = methodEntryOf(method);
      if (s === null || m === null || s.type !== 1) return false;
      if (!s.counted) return true;
      if (s.types.length < m.types.length) return false;
      if (s.typed && m.typed) for (let i = 0; i < m.types.length; i++) if (s.types[i] !== m.types[i]) return false;
      return true;
    }
    throw new TypeError(`QMetaObject.checkConnectArgs: signal and method must be two signatures or two QMetaMethods, got ${describe(signal)} and ${describe(method)}`);
  }

  /**
   * Connects, for each method of `object` named `on_<objectName>_<signalName>`, the signal
   * `<signalName>` of the descendant of `object` (or `object` itself) named `<objectName>` to
   * it, as Qt Designer's generated code does. A method that is a signal is connected as a signal
   * (signal-to-signal). A name of that form (with an underscore after the fourth character) that
   * matches no object or signal warns as Qt does: `QMetaObject::connectSlotsByName: No matching
   * signal for on_foo_bar()`.
   *
   * The descendants are searched depth-first in children order, then `object` itself; the first
   * one that has the signal is connected (Qt's order). Each connection calls the sender's
   * `connectNotify()`. Calling it twice connects twice, as in Qt.
   *
   * @param object - the object whose methods are the slots.
   * @throws TypeError if `object` is not a QObject; Error if it was deleted.
   * @remarks
   * #### Differences from Qt
   * Qt looks for a signal with the slot's exact parameter types, then for one whose list begins
   * with them. Here the signal is found by name, then must suit the method by
   * {@link QMetaObject.checkConnectArgs}'s rule: where both parameter counts are known (a
   * library signal, and a method's `Function.length`), a method that takes more arguments than
   * the signal sends is not connected, as in Qt. The methods considered are those of the method
   * table (see {@link QMetaObject}): a method whose name starts with `_` is not.
   * @see {@link https://doc.qt.io/qt-6/qmetaobject.html#connectSlotsByName | QMetaObject::connectSlotsByName in Qt 6}
   */
  static connectSlotsByName(object: QObject): void {
    if (!(object instanceof QObject)) throw new TypeError(`QMetaObject.connectSlotsByName: object must be a QObject, got ${describe(object)}`);
    if (hooks.isDeleted(object)) throw deletedError(object, 'connectSlotsByName');
    const mo = object.metaObject();
    const list = [...object.findChildren(QObject), object];
    const n = mo.methodCount();
    for (let i = 0; i < n; i++) {
      const m = mo.method(i);
      const slot = m.methodSignature();
      if (!slot.startsWith('on_')) continue;
      let found = false;
      for (const co of list) {
        if (hooks.isDeleted(co)) continue;
        const coName = co.objectName();
        if (coName === '' || !slot.startsWith(coName, 3) || slot[coName.length + 3] !== '_') continue;
        const rest = slot.slice(coName.length + 4);
        const signalName = rest.slice(0, rest.indexOf('('));
        const smo = co.metaObject();
        const k = smo.indexOfSignal(signalName);
        if (k < 0) continue;
        if (!QMetaObject.checkConnectArgs(smo.method(k), m)) continue;
        const sig = (co as unknown as Record<string, unknown>)[signalName];
        if (!(sig instanceof Signal)) continue;
        let cn: Connection;
        if (m.methodType() === QMetaMethod.Signal) cn = sig.connect(object, (object as unknown as Record<string, Signal<any>>)[m.name()]!);
        else cn = sig.connect(object, m.name() as never);
        if (cn.isValid()) {
          found = true;
          break;
        }
      }
      if (!found) {
        const paren = slot.indexOf('(');
        if (slot.lastIndexOf('_', paren - 1) > 3) qWarning(`QMetaObject::connectSlotsByName: No matching signal for ${slot}`);
      }
    }
  }

  /**
   * Calls a method of `obj` by name (or a function with `obj` as context): directly, or posted for
   * `Qt.QueuedConnection`.
   * @param obj - the object
   * @param member - a method name of `obj`, or a function
   * @param type - `Qt.AutoConnection`/`DirectConnection` (call now) or `Qt.QueuedConnection`
   *   (no flags: Qt would take `UniqueConnection` here for a blocking call and report a deadlock)
   * @param args - the arguments
   * @returns false, with Qt's warning, when there is no such method (`QMetaObject::invokeMethod: No
   *   such method Counter::nope()`), or when it cannot take that many arguments: a library member
   *   takes the parameter count of one of its Qt overloads (QTimer's `start` 0 or 1, `stop` 0), a
   *   user method at least its `Function.length`; Qt then lists the candidates
   *   (`No such method QTimer::stop(...)`, a newline, `Candidates are:`, a newline, four spaces and
   *   `stop()`). A member of a library class that Qt lists as no signal or slot is no such method
   *   (`No such method QObject::objectName()`, as for QTimer's `isActive` and `setInterval` or
   *   QCoreApplication's `exit`), and neither is a user class's override of one (of `event()`, say);
   *   QObject's `deleteLater()`, QTimer's `start()` and `stop()`, the `quit()` of QCoreApplication
   *   and QEventLoop and QSocketNotifier's `setEnabled()` are slots. Nothing is called or posted.
   * @throws TypeError if `obj` is not a QObject, `member` is neither a string nor a function, or
   *   `type` is not an integer
   * @throws RangeError if `type` is another integer than 0, 1 or 2
   * @remarks
   * #### Differences from Qt
   * Qt looks for the signature built from the arguments' types (`Q_ARG(int, 1)`); JavaScript's
   * values have none, so only their count is checked, and the warning shows one `...` per
   * argument where Qt shows the types. A user method may take more arguments than its
   * `Function.length` (Qt would refuse them), since JavaScript cannot tell how many a method with
   * default values or rest parameters takes. A user signal takes any count. PyQt5 raises
   * RuntimeError where Qt (and tsqt) return false. Qt 5.15's warning for QAbstractSocket's
   * `error` lists its obsolete signal `error(QAbstractSocket::SocketError)` as the candidate;
   * tsqt has no such signal and lists none.
   */
  static invokeMethod(obj: QObject, member: string | ((...args: any[]) => unknown), type = 0, ...args: unknown[]): boolean {
    if (!(obj instanceof QObject)) throw new TypeError(`QMetaObject.invokeMethod: obj must be a QObject, got ${describe(obj)}`);
    if (hooks.isDeleted(obj)) throw deletedError(obj, 'invokeMethod');
    checkConnectionType('QMetaObject.invokeMethod', type, 0);
    let fn: ((...a: unknown[]) => unknown) | null = null;
    let method: string | null = null;
    let target: Signal<any> | null = null;
    if (typeof member === 'function') fn = member as (...a: unknown[]) => unknown;
    else if (typeof member === 'string') {
      const name = member.replace(/\(.*$/, '');
      const v = (obj as unknown as Record<string, unknown>)[name];
      // obj may be under construction (its fields and what its getters read yet to come): nothing
      // is learned from it here, and the checks read no getter
      const row = rowOf(obj.constructor, name);
      if (v instanceof Signal) target = v;
      else if (typeof v === 'function' && !libraryNonSlot(obj.constructor, row, name)) method = name;
      else {
        qWarning(`QMetaObject::invokeMethod: No such method ${qtClassName(obj.constructor)}::${callSignature(name, args.length)}`);
        return false;
      }
      const candidates = name === 'deleteLater' ? (args.length === 0 ? null : ['deleteLater()']) : refusedArgumentCount(row, name, args.length);
      if (candidates !== null) {
        const list = candidates.map((c) => `\n    ${c}`).join('');
        qWarning(`QMetaObject::invokeMethod: No such method ${qtClassName(obj.constructor)}::${callSignature(name, args.length)}\nCandidates are:${list}`);
        return false;
      }
    } else throw new TypeError(`QMetaObject.invokeMethod: member must be a method name or a function, got ${describe(member)}`);
    if (type === 2) {
      postEvent(obj, new QMetaCallEvent(fn, obj, method, target, args, null, null), 0);
      return true;
    }
    if (target !== null) target._emitArgs(args);
    else callWithSender(obj, null, null, fn ?? (obj as unknown as Record<string, (...a: unknown[]) => unknown>)[method!]!, args);
    return true;
  }
}
