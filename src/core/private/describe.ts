// SPDX-License-Identifier: MIT
// Not part of the public API; may change without notice.
// How error messages name a value they refuse ("..., got <description>"), in the two styles the
// modules use. A library class is named by its Qt name (registered with it), not Function.name.
import { qtClassName } from './internals.js';

/** The class name of an object, or null if it has no constructor. */
function classOf(v: object): string | null {
  const c = (v as { constructor?: unknown }).constructor;
  return typeof c === 'function' ? qtClassName(c) : null;
}

/**
 * The object model's style: an object by its class, anything else by its type and value
 * (`string abc`, `number 5`, `null`).
 * @internal
 */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'object' || typeof v === 'function') return classOf(v) ?? typeof v;
  return `${typeof v} ${String(v)}`;
}

/**
 * The I/O and network style: a string quoted (`"abc"`), a number, bigint or boolean as written,
 * an object by its class, anything else by its type (`undefined`, `function`, `symbol`).
 * @internal
 */
export function describeQuoted(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') return classOf(v) ?? 'object';
  return typeof v;
}
