// SPDX-License-Identifier: MIT
// Flood (issue 5): 1,000,000 datagrams sent on loopback at a bound socket that never reads, with
// the event loop running: heap and RSS stay within a few MB (the kernel drops what its buffer
// cannot hold; nothing queues in JavaScript), and afterwards reading resumes with what the
// kernel kept, in order.
import { expect } from 'chai';
import { QHostAddress } from '../../src/network/QHostAddress.js';
import { QUdpSocket } from '../../src/network/QUdpSocket.js';
import { heapUsed, mb, rssBytes } from '../faults/helpers.js';

const L = QHostAddress.LocalHost;

describe('stress: flood', function () {
  it('1,000,000 datagrams at a socket that never reads: memory stays flat, reading resumes afterwards', async function () {
    const rx = new QUdpSocket();
    const tx = new QUdpSocket();
    try {
      expect(rx.bind(L, 0)).to.equal(true);
      expect(tx.bind(L, 0)).to.equal(true);
      let readyReads = 0;
      rx.readyRead.connect(() => readyReads++); // a slot that never reads
      const total = 1_000_000;
      const deadline = Date.now() + 150_000; // bounded in time on a loaded machine
      const buf = Buffer.alloc(16);
      const heap0 = await heapUsed();
      const rss0 = rssBytes();
      let sent = 0;
      let failed = 0;
      let maxHeap = heap0;
      let maxRss = rss0;
      const t0 = Date.now();
      for (let i = 0; i < total && Date.now() < deadline; i++) {
        buf.writeUInt32BE(i, 0);
        if (tx.writeDatagram(buf, L, rx.localPort()) === 16) sent++;
        else failed++; // a full send buffer (ENOBUFS/EAGAIN) is not an error of the receiver
        if (i % 20000 === 19999) {
          await new Promise((r) => setImmediate(r)); // the dispatcher runs: notifiers, passes
          maxHeap = Math.max(maxHeap, process.memoryUsage().heapUsed);
          maxRss = Math.max(maxRss, rssBytes());
        }
      }
      const ms = Date.now() - t0;
      await new Promise((r) => setTimeout(r, 20));
      const heap1 = await heapUsed();
      const rss1 = rssBytes();
      // reading resumes: everything the kernel kept, oldest first
      const seqs: number[] = [];
      while (rx.hasPendingDatagrams()) {
        const [d] = rx.readDatagram(64);
        if (d === null) break;
        seqs.push(d.readUInt32BE(0));
      }
      let ordered = true;
      for (let i = 1; i < seqs.length; i++) if (seqs[i]! <= seqs[i - 1]!) ordered = false;
      console.log(
        `      flood: ${sent} sent (${failed} refused) in ${ms} ms; readyRead ${readyReads}x while unread; ` +
          `heap ${mb(heap0)} -> ${mb(heap1)} (peak ${mb(maxHeap)}), RSS ${mb(rss0)} -> ${mb(rss1)} (peak ${mb(maxRss)}); ` +
          `kept by the kernel and read afterwards: ${seqs.length}`,
      );
      expect(sent + failed).to.be.greaterThan(0);
      expect(sent).to.be.greaterThan(1000);
      expect(readyReads).to.equal(1); // Qt: one readyRead until the socket is read
      expect(heap1 - heap0).to.be.below(4 * 1048576);
      expect(rss1 - rss0).to.be.below(32 * 1048576);
      expect(seqs.length).to.be.greaterThan(0);
      expect(ordered).to.equal(true);
      expect(rx.hasPendingDatagrams()).to.equal(false);
      // and the socket is live: a new datagram brings a new readyRead
      tx.writeDatagram('after', L, rx.localPort());
      const end = Date.now() + 3000;
      while (readyReads < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
      expect(readyReads).to.equal(2);
      expect(rx.readDatagram(64)[0]!.toString()).to.equal('after');
    } finally {
      rx.dispose();
      tx.dispose();
    }
  });
});
