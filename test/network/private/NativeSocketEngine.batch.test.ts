// SPDX-License-Identifier: MIT
// The native engine's batched reads (DESIGN: recvmmsg on unconnected sockets only, inside a read
// call; hasPendingDatagrams / pendingDatagramSize / bytesAvailable / waitForReadyRead look at the
// queue first; a non-empty queue is a ready notifier in the next pass; close() drops it).
// Observed through QUdpSocket: every datagram arrives once, in order, whole or cut at maxSize,
// with its own sender, whether it came from the kernel or from the queue.
import { expect } from 'chai';
import { QCoreApplication, QHostAddress, QNetworkDatagram, QUdpSocket } from '../../../src/index.js';
import { closeAll, sleepSync, spin, track, until } from '../udpHelpers.js';

function bound(addr: QHostAddress | string = QHostAddress.LocalHost): QUdpSocket {
  const s = track();
  expect(s.bind(addr, 0)).to.equal(true);
  return s;
}

/** Payload i: `size` bytes, byte k = (i * 7 + k) & 0xff. */
function payload(i: number, size: number): Buffer {
  const b = Buffer.alloc(size);
  for (let k = 0; k < size; k++) b[k] = (i * 7 + k) & 0xff;
  return b;
}

/** Waits (blocking, bounded) until the receiver's kernel queue holds what was sent. */
function settle(): void {
  sleepSync(20);
}

describe('NativeSocketEngine batched reads', function () {
  afterEach(closeAll);

  it('delivers a burst of mixed sizes once each, in order, with sizes and senders', function () {
    const rx = bound();
    const a = bound();
    const b = bound();
    const sizes = [1, 0, 64, 1200, 9000, 65507, 3, 512];
    sizes.forEach((n, i) => {
      const from = i % 2 === 0 ? a : b;
      expect(from.writeDatagram(payload(i, n), QHostAddress.LocalHost, rx.localPort())).to.equal(n);
    });
    settle();
    const got: { data: Buffer; port: number; host: string }[] = [];
    for (let guard = 0; guard < 100 && rx.hasPendingDatagrams(); guard++) {
      const size = rx.pendingDatagramSize();
      expect(rx.bytesAvailable()).to.equal(size);
      const [data, host, port] = rx.readDatagram(size);
      expect(data).to.not.equal(null);
      got.push({ data: data!, port, host: host.toString() });
    }
    expect(got.map((g) => g.data.length)).to.deep.equal(sizes);
    got.forEach((g, i) => {
      expect(g.data.equals(payload(i, sizes[i]!)), `datagram ${i}`).to.equal(true);
      expect(g.port).to.equal(i % 2 === 0 ? a.localPort() : b.localPort());
      expect(g.host).to.equal('127.0.0.1');
    });
    expect(rx.hasPendingDatagrams()).to.equal(false);
    expect(rx.pendingDatagramSize()).to.equal(-1);
  });

  it('delivers every datagram once, in order, as traffic turns from single datagrams to bursts and back', function () {
    // The batch width follows the traffic (narrow after sparse reads, wider after full ones):
    // whatever width a read uses, nothing may be lost, repeated or reordered.
    const rx = bound();
    const tx = bound();
    const rounds = [1, 1, 1, 64, 64, 2, 1, 120, 1, 5, 100, 1];
    let sent = 0;
    let next = 0;
    for (const burst of rounds) {
      for (let k = 0; k < burst; k++) {
        expect(tx.writeDatagram(payload(sent, 16 + (sent % 50)), QHostAddress.LocalHost, rx.localPort())).to.equal(16 + (sent % 50));
        sent++;
      }
      settle();
      for (let guard = 0; guard < 1000 && rx.hasPendingDatagrams(); guard++) {
        const [data, , port] = rx.readDatagram(rx.pendingDatagramSize());
        expect(data, `datagram ${next}`).to.not.equal(null);
        expect(data!.equals(payload(next, 16 + (next % 50))), `datagram ${next}`).to.equal(true);
        expect(port).to.equal(tx.localPort());
        next++;
      }
      expect(next, `after a burst of ${burst}`).to.equal(sent);
    }
    expect(rx.hasPendingDatagrams()).to.equal(false);
  });

  it('cuts a queued datagram at maxSize and drops the rest of it only', function () {
    const rx = bound();
    const tx = bound();
    for (let i = 0; i < 4; i++) tx.writeDatagram(payload(i, 100), QHostAddress.LocalHost, rx.localPort());
    settle();
    const [d0] = rx.readDatagram(100);
    expect(d0!.equals(payload(0, 100))).to.equal(true);
    const [d1] = rx.readDatagram(10);
    expect(d1!.equals(payload(1, 100).subarray(0, 10))).to.equal(true);
    const [d2] = rx.readDatagram(0);
    expect(d2!.length).to.equal(0);
    expect(rx.pendingDatagramSize()).to.equal(100);
    const [d3] = rx.readDatagram(1000);
    expect(d3!.equals(payload(3, 100))).to.equal(true);
    expect(rx.hasPendingDatagrams()).to.equal(false);
  });

  it('gives each read a buffer and an address of its own', function () {
    const rx = bound();
    const tx = bound();
    for (let i = 0; i < 3; i++) tx.writeDatagram(payload(i, 16), QHostAddress.LocalHost, rx.localPort());
    settle();
    const [x, hx] = rx.readDatagram(16);
    x!.fill(0xee);
    hx.setAddress('10.0.0.1');
    const [y, hy] = rx.readDatagram(16);
    expect(y!.equals(payload(1, 16))).to.equal(true);
    expect(hy.toString()).to.equal('127.0.0.1');
  });

  it('fills receiveDatagram headers (destination, hop limit, interface) from the queue', function () {
    const rx = bound();
    const tx = bound();
    for (let i = 0; i < 3; i++) tx.writeDatagram(payload(i, 8), QHostAddress.LocalHost, rx.localPort());
    settle();
    const first = rx.readDatagram(8); // takes the batch; the others wait in the queue
    expect(first[0]!.equals(payload(0, 8))).to.equal(true);
    const dg: QNetworkDatagram = rx.receiveDatagram();
    expect(dg.isValid()).to.equal(true);
    expect(dg.data().equals(payload(1, 8))).to.equal(true);
    expect(dg.senderAddress().toString()).to.equal('127.0.0.1');
    expect(dg.senderPort()).to.equal(tx.localPort());
    expect(dg.destinationAddress().toString()).to.equal('127.0.0.1');
    expect(dg.destinationPort()).to.equal(rx.localPort());
    expect(dg.hopLimit()).to.be.greaterThan(0);
    expect(dg.interfaceIndex()).to.be.greaterThan(0);
  });

  it('batches on an IPv6 socket with the IPv6 sender', function () {
    const rx = bound(QHostAddress.LocalHostIPv6);
    const tx = bound(QHostAddress.LocalHostIPv6);
    for (let i = 0; i < 3; i++) tx.writeDatagram(payload(i, 32), QHostAddress.LocalHostIPv6, rx.localPort());
    settle();
    for (let i = 0; i < 3; i++) {
      const [d, host, port] = rx.readDatagram(rx.pendingDatagramSize());
      expect(d!.equals(payload(i, 32))).to.equal(true);
      expect(host.toString()).to.equal('::1');
      expect(port).to.equal(tx.localPort());
    }
    expect(rx.hasPendingDatagrams()).to.equal(false);
  });

  it('a dual-stack socket sends to an IPv4 address as v4-mapped and receives it from the queue', function () {
    const rx = bound(QHostAddress.Any);
    const tx = bound(QHostAddress.Any);
    for (let i = 0; i < 2; i++) expect(tx.writeDatagram(payload(i, 5), '127.0.0.1', rx.localPort())).to.equal(5);
    settle();
    for (let i = 0; i < 2; i++) {
      const [d, host] = rx.readDatagram(5);
      expect(d!.equals(payload(i, 5))).to.equal(true);
      expect(host.toString()).to.equal('::ffff:127.0.0.1');
    }
  });

  it('emits readyRead again in a later pass for what is still queued', async function () {
    const rx = bound();
    const tx = bound();
    const seen: number[] = [];
    rx.readyRead.connect(() => {
      // one datagram per readyRead: the rest must come back through later notifications
      const [d] = rx.readDatagram(rx.pendingDatagramSize());
      if (d !== null) seen.push(d[0]!);
    });
    for (let i = 0; i < 5; i++) tx.writeDatagram(Buffer.from([i]), QHostAddress.LocalHost, rx.localPort());
    for (let i = 0; i < 200 && seen.length < 5; i++) await spin(5);
    expect(seen).to.deep.equal([0, 1, 2, 3, 4]);
  });

  it('in readyRead knows the first datagram\'s size from the wake-up, empty datagrams included', async function () {
    // An unconnected socket's poll handle reports FIONREAD with readability: bytesAvailable(),
    // hasPendingDatagrams() and pendingDatagramSize() answer from it until the next read.
    const rx = bound();
    const tx = bound();
    const sizes = [37, 0, 90, 1, 1200, 0, 65507];
    const seen: { avail: number; size: number; data: Buffer }[] = [];
    rx.readyRead.connect(() => {
      while (rx.hasPendingDatagrams()) {
        const avail = rx.bytesAvailable();
        const size = rx.pendingDatagramSize();
        const [data] = rx.readDatagram(size);
        if (data === null) break;
        seen.push({ avail, size, data });
      }
    });
    for (let i = 0; i < sizes.length; i++) {
      expect(tx.writeDatagram(payload(i, sizes[i]!), QHostAddress.LocalHost, rx.localPort())).to.equal(sizes[i]);
      expect(await until(() => seen.length > i), `datagram ${i} delivered`).to.equal(true);
    }
    expect(seen.map((x) => x.size)).to.deep.equal(sizes);
    expect(seen.map((x) => x.avail)).to.deep.equal(sizes);
    seen.forEach((x, i) => expect(x.data.equals(payload(i, sizes[i]!)), `datagram ${i}`).to.equal(true));
  });

  it('after a read, sizes come from the kernel again: a datagram sent from the slot has its own', async function () {
    const rx = bound();
    const tx = bound();
    const sizes: number[] = [];
    rx.readyRead.connect(() => {
      while (rx.hasPendingDatagrams()) {
        const size = rx.pendingDatagramSize();
        const [data] = rx.readDatagram(size);
        if (data === null) break;
        sizes.push(size, data.length);
        // in the kernel's queue when writeDatagram returns: this same loop reads it
        if (sizes.length === 2) tx.writeDatagram(payload(1, 55), QHostAddress.LocalHost, rx.localPort());
      }
    });
    tx.writeDatagram(payload(0, 37), QHostAddress.LocalHost, rx.localPort());
    expect(await until(() => sizes.length >= 4)).to.equal(true);
    expect(sizes).to.deep.equal([37, 37, 55, 55]);
  });

  it('processEvents() delivers the queued rest without a new arrival', function () {
    const rx = bound();
    const tx = bound();
    let calls = 0;
    rx.readyRead.connect(() => {
      calls++;
      rx.readDatagram(10);
    });
    for (let i = 0; i < 3; i++) tx.writeDatagram(Buffer.from([i]), QHostAddress.LocalHost, rx.localPort());
    settle();
    for (let i = 0; i < 10 && calls < 3; i++) QCoreApplication.processEvents();
    expect(calls).to.equal(3);
    expect(rx.hasPendingDatagrams()).to.equal(false);
  });

  it('waitForReadyRead() returns at once while the queue holds datagrams', function () {
    const rx = bound();
    const tx = bound();
    for (let i = 0; i < 2; i++) tx.writeDatagram(Buffer.from([i]), QHostAddress.LocalHost, rx.localPort());
    settle();
    rx.readDatagram(1);
    expect(rx.waitForReadyRead(0)).to.equal(true);
    expect(rx.readDatagram(1)[0]![0]).to.equal(1);
  });

  it('close() drops the queue; a new bind starts empty', function () {
    const rx = bound();
    const tx = bound();
    for (let i = 0; i < 3; i++) tx.writeDatagram(Buffer.from([i]), QHostAddress.LocalHost, rx.localPort());
    settle();
    rx.readDatagram(1);
    rx.close();
    expect(rx.bind(QHostAddress.LocalHost, 0)).to.equal(true);
    expect(rx.hasPendingDatagrams()).to.equal(false);
    expect(rx.bytesAvailable()).to.equal(0);
  });

  it('a connected socket reads one datagram per call and still sees ICMP errors', function () {
    const rx = bound();
    const tx = bound();
    const dead = bound();
    const deadPort = dead.localPort();
    dead.close();
    tx.connectToHost(QHostAddress.LocalHost, rx.localPort());
    for (let i = 0; i < 3; i++) tx.writeDatagram(Buffer.from([i]), QHostAddress.LocalHost, rx.localPort());
    rx.connectToHost(QHostAddress.LocalHost, tx.localPort());
    settle();
    for (let i = 0; i < 3; i++) expect(rx.readDatagram(1)[0]![0]).to.equal(i);
    // a send to a closed port: the ICMP error reaches the connected socket's next check
    const probe = track();
    expect(probe.bind(QHostAddress.LocalHost, 0)).to.equal(true);
    probe.connectToHost(QHostAddress.LocalHost, deadPort);
    probe.write(Buffer.from([1]));
    settle();
    expect(probe.hasPendingDatagrams()).to.equal(false);
  });
});
