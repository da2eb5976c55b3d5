// SPDX-License-Identifier: MIT
// Connected QUdpSocket: connectToHost, I/O through QIODevice, ICMP errors, disconnect/close/abort
// (tst connectToHost, bindAndConnectToHost, writeInHostLookupState; oracle udp_connect_states,
// udp_connected_io, udp_connected_icmp, udp_close_sequences; QT_SEMANTICS UDP-S*, IO-*, UDP-K*).
import { expect } from 'chai';
import { QAbstractSocket, QHostAddress, QIODevice, QNetworkDatagram, QUdpSocket } from '../../src/index.js';
import { captureWarnings, closeAll, sleepSync, spin, track, until } from './udpHelpers.js';
import { cacheHost, clearHostCache } from '../../src/network/private/hostCache.js';

const S = QAbstractSocket.SocketState;
const E = QAbstractSocket.SocketError;

function peer(): QUdpSocket {
  const p = track();
  expect(p.bind(QHostAddress.LocalHost, 0)).to.equal(true);
  return p;
}

function watch(s: QUdpSocket, log: unknown[]): void {
  s.stateChanged.connect((st) => log.push(['stateChanged', st]));
  s.hostFound.connect(() => log.push('hostFound'));
  s.connected.connect(() => log.push('connected'));
  s.disconnected.connect(() => log.push('disconnected'));
  s.aboutToClose.connect(() => log.push('aboutToClose'));
  s.readChannelFinished.connect(() => log.push('readChannelFinished'));
  s.errorOccurred.connect((e) => log.push(['errorOccurred', e]));
}

/** What a connectToHost() that completes inside the call emits, in order (udp_connect_states). */
const CONNECTED_INSIDE_THE_CALL = [
  ['stateChanged', S.HostLookupState],
  ['stateChanged', S.ConnectingState],
  'hostFound',
  ['stateChanged', S.ConnectedState],
  'connected',
];

describe('QUdpSocket (connected)', function () {
  afterEach(closeAll);

  describe('#connectToHost()', function () {
    // a name resolved in the last 60 s connects inside the call (Qt's host cache): each test
    // here starts with none, as Qt's own tests do with qt_qhostinfo_clear_cache()
    beforeEach(clearHostCache);

    for (const [name, host] of [['a QHostAddress', () => QHostAddress.LocalHost], ['an IP literal', () => '127.0.0.1']] as const) {
      it(`to ${name} is fully synchronous, opened ReadWrite|Unbuffered (udp_connect_states, IO-3)`, function () {
        const p = peer();
        const c = track();
        const log: unknown[] = [];
        watch(c, log);
        c.connectToHost(host(), p.localPort());
        expect(log).to.deep.equal(CONNECTED_INSIDE_THE_CALL);
        expect(c.isOpen()).to.equal(true);
        expect(c.openMode()).to.equal(QIODevice.ReadWrite | QIODevice.Unbuffered);
        expect(c.peerAddress().toString()).to.equal('127.0.0.1');
        expect(c.peerPort()).to.equal(p.localPort());
        expect(c.peerName()).to.equal('127.0.0.1');
        expect(c.localAddress().toString()).to.equal('127.0.0.1');
        expect(c.localPort()).to.be.greaterThan(0);
        expect(c.isValid()).to.equal(true);
      });
    }

    it('to "localhost" looks the name up from the event loop', async function () {
      const p = peer();
      const c = track();
      const log: unknown[] = [];
      watch(c, log);
      c.connectToHost('localhost', p.localPort());
      expect(log).to.deep.equal([['stateChanged', S.HostLookupState]]);
      expect(c.state()).to.equal(S.HostLookupState);
      expect(await until(() => c.state() === S.ConnectedState)).to.equal(true);
      expect(log.slice(1)).to.deep.equal([['stateChanged', S.ConnectingState], 'hostFound', ['stateChanged', S.ConnectedState], 'connected']);
      expect(c.peerAddress().isLoopback()).to.equal(true);
      expect(c.peerName()).to.equal('localhost');
      expect(c.isOpen()).to.equal(true);
    });

    // PyQt5 5.15: a second connectToHost("localhost") after the first lookup completed returns
    // Connected, with stateChanged(Lookup, Connecting), hostFound, stateChanged(Connected) and
    // connected emitted inside the call (QHostInfoCache, 60 s, successful lookups only).
    it('to a name resolved in the last 60 s connects inside the call (Qt\'s host cache)', async function () {
      const p = peer();
      const a = track();
      a.connectToHost('localhost', p.localPort());
      expect(a.state()).to.equal(S.HostLookupState);
      expect(await until(() => a.state() === S.ConnectedState)).to.equal(true);
      const b = track();
      const log: unknown[] = [];
      watch(b, log);
      b.connectToHost('localhost', p.localPort());
      expect(log).to.deep.equal(CONNECTED_INSIDE_THE_CALL);
      expect(b.peerAddress().isLoopback()).to.equal(true);
      expect(b.peerName()).to.equal('localhost');
      // a cleared cache looks the name up again (no other name is looked up here: the test
      // machine resolves only localhost without asking a DNS server)
      clearHostCache();
      const c = track();
      c.connectToHost('localhost', p.localPort());
      expect(c.state()).to.equal(S.HostLookupState);
    });

    // PyQt5 5.15 with /etc/hosts listing ::1 and 127.0.0.1 for localhost (getaddrinfo and Qt's
    // QHostInfo both answer [::1, 127.0.0.1]): a socket bound to 127.0.0.1 connects to 127.0.0.1
    // with the usual signals and no error; one bound to ::1 connects to ::1.
    for (const [bindTo, expected] of [['127.0.0.1', '127.0.0.1'], ['::1', '::1']] as const) {
      it(`to a name with [::1, 127.0.0.1], bound to ${bindTo}: connects to ${expected} without an error`, function () {
        cacheHost('localhost', [new QHostAddress('::1'), new QHostAddress('127.0.0.1')]);
        const p = track();
        expect(p.bind(new QHostAddress(expected), 0)).to.equal(true);
        const c = track();
        expect(c.bind(new QHostAddress(bindTo), 0)).to.equal(true);
        const log: unknown[] = [];
        watch(c, log);
        c.connectToHost('localhost', p.localPort());
        expect(log).to.deep.equal(CONNECTED_INSIDE_THE_CALL);
        expect(c.peerAddress().toString()).to.equal(expected);
        expect([c.error(), c.errorString()]).to.deep.equal([E.UnknownSocketError, 'Unknown error']);
        expect(c.write('hi')).to.equal(2);
        expect(p.waitForReadyRead(1000)).to.equal(true);
        expect(p.readDatagram(10)[0]!.toString()).to.equal('hi');
      });
    }

    it('waitForConnected() resolves a pending lookup synchronously', function () {
      const p = peer();
      const c = track();
      c.connectToHost('localhost', p.localPort(), QIODevice.ReadWrite, QAbstractSocket.IPv4Protocol);
      expect(c.state()).to.equal(S.HostLookupState);
      expect(c.waitForConnected(5000)).to.equal(true);
      expect(c.state()).to.equal(S.ConnectedState);
      expect(c.peerAddress().toString()).to.equal('127.0.0.1');
      expect(c.waitForConnected(10)).to.equal(true);
    });

    it('a name without addresses ends in HostNotFoundError after Unconnected', async function () {
      // Node's dns.lookup answers "" with no addresses at once (no resolver traffic)
      const c = track();
      const log: unknown[] = [];
      watch(c, log);
      c.connectToHost('', 9);
      expect(await until(() => c.state() === S.UnconnectedState, 8000)).to.equal(true);
      expect(log).to.deep.equal([['stateChanged', S.HostLookupState], ['stateChanged', S.UnconnectedState], ['errorOccurred', E.HostNotFoundError]]);
      expect(c.errorString()).to.equal('Host not found');
    });

    it('writing during the lookup fails without errorOccurred (tst writeInHostLookupState)', async function () {
      const c = track();
      const errs: number[] = [];
      c.errorOccurred.connect((e) => errs.push(e));
      c.connectToHost('localhost', 9);
      expect(c.state()).to.equal(S.HostLookupState);
      expect(c.putChar('0')).to.equal(false);
      expect(c.write('abc')).to.equal(-1);
      expect(c.errorString()).to.equal('Socket is not connected');
      expect(c.error()).to.equal(E.UnknownSocketError);
      expect(errs).to.deep.equal([]);
      c.abort();
      expect(c.state()).to.equal(S.UnconnectedState);
    });

    it('abort() during a lookup cancels it', async function () {
      const p = peer();
      const c = track();
      const log: unknown[] = [];
      watch(c, log);
      c.connectToHost('localhost', p.localPort());
      c.abort();
      await spin(100);
      expect(c.state()).to.equal(S.UnconnectedState);
      expect(log.filter((x) => x === 'connected')).to.deep.equal([]);
    });

    it('when already connected: warning and OperationError (UDP-S2)', function () {
      const p = peer();
      const c = track();
      c.connectToHost(QHostAddress.LocalHost, p.localPort());
      const errs: number[] = [];
      c.errorOccurred.connect((e) => errs.push(e));
      const { messages } = captureWarnings(() => c.connectToHost('127.0.0.1', p.localPort()));
      expect(messages).to.deep.equal(['QAbstractSocket::connectToHost() called when already looking up or connecting/connected to "127.0.0.1"']);
      expect(errs).to.deep.equal([E.OperationError]);
      expect(c.errorString()).to.equal('Trying to connect while connection is in progress');
      expect(c.state()).to.equal(S.ConnectedState);
    });

    // PyQt5 5.15: an IPv4-bound socket connecting to ::1: Lookup, Connecting, Unconnected, then
    // errorOccurred(UnknownSocketError "Unknown error") (connect(2) says EAFNOSUPPORT, which Qt
    // records as no error; only a connect still in progress becomes ConnectionRefusedError).
    it('an IPv4 socket connecting to an IPv6 peer fails with UnknownSocketError, as Qt\'s does', function () {
      const s = track();
      expect(s.bind(QHostAddress.LocalHost, 0)).to.equal(true);
      const log: unknown[] = [];
      s.stateChanged.connect((st) => log.push(['stateChanged', st]));
      s.errorOccurred.connect((e) => log.push(['errorOccurred', e, s.errorString()]));
      s.connectToHost('::1', 9);
      expect(log).to.deep.equal([
        ['stateChanged', S.HostLookupState],
        ['stateChanged', S.ConnectingState],
        ['stateChanged', S.UnconnectedState],
        ['errorOccurred', E.UnknownSocketError, 'Unknown error'],
      ]);
    });

    it('after bind keeps the local port and descriptor (tst bindAndConnectToHost)', function () {
      const p = peer();
      const c = track();
      expect(c.bind(QHostAddress.LocalHost, 0)).to.equal(true);
      const port = c.localPort();
      const fd = c.socketDescriptor();
      c.connectToHost(QHostAddress.LocalHost, p.localPort());
      expect(c.state()).to.equal(S.ConnectedState);
      expect(c.localPort()).to.equal(port);
      expect(c.socketDescriptor()).to.equal(fd);
    });

    it('rejects bad arguments', function () {
      const c = track();
      expect(() => c.connectToHost(QHostAddress.LocalHost, 70000)).to.throw(RangeError, /QUdpSocket\.connectToHost: port/);
      expect(() => c.connectToHost(5 as unknown as string, 9)).to.throw(TypeError, /QUdpSocket\.connectToHost: host/);
      expect(c.state()).to.equal(S.UnconnectedState);
    });
  });

  describe('I/O (udp_connected_io)', function () {
    it('write() sends one datagram per call, empty ones too, with bytesWritten and channelBytesWritten (IO-10)', function () {
      const p = peer();
      const c = track();
      c.connectToHost(QHostAddress.LocalHost, p.localPort());
      const log: unknown[] = [];
      c.bytesWritten.connect((n) => log.push(['bytesWritten', n]));
      c.channelBytesWritten.connect((ch, n) => log.push(['channelBytesWritten', ch, n]));
      expect(c.write('abc')).to.equal(3);
      expect(c.write(Buffer.alloc(0))).to.equal(0);
      expect(log).to.deep.equal([['bytesWritten', 3], ['channelBytesWritten', 0, 3], ['bytesWritten', 0], ['channelBytesWritten', 0, 0]]);
      sleepSync(20);
      const d1 = p.receiveDatagram();
      expect(d1.data().toString()).to.equal('abc');
      expect(d1.senderPort()).to.equal(c.localPort());
      expect(p.receiveDatagram().data().length).to.equal(0);
    });

    it('bytesWritten is not re-emitted inside a bytesWritten slot; channelBytesWritten is (IO-8)', function () {
      const p = peer();
      const c = track();
      c.connectToHost(QHostAddress.LocalHost, p.localPort());
      const log: unknown[] = [];
      c.bytesWritten.connect((n) => {
        log.push(['bytesWritten', n]);
        if (n === 1) c.write('22');
      });
      c.channelBytesWritten.connect((_ch, n) => log.push(['channel', n]));
      c.write('1');
      expect(log).to.deep.equal([['bytesWritten', 1], ['channel', 2], ['channel', 1]]);
    });

    it('read/readAll/readDatagram take one datagram each; the kernel filters strangers', async function () {
      const p = peer();
      const stranger = peer();
      const c = track();
      c.connectToHost(QHostAddress.LocalHost, p.localPort());
      expect(stranger.writeDatagram('intruder', QHostAddress.LocalHost, c.localPort())).to.equal(8);
      for (const m of ['r1', 'r22', 'r333', 'r4444']) p.writeDatagram(m, QHostAddress.LocalHost, c.localPort());
      sleepSync(30);
      const log: unknown[] = [];
      let n = 0;
      c.readyRead.connect(() => {
        n++;
        log.push(['ready', n, c.bytesAvailable(), c.pendingDatagramSize()]);
        if (n === 1) log.push(c.read(100)!.toString());
        else if (n === 2) log.push(c.read(2)!.toString(), c.pendingDatagramSize());
        else if (n === 3) {
          const [data, host, port] = c.readDatagram(100);
          log.push(data!.toString(), host.toString(), port === p.localPort());
        } else if (n === 4) log.push(c.readAll().toString());
      });
      expect(await until(() => n === 4)).to.equal(true);
      await spin(30);
      expect(log).to.deep.equal([
        ['ready', 1, 2, 2], 'r1',
        ['ready', 2, 3, 3], 'r2', 4,
        ['ready', 3, 4, 4], 'r333', '127.0.0.1', true,
        ['ready', 4, 5, 5], 'r4444',
      ]);
      expect(c.bytesAvailable()).to.equal(0);
    });

    it('read() with nothing pending returns an empty Buffer, not null (IO-4)', function () {
      const p = peer();
      const c = track();
      c.connectToHost(QHostAddress.LocalHost, p.localPort());
      const r = c.read(10);
      expect(r).to.be.instanceOf(Buffer);
      expect(r!.length).to.equal(0);
    });

    it('readAll() concatenates queued datagrams and stops at an empty one (IO-5)', function () {
      const p = peer();
      const c = track();
      c.connectToHost(QHostAddress.LocalHost, p.localPort());
      for (const m of ['three', 'four']) p.writeDatagram(m, QHostAddress.LocalHost, c.localPort());
      sleepSync(20);
      expect(c.readAll().toString()).to.equal('threefour');
      for (const m of ['x', '', 'y']) p.writeDatagram(m, QHostAddress.LocalHost, c.localPort());
      sleepSync(20);
      expect(c.readAll().toString()).to.equal('x');
      expect(c.readAll().toString()).to.equal('y');
    });

    it('peek() pulls one datagram into the buffer; read() returns it first (IO-7)', function () {
      const p = peer();
      const c = track();
      c.connectToHost(QHostAddress.LocalHost, p.localPort());
      p.writeDatagram('hello', QHostAddress.LocalHost, c.localPort());
      p.writeDatagram('next', QHostAddress.LocalHost, c.localPort());
      sleepSync(20);
      expect(c.peek(3).toString()).to.equal('hel');
      expect(c.bytesAvailable()).to.equal(3 + 4);
      // Qt's QIODevicePrivate::read: the buffered bytes, then one more datagram from the device
      expect(c.read(10)!.toString()).to.equal('helnext');
      expect(c.read(10)!.length).to.equal(0);
    });

    // PyQt5 5.15: a connected socket reads pos() 0 and atEnd() true with nothing pending, atEnd()
    // false and bytesAvailable() 12 (the first datagram) with 'line1\nline2\n' and 'xy\n' pending
    it('is sequential: pos() stays 0; atEnd() is true only with nothing pending (IO-1)', function () {
      const p = peer();
      const c = track();
      c.connectToHost(QHostAddress.LocalHost, p.localPort());
      expect([c.isSequential(), c.pos(), c.atEnd(), c.bytesAvailable()]).to.deep.equal([true, 0, true, 0]);
      p.writeDatagram('line1\nline2\n', QHostAddress.LocalHost, c.localPort());
      sleepSync(20);
      expect([c.pos(), c.atEnd(), c.bytesAvailable()]).to.deep.equal([0, false, 12]);
      expect(c.read(100)!.toString()).to.equal('line1\nline2\n');
      expect([c.pos(), c.atEnd()]).to.deep.equal([0, true]);
    });

    // PyQt5 5.15: with 'line1\nline2\n' and 'xy\n' pending, canReadLine() is False and readLine()
    // returns b'lx' (one byte of each datagram, the rest discarded), then b''
    it('readLine() reads byte-wise: the first byte of each datagram; canReadLine() is false (IO-6)', function () {
      const p = peer();
      const c = track();
      c.connectToHost(QHostAddress.LocalHost, p.localPort());
      p.writeDatagram('line1\nline2\n', QHostAddress.LocalHost, c.localPort());
      p.writeDatagram('xy\n', QHostAddress.LocalHost, c.localPort());
      sleepSync(20);
      expect(c.canReadLine()).to.equal(false);
      expect(c.readLine()!.toString()).to.equal('lx');
      expect(c.readLine()!.length).to.equal(0);
      expect(c.atEnd()).to.equal(true);
    });

    // PyQt5 5.15: QNetworkDatagram(b'peer') (no address, port 0) on a connected socket goes to the peer
    it('a QNetworkDatagram without destination goes to the connected peer (DG-3)', function () {
      const p = peer();
      const c = track();
      c.connectToHost(QHostAddress.LocalHost, p.localPort());
      expect(c.writeDatagram(new QNetworkDatagram('peer'))).to.equal(4);
      sleepSync(20);
      const d = p.receiveDatagram();
      expect([d.data().toString(), d.senderPort()]).to.deep.equal(['peer', c.localPort()]);
    });

    it('ungetChar()/getChar() work through the buffer (IO-6)', function () {
      const p = peer();
      const c = track();
      c.connectToHost(QHostAddress.LocalHost, p.localPort());
      p.writeDatagram('ab', QHostAddress.LocalHost, c.localPort());
      sleepSync(20);
      const [ok, ch] = c.getChar();
      expect(ok).to.equal(true);
      expect(ch.toString()).to.equal('a');
      c.ungetChar('z');
      expect(c.read(5)!.toString()).to.equal('z');
      expect(c.getChar()[0]).to.equal(false);
    });
  });

  describe('ICMP errors (udp_connected_icmp, UDP-K1..K4)', function () {
    it('surface as a readyRead with nothing pending; state unchanged', async function () {
      const closed = peer();
      const port = closed.localPort();
      closed.close();
      const c = track();
      const log: unknown[] = [];
      c.stateChanged.connect((st) => log.push(['stateChanged', st]));
      c.errorOccurred.connect((e) => log.push(['errorOccurred', e]));
      c.disconnected.connect(() => log.push('disconnected'));
      c.readyRead.connect(() => log.push(['readyRead', c.bytesAvailable(), c.hasPendingDatagrams(), c.pendingDatagramSize()]));
      c.connectToHost(QHostAddress.LocalHost, port);
      expect(c.write('ping')).to.equal(4);
      sleepSync(30);
      await spin(60);
      expect(log.slice(3)).to.deep.equal([['readyRead', 0, false, -1]]);
      expect(c.write('ping2')).to.equal(5);
      sleepSync(30);
      await spin(60);
      // the second ICMP is left pending: the next send reports it (no error recorded, as in Qt)
      expect(c.write('ping3')).to.equal(-1);
      expect(c.error()).to.equal(E.UnknownSocketError);
      expect(c.read(10)!.length).to.equal(0);
      expect(c.state()).to.equal(S.ConnectedState);
      expect(c.isOpen()).to.equal(true);
      expect(log.filter((x) => Array.isArray(x) && x[0] === 'readyRead').length).to.equal(1);
    });

    it('a read that hits the error releases the socket without signals (UDP-K3/K4)', function () {
      const closed = peer();
      const port = closed.localPort();
      closed.close();
      const c = track();
      c.connectToHost(QHostAddress.LocalHost, port);
      const log: unknown[] = [];
      watch(c, log);
      expect(c.write('ping')).to.equal(4);
      sleepSync(30);
      expect(c.read(10)).to.equal(null);
      expect(c.error()).to.equal(E.NetworkError);
      expect(c.errorString()).to.equal('Connection refused');
      expect(c.state()).to.equal(S.UnconnectedState);
      expect(log).to.deep.equal([]);
      expect(c.isOpen()).to.equal(true);
      expect(c.isValid()).to.equal(true);
      // no OS socket any more: UDP calls warn instead of crashing
      const { result, messages } = captureWarnings(() => c.hasPendingDatagrams());
      expect(result).to.equal(false);
      expect(messages.length).to.equal(1);
    });
  });

  describe('teardown (udp_close_sequences)', function () {
    const cases: Array<{ name: string; connect: boolean; op: 'disconnectFromHost' | 'close' | 'abort'; log: unknown[]; isOpen: boolean }> = [
      { name: 'connected disconnectFromHost()', connect: true, op: 'disconnectFromHost', isOpen: true,
        log: [['stateChanged', S.ClosingState], ['stateChanged', S.UnconnectedState], 'readChannelFinished', 'disconnected'] },
      { name: 'connected close()', connect: true, op: 'close', isOpen: false,
        log: ['aboutToClose', ['stateChanged', S.ClosingState], ['stateChanged', S.UnconnectedState], 'readChannelFinished', 'disconnected'] },
      { name: 'connected abort()', connect: true, op: 'abort', isOpen: false,
        log: ['aboutToClose', ['stateChanged', S.UnconnectedState], 'readChannelFinished', 'disconnected'] },
      { name: 'bound disconnectFromHost()', connect: false, op: 'disconnectFromHost', isOpen: false,
        log: [['stateChanged', S.ClosingState], ['stateChanged', S.UnconnectedState], 'readChannelFinished', 'disconnected'] },
      { name: 'bound close()', connect: false, op: 'close', isOpen: false,
        log: [['stateChanged', S.ClosingState], ['stateChanged', S.UnconnectedState], 'readChannelFinished', 'disconnected'] },
      { name: 'bound abort()', connect: false, op: 'abort', isOpen: false,
        log: [['stateChanged', S.UnconnectedState], 'readChannelFinished'] },
    ];
    for (const row of cases) {
      it(`${row.name}: Qt's synchronous signal order (IO-9, IO-10)`, function () {
        const p = peer();
        const s = track();
        if (row.connect) s.connectToHost(QHostAddress.LocalHost, p.localPort());
        else s.bind(QHostAddress.LocalHost, 0);
        const log: unknown[] = [];
        watch(s, log);
        s[row.op]();
        expect(log).to.deep.equal(row.log);
        expect(s.state()).to.equal(S.UnconnectedState);
        expect(s.isOpen()).to.equal(row.isOpen);
        expect(s.isValid()).to.equal(row.isOpen);
        expect(s.localPort()).to.equal(0);
        expect(s.peerPort()).to.equal(0);
        expect(s.peerAddress().isNull()).to.equal(true);
        expect(s.error()).to.equal(E.UnknownSocketError);
      });
    }

    it('close()/abort() of a closed or never used socket emit nothing (IO-9)', function () {
      const s = track();
      const log: unknown[] = [];
      watch(s, log);
      s.close();
      s.disconnectFromHost();
      s.abort();
      expect(log).to.deep.equal([]);
      s.bind(QHostAddress.LocalHost, 0);
      s.close();
      log.length = 0;
      s.abort();
      expect(log).to.deep.equal([]);
    });

    it('abort() is sticky until the next connectToHost() (UDP-S8)', function () {
      const p = peer();
      const s = track();
      s.bind(QHostAddress.LocalHost, 0);
      s.abort();
      s.bind(QHostAddress.LocalHost, 0);
      const log: unknown[] = [];
      watch(s, log);
      s.close();
      expect(log).to.deep.equal([['stateChanged', S.UnconnectedState], 'readChannelFinished']);
      s.connectToHost(QHostAddress.LocalHost, p.localPort());
      log.length = 0;
      s.disconnectFromHost();
      expect(log).to.deep.equal([['stateChanged', S.ClosingState], ['stateChanged', S.UnconnectedState], 'readChannelFinished', 'disconnected']);
    });

    // PyQt5 5.15: waitForDisconnected() does not disconnect a UDP socket; it polls it (a
    // connected one for datagrams, handled with readyRead) until something disconnects it, and
    // otherwise times out: errorOccurred(SocketTimeoutError "Network operation timed out"),
    // false, state unchanged. Bound: the same without datagrams.
    it('waitForDisconnected() waits for a disconnect, and times out without one', function () {
      const p = peer();
      const s = track();
      s.connectToHost(QHostAddress.LocalHost, p.localPort());
      const log: unknown[] = [];
      s.errorOccurred.connect((e) => log.push(['errorOccurred', e, s.errorString()]));
      s.stateChanged.connect((st) => log.push(['stateChanged', st]));
      expect(s.waitForDisconnected(30)).to.equal(false);
      expect(s.state()).to.equal(S.ConnectedState);
      expect(log).to.deep.equal([['errorOccurred', E.SocketTimeoutError, 'Network operation timed out']]);
      log.length = 0;
      // a datagram during the wait: readyRead inside it, and its slot disconnects
      s.readyRead.connect(() => {
        log.push('readyRead');
        while (s.hasPendingDatagrams()) s.readDatagram(10);
        s.disconnectFromHost();
      });
      expect(p.writeDatagram('y', QHostAddress.LocalHost, s.localPort())).to.equal(1);
      expect(s.waitForDisconnected(1000)).to.equal(true);
      expect(log).to.deep.equal(['readyRead', ['stateChanged', S.ClosingState], ['stateChanged', S.UnconnectedState]]);
      const { result, messages } = captureWarnings(() => s.waitForDisconnected(10));
      expect(result).to.equal(false);
      expect(messages).to.deep.equal(['QAbstractSocket::waitForDisconnected() is not allowed in UnconnectedState']);
    });

    it('waitForDisconnected() gives up after msecs even while an unread datagram keeps the socket readable (Qt 5.15 spins for ever)', function () {
      const p = peer();
      const s = track();
      s.connectToHost(QHostAddress.LocalHost, p.localPort());
      let readyReads = 0;
      s.readyRead.connect(() => readyReads++);
      expect(p.writeDatagram('x', QHostAddress.LocalHost, s.localPort())).to.equal(1);
      const t0 = Date.now();
      expect(s.waitForDisconnected(50)).to.equal(false);
      expect(Date.now() - t0).to.be.lessThan(2000);
      expect(readyReads).to.equal(1);
      expect(s.error()).to.equal(E.SocketTimeoutError);
      expect(s.state()).to.equal(S.ConnectedState);
    });

    // PyQt5 5.15: a stateChanged(ConnectedState) slot that closes the socket: ..., Closing,
    // Unconnected, disconnected, and then connected all the same (fetchConnectionParameters
    // emits it unconditionally).
    it('emits connected even when a stateChanged(ConnectedState) slot closed the socket, as Qt does', function () {
      const p = peer();
      const s = track();
      const log: unknown[] = [];
      s.stateChanged.connect((st) => {
        log.push(['stateChanged', st]);
        if (st === S.ConnectedState) s.close();
      });
      s.connected.connect(() => log.push('connected'));
      s.disconnected.connect(() => log.push('disconnected'));
      s.connectToHost(QHostAddress.LocalHost, p.localPort());
      expect(log).to.deep.equal([
        ['stateChanged', S.HostLookupState],
        ['stateChanged', S.ConnectingState],
        ['stateChanged', S.ConnectedState],
        ['stateChanged', S.ClosingState],
        ['stateChanged', S.UnconnectedState],
        'disconnected',
        'connected',
      ]);
      expect(s.state()).to.equal(S.UnconnectedState);
    });

    // PyQt5 5.15: abort() in a stateChanged(ConnectingState) slot during connectToHost("127.0.0.1")
    // does not stop the connection: aboutToClose, stateChanged(Unconnected), readChannelFinished
    // inside the slot, then hostFound, stateChanged(Connected), connected; the socket ends
    // Connected on a new OS socket (a bound one's port is not kept) with its device closed.
    for (const bound of [false, true]) {
      it(`abort() from a stateChanged(ConnectingState) slot still connects, as Qt 5.15 does${bound ? ' (bound socket)' : ''}`, function () {
        const p = peer();
        const s = track();
        if (bound) expect(s.bind(QHostAddress.LocalHost, 0)).to.equal(true);
        const boundPort = s.localPort();
        const log: unknown[] = [];
        watch(s, log);
        s.stateChanged.connect((st) => {
          if (st === S.ConnectingState) s.abort();
        });
        s.connectToHost('127.0.0.1', p.localPort());
        expect(log).to.deep.equal([
          ['stateChanged', S.HostLookupState],
          ['stateChanged', S.ConnectingState],
          'aboutToClose',
          ['stateChanged', S.UnconnectedState],
          'readChannelFinished',
          'hostFound',
          ['stateChanged', S.ConnectedState],
          'connected',
        ]);
        expect(s.state()).to.equal(S.ConnectedState);
        expect(s.isOpen()).to.equal(false);
        expect(s.isValid()).to.equal(true);
        expect(s.socketDescriptor()).to.not.equal(-1);
        expect(s.peerPort()).to.equal(p.localPort());
        expect(s.localPort()).to.be.greaterThan(0);
        if (bound) expect(s.localPort()).to.not.equal(boundPort);
        expect([s.error(), s.errorString()]).to.deep.equal([E.UnknownSocketError, 'Unknown error']);
        // the OS socket is connected: a datagram reaches the peer
        expect(s.writeDatagram('x', QHostAddress.LocalHost, p.localPort())).to.equal(1);
        // abort() stays sticky: a later abort() closes without ClosingState
        log.length = 0;
        s.abort();
        expect(log).to.deep.equal([['stateChanged', S.UnconnectedState], 'readChannelFinished', 'disconnected']);
      });
    }

    // PyQt5 5.15: abort() in a stateChanged(HostLookupState) slot does stop it (Qt's
    // _q_startConnecting returns when the state is no longer HostLookupState).
    it('abort() from a stateChanged(HostLookupState) slot stops the connection, as Qt does', function () {
      const p = peer();
      const s = track();
      const log: unknown[] = [];
      watch(s, log);
      s.stateChanged.connect((st) => {
        if (st === S.HostLookupState) s.abort();
      });
      s.connectToHost('127.0.0.1', p.localPort());
      expect(log).to.deep.equal([['stateChanged', S.HostLookupState], 'aboutToClose', ['stateChanged', S.UnconnectedState], 'readChannelFinished']);
      expect(s.state()).to.equal(S.UnconnectedState);
      expect(s.socketDescriptor()).to.equal(-1);
    });

    // Qt 5.15 only records a close() or disconnectFromHost() in a stateChanged(ConnectingState)
    // slot and stays connected (PyQt5); tsqt carries it out once connected (a documented
    // difference, as for a close during the lookup). The bound socket keeps its OS socket
    // meanwhile, as in Qt: it connects from its bound port.
    for (const op of ['close', 'disconnectFromHost'] as const) {
      it(`${op}() from a stateChanged(ConnectingState) slot of a bound socket disconnects after connected, from the bound port`, function () {
        const p = peer();
        const s = track();
        expect(s.bind(QHostAddress.LocalHost, 0)).to.equal(true);
        const boundPort = s.localPort();
        let portWhenConnected = -1;
        s.connected.connect(() => {
          portWhenConnected = s.localPort();
        });
        const log: unknown[] = [];
        watch(s, log);
        s.stateChanged.connect((st) => {
          if (st === S.ConnectingState) s[op]();
        });
        s.connectToHost('127.0.0.1', p.localPort());
        expect(portWhenConnected).to.equal(boundPort);
        expect(log).to.deep.equal([
          ['stateChanged', S.HostLookupState],
          ['stateChanged', S.ConnectingState],
          ...(op === 'close' ? ['aboutToClose'] : []),
          'hostFound',
          ['stateChanged', S.ConnectedState],
          'connected',
          ['stateChanged', S.ClosingState],
          ['stateChanged', S.UnconnectedState],
          'readChannelFinished',
          'disconnected',
        ]);
        expect(s.state()).to.equal(S.UnconnectedState);
      });
    }

    // PyQt5 5.15: peerName() is the host name of the last connectToHost() after
    // disconnectFromHost(), close() and abort(), and after a later bind() too (Qt returns the
    // host name when the peer name is empty, and never clears the host name).
    it('peerName() keeps the last connectToHost() host name after the connection ends', function () {
      const p = peer();
      for (const end of ['disconnectFromHost', 'close', 'abort'] as const) {
        const s = track();
        expect(s.peerName()).to.equal('');
        s.connectToHost('127.0.0.1', p.localPort());
        expect(s.peerName()).to.equal('127.0.0.1');
        s[end]();
        expect([end, s.state(), s.peerName()]).to.deep.equal([end, S.UnconnectedState, '127.0.0.1']);
        expect(s.bind(QHostAddress.LocalHost, 0)).to.equal(true);
        expect(s.peerName()).to.equal('127.0.0.1');
      }
    });

    // PyQt5 5.15: waitForConnected() on a bound, never-connected socket: stateChanged(Unconnected),
    // false, SocketTimeoutError "Socket operation timed out" without errorOccurred, the OS socket
    // gone (isValid false), local port and address kept.
    it('waitForConnected() on a bound socket fails as Qt\'s does: Unconnected, SocketTimeoutError', function () {
      const s = track();
      expect(s.bind(QHostAddress.LocalHost, 0)).to.equal(true);
      const port = s.localPort();
      const log: unknown[] = [];
      s.errorOccurred.connect((e) => log.push(['errorOccurred', e]));
      s.stateChanged.connect((st) => log.push(['stateChanged', st]));
      expect(s.waitForDisconnected(20)).to.equal(false);
      expect(log).to.deep.equal([['errorOccurred', E.SocketTimeoutError]]);
      expect(s.state()).to.equal(S.BoundState);
      log.length = 0;
      expect(s.waitForConnected(20)).to.equal(false);
      expect(log).to.deep.equal([['stateChanged', S.UnconnectedState]]);
      expect([s.error(), s.errorString()]).to.deep.equal([E.SocketTimeoutError, 'Socket operation timed out']);
      expect(s.isValid()).to.equal(false);
      expect(s.localPort()).to.equal(port);
      expect(s.localAddress().toString()).to.equal('127.0.0.1');
    });
  });

  describe('datagrams queued before connectToHost() from other senders (issue 5, security)', function () {
    // Linux keeps what a bound socket queued before connect(2); Qt delivers it. tsqt drops every
    // datagram whose sender is not the peer, whatever the read API, and keeps the peer's.
    const PEER_MSGS = ['p1', 'p22', 'p333'];
    const cases = [
      ['IPv4', QHostAddress.LocalHost, QHostAddress.LocalHost],
      ['IPv6', QHostAddress.LocalHostIPv6, QHostAddress.LocalHostIPv6],
      ['dual stack (v4-mapped senders)', QHostAddress.Any, QHostAddress.LocalHost],
    ] as const;

    /**
     * c bound on `bindTo`, then strangers' and the peer's datagrams interleaved, then c connects to
     * the peer. Strangers: another port on the peer's address; for IPv4 also the peer's port on
     * another address (127.0.0.2), for dual stack the peer's port over IPv6 (::1).
     */
    function setup(bindTo: QHostAddress, host: QHostAddress, peerBefore = true): { c: QUdpSocket; p: QUdpSocket; sent: number } {
      const p = track();
      expect(p.bind(host, 0)).to.equal(true);
      const strangers = [track()];
      expect(strangers[0]!.bind(host, 0)).to.equal(true);
      const dual = bindTo.protocol() === QAbstractSocket.AnyIPProtocol;
      const samePort = dual ? QHostAddress.LocalHostIPv6 : host.protocol() === QAbstractSocket.IPv4Protocol ? new QHostAddress('127.0.0.2') : null;
      if (samePort !== null) {
        const x = track();
        expect(x.bind(samePort, p.localPort()), `bind ${samePort.toString()}:${p.localPort()}`).to.equal(true);
        strangers.push(x);
      }
      const c = track();
      expect(c.bind(bindTo, 0)).to.equal(true);
      const to = host;
      let sent = 0;
      const evil = (tag: string): void => {
        for (const x of strangers) {
          const dest = x.localAddress().protocol() === QAbstractSocket.IPv6Protocol ? QHostAddress.LocalHostIPv6 : to;
          expect(x.writeDatagram(`evil-${tag}-${x.localPort()}`, dest, c.localPort())).to.be.greaterThan(0);
          sent++;
        }
      };
      evil('a');
      if (peerBefore) p.writeDatagram(PEER_MSGS[0]!, to, c.localPort());
      evil('b');
      evil('c');
      if (peerBefore) p.writeDatagram(PEER_MSGS[1]!, to, c.localPort());
      evil('d');
      sleepSync(20);
      c.connectToHost(host, p.localPort());
      expect(c.state()).to.equal(S.ConnectedState);
      if (peerBefore) p.writeDatagram(PEER_MSGS[2]!, to, c.localPort());
      sleepSync(20);
      return { c, p, sent };
    }

    for (const [name, bindTo, host] of cases) {
      describe(name, function () {
        it('read() returns only the peer\'s datagrams', function () {
          const { c } = setup(bindTo, host);
          const got: string[] = [];
          for (let i = 0; i < 4; i++) got.push(c.read(100)!.toString());
          expect(got).to.deep.equal([...PEER_MSGS, '']);
        });

        it('readDatagram() returns only the peer\'s datagrams, with the peer as sender', function () {
          const { c, p } = setup(bindTo, host);
          const got: string[] = [];
          for (;;) {
            const [data, , port] = c.readDatagram(100);
            if (data === null) break;
            expect(port).to.equal(p.localPort());
            got.push(data.toString());
          }
          expect(got).to.deep.equal(PEER_MSGS);
          expect(c.error()).to.equal(E.TemporaryError);
        });

        it('receiveDatagram() returns only the peer\'s datagrams', function () {
          const { c, p } = setup(bindTo, host);
          const got: string[] = [];
          for (let i = 0; i < 4; i++) {
            const d = c.receiveDatagram();
            if (!d.isValid()) break;
            expect(d.senderPort()).to.equal(p.localPort());
            expect(d.senderAddress().isEqual(p.localAddress())).to.equal(true);
            got.push(d.data().toString());
          }
          expect(got).to.deep.equal(PEER_MSGS);
        });

        it('hasPendingDatagrams() and pendingDatagramSize() see only the peer\'s datagrams', function () {
          const { c } = setup(bindTo, host);
          const seen: [boolean, number, string][] = [];
          for (let i = 0; i < 4; i++) {
            const has = c.hasPendingDatagrams();
            const size = c.pendingDatagramSize();
            seen.push([has, size, has ? c.receiveDatagram().data().toString() : '']);
          }
          expect(seen).to.deep.equal([...PEER_MSGS.map((m) => [true, m.length, m] as const), [false, -1, '']]);
        });

        it('pendingDatagramSize() alone skips the strangers\' datagrams', function () {
          const { c } = setup(bindTo, host);
          const sizes: number[] = [];
          for (let i = 0; i < 4; i++) {
            sizes.push(c.pendingDatagramSize());
            c.read(100);
          }
          expect(sizes).to.deep.equal([...PEER_MSGS.map((m) => m.length), -1]);
        });

        it('bytesAvailable() counts only the peer\'s datagrams', function () {
          const { c } = setup(bindTo, host);
          const counts: number[] = [];
          for (let i = 0; i < 4; i++) {
            counts.push(c.bytesAvailable());
            c.read(100);
          }
          expect(counts).to.deep.equal([...PEER_MSGS.map((m) => m.length), 0]);
        });

        it('readyRead is not emitted for strangers\' datagrams alone, and is for the peer\'s', async function () {
          const { c, p, sent } = setup(bindTo, host, false);
          expect(sent).to.be.greaterThan(3);
          let ready = 0;
          const got: string[] = [];
          c.readyRead.connect(() => {
            ready++;
            while (c.hasPendingDatagrams()) got.push(c.receiveDatagram().data().toString());
          });
          await spin(50);
          expect(ready).to.equal(0);
          expect(c.waitForReadyRead(50)).to.equal(false);
          expect(ready).to.equal(0);
          p.writeDatagram('hello', host, c.localPort());
          expect(await until(() => ready > 0, 4000)).to.equal(true);
          expect(got).to.deep.equal(['hello']);
        });

        it('readyRead delivers the peer\'s datagrams queued among strangers\' ones', async function () {
          const { c } = setup(bindTo, host);
          let ready = 0;
          const got: string[] = [];
          c.readyRead.connect(() => {
            ready++;
            while (c.hasPendingDatagrams()) got.push(c.receiveDatagram().data().toString());
          });
          expect(await until(() => got.length >= PEER_MSGS.length, 4000)).to.equal(true);
          await spin(30);
          expect(got).to.deep.equal(PEER_MSGS);
          expect(ready).to.be.greaterThan(0);
        });
      });
    }

    it('datagrams a batched read already took from the kernel are filtered too', function () {
      const host = QHostAddress.LocalHost;
      const p = peer();
      const x = peer();
      const c = track();
      expect(c.bind(host, 0)).to.equal(true);
      p.writeDatagram('first', host, c.localPort());
      x.writeDatagram('evil1', host, c.localPort());
      p.writeDatagram('p1', host, c.localPort());
      x.writeDatagram('evil2', host, c.localPort());
      p.writeDatagram('p22', host, c.localPort());
      sleepSync(20);
      // an unconnected read takes every queued datagram from the kernel at once (recvmmsg)
      expect(c.receiveDatagram().data().toString()).to.equal('first');
      c.connectToHost(host, p.localPort());
      expect(c.bytesAvailable()).to.equal(2);
      const got: string[] = [];
      while (c.hasPendingDatagrams()) {
        const d = c.receiveDatagram();
        expect(d.senderPort()).to.equal(p.localPort());
        got.push(d.data().toString());
      }
      expect(got).to.deep.equal(['p1', 'p22']);
      expect(c.pendingDatagramSize()).to.equal(-1);
    });

    it('an ICMP error after the connect is still reported while strangers\' datagrams are queued', function () {
      const host = QHostAddress.LocalHost;
      const gone = peer();
      const closedPort = gone.localPort();
      gone.close();
      const x = peer();
      const c = track();
      expect(c.bind(host, 0)).to.equal(true);
      x.writeDatagram('evil', host, c.localPort());
      sleepSync(20);
      c.connectToHost(host, closedPort);
      expect(c.write('ping')).to.equal(4);
      sleepSync(20);
      const errs: number[] = [];
      c.errorOccurred.connect((e) => errs.push(e));
      // the pending error is not consumed by counting (FIONREAD semantics), then a read reports it
      expect(c.bytesAvailable()).to.equal(0);
      const [data] = c.readDatagram(100);
      expect(data).to.equal(null);
      expect(errs).to.deep.equal([E.ConnectionRefusedError]);
      // and the stranger's datagram is still not delivered afterwards
      expect(c.hasPendingDatagrams()).to.equal(false);
      expect(c.readDatagram(100)[0]).to.equal(null);
    });
  });
});
