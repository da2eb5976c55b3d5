// SPDX-License-Identifier: MIT
// Hostile readyRead slots (issue 5): slots that throw, delete the socket (dispose / deleteLater),
// close it, or re-enter the loop (processEvents, waitForReadyRead). After each, the socket and the
// dispatcher stay consistent: no recursion, no stray error, the socket (when alive) keeps
// receiving, another socket and a timer keep working, and nothing is left holding resources.
import { expect } from 'chai';
import { QCoreApplication } from '../../src/core/QCoreApplication.js';
import { QTimer } from '../../src/core/QTimer.js';
import { QAbstractSocket } from '../../src/network/QAbstractSocket.js';
import { QHostAddress } from '../../src/network/QHostAddress.js';
import { QUdpSocket } from '../../src/network/QUdpSocket.js';
import { resources, type ResourceSnapshot } from './helpers.js';

const S = QAbstractSocket.SocketState;
const L = QHostAddress.LocalHost;

async function until(cond: () => boolean, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 2));
  }
  return true;
}

describe('faults: hostile readyRead slots', function () {
  this.timeout(20000);
  let sockets: QUdpSocket[] = [];
  let errors: unknown[] = [];
  let prevHandler: ((e: unknown) => void) | null = null;
  let base: ResourceSnapshot;
  let tx: QUdpSocket;

  function bound(): QUdpSocket {
    const s = new QUdpSocket();
    sockets.push(s);
    expect(s.bind(L, 0)).to.equal(true);
    return s;
  }

  /** Another socket and a timer still work: the dispatcher is consistent. */
  async function probe(): Promise<void> {
    const p = bound();
    let got = 0;
    p.readyRead.connect(() => {
      while (p.hasPendingDatagrams()) if (p.readDatagram(16)[0] !== null) got++;
    });
    let fired = false;
    QTimer.singleShot(1, () => {
      fired = true;
    });
    tx.writeDatagram('probe', L, p.localPort());
    expect(await until(() => got === 1 && fired), 'probe socket and timer').to.equal(true);
  }

  beforeEach(async function () {
    base = await resources();
    errors = [];
    prevHandler = QCoreApplication.setExceptionHandler((e) => errors.push(e));
    sockets = [];
    tx = bound();
  });

  afterEach(async function () {
    QCoreApplication.setExceptionHandler(prevHandler);
    for (const s of sockets) {
      try {
        s.dispose();
      } catch {
        // deleted by the test
      }
    }
    await new Promise((r) => setTimeout(r, 5)); // deleteLater / poll handle release
    const after = await resources();
    expect(after.nativeSockets, 'native sockets').to.equal(base.nativeSockets);
    expect(after.udpFds, 'udp fds').to.equal(base.udpFds);
    expect(after.keepAlive, 'keep-alives').to.equal(base.keepAlive);
    expect(after.nativePolls, 'poll handles').to.equal(base.nativePolls);
  });

  it('a slot that throws: the exception reaches the handler, the socket keeps its readyRead cycle', async function () {
    const rx = bound();
    let calls = 0;
    rx.readyRead.connect(() => {
      calls++;
      if (calls === 1) throw new Error('slot failure');
      rx.readDatagram(16);
    });
    tx.writeDatagram('a', L, rx.localPort());
    expect(await until(() => calls === 1)).to.equal(true);
    expect(errors).to.have.length(1);
    expect((errors[0] as Error).message).to.equal('slot failure');
    expect(rx.state()).to.equal(S.BoundState);
    expect(rx.readDatagram(16)[0]!.toString()).to.equal('a'); // the datagram is still there
    tx.writeDatagram('b', L, rx.localPort());
    expect(await until(() => calls === 2)).to.equal(true);
    expect(rx.hasPendingDatagrams()).to.equal(false);
    expect(errors).to.have.length(1);
    await probe();
  });

  it('a slot that disposes the socket (with datagrams queued and later ones arriving)', async function () {
    const rx = bound();
    let calls = 0;
    let after = 0;
    rx.readyRead.connect(() => {
      calls++;
      rx.dispose();
    });
    rx.readyRead.connect(() => after++); // connected after: not called once the sender is gone
    const port = rx.localPort();
    tx.writeDatagram('a', L, port);
    tx.writeDatagram('b', L, port);
    expect(await until(() => calls === 1)).to.equal(true);
    tx.writeDatagram('c', L, port);
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).to.equal(1);
    expect(after).to.equal(0);
    expect(errors).to.deep.equal([]);
    expect(() => rx.state()).to.throw(/deleted/i);
    await probe();
  });

  it('a slot that calls deleteLater(): deleted on return to the loop, no further readyRead', async function () {
    const rx = bound();
    let calls = 0;
    let destroyed = false;
    rx.destroyed.connect(() => {
      destroyed = true;
    });
    rx.readyRead.connect(() => {
      calls++;
      rx.deleteLater();
      rx.readDatagram(16);
    });
    tx.writeDatagram('a', L, rx.localPort());
    tx.writeDatagram('b', L, rx.localPort());
    expect(await until(() => destroyed)).to.equal(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).to.equal(1);
    expect(errors).to.deep.equal([]);
    await probe();
  });

  it('a slot that closes the socket: unconnected, silent, and it binds and receives again', async function () {
    const rx = bound();
    let calls = 0;
    const states: number[] = [];
    rx.stateChanged.connect((s) => states.push(s));
    rx.readyRead.connect(() => {
      calls++;
      if (calls === 1) rx.close();
      else while (rx.hasPendingDatagrams()) rx.readDatagram(16);
    });
    const port = rx.localPort();
    tx.writeDatagram('a', L, port);
    expect(await until(() => calls === 1)).to.equal(true);
    expect(rx.state()).to.equal(S.UnconnectedState);
    expect(states).to.deep.equal([S.ClosingState, S.UnconnectedState]);
    expect(rx.socketDescriptor()).to.equal(-1);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).to.equal(1);
    expect(rx.bind(L, 0)).to.equal(true);
    tx.writeDatagram('b', L, rx.localPort());
    expect(await until(() => calls === 2)).to.equal(true);
    expect(errors).to.deep.equal([]);
    await probe();
  });

  it('a slot that calls processEvents(): no recursive readyRead, other work is delivered', async function () {
    const rx = bound();
    let depth = 0;
    let maxDepth = 0;
    let calls = 0;
    let timerRan = false;
    rx.readyRead.connect(() => {
      depth++;
      calls++;
      maxDepth = Math.max(maxDepth, depth);
      QTimer.singleShot(0, () => {
        timerRan = true;
      });
      tx.writeDatagram('more', L, rx.localPort()); // readable again while inside the slot
      for (let i = 0; i < 5; i++) QCoreApplication.processEvents();
      if (calls < 5) rx.readDatagram(16);
      depth--;
    });
    tx.writeDatagram('a', L, rx.localPort());
    expect(await until(() => calls >= 5)).to.equal(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(maxDepth).to.equal(1);
    expect(timerRan).to.equal(true);
    expect(errors).to.deep.equal([]);
    expect(rx.state()).to.equal(S.BoundState);
    while (rx.hasPendingDatagrams()) rx.readDatagram(16);
    await probe();
  });

  it('a slot that calls waitForReadyRead(): returns without recursion; the socket keeps receiving', async function () {
    const rx = bound();
    let depth = 0;
    let maxDepth = 0;
    let calls = 0;
    const waits: boolean[] = [];
    rx.readyRead.connect(() => {
      depth++;
      calls++;
      maxDepth = Math.max(maxDepth, depth);
      if (calls === 1) {
        tx.writeDatagram('second', L, rx.localPort());
        waits.push(rx.waitForReadyRead(1000));
        waits.push(rx.waitForReadyRead(0));
      }
      while (rx.hasPendingDatagrams()) rx.readDatagram(16);
      depth--;
    });
    tx.writeDatagram('a', L, rx.localPort());
    expect(await until(() => calls >= 1)).to.equal(true);
    tx.writeDatagram('later', L, rx.localPort());
    expect(await until(() => calls >= 2)).to.equal(true);
    console.log(`      waitForReadyRead inside readyRead returned ${JSON.stringify(waits)}; error ${rx.error()} "${rx.errorString()}"`);
    expect(maxDepth).to.equal(1);
    expect(errors).to.deep.equal([]);
    expect(rx.state()).to.equal(S.BoundState);
    await probe();
  });
});
