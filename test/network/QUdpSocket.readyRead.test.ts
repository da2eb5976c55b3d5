// SPDX-License-Identifier: MIT
// QUdpSocket readyRead throttling (QT_SEMANTICS UDP-R1..R7; tst readyRead, readyReadForEmptyDatagram,
// asyncReadDatagram, readyReadConnectionThrottling; oracle udp_readyread_*, udp_send_to_self).
import { expect } from 'chai';
import { QAbstractSocket, QCoreApplication, QHostAddress, QTimer, QUdpSocket } from '../../src/index.js';
import { closeAll, sleepSync, spin, track, until } from './udpHelpers.js';

const S = QAbstractSocket.SocketState;

function pair(): { rx: QUdpSocket; tx: QUdpSocket; send: (m: string | Buffer) => number } {
  const rx = track();
  expect(rx.bind(QHostAddress.LocalHost, 0)).to.equal(true);
  const tx = track();
  expect(tx.bind(QHostAddress.LocalHost, 0)).to.equal(true);
  return { rx, tx, send: (m) => tx.writeDatagram(m, QHostAddress.LocalHost, rx.localPort()) };
}

describe('QUdpSocket readyRead', function () {
  afterEach(closeAll);

  it('is emitted once for unread datagrams, again after a read (tst readyRead)', async function () {
    const { rx, send } = pair();
    let count = 0;
    rx.readyRead.connect(() => count++);
    send('aa');
    expect(await until(() => count === 1)).to.equal(true);
    await spin(30);
    expect(count).to.equal(1);
    send('ab'); // not read: no new readyRead
    await spin(50);
    expect(count).to.equal(1);
    expect(rx.readDatagram(100)[0]!.toString()).to.equal('aa');
    expect(count).to.equal(1); // never synchronously inside readDatagram
    expect(await until(() => count === 2)).to.equal(true);
    expect(rx.pendingDatagramSize()).to.equal(2);
    rx.readDatagram(100);
    await spin(30);
    expect(count).to.equal(2);
  });

  it('once for three queued datagrams when the slot reads nothing (udp_readyread_noread)', async function () {
    const { rx, send } = pair();
    const seen: unknown[] = [];
    rx.readyRead.connect(() => seen.push([rx.hasPendingDatagrams(), rx.pendingDatagramSize()]));
    for (const m of ['one', 'two', 'three']) send(m);
    sleepSync(30);
    await spin(100);
    expect(seen).to.deep.equal([[true, 3]]);
    const drained: string[] = [];
    while (rx.hasPendingDatagrams()) drained.push(rx.readDatagram(100)[0]!.toString());
    expect(drained).to.deep.equal(['one', 'two', 'three']);
  });

  it('once per datagram when the slot reads one, each on a later pass after posted calls (udp_readyread_read_one)', async function () {
    const { rx, send } = pair();
    const log: string[] = [];
    let n = 0;
    rx.readyRead.connect(() => {
      const k = ++n;
      log.push(`readyRead ${k}`);
      log.push(`read ${rx.readDatagram(100)[0]!.toString()}`);
      QTimer.singleShot(0, rx, () => log.push(`posted ${k}`));
      log.push(`return ${k}`);
    });
    for (const m of ['one', 'two', 'three']) send(m);
    sleepSync(30);
    expect(await until(() => n === 3 && log.length === 12, 2000)).to.equal(true);
    expect(log).to.deep.equal([
      'readyRead 1', 'read one', 'return 1', 'posted 1',
      'readyRead 2', 'read two', 'return 2', 'posted 2',
      'readyRead 3', 'read three', 'return 3', 'posted 3',
    ]);
    expect(rx.hasPendingDatagrams()).to.equal(false);
  });

  it('once when the slot drains with while (hasPendingDatagrams) (udp_readyread_drain)', async function () {
    const { rx, send } = pair();
    const got: unknown[] = [];
    let n = 0;
    rx.readyRead.connect(() => {
      n++;
      while (rx.hasPendingDatagrams()) {
        const size = rx.pendingDatagramSize();
        got.push([rx.readDatagram(size)[0]!.toString(), size]);
      }
    });
    for (const m of ['one', 'two', 'three']) send(m);
    sleepSync(30);
    await spin(100);
    expect(n).to.equal(1);
    expect(got).to.deep.equal([['one', 3], ['two', 3], ['three', 5]]);
  });

  it('a socket sending to itself sees the datagram at once, readyRead later (udp_send_to_self)', async function () {
    const s = track();
    s.bind(QHostAddress.LocalHost, 0);
    let ready = 0;
    s.readyRead.connect(() => ready++);
    expect(s.writeDatagram('me', QHostAddress.LocalHost, s.localPort())).to.equal(2);
    expect(s.hasPendingDatagrams()).to.equal(true);
    expect(ready).to.equal(0);
    expect(await until(() => ready === 1)).to.equal(true);
    const d = s.receiveDatagram();
    expect(d.data().toString()).to.equal('me');
    expect(d.senderPort()).to.equal(s.localPort());
  });

  it('is emitted for an empty datagram (tst readyReadForEmptyDatagram)', async function () {
    const { rx, send } = pair();
    let ready = 0;
    rx.readyRead.connect(() => ready++);
    send('');
    expect(await until(() => ready === 1)).to.equal(true);
    expect(rx.hasPendingDatagrams()).to.equal(true);
    expect(rx.pendingDatagramSize()).to.equal(0);
    expect(rx.bytesAvailable()).to.equal(0);
    const [data] = rx.readDatagram(10);
    expect(data!.length).to.equal(0);
  });

  it('reading in the slot re-arms: a datagram sent from the slot gives exactly one more (tst asyncReadDatagram)', async function () {
    const { rx, tx, send } = pair();
    let n = 0;
    rx.readyRead.connect(() => {
      n++;
      rx.readDatagram(100);
      if (n === 1) tx.writeDatagram('again', QHostAddress.LocalHost, rx.localPort());
    });
    send('first');
    expect(await until(() => n === 2)).to.equal(true);
    await spin(50);
    expect(n).to.equal(2);
  });

  it('is never emitted recursively; channelReadyRead is (UDP-R4, IO-10)', async function () {
    const { rx, send } = pair();
    let depth = 0;
    let maxDepth = 0;
    let ready = 0;
    const channel: number[] = [];
    rx.channelReadyRead.connect((c) => channel.push(c));
    rx.readyRead.connect(() => {
      ready++;
      depth++;
      maxDepth = Math.max(maxDepth, depth);
      rx.readDatagram(100);
      if (ready === 1) {
        send('x');
        send('y');
        sleepSync(20);
        // a nested loop pass delivers the notification: no nested readyRead
        QCoreApplication.processEvents();
      }
      depth--;
    });
    send('first');
    expect(await until(() => ready >= 1)).to.equal(true);
    await spin(50);
    expect(maxDepth).to.equal(1);
    expect(channel.length).to.be.greaterThan(ready);
    // Qt: the nested notification set the pending flag silently; the socket stalls until a read
    expect(ready).to.equal(1);
    expect(rx.hasPendingDatagrams()).to.equal(true);
    rx.readDatagram(100);
    expect(await until(() => ready === 2)).to.equal(true);
  });

  it('emits before posted timers of the same pass are due: posted, readyRead, timer order (EL-1)', async function () {
    const { rx, send } = pair();
    const log: string[] = [];
    rx.readyRead.connect(() => {
      log.push('readyRead');
      rx.readDatagram(10);
    });
    send('x');
    sleepSync(20);
    QTimer.singleShot(0, rx, () => log.push('posted'));
    await until(() => log.length === 2);
    expect(log).to.deep.equal(['posted', 'readyRead']);
  });

  it('survives deleting the socket inside its own readyRead slot', async function () {
    const { rx, send } = pair();
    let ready = 0;
    let destroyed = 0;
    rx.destroyed.connect(() => destroyed++);
    rx.readyRead.connect(() => {
      ready++;
      rx.dispose();
    });
    send('a');
    send('b');
    expect(await until(() => ready === 1)).to.equal(true);
    await spin(50);
    expect(ready).to.equal(1);
    expect(destroyed).to.equal(1);
  });

  it('survives deleteLater() inside the readyRead slot', async function () {
    const { rx, send } = pair();
    let ready = 0;
    rx.readyRead.connect(() => {
      ready++;
      rx.readDatagram(10);
      rx.deleteLater();
    });
    send('a');
    send('b');
    expect(await until(() => ready >= 1)).to.equal(true);
    await spin(50);
    expect(ready).to.equal(1);
    expect(() => rx.state()).to.throw(/deleted/);
  });

  it('survives close() inside the readyRead slot', async function () {
    const { rx, send } = pair();
    let ready = 0;
    rx.readyRead.connect(() => {
      ready++;
      rx.close();
    });
    send('a');
    expect(await until(() => ready === 1)).to.equal(true);
    await spin(30);
    expect(rx.state()).to.equal(S.UnconnectedState);
    expect(ready).to.equal(1);
  });

  it('closing inside a stateChanged slot during bind is safe', function () {
    const s = track();
    const states: number[] = [];
    s.stateChanged.connect((st) => {
      states.push(st);
      if (st === S.BoundState) s.close();
    });
    // PyQt5 5.15: bind() still returns true (it did bind), the socket ends Unconnected
    expect(s.bind(QHostAddress.LocalHost, 0)).to.equal(true);
    expect(states).to.deep.equal([S.BoundState, S.ClosingState, S.UnconnectedState]);
    expect(s.state()).to.equal(S.UnconnectedState);
  });

  it('disposing inside a stateChanged slot during close is safe', function () {
    const s = new QUdpSocket();
    s.bind(QHostAddress.LocalHost, 0);
    const states: number[] = [];
    s.stateChanged.connect((st) => {
      states.push(st);
      if (st === S.ClosingState) s.dispose();
    });
    s.close();
    expect(states[0]).to.equal(S.ClosingState);
    expect(() => s.state()).to.throw(/deleted/);
  });

  it('a slow reader draining one datagram per readyRead gets every datagram of a burst (tst readyReadConnectionThrottling)', async function () {
    const { rx, send } = pair();
    rx.setSocketOption(QAbstractSocket.ReceiveBufferSizeSocketOption, 1 << 20);
    let received = 0;
    rx.readyRead.connect(() => {
      rx.readDatagram(0);
      received++;
    });
    for (let i = 0; i < 500; i++) send('x');
    expect(await until(() => received === 500, 8000)).to.equal(true);
  });

  it('waitForReadyRead blocks until a datagram arrives and emits readyRead inside the call', function () {
    const { rx, tx } = pair();
    let ready = 0;
    rx.readyRead.connect(() => ready++);
    // nothing pending: times out with SocketTimeoutError
    const errs: number[] = [];
    rx.errorOccurred.connect((e) => errs.push(e));
    expect(rx.waitForReadyRead(30)).to.equal(false);
    expect(errs).to.deep.equal([QAbstractSocket.SocketTimeoutError]);
    expect(rx.errorString()).to.equal('Network operation timed out');
    expect(rx.state()).to.equal(S.BoundState);
    tx.writeDatagram('now', QHostAddress.LocalHost, rx.localPort());
    expect(rx.waitForReadyRead(1000)).to.equal(true);
    expect(ready).to.equal(1);
    expect(rx.readDatagram(10)[0]!.toString()).to.equal('now');
  });

  it('waitForReadyRead on an unbound socket returns false at once', function () {
    const s = track();
    expect(s.waitForReadyRead(10)).to.equal(false);
  });
});

