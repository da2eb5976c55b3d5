// SPDX-License-Identifier: MIT
// Churn, long run (issue 5; DESIGN "Quality bars": 100,000 create/bind/close cycles leave file
// descriptors, native handles and heap flat).
import { expect } from 'chai';
import { QHostAddress } from '../../src/network/QHostAddress.js';
import { QUdpSocket } from '../../src/network/QUdpSocket.js';
import { churn, heapUsed, mb, resources, rssBytes } from '../faults/helpers.js';

describe('stress: socket churn', function () {
  for (const [name, host] of [['127.0.0.1', QHostAddress.LocalHost], ['::1', QHostAddress.LocalHostIPv6]] as const) {
    const n = name === '::1' ? 20000 : 100000;
    it(`${n.toLocaleString('en')} create/bind/write/close/delete cycles on ${name} leave fds, native handles and heap flat`, async function () {
      await churn(500, QUdpSocket, host);
      const before = await resources();
      const heap0 = await heapUsed();
      const rss0 = rssBytes();
      const t0 = Date.now();
      const sent = await churn(n, QUdpSocket, host);
      const ms = Date.now() - t0;
      const after = await resources();
      const heap1 = await heapUsed();
      const rss1 = rssBytes();
      console.log(
        `      churn ${n} on ${name} in ${ms} ms: fds ${before.fds} -> ${after.fds}, udp fds ${before.udpFds} -> ${after.udpFds}, ` +
          `native sockets ${before.nativeSockets} -> ${after.nativeSockets}, poll handles ${before.nativePolls} -> ${after.nativePolls}, ` +
          `keep-alives ${before.keepAlive} -> ${after.keepAlive}, heap ${mb(heap0)} -> ${mb(heap1)}, RSS ${mb(rss0)} -> ${mb(rss1)}`,
      );
      expect(sent).to.equal(n);
      expect(after.udpFds).to.equal(before.udpFds);
      expect(after.fds).to.be.at.most(before.fds + 2);
      expect(after.nativeSockets).to.equal(before.nativeSockets);
      expect(after.nativePolls).to.equal(before.nativePolls);
      expect(after.keepAlive).to.equal(before.keepAlive);
      expect(heap1 - heap0).to.be.below(3 * 1048576);
      expect(rss1 - rss0).to.be.below(32 * 1048576); // allocator slack, not growth per cycle
    });
  }
});
