// SPDX-License-Identifier: MIT
// Worker threads, longer run (issue 5): 30 workers with sockets and timers end with sockets open.
import { runWorkers } from '../faults/workerRunner.js';

describe('stress: worker threads', function () {
  it('30 workers with sockets and timers end with sockets open: no crash, no leak', async function () {
    await runWorkers(30);
  });
});
