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
