// SPDX-License-Identifier: MIT
// Worker threads (issue 5): sockets and timers in workers that end with their sockets open
// (terminated, process.exit, an uncaught exception from a slot): nothing crashes, the main thread
// keeps working and no descriptor or native handle is left behind. 12 workers here (npm test's
// time budget); test/stress/workers.test.ts runs 30.
import { runWorkers } from './workerRunner.js';

describe('faults: worker threads', function () {
  this.timeout(120000);

  it('12 workers with sockets and timers end with sockets open: no crash, no leak', async function () {
    await runWorkers(12);
  });
});
