/**
 * Shared helpers for the conformance twins: the TypeScript counterpart of
 * `../shared/oracle/scenarios/_oracle.py`.
 *
 * Each twin runs in its own process (see runner.ts), so this module keeps ONE trace per process, as the
 * Python helper does. A twin builds its trace with {@link ev}, and returns {@link done}'s result:
 *
 * ```ts
 * import { ev, done } from '../trace.js';
 * export default async function run(): Promise<unknown[]> {
 *   ev('emit:call');
 *   ...
 *   return done();
 * }
 * ```
 *
 * Importing this module installs a message handler (as `_oracle.py` does at import time) that records
 * every Qt message as `["qtMessage", "QtWarningMsg", text]`, with `0x...` pointers normalised to `0x<addr>`.
 *
 * The tsqt API is reached through a namespace import, read lazily, so that this module loads even while
 * parts of src/ are still missing (a twin that needs a missing class fails by itself, not every twin).
 */
import * as tsqt from '../../src/index.js';

/** A very loose view of the tsqt namespace, for lazy access to classes that may not exist yet. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const Q: any = tsqt;

/** The trace being recorded in this process. */
export const TRACE: unknown[][] = [];

/**
 * Appends one event `[label, ...values]`, normalising each value the way `_oracle.py`'s `_norm` does:
 * bytes (Buffer / Uint8Array) become latin-1 strings, `undefined` (tsqt's invalid QVariant / "no value")
 * becomes `null` (Python's None), arrays and plain objects are normalised recursively.
 */
export function ev(...items: unknown[]): void {
  TRACE.push(items.map(norm));
}

/** Normalises one trace value (see {@link ev}). */
export function norm(x: unknown): unknown {
  if (x === undefined) return null;
  if (x instanceof Uint8Array) return Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('latin1');
  if (Array.isArray(x)) return x.map(norm);
  if (x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = norm(v);
    return out;
  }
  return x;
}

// ---- Qt message capture ---------------------------------------------------------------------------

const MSG_TYPE_NAMES: Record<number, string> = {
  0: 'QtDebugMsg',
  1: 'QtWarningMsg',
  2: 'QtCriticalMsg',
  3: 'QtFatalMsg',
  4: 'QtInfoMsg',
};

/** Name of a QtMsgType value ("QtWarningMsg"), taken from tsqt's `QtMsgType` when it has one. */
export function msgTypeName(type: number): string {
  const fromEnum = Q.QtMsgType !== undefined ? enumNameOrNull(Q.QtMsgType, type) : null;
  return fromEnum ?? MSG_TYPE_NAMES[type] ?? String(type);
}

/** Replaces pointer values (`0x1f2e...`) in a Qt message by `0x<addr>`, as the oracle does. */
export function normalizeMessage(message: string): string {
  return message.replace(/0x[0-9a-fA-F]+/g, '0x<addr>');
}

/** The handler installed at import: records `["qtMessage", typeName, normalisedText]`. */
export function messageHandler(type: number, _context: unknown, message: string): void {
  TRACE.push(['qtMessage', msgTypeName(type), normalizeMessage(String(message))]);
}

/** Installs {@link messageHandler} (done once at import; call again if a twin replaced it). */
export function captureMessages(): void {
  if (typeof Q.qInstallMessageHandler === 'function') Q.qInstallMessageHandler(messageHandler);
}

captureMessages();

// ---- enum names -----------------------------------------------------------------------------------

function enumNameOrNull(enumObject: Record<string, unknown>, value: number): string | null {
  const names = Object.keys(enumObject).filter((k) => typeof enumObject[k] === 'number' && enumObject[k] === Number(value));
  return names.length === 0 ? null : names.sort().join('|');
}

/**
 * Symbolic name of an enum value, looked up in a tsqt `as const` enum object such as
 * `QAbstractSocket.SocketState`: every name with that value, sorted, joined by `|` (as `_oracle.py`'s
 * `enum_name`); `"<EnumObject>(<n>)"`-style `"?(n)"` when none matches.
 */
export function enumName(enumObject: object, value: number): string {
  return enumNameOrNull(enumObject as Record<string, unknown>, value) ?? `?(${Number(value)})`;
}

/** `QAbstractSocket.SocketState` value → name ("BoundState"). */
export function stateName(s: number): string {
  return enumName(Q.QAbstractSocket.SocketState, s);
}

/** `QAbstractSocket.SocketError` value → name ("AddressInUseError"). */
export function errorName(e: number): string {
  return enumName(Q.QAbstractSocket.SocketError, e);
}

/** `QAbstractSocket.NetworkLayerProtocol` value → name ("IPv4Protocol"). */
export function protoName(p: number): string {
  return enumName(Q.QAbstractSocket.NetworkLayerProtocol, p);
}

/** QEvent type → name: `"User+n"` for User..MaxUser, otherwise the `QEvent.Type` name. */
export function eventName(t: number): string {
  const user: number = Q.QEvent?.User ?? Q.QEvent?.Type?.User ?? 1000;
  const maxUser: number = Q.QEvent?.MaxUser ?? Q.QEvent?.Type?.MaxUser ?? 65535;
  if (t >= user && t <= maxUser) return `User+${t - user}`;
  return enumName(Q.QEvent.Type, t);
}

/**
 * Names of the set bits of a flags value, from an explicit candidate list, in candidate order
 * (`_oracle.py`'s `flags_name`). `owner` holds the flag values by name (an `as const` enum object or a
 * class with unscoped statics).
 */
export function flagsName(owner: object, value: number, candidates: string[]): string[] {
  const o = owner as Record<string, number>;
  return candidates.filter((c) => Number(o[c]) !== 0 && (value & Number(o[c])) === Number(o[c]));
}

/** QIODevice open mode → list of flag names (`["NotOpen"]` when none), as `_oracle.py`'s `open_mode`. */
export function openMode(m: number): string[] {
  const names = ['ReadOnly', 'WriteOnly', 'Append', 'Truncate', 'Text', 'Unbuffered', 'NewOnly', 'ExistingOnly'];
  const owner = (Q.QIODevice?.OpenModeFlag ?? Q.QIODevice) as Record<string, number>;
  const out = names.filter((n) => (Number(m) & Number(owner[n])) !== 0);
  return out.length > 0 ? out : ['NotOpen'];
}

// ---- ports ----------------------------------------------------------------------------------------

const PORTS = new Map<number, string>();

/** Registers a label for an ephemeral port; returns the label. */
export function namePort(port: number, label: string): string {
  PORTS.set(Number(port), label);
  return label;
}

/** Normalises a port: 0 stays 0, registered ports give their label, others `"<port>"`. */
export function P(port: number): number | string {
  const p = Number(port);
  if (p === 0) return 0;
  return PORTS.get(p) ?? '<port>';
}

/** A UDP port on 127.0.0.1 that was just free (bound and released). */
export function freeUdpPort(): number {
  const s = new Q.QUdpSocket();
  s.bind(new Q.QHostAddress('127.0.0.1'), 0);
  const p: number = s.localPort();
  s.close();
  if (typeof s.dispose === 'function') s.dispose();
  return p;
}

/** QHostAddress → string (a null address gives ""). */
export function addr(a: { toString(): string }): string {
  return a.toString();
}

// ---- lifecycle ------------------------------------------------------------------------------------

/** The QCoreApplication of this process: the existing instance, or a new one (`_oracle.py`'s `app()`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function app(): any {
  return Q.QCoreApplication.instance() ?? new Q.QCoreApplication(['twin']);
}

/**
 * Runs the event loop for `ms` milliseconds (a single-shot quit, then `exec()`), then returns exec's
 * code; with `recordExec`, records `["execReturned", code]`.
 */
export async function run(ms: number, recordExec = false): Promise<number> {
  const a = app();
  Q.QTimer.singleShot(ms, a, () => Q.QCoreApplication.quit());
  const rc: number = await Q.QCoreApplication.exec();
  if (recordExec) ev('execReturned', rc);
  return rc;
}

/** Promise of a plain wall-clock sleep that does not run Qt events by itself (Node's loop still runs). */
export function sleepMs(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Busy-waits `ms` milliseconds without returning to Node's loop (Python's `time.sleep` in a slot). */
export function blockMs(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* spin: the oracle scenarios sleep synchronously */
  }
}

/**
 * Ends the scenario: releases the QCoreApplication if one exists (so the process can exit), and returns
 * a copy of the trace (the twin's return value).
 */
export function done(): unknown[][] {
  const inst = Q.QCoreApplication?.instance?.();
  if (inst !== null && inst !== undefined && typeof inst.dispose === 'function') inst.dispose();
  return TRACE.slice();
}

/**
 * Wraps a slot so that an exception is recorded as `["pythonException", name, message]` (the oracle's
 * label) instead of reaching the exception handler (`_oracle.py`'s `guard`).
 */
export function guard<A extends unknown[], R>(fn: (...a: A) => R): (...a: A) => R | undefined {
  return (...a: A) => {
    try {
      return fn(...a);
    } catch (e) {
      const err = e as Error;
      ev('pythonException', err?.name ?? typeof e, err?.message ?? String(e));
      return undefined;
    }
  };
}
