// SPDX-License-Identifier: MIT
// Not part of the public API; may change without notice.
// The network classes' argument checks, with the messages in the I/O and network style (a refused
// value as written: `"abc"`, `1.5`). Same rules as ../../core/private/args.ts: the argument comes back
// unchanged or the check throws, and the success path builds no string.
import { describeQuoted as describe } from '../../core/private/describe.js';

/**
 * A C++ `int` (msecs, a hop limit, an interface index, a netmask): an integer number (TypeError
 * otherwise) from -2147483648 to 2147483647 (RangeError otherwise; PyQt5 raises OverflowError).
 * @param where - `Class.method`, for the messages
 * @param arg - the argument's name
 * @internal
 */
export function checkInt32(where: string, arg: string, v: unknown): number {
  if (typeof v === 'number' && (v | 0) === v) return v;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`${where}: ${arg} must be an integer, got ${describe(v)}`);
  throw new RangeError(`${where}: ${arg} must be in -2147483648..2147483647, got ${v}`);
}

/**
 * An unsigned C++ integer (`quint16`, `uint`): an integer number (TypeError otherwise, a fraction or
 * NaN included, as PyQt5) in 0..`max` (RangeError otherwise; PyQt5 raises OverflowError).
 * @param max - the type's largest value (65535, 4294967295)
 * @internal
 */
export function checkUnsigned(where: string, arg: string, v: unknown, max: number): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max) return v;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`${where}: ${arg} must be an integer in 0..${max}, got ${describe(v)}`);
  throw new RangeError(`${where}: ${arg} must be an integer in 0..${max}, got ${v}`);
}

/**
 * A `quint16` port (see {@link checkUnsigned}).
 * @internal
 */
export function checkPort(where: string, v: unknown): number {
  return checkUnsigned(where, 'port', v, 0xffff);
}

/**
 * A flag combination whose bits are those of 0..`max` (a bind mode, a pause mode): an integer
 * number (TypeError otherwise, a fraction or NaN included, as PyQt5) in 0..`max` (RangeError
 * otherwise).
 * @internal
 */
export function checkFlagRange(where: string, arg: string, v: unknown, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`${where}: ${arg} must be an integer flag combination, got ${describe(v)}`);
  if (v < 0 || v > max) throw new RangeError(`${where}: ${arg} must be a flag combination in 0..${max}, got ${v}`);
  return v;
}
