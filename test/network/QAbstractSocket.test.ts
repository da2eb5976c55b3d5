// SPDX-License-Identifier: MIT
// QAbstractSocket: enums (QT_SEMANTICS UDP-E1), and paths that need a scripted engine
// (initialisation failure, EAGAIN on send, spurious read notifications: UDP-R3, UDP-W5).
import { expect } from 'chai';
import { QAbstractSocket, QCoreApplication, QHostAddress, QNetworkDatagram, QNetworkInterface, QUdpSocket } from '../../src/index.js';
import { setSocketEngineFactory } from '../../src/network/QAbstractSocket.js';
import type { DatagramHeader, EngineOption, EngineProtocol, HeaderOptions, SocketEngine, SocketEngineReceiver } from '../../src/network/private/SocketEngine.js';
import { cacheHost, clearHostCache } from '../../src/network/private/hostCache.js';
import { closeAll, track } from './udpHelpers.js';

const S = QAbstractSocket.SocketState;
const E = QAbstractSocket.SocketError;

/** A scripted engine: no OS socket; tests set what each call returns. */
class FakeEngine implements SocketEngine {
  receiver: SocketEngineReceiver | null = null;
  valid = false;
  initOk = true;
  sendResult = 0;
  queue: Buffer[] = [];
  /** Pending socket error (like an ICMP): readable, but no datagram. */
  spurious = 0;
  readEnabled = false;
  err = -1;
  errText = 'Unknown error';
  initialize(_p: EngineProtocol): boolean {
    if (!this.initOk) {
      this.err = E.SocketResourceError;
      this.errText = 'Out of resources';
      return false;
    }
    this.valid = true;
    return true;
  }
  initializeFromDescriptor(): boolean { return false; }
  isValid(): boolean { return this.valid; }
  socketDescriptor(): number { return this.valid ? 99 : -1; }
  protocol(): number { return this.valid ? 0 : -1; }
  bind(): boolean { return true; }
  /** Decides each connect (default: success); may set err/errText as the OS would. */
  connectHook: ((address: QHostAddress) => boolean) | null = null;
  connectToHost(address: QHostAddress): boolean { return this.connectHook === null ? true : this.connectHook(address); }
  close(): void { this.valid = false; this.readEnabled = false; }
  localAddress(): QHostAddress { return new QHostAddress('127.0.0.1'); }
  localPort(): number { return 4242; }
  peerAddress(): QHostAddress { return new QHostAddress(); }
  peerPort(): number { return 0; }
  error(): number { return this.err; }
  errorString(): string { return this.errText; }
  hasPendingDatagrams(): boolean {
    if (this.queue.length > 0) return true;
    this.spurious = 0; // a peek consumes the pending error
    return false;
  }
  pendingDatagramSize(): number { return this.queue[0]?.length ?? -1; }
  bytesAvailable(): number { return this.queue[0]?.length ?? 0; }
  readDatagram(maxSize: number, header: DatagramHeader | null, _o: HeaderOptions): Buffer | number {
    const d = this.queue.shift();
    if (d === undefined) return -2;
    if (header !== null) {
      header.senderAddress = new QHostAddress('127.0.0.1');
      header.senderPort = 1;
    }
    return d.subarray(0, maxSize);
  }
  writeDatagram(data: Uint8Array, _h: DatagramHeader | null): number { return this.sendResult === 0 ? data.length : this.sendResult; }
  read(): Buffer | number { return -2; }
  write(data: Uint8Array): number { return data.length; }
  option(_o: EngineOption): number | undefined { return undefined; }
  setOption(): boolean { return true; }
  joinMulticastGroup(): boolean { return false; }
  leaveMulticastGroup(): boolean { return false; }
  multicastInterface(): QNetworkInterface { return new QNetworkInterface(); }
  setMulticastInterface(): boolean { return false; }
  isReadNotificationEnabled(): boolean { return this.readEnabled; }
  setReadNotificationEnabled(e: boolean): void { this.readEnabled = e; }
  isWriteNotificationEnabled(): boolean { return false; }
  setWriteNotificationEnabled(): void {}
  waitForRead(): boolean { return this.queue.length > 0; }
  waitForWrite(): boolean { return true; }
  waitForReadOrWrite(checkRead: boolean): number { return checkRead && this.queue.length > 0 ? 1 : -1; }
  /** What the dispatcher does when the fd is readable and notifications are on. */
  notify(): void {
    if (this.readEnabled) this.receiver?.readNotification();
  }
}

describe('QAbstractSocket', function () {
  afterEach(closeAll);

  describe('enums', function () {
    const tables: Array<[string, Record<string, number>]> = [
      ['SocketType', { TcpSocket: 0, UdpSocket: 1, SctpSocket: 2, UnknownSocketType: -1 }],
      ['SocketState', { UnconnectedState: 0, HostLookupState: 1, ConnectingState: 2, ConnectedState: 3, BoundState: 4, ListeningState: 5, ClosingState: 6 }],
      ['SocketError', {
        ConnectionRefusedError: 0, RemoteHostClosedError: 1, HostNotFoundError: 2, SocketAccessError: 3, SocketResourceError: 4,
        SocketTimeoutError: 5, DatagramTooLargeError: 6, NetworkError: 7, AddressInUseError: 8, SocketAddressNotAvailableError: 9,
        UnsupportedSocketOperationError: 10, UnfinishedSocketOperationError: 11, ProxyAuthenticationRequiredError: 12,
        SslHandshakeFailedError: 13, ProxyConnectionRefusedError: 14, ProxyConnectionClosedError: 15, ProxyConnectionTimeoutError: 16,
        ProxyNotFoundError: 17, ProxyProtocolError: 18, OperationError: 19, SslInternalError: 20, SslInvalidUserDataError: 21,
        TemporaryError: 22, UnknownSocketError: -1,
      }],
      ['NetworkLayerProtocol', { IPv4Protocol: 0, IPv6Protocol: 1, AnyIPProtocol: 2, UnknownNetworkLayerProtocol: -1 }],
      ['BindFlag', { DefaultForPlatform: 0, ShareAddress: 1, DontShareAddress: 2, ReuseAddressHint: 4 }],
      ['PauseMode', { PauseNever: 0, PauseOnSslErrors: 1 }],
      ['SocketOption', {
        LowDelayOption: 0, KeepAliveOption: 1, MulticastTtlOption: 2, MulticastLoopbackOption: 3, TypeOfServiceOption: 4,
        SendBufferSizeSocketOption: 5, ReceiveBufferSizeSocketOption: 6, PathMtuSocketOption: 7,
      }],
    ];
    for (const [name, values] of tables) {
      it(`${name} has Qt's values, scoped and unscoped (also on QUdpSocket) (PY-7)`, function () {
        const scoped = (QAbstractSocket as unknown as Record<string, Record<string, number>>)[name]!;
        expect(scoped).to.deep.equal(values);
        for (const [k, v] of Object.entries(values)) {
          expect((QAbstractSocket as unknown as Record<string, number>)[k]).to.equal(v);
          expect((QUdpSocket as unknown as Record<string, number>)[k]).to.equal(v);
        }
      });
    }

    it('QIODevice open modes are inherited', function () {
      expect(QUdpSocket.ReadWrite).to.equal(3);
      expect(QUdpSocket.Unbuffered).to.equal(32);
    });
  });

  it('only UDP sockets can be constructed', function () {
    expect(() => new QAbstractSocket(QAbstractSocket.TcpSocket)).to.throw(RangeError, /UdpSocket/);
    const s = new QAbstractSocket(QAbstractSocket.UdpSocket);
    expect(s.socketType()).to.equal(QAbstractSocket.UdpSocket);
    s.dispose();
  });

  it('pauseMode is stored; resume() is harmless', function () {
    const s = track();
    expect(s.pauseMode()).to.equal(QAbstractSocket.PauseNever);
    s.setPauseMode(QAbstractSocket.PauseOnSslErrors);
    expect(s.pauseMode()).to.equal(QAbstractSocket.PauseOnSslErrors);
    s.resume();
  });

  // PyQt5 5.15: QUdpSocket().waitForReadyRead(2**31) raises OverflowError; setPauseMode(1.5) and
  // bind(QHostAddress.LocalHost, 0, 1.5) raise TypeError
  it('refuses msecs outside a C int with RangeError and fractional modes with TypeError, changing nothing', function () {
    const s = track();
    for (const wait of ['waitForConnected', 'waitForReadyRead', 'waitForBytesWritten', 'waitForDisconnected'] as const) {
      expect(() => s[wait](2 ** 31), wait).to.throw(RangeError, `QUdpSocket.${wait}: msecs must be in -2147483648..2147483647, got 2147483648`);
      expect(() => s[wait](-(2 ** 31) - 1), wait).to.throw(RangeError, /msecs must be in -2147483648\.\.2147483647, got -2147483649$/);
      expect(() => s[wait](1.5), wait).to.throw(TypeError, `QUdpSocket.${wait}: msecs must be an integer, got 1.5`);
    }
    expect(() => s.setPauseMode(0.5 as never)).to.throw(TypeError, 'QUdpSocket.setPauseMode: pauseMode must be an integer flag combination, got 0.5');
    expect(() => s.bind(QHostAddress.LocalHost, 0, 1.5 as never)).to.throw(TypeError, 'QUdpSocket.bind: mode must be an integer flag combination, got 1.5');
    expect([s.pauseMode(), s.state(), s.error()]).to.deep.equal([QAbstractSocket.PauseNever, QAbstractSocket.UnconnectedState, QAbstractSocket.UnknownSocketError]);
  });

  describe('with a scripted engine', function () {
    let engine: FakeEngine;
    let restore: (() => SocketEngine) | null = null;
    beforeEach(function () {
      restore = setSocketEngineFactory(() => (engine = new FakeEngine()));
    });
    afterEach(function () {
      if (restore !== null) setSocketEngineFactory(restore);
    });

    it('a socket that cannot be created: bind() false, error set, no errorOccurred (Qt)', function () {
      setSocketEngineFactory(() => {
        engine = new FakeEngine();
        engine.initOk = false;
        return engine;
      });
      const s = track();
      const errs: number[] = [];
      s.errorOccurred.connect((e) => errs.push(e));
      expect(s.bind(QHostAddress.LocalHost, 0)).to.equal(false);
      expect(s.error()).to.equal(E.SocketResourceError);
      expect(s.errorString()).to.equal('Out of resources');
      expect(errs).to.deep.equal([]);
      expect(s.isValid()).to.equal(false);
      expect(s.writeDatagram('x', QHostAddress.LocalHost, 9)).to.equal(-1);
    });

    it('EAGAIN on send: -1 and TemporaryError "Unable to send a datagram"; the QNetworkDatagram overload returns -2 (UDP-W5)', function () {
      const s = track();
      s.bind(QHostAddress.LocalHost, 0);
      engine.sendResult = -2;
      const errs: unknown[] = [];
      s.errorOccurred.connect((e) => errs.push([e, s.errorString()]));
      expect(s.writeDatagram('x', QHostAddress.LocalHost, 9)).to.equal(-1);
      expect(errs).to.deep.equal([[E.TemporaryError, 'Unable to send a datagram']]);
      expect(s.writeDatagram(new QNetworkDatagram('x', QHostAddress.LocalHost, 9))).to.equal(-2);
      expect(errs.length).to.equal(2);
    });

    it('read notifications are enabled by bind after stateChanged', function () {
      const s = track();
      let enabledAtSignal: boolean | null = null;
      s.stateChanged.connect(() => {
        enabledAtSignal = engine.readEnabled;
      });
      s.bind(QHostAddress.LocalHost, 0);
      expect(enabledAtSignal).to.equal(false);
      expect(engine.readEnabled).to.equal(true);
    });

    it('a spurious notification does not swallow the next datagram (Qt 6.7 fix, UDP-R3)', function () {
      const s = track();
      s.bind(QHostAddress.LocalHost, 0);
      let ready = 0;
      s.readyRead.connect(() => ready++);
      engine.spurious = 1;
      engine.notify(); // spurious: readyRead with nothing pending, nobody reads
      expect(ready).to.equal(1);
      expect(engine.readEnabled).to.equal(true);
      engine.queue.push(Buffer.from('real'));
      engine.notify(); // Qt 5.15 would switch the notifier off here, silently
      expect(ready).to.equal(2);
      engine.notify(); // unread real datagram: now the notifier goes off
      expect(ready).to.equal(2);
      expect(engine.readEnabled).to.equal(false);
      expect(s.readDatagram(10)[0]!.toString()).to.equal('real');
      expect(engine.readEnabled).to.equal(true);
    });

    it('two spurious notifications in a row: the second switches the notifier off (Qt 5.15, udp_connected_icmp)', function () {
      const s = track();
      s.bind(QHostAddress.LocalHost, 0);
      let ready = 0;
      s.readyRead.connect(() => ready++);
      engine.notify();
      engine.notify();
      expect(ready).to.equal(1);
      expect(engine.readEnabled).to.equal(false);
    });

    it('one readyRead per unread burst; readDatagram re-arms (UDP-R2)', function () {
      const s = track();
      s.bind(QHostAddress.LocalHost, 0);
      let ready = 0;
      s.readyRead.connect(() => ready++);
      engine.queue.push(Buffer.from('a'), Buffer.from('b'));
      engine.notify();
      engine.notify();
      engine.notify();
      expect(ready).to.equal(1);
      s.readDatagram(1);
      engine.notify();
      expect(ready).to.equal(2);
    });

    it('receiveDatagram() with nothing pending does not re-arm (UDP-R6)', function () {
      const s = track();
      s.bind(QHostAddress.LocalHost, 0);
      engine.queue.push(Buffer.from('a'));
      engine.notify();
      engine.notify();
      expect(engine.readEnabled).to.equal(false);
      engine.queue.length = 0;
      expect(s.receiveDatagram().isValid()).to.equal(false);
      expect(engine.readEnabled).to.equal(false);
    });

    it('an exception in a readyRead slot goes to the handler and leaves the socket usable', function () {
      const s = track();
      s.bind(QHostAddress.LocalHost, 0);
      const caught: unknown[] = [];
      const prev = QCoreApplication.setExceptionHandler((e) => caught.push(e));
      try {
        let ready = 0;
        s.readyRead.connect(() => {
          ready++;
          throw new Error('boom');
        });
        engine.queue.push(Buffer.from('a'));
        engine.notify();
        s.readDatagram(1);
        engine.queue.push(Buffer.from('b'));
        engine.notify();
        expect(ready).to.equal(2);
        expect(caught.length).to.equal(2);
      } finally {
        QCoreApplication.setExceptionHandler(prev);
      }
    });

    describe('a host name with several addresses (Qt\'s _q_startConnecting/_q_connectToNextAddress)', function () {
      const NAME = 'two-addresses.invalid';
      let tried: string[];
      let made: number;
      /** Engines whose connects go through `decide`; counts the engines made. */
      function engines(decide: (address: QHostAddress) => boolean): void {
        tried = [];
        made = 0;
        setSocketEngineFactory(() => {
          made++;
          const e = (engine = new FakeEngine());
          e.connectHook = (a) => {
            tried.push(a.toString());
            const ok = decide(a);
            // the engine keeps its first error, as Qt's does
            if (!ok && e.err === E.UnknownSocketError) {
              e.err = E.NetworkError;
              e.errText = `Network unreachable (${a.toString()})`;
            }
            return ok;
          };
          return e;
        });
      }
      beforeEach(function () {
        // from the cache, the name connects inside connectToHost(), as a looked-up name would later
        cacheHost(NAME, [new QHostAddress('::1'), new QHostAddress('127.0.0.1')]);
      });
      afterEach(clearHostCache);

      it('a bound socket tries every address twice, in order, on its one OS socket', function () {
        engines(() => false);
        const s = track();
        expect(s.bind(QHostAddress.LocalHost, 0)).to.equal(true);
        const log: unknown[] = [];
        s.stateChanged.connect((st) => log.push(['stateChanged', st]));
        s.errorOccurred.connect((e) => log.push(['errorOccurred', e, s.errorString()]));
        s.connectToHost(NAME, 9);
        expect(tried).to.deep.equal(['::1', '127.0.0.1', '::1', '127.0.0.1']);
        expect(made).to.equal(1);
        expect(log).to.deep.equal([
          ['stateChanged', S.HostLookupState],
          ['stateChanged', S.ConnectingState],
          ['stateChanged', S.UnconnectedState],
          ['errorOccurred', E.NetworkError, 'Network unreachable (::1)'],
        ]);
      });

      it('an unbound socket gets a new OS socket for the next address when a connect fails', function () {
        engines((a) => a.toString() === '127.0.0.1');
        const s = track();
        s.connectToHost(NAME, 9);
        expect(tried).to.deep.equal(['::1', '127.0.0.1']);
        expect(made).to.equal(2);
        expect(s.state()).to.equal(S.ConnectedState);
        expect([s.error(), s.errorString()]).to.deep.equal([E.UnknownSocketError, 'Unknown error']);
      });
    });

    it('the state queries answer while signals are delivered', function () {
      const s = track();
      const seen: unknown[] = [];
      s.stateChanged.connect((st) => seen.push([st, s.state(), s.localPort()]));
      s.bind(QHostAddress.LocalHost, 0);
      expect(seen).to.deep.equal([[S.BoundState, S.BoundState, 4242]]);
    });
  });
});
