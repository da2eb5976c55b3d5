// SPDX-License-Identifier: MIT
// Shared helpers of the QUdpSocket / QAbstractSocket tests (not a test file itself).
import { qInstallMessageHandler } from '../../src/core/qlogging.js';
import type { QtMessageHandler } from '../../src/core/qlogging.js';
import { QUdpSocket } from '../../src/network/QUdpSocket.js';

/** Lets Node's loop (and so tsqt's dispatcher) run for `ms` milliseconds. */
export function spin(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Blocks the thread (like Python's time.sleep in the oracle scenarios): nothing is delivered. */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Waits until `cond()` holds (polling every 5 ms), at most `ms`. */
export async function until(cond: () => boolean, ms = 2000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) return false;
    await spin(5);
  }
  return true;
}

/** Sockets created through {@link track} are closed by {@link closeAll}. */
const live: QUdpSocket[] = [];

/** Creates a QUdpSocket that {@link closeAll} will release. */
export function track(s: QUdpSocket = new QUdpSocket()): QUdpSocket {
  live.push(s);
  return s;
}

/** Releases every tracked socket (use in afterEach). */
export function closeAll(): void {
  for (const s of live.splice(0)) {
    try {
      s.dispose();
    } catch {
      // already gone
    }
  }
}

/** Captures Qt messages while `fn` runs; returns them. */
export function captureWarnings<T>(fn: () => T): { result: T; messages: string[] } {
  const messages: string[] = [];
  const h: QtMessageHandler = (_t, _c, m) => {
    messages.push(m);
  };
  const prev = qInstallMessageHandler(h);
  try {
    return { result: fn(), messages };
  } finally {
    qInstallMessageHandler(prev);
  }
}

/** Installs a capturing message handler until the returned function is called. */
export function collectWarnings(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const prev = qInstallMessageHandler((_t, _c, m) => {
    messages.push(m);
  });
  return { messages, restore: () => void qInstallMessageHandler(prev) };
}
