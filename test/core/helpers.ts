// Test helpers for the core suites (not a test file).
import { expect } from 'chai';
import { QCoreApplication } from '../../src/core/QCoreApplication.js';
import { keepAliveState } from '../../src/core/private/dispatcher.js';
import { qInstallMessageHandler, type QtMessageHandler } from '../../src/core/qlogging.js';

/** Resolves after `n` turns of Node's loop (each lets one dispatcher pass run). */
export async function turns(n = 2): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((r) => setImmediate(r));
}

/** Resolves after `ms` wall-clock ms. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Registers hooks for a test file: a fresh exception handler collecting errors, message capture,
 * and an `after` hook that fails the file if it left timers, keep-alives or loops open.
 */
export function coreHooks(): { errors: unknown[]; messages: string[] } {
  const state = { errors: [] as unknown[], messages: [] as string[] };
  let prevHandler: ((e: unknown) => void) | null = null;
  let prevMsg: QtMessageHandler | null = null;
  beforeEach(() => {
    state.errors.length = 0;
    state.messages.length = 0;
    prevHandler = QCoreApplication.setExceptionHandler((e) => state.errors.push(e));
    prevMsg = qInstallMessageHandler((_t, _c, m) => state.messages.push(m));
  });
  afterEach(async () => {
    QCoreApplication.instance()?.dispose();
    await turns(2);
    QCoreApplication.setExceptionHandler(prevHandler);
    qInstallMessageHandler(prevMsg);
  });
  after(async () => {
    await turns(2);
    const s = keepAliveState();
    expect(s, 'the test file left keep-alive handles open').to.deep.equal({ timers: 0, keepAlive: 0, loops: 0, refd: false });
  });
  return state;
}

/**
 * QTRY_VERIFY: resolves once `cond()` is true, polling on Node's loop every few ms; fails with
 * `what` after `timeout` ms (generous by default: the tests run on shared, slow machines).
 */
export async function tryVerify(cond: () => boolean, timeout = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeout;
  while (!cond()) {
    if (Date.now() > end) expect.fail(`${what} not met within ${timeout} ms`);
    await sleep(5);
  }
}

/** QTest::qSleep: blocks the thread for `ms` (a busy wait: nothing else runs meanwhile). */
export function qSleep(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}
