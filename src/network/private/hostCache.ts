// SPDX-License-Identifier: MIT
/**
 * Qt's QHostInfoCache: the addresses of host names looked up successfully in the last 60 seconds,
 * at most 128 names (the least recently used goes first). With it, Qt's connectToHost() of a name
 * it has just resolved completes inside the call, as a literal address does; failed lookups are
 * not kept. One cache per realm (Qt: per process).
 *
 * @internal
 * @module
 */
import { performance } from 'node:perf_hooks';
import { QHostAddress } from '../QHostAddress.js';

/** Qt's max_age: 60 s. */
const MAX_AGE_MS = 60_000;
/** Qt's QCache size: 128 names. */
const MAX_NAMES = 128;

interface Entry {
  readonly addresses: readonly QHostAddress[];
  readonly at: number;
}

const cache = new Map<string, Entry>();

/**
 * The cached addresses of `name` (copies), or null when it has none younger than 60 s. A hit
 * makes the name the most recently used, as QCache::object() does.
 * @internal
 */
export function cachedHost(name: string): QHostAddress[] | null {
  const e = cache.get(name);
  if (e === undefined) return null;
  cache.delete(name);
  cache.set(name, e);
  if (performance.now() - e.at >= MAX_AGE_MS) return null;
  return e.addresses.map((a) => new QHostAddress(a));
}

/** Keeps a successful lookup's addresses (an empty list is a failure: not kept). @internal */
export function cacheHost(name: string, addresses: readonly QHostAddress[]): void {
  if (addresses.length === 0) return;
  cache.delete(name);
  cache.set(name, { addresses: addresses.map((a) => new QHostAddress(a)), at: performance.now() });
  if (cache.size > MAX_NAMES) cache.delete(cache.keys().next().value!);
}

/**
 * The addresses of a lookup's answer, as Qt's QHostInfoAgent::lookup() lists getaddrinfo's: in
 * order, each once (getaddrinfo repeats an address /etc/hosts lists twice; Node's dns.lookup
 * passes the repeats on, Qt drops them), unparsable entries left out.
 * @internal
 */
export function lookupAddresses(texts: readonly string[]): QHostAddress[] {
  const out: QHostAddress[] = [];
  const seen = new Set<string>();
  for (const t of texts) {
    const a = new QHostAddress(t);
    if (a.isNull()) continue;
    const key = a.toString();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

/** Qt's qt_qhostinfo_clear_cache(), for tests that need a name looked up afresh. @internal */
export function clearHostCache(): void {
  cache.clear();
}
