// SPDX-License-Identifier: MIT
// Churn (issue 5; DESIGN "Quality bars": no leak): create/bind/write/close/delete cycles leave
// descriptors, native sockets and poll handles, keep-alives and heap where they started. The
// 100,000-cycle version lives in test/stress/churn.test.ts.
import { expect } from 'chai';
import { QObject } from '../../src/core/QObject.js';
import { QHostAddress } from '../../src/network/QHostAddress.js';
import { QUdpSocket } from '../../src/network/QUdpSocket.js';
import { churn, heapUsed, mb, resources } from './helpers.js';

describe('faults: socket churn', function () {
  this.timeout(60000);

  it('5,000 create/bind/write/close/delete cycles leave fds, native handles and heap flat', async function () {
    // warm-up: first-use allocations (lazy signals, caches, JIT) are not leaks
    await churn(200, QUdpSocket, QHostAddress.LocalHost);
    const before = await resources();
    const heap0 = await heapUsed();
    const sent = await churn(5000, QUdpSocket, QHostAddress.LocalHost);
    const after = await resources();
    const heap1 = await heapUsed();
    console.log(
      `      churn 5,000: fds ${before.fds} -> ${after.fds}, udp fds ${before.udpFds} -> ${after.udpFds}, ` +
        `native sockets ${before.nativeSockets} -> ${after.nativeSockets}, poll handles ${before.nativePolls} -> ${after.nativePolls}, ` +
        `keep-alives ${before.keepAlive} -> ${after.keepAlive}, heap ${mb(heap0)} -> ${mb(heap1)} (${mb(heap1 - heap0)})`,
    );
    expect(sent).to.equal(5000);
    expect(after.udpFds).to.equal(before.udpFds);
    expect(after.fds).to.be.at.most(before.fds + 2); // Node may open an internal descriptor meanwhile
    expect(after.nativeSockets).to.equal(before.nativeSockets);
    expect(after.nativePolls).to.equal(before.nativePolls);
    expect(after.keepAlive).to.equal(before.keepAlive);
    expect(heap1 - heap0).to.be.below(2 * 1048576);
  });

  it('sockets dropped without close() are released by dispose() and by their parent', async function () {
    const before = await resources();
    const parent = new QObject();
    for (let i = 0; i < 200; i++) {
      const s = new QUdpSocket(i % 2 === 0 ? parent : null);
      expect(s.bind(QHostAddress.LocalHost, 0)).to.equal(true);
      if (i % 2 === 1) s.dispose();
    }
    const mid = await resources();
    expect(mid.nativeSockets - before.nativeSockets).to.equal(100);
    parent.dispose();
    const after = await resources();
    expect(after.nativeSockets).to.equal(before.nativeSockets);
    expect(after.udpFds).to.equal(before.udpFds);
    expect(after.nativePolls).to.equal(before.nativePolls);
    expect(after.keepAlive).to.equal(before.keepAlive);
  });
});
