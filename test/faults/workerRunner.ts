// SPDX-License-Identifier: MIT
// The worker-thread fault run, shared by test/faults/workers.test.ts and test/stress/workers.test.ts
// (not a test file itself). Worker threads (issue 5): sockets and timers in workers that end with their sockets open
// (terminated, process.exit, an uncaught exception from a slot), about 20 times: nothing
// crashes, the main thread keeps working and no descriptor or native handle is left behind.
import { expect } from 'chai';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { QHostAddress } from '../../src/network/QHostAddress.js';
import { QUdpSocket } from '../../src/network/QUdpSocket.js';
import { mb, resources, rssBytes, udpFdCount } from './helpers.js';

const require = createRequire(import.meta.url);
const FIXTURE = fileURLToPath(new URL('./fixtures/worker.ts', import.meta.url));

/** Starts the fixture in a worker. `execArgv: ['--import', 'tsx']` does not load a .ts worker on
 * Node 20 (ERR_UNKNOWN_FILE_EXTENSION: the hooks are not in place for the worker's entry), so the
 * worker registers tsx's require hook itself and then loads the fixture. */
function startWorker(mode: string): Worker {
  const boot = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(FIXTURE)});`;
  return new Worker(boot, { eval: true, workerData: { mode } });
}

interface Outcome {
  mode: string;
  exitCode: number;
  echoed: boolean;
  workerSockets: number;
  error: string | null;
}

async function runOne(mode: string, main: QUdpSocket): Promise<Outcome> {
  const w = startWorker(mode);
  let error: string | null = null;
  w.on('error', (e: Error) => {
    error = e.message;
  });
  const exited = new Promise<number>((resolve) => w.once('exit', resolve));
  const port = await new Promise<number>((resolve, reject) => {
    w.on('message', (m: { kind: string; port?: number }) => {
      if (m.kind === 'port') resolve(m.port!);
    });
    void exited.then(() => reject(new Error(`worker (${mode}) ended before it bound: ${error}`)));
  });
  const echoed = new Promise<{ sockets: number }>((resolve) => {
    w.on('message', (m: { kind: string; sockets: number }) => {
      if (m.kind === 'echoed') resolve(m);
    });
  });
  main.writeDatagram(`hi ${mode}`, QHostAddress.LocalHost, port);
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 20000).unref());
  const info = await Promise.race([echoed, exited.then(() => null), timeout]);
  if (mode === 'terminate' || info === null) await w.terminate();
  const exitCode = await exited;
  return { mode, exitCode, echoed: info !== null, workerSockets: info?.sockets ?? -1, error };
}

/** Runs `total` workers (a multiple of 3: the three ending modes in turn) and checks that nothing
 * leaked. */
export async function runWorkers(total: number): Promise<void> {
  const main = new QUdpSocket();
  try {
    await checkWorkers(total, main);
  } finally {
    main.dispose();
  }
}

async function checkWorkers(total: number, main: QUdpSocket): Promise<void> {
  expect(main.bind(QHostAddress.LocalHost, 0)).to.equal(true);
  const echoes: string[] = [];
  main.readyRead.connect(() => {
    while (main.hasPendingDatagrams()) {
      const [d] = main.readDatagram(100);
      if (d !== null) echoes.push(d.toString());
    }
  });
  const before = await resources();
  const rss0 = rssBytes();
  const t0 = Date.now();
  const modes = ['terminate', 'exit', 'throw'];
  const outcomes: Outcome[] = [];
  for (let i = 0; i < total; i += 3) {
    // three at a time: the machine has two cores
    outcomes.push(...(await Promise.all([0, 1, 2].map((k) => runOne(modes[(i + k) % 3]!, main)))));
  }
  // the echoes went out before each worker ended; let them arrive
  for (let i = 0; i < 200 && echoes.length < total; i++) await new Promise((r) => setTimeout(r, 5));
  const after = await resources();
  const rss1 = rssBytes();
  console.log(
    `      ${total} workers in ${Date.now() - t0} ms: exit codes ${[...new Set(outcomes.map((o) => `${o.mode}=${o.exitCode}`))].join(', ')}; ` +
      `echoes ${echoes.length}/${total}; udp fds ${before.udpFds} -> ${after.udpFds}, fds ${before.fds} -> ${after.fds}; ` +
      `main native sockets ${before.nativeSockets} -> ${after.nativeSockets}, polls ${before.nativePolls} -> ${after.nativePolls}; RSS ${mb(rss0)} -> ${mb(rss1)}`,
  );
  for (const o of outcomes) {
    expect(o.echoed, `${o.mode}: the worker answered`).to.equal(true);
    expect(o.workerSockets, `${o.mode}: sockets open in the worker`).to.equal(2);
    if (o.mode === 'terminate') expect(o.exitCode).to.equal(1);
    if (o.mode === 'exit') expect(o.exitCode).to.equal(7);
    if (o.mode === 'throw') {
      expect(o.exitCode).to.equal(1);
      expect(o.error).to.match(/thrown from a readyRead slot in a worker/);
    }
  }
  expect(echoes.length).to.equal(total);
  // every socket a worker left open was closed when its realm ended
  expect(after.udpFds).to.equal(before.udpFds);
  expect(after.nativeSockets).to.equal(before.nativeSockets);
  expect(after.nativePolls).to.equal(before.nativePolls);
  expect(after.keepAlive).to.equal(before.keepAlive);
  // the main thread's socket still works
  main.writeDatagram('self', QHostAddress.LocalHost, main.localPort());
  for (let i = 0; i < 200 && !echoes.includes('self'); i++) await new Promise((r) => setTimeout(r, 5));
  expect(echoes).to.include('self');
  main.close();
  expect(udpFdCount()).to.equal(before.udpFds - 1);
}
