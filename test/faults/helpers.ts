// SPDX-License-Identifier: MIT
// Shared helpers of the fault and stress tests (not a test file itself): resource counters and
// child processes (a crash or a lowered limit must not take mocha down with it).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { keepAliveState } from '../../src/core/private/dispatcher.js';
import { loadNative } from '../../src/private/native.js';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Open file descriptors of this process. */
export function fdCount(): number {
  return readdirSync('/proc/self/fd').length;
}

function udpInodes(): Set<string> {
  const out = new Set<string>();
  for (const f of ['/proc/net/udp', '/proc/net/udp6']) {
    let text = '';
    try {
      text = readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 9) out.add(cols[9]!);
    }
  }
  return out;
}

/** UDP sockets among this process's descriptors (through /proc/net/udp{,6} inodes). */
export function udpFdCount(): number {
  const inodes = udpInodes();
  let n = 0;
  for (const f of readdirSync('/proc/self/fd')) {
    let target = '';
    try {
      target = readlinkSync(`/proc/self/fd/${f}`);
    } catch {
      continue; // closed meanwhile (the readdir's own descriptor)
    }
    const m = /^socket:\[(\d+)\]$/.exec(target);
    if (m !== null && inodes.has(m[1]!)) n++;
  }
  return n;
}

/** Resident set size in bytes (from /proc/self/statm). */
export function rssBytes(): number {
  const pages = Number(readFileSync('/proc/self/statm', 'utf8').split(' ')[1]);
  return pages * 4096;
}

/** A full garbage collection (mocha runs with --expose-gc), twice to run finalizers in between. */
export async function fullGc(): Promise<void> {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g === undefined) return;
  g();
  await new Promise((r) => setImmediate(r));
  g();
  await new Promise((r) => setTimeout(r, 10));
  g();
}

/** Heap used after a full collection. */
export async function heapUsed(): Promise<number> {
  await fullGc();
  return process.memoryUsage().heapUsed;
}

/** Everything the socket layer holds: descriptors, native sockets and poll handles, keep-alives. */
export interface ResourceSnapshot {
  fds: number;
  udpFds: number;
  nativeSockets: number;
  nativePolls: number;
  keepAlive: number;
}

/** Takes a {@link ResourceSnapshot} (after a collection, so freed poll handles are counted out). */
export async function resources(): Promise<ResourceSnapshot> {
  await fullGc();
  const [nativeSockets, nativePolls] = loadNative().resources();
  return { fds: fdCount(), udpFds: udpFdCount(), nativeSockets, nativePolls, keepAlive: keepAliveState().keepAlive };
}

/** MB with one decimal, for printed figures. */
export function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/** Runs a TypeScript fixture (test/faults/fixtures/NAME.ts) in a child Node, optionally behind a
 * prefix command (prlimit, setpriv). stdout's last line is parsed as JSON when it is JSON. */
export function runFixture(
  name: string,
  args: string[] = [],
  prefix: string[] = [],
  timeoutMs = 60000,
): SpawnSyncReturns<string> & { json: unknown } {
  const file = fileURLToPath(new URL(`./fixtures/${name}.ts`, import.meta.url));
  const cmd = [...prefix, process.execPath, '--import', 'tsx', '--expose-gc', file, ...args];
  const r = spawnSync(cmd[0]!, cmd.slice(1), { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs });
  let json: unknown = undefined;
  const lines = (r.stdout ?? '').trim().split('\n');
  try {
    json = JSON.parse(lines[lines.length - 1]!);
  } catch {
    json = undefined;
  }
  return Object.assign(r, { json });
}

/** True when `cmd --version`-like probing of an executable succeeds. */
export function hasCommand(cmd: string): boolean {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0;
}

/** One create/bind/write/close/delete cycle of the churn tests, `n` times. Returns the datagrams
 * the sockets accepted (each writes one to itself). */
export async function churn(n: number, QUdpSocketCtor: new () => import('../../src/network/QUdpSocket.js').QUdpSocket, host: import('../../src/network/QHostAddress.js').QHostAddress): Promise<number> {
  let sent = 0;
  for (let i = 0; i < n; i++) {
    const s = new QUdpSocketCtor();
    if (!s.bind(host, 0)) throw new Error(`churn: bind failed at cycle ${i}: ${s.errorString()}`);
    if (s.writeDatagram('x', host, s.localPort()) === 1) sent++;
    if (i % 3 === 0) s.readDatagram(8); // some cycles read, some leave the datagram queued
    s.close();
    s.dispose();
    // let the loop breathe now and then (poll handles are released on the loop)
    if (i % 500 === 499) await new Promise((r) => setImmediate(r));
  }
  return sent;
}
