// SPDX-License-Identifier: MIT
// Not part of the public API; may change without notice.
// The argument checks shared by the library's classes, each for one C++ argument type as PyQt5 5.15
// takes it. Every check returns its (unchanged) argument or throws, so a refused call changes nothing:
// a TypeError when PyQt5 raises TypeError (wrong type: a string, null, a bigint, a fraction, NaN),
// a RangeError where PyQt5 raises OverflowError (an integer that does not fit the C++ type) or where
// tsqt is stricter than PyQt5 (an enum value that is not one of the enum's). The success path builds
// no string and allocates nothing: the messages are made by the throw helpers below.
//
// JavaScript has one number type, so a number that is an integer (2.0, -0) counts as one where PyQt5
// wants a Python int, and a boolean, which is not a number here, is no integer (PyQt5 takes True as 1
// only because Python's bool is an int).
import { Qt } from '../Qt.js';
import { describe, describeQuoted } from './describe.js';

const INT_MIN = -0x80000000;
const INT_MAX = 0x7fffffff;

function typeError(where: string, arg: string, what: string, got: string): TypeError {
  return new TypeError(`${where}: ${arg} must be ${what}, got ${got}`);
}

/**
 * A C++ `int`: an integer number (TypeError otherwise) from -2147483648 to 2147483647 (RangeError
 * otherwise, where PyQt5 raises OverflowError).
 * @param where - `Class.method`, for the messages
 * @param arg - the argument's name
 * @internal
 */
export function checkInt(where: string, arg: string, v: unknown): number {
  if (typeof v === 'number' && (v | 0) === v) return v;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw typeError(where, arg, 'an integer', describe(v));
  throw new RangeError(`${where}: ${arg} must be from ${INT_MIN} to ${INT_MAX}, got ${v}`);
}

/**
 * A `qint64` count (ms, ns): an integer number, TypeError otherwise. There is no range check: every
 * integer a number holds exactly fits a qint64.
 * @internal
 */
export function checkInteger(where: string, arg: string, v: unknown): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  throw typeError(where, arg, 'an integer', describe(v));
}

/**
 * A C++ `bool` as PyQt5 takes it: a boolean, or an integer number read as its truth value (PyQt5
 * takes any int there and refuses a float such as 1.5, None or a str with a TypeError).
 * @returns the truth value
 * @internal
 */
export function checkBool(where: string, arg: string, v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return v !== 0;
  throw typeError(where, arg, 'a boolean', describe(v));
}

/**
 * A `Qt::TimerType`: an integer number (TypeError otherwise, as PyQt5) that is one of the three
 * timer types (RangeError otherwise; PyQt5 would take any int).
 * @internal
 */
export function checkTimerType(where: string, arg: string, v: unknown): Qt.TimerType {
  if (v === Qt.PreciseTimer || v === Qt.CoarseTimer || v === Qt.VeryCoarseTimer) return v;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw typeError(where, arg, 'a Qt.TimerType', describe(v));
  throw new RangeError(`${where}: ${arg} must be a Qt.TimerType, got ${v}`);
}

/**
 * Checks a connection type argument (off the emission path: connect with a type, invokeMethod).
 * @param where - `Class.method` for the messages
 * @param type - the argument; undefined is AutoConnection
 * @param flags - the flags allowed besides the base type (`UniqueConnection | SingleShotConnection`
 *   for a connect, none for invokeMethod)
 * @returns the type
 * @internal
 */
export function checkConnectionType(where: string, type: unknown, flags: number): number {
  if (type === undefined) return 0;
  if (typeof type !== 'number' || !Number.isInteger(type)) {
    throw new TypeError(`${where}: type must be a Qt.ConnectionType, got ${describe(type)}`);
  }
  // range first: the bit tests below see only 32 bits (2 ** 32 + 2 would pass for 2)
  if (type < 0 || type > 0x1ff || (type & ~(0x7f | flags)) !== 0 || (type & 0x7f) > 3) {
    const what = flags === 0 ? 'Qt.AutoConnection, DirectConnection or QueuedConnection' : 'a Qt.ConnectionType';
    throw new RangeError(`${where}: type must be ${what}, got ${type}`);
  }
  if ((type & 0x7f) === 3) {
    throw new RangeError(`${where}: type 3 is Qt's BlockingQueuedConnection, which tsqt does not have (one thread)`);
  }
  return type;
}

/**
 * A flags argument: an integer number (TypeError otherwise) made only of the bits of `mask`
 * (RangeError otherwise, negative numbers included).
 * @param mask - every allowed bit
 * @param what - the flag type, as the messages name it (`QEventLoop.ProcessEventsFlag`)
 * @internal
 */
export function checkFlags(where: string, arg: string, v: unknown, mask: number, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw typeError(where, arg, `${what} values`, describe(v));
  if (v < 0 || v > mask || (v & ~mask) !== 0) {
    throw new RangeError(`${where}: ${arg} must be a combination of ${what} values (bits 0x${mask.toString(16)}), got ${v}`);
  }
  return v;
}

/**
 * Every bit of an enum's values, so a flags mask is derived from the enum rather than written out.
 * @internal
 */
export function allBits(flags: Readonly<Record<string, number>>): number {
  let mask = 0;
  for (const k of Object.keys(flags)) mask |= flags[k]!;
  return mask;
}

/**
 * Whether `v` is a size {@link checkSize} takes; a hot path calls checkSize (and builds its `where`)
 * only when this is false.
 * @internal
 */
export function isSize(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER;
}

/**
 * A byte count or size (the I/O classes' `qint64 maxSize`): an integer number (TypeError otherwise,
 * a fraction or NaN included, as PyQt5) from 0 to 2^53 - 1 (RangeError otherwise; PyQt5 raises
 * ValueError for a negative size). Messages in the I/O style.
 * @internal
 */
export function checkSize(where: string, arg: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw typeError(where, arg, 'a non-negative integer', describeQuoted(v));
  // beyond 2^53 a number is no longer an exact integer (Qt's qint64 would be)
  if (v < 0 || v > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`${where}: ${arg} must be a non-negative integer, got ${v}`);
  }
  return v;
}
