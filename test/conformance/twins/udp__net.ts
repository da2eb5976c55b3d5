/**
 * What the network twins (udp_*, mc_*) share beyond ../trace.ts: a blocking sleep (Python's
 * `time.sleep` outside the loop) and an end-of-scenario that closes the scenario's sockets after
 * taking the trace. Not a scenario itself (no trace file names it).
 */
import { QAbstractSocket } from '../../../src/index.js';
import { TRACE, done as traceDone, enumName } from '../trace.js';

export {
  app, ev, errorName, flagsName, freeUdpPort, namePort, openMode, P, protoName, run, stateName,
} from '../trace.js';
export { enumName } from '../trace.js';

/**
 * Python's `time.sleep(ms / 1000)` between statements: blocks the thread without returning to Node's
 * loop (nothing is delivered meanwhile) and without spinning a CPU.
 */
export function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * `_oracle.done()`: takes the trace, then deletes the given sockets (the Python process simply exits;
 * here they must be released so that the process can end) and releases the application.
 * Signals emitted by the clean-up are not part of the returned trace.
 */
export function done(...sockets: Array<{ dispose(): void }>): unknown[] {
  const out = TRACE.slice();
  // dispose() is Qt's delete (the Python process's exit): it also releases an OS socket kept after a
  // failed bind, which close() on an Unconnected socket leaves in place.
  for (const s of sockets) s.dispose();
  traceDone();
  return out;
}

/** `enum_name(QAbstractSocket, t, QAbstractSocket.SocketType)`: "UdpSocket". */
export function socketTypeName(t: number): string {
  return enumName(QAbstractSocket.SocketType, t);
}
