// SPDX-License-Identifier: MIT
// QUdpSocket: construction, bind, writeDatagram, readDatagram/receiveDatagram (ports of
// tst_qudpsocket: constructing, unconnectedServerAndClientTest, loop, ipv6Loop, dualStack,
// dualStackAutoBinding, dualStackNoIPv4onV6only, pendingDatagramSize, writeDatagram,
// writeDatagramToNonExistingPeer, broadcasting and broadcastingDualSocket (loopback broadcast only),
// zeroLengthDatagram, bindMode; plus tsqt's own rules). The outOfProcess tests are in
// QUdpSocket.processes.test.ts.
import { spawn } from 'node:child_process';
import { expect } from 'chai';
import { QAbstractSocket, QHostAddress, QIODevice, QNetworkDatagram, QUdpSocket } from '../../src/index.js';
import { captureWarnings, closeAll, sleepSync, spin, track, until } from './udpHelpers.js';

const S = QAbstractSocket.SocketState;
const E = QAbstractSocket.SocketError;

function bound(addr: QHostAddress | string = QHostAddress.LocalHost): QUdpSocket {
  const s = track();
  expect(s.bind(addr, 0)).to.equal(true);
  return s;
}

describe('QUdpSocket', function () {
  afterEach(closeAll);

  describe('construction (tst constructing)', function () {
    it('starts unconnected, not open, without an OS socket', function () {
      const s = track();
      expect(s.state()).to.equal(S.UnconnectedState);
      expect(s.isSequential()).to.equal(true);
      expect(s.isOpen()).to.equal(false);
      expect(s.isValid()).to.equal(false);
      expect(s.socketType()).to.equal(QAbstractSocket.UdpSocket);
      expect(s.bytesAvailable()).to.equal(0);
      expect(s.canReadLine()).to.equal(false);
      expect(s.socketDescriptor()).to.equal(-1);
      expect(s.localPort()).to.equal(0);
      expect(s.localAddress().isNull()).to.equal(true);
      expect(s.peerAddress().isNull()).to.equal(true);
      expect(s.peerPort()).to.equal(0);
      expect(s.peerName()).to.equal('');
      expect(s.error()).to.equal(E.UnknownSocketError);
      expect(s.errorString()).to.equal('Unknown error');
      expect(s.openMode()).to.equal(QUdpSocket.NotOpen);
      expect(s.socketOption(QAbstractSocket.MulticastTtlOption)).to.equal(undefined);
      expect(s.readBufferSize()).to.equal(0);
    });

    it('stores a protocol tag, empty by default; a non-string is a TypeError (PyQt5 5.15)', function () {
      const s = track();
      expect(s.protocolTag()).to.equal('');
      s.setProtocolTag('dns');
      expect(s.protocolTag()).to.equal('dns');
      expect(() => s.setProtocolTag(3 as never)).to.throw(TypeError, /QUdpSocket\.setProtocolTag: tag must be a string/);
      expect(s.protocolTag()).to.equal('dns');
    });

    it('has a parent like any QObject', function () {
      const p = new QUdpSocket();
      const c = new QUdpSocket(p);
      expect(c.parent()).to.equal(p);
      p.dispose();
    });
  });

  describe('#bind()', function () {
    it('is synchronous: stateChanged(BoundState) inside the call, port known at once', function () {
      const s = track();
      const log: unknown[] = [];
      s.stateChanged.connect((st) => log.push(['stateChanged', st]));
      log.push('call');
      const ok = s.bind(QHostAddress.LocalHost, 0);
      log.push('return');
      expect(ok).to.equal(true);
      expect(log).to.deep.equal(['call', ['stateChanged', S.BoundState], 'return']);
      expect(s.state()).to.equal(S.BoundState);
      expect(s.localPort()).to.be.greaterThan(0);
      expect(s.localAddress().toString()).to.equal('127.0.0.1');
      expect(s.isValid()).to.equal(true);
      expect(s.isOpen()).to.equal(false);
      expect(s.openMode()).to.equal(QUdpSocket.NotOpen);
      expect(s.socketDescriptor()).to.be.at.least(0);
      expect(s.peerAddress().isNull()).to.equal(true);
      expect(s.error()).to.equal(E.UnknownSocketError);
    });

    const rows: Array<{ name: string; arg: () => QHostAddress | string; expected: string; protocol?: number }> = [
      { name: 'LocalHost', arg: () => QHostAddress.LocalHost, expected: '127.0.0.1' },
      { name: 'LocalHostIPv6', arg: () => QHostAddress.LocalHostIPv6, expected: '::1' },
      { name: 'Any (dual stack)', arg: () => QHostAddress.Any, expected: '0.0.0.0', protocol: QAbstractSocket.AnyIPProtocol },
      { name: 'AnyIPv4', arg: () => QHostAddress.AnyIPv4, expected: '0.0.0.0', protocol: QAbstractSocket.IPv4Protocol },
      { name: 'AnyIPv6', arg: () => QHostAddress.AnyIPv6, expected: '::', protocol: QAbstractSocket.IPv6Protocol },
      { name: 'null QHostAddress binds 0.0.0.0', arg: () => new QHostAddress(), expected: '0.0.0.0' },
      { name: '"127.0.0.1" string', arg: () => '127.0.0.1', expected: '127.0.0.1' },
      { name: '"::1" string', arg: () => '::1', expected: '::1' },
    ];
    for (const row of rows) {
      it(`binds ${row.name}`, function () {
        const s = track();
        expect(s.bind(row.arg(), 0)).to.equal(true);
        expect(s.localAddress().toString()).to.equal(row.expected);
        if (row.protocol !== undefined) expect(s.localAddress().protocol()).to.equal(row.protocol);
        expect(s.localPort()).to.be.greaterThan(0);
      });
    }

    it('bind(port) and bind() bind Any', function () {
      const a = track();
      expect(a.bind(0)).to.equal(true);
      expect(a.localAddress().toString()).to.equal('0.0.0.0');
      const b = track();
      expect(b.bind()).to.equal(true);
      expect(b.localAddress().toString()).to.equal('0.0.0.0');
      expect(b.localPort()).to.be.greaterThan(0);
    });

    it('fails with AddressInUseError on a taken port, synchronously, keeping the OS socket', function () {
      const a = bound();
      const b = track();
      const log: unknown[] = [];
      b.stateChanged.connect((st) => log.push(['stateChanged', st]));
      b.errorOccurred.connect((e) => log.push(['errorOccurred', e, b.errorString()]));
      expect(b.bind(QHostAddress.LocalHost, a.localPort())).to.equal(false);
      expect(log).to.deep.equal([['errorOccurred', E.AddressInUseError, 'The bound address is already in use']]);
      expect(b.state()).to.equal(S.UnconnectedState);
      expect(b.localPort()).to.equal(0);
      expect(b.isValid()).to.equal(true);
      // retry on port 0 succeeds, and the old error stays (not reset by success)
      expect(b.bind(QHostAddress.LocalHost, 0)).to.equal(true);
      expect(b.error()).to.equal(E.AddressInUseError);
      expect(log.at(-1)).to.deep.equal(['stateChanged', S.BoundState]);
    });

    // PyQt5 5.15: after a refused bind, close() keeps the OS socket: socketDescriptor() is still
    // its descriptor, and a connectToHost() connects it, with the option set before (SO_SNDBUF
    // 12345 reads back 24690 before and after)
    it('close() after a refused bind keeps the OS socket: same descriptor, connectToHost() uses it with its options', function () {
      const a = bound();
      const b = track();
      expect(b.bind(QHostAddress.LocalHost, a.localPort())).to.equal(false);
      const fd = b.socketDescriptor();
      expect(fd).to.not.equal(-1);
      b.setSocketOption(QAbstractSocket.SendBufferSizeSocketOption, 12345);
      const size = b.socketOption(QAbstractSocket.SendBufferSizeSocketOption);
      b.close();
      expect([b.socketDescriptor(), b.isValid()]).to.deep.equal([fd, true]);
      b.connectToHost(QHostAddress.LocalHost, a.localPort());
      expect(b.state()).to.equal(S.ConnectedState);
      expect(b.socketDescriptor()).to.equal(fd);
      expect(b.socketOption(QAbstractSocket.SendBufferSizeSocketOption)).to.equal(size);
    });

    it('fails with SocketAddressNotAvailableError for an address of no interface', function () {
      const s = track();
      const errs: number[] = [];
      s.errorOccurred.connect((e) => errs.push(e));
      expect(s.bind('198.51.100.7', 0)).to.equal(false);
      expect(errs).to.deep.equal([E.SocketAddressNotAvailableError]);
      expect(s.errorString()).to.equal('The address is not available');
      expect(s.state()).to.equal(S.UnconnectedState);
    });

    it('warns and emits the stale error when already bound', function () {
      const s = bound();
      const errs: number[] = [];
      s.errorOccurred.connect((e) => errs.push(e));
      const { result, messages } = captureWarnings(() => s.bind(QHostAddress.LocalHost, 0));
      expect(result).to.equal(false);
      expect(messages).to.deep.equal(['QNativeSocketEngine::bind() was not called in QAbstractSocket::UnconnectedState']);
      expect(errs).to.deep.equal([E.UnknownSocketError]);
      expect(s.state()).to.equal(S.BoundState);
    });

    // PyQt5 5.15: a stateChanged(BoundState) slot that calls close(), abort() or
    // disconnectFromHost() leaves the socket Unconnected and invalid, and bind() returns true.
    for (const end of ['close', 'abort', 'disconnectFromHost'] as const) {
      it(`returns true when a stateChanged slot calls ${end}(), as Qt's does; the socket ends Unconnected`, function () {
        const s = track();
        s.stateChanged.connect((st) => {
          if (st === S.BoundState) s[end]();
        });
        expect(s.bind(QHostAddress.LocalHost, 0)).to.equal(true);
        expect(s.state()).to.equal(S.UnconnectedState);
        expect(s.isValid()).to.equal(false);
      });
    }

    describe('BindMode (tst bindMode, udp_bind_share/dontshare)', function () {
      const share = QUdpSocket.ShareAddress | QUdpSocket.ReuseAddressHint;
      it('default mode is exclusive: a second bind fails', function () {
        const a = bound();
        const b = track();
        expect(b.bind(QHostAddress.LocalHost, a.localPort(), QUdpSocket.ReuseAddressHint)).to.equal(false);
        expect(b.error()).to.equal(E.AddressInUseError);
      });
      it('ShareAddress / ReuseAddressHint on every socket lets them share the port', function () {
        const a = track();
        expect(a.bind(QHostAddress.LocalHost, 0, share)).to.equal(true);
        const b = track();
        expect(b.bind(QHostAddress.LocalHost, a.localPort(), share)).to.equal(true);
        const c = track();
        expect(c.bind(QHostAddress.LocalHost, a.localPort(), QUdpSocket.ShareAddress)).to.equal(true);
        const d = track();
        expect(d.bind(QHostAddress.LocalHost, a.localPort(), QUdpSocket.ReuseAddressHint)).to.equal(true);
        expect(b.localPort()).to.equal(a.localPort());
      });
      it('DontShareAddress refuses sharing both ways', function () {
        const a = track();
        expect(a.bind(QHostAddress.LocalHost, 0, share)).to.equal(true);
        const b = track();
        expect(b.bind(QHostAddress.LocalHost, a.localPort(), QUdpSocket.DontShareAddress)).to.equal(false);
        const c = track();
        expect(c.bind(QHostAddress.LocalHost, 0, QUdpSocket.DontShareAddress)).to.equal(true);
        const d = track();
        expect(d.bind(QHostAddress.LocalHost, c.localPort(), share)).to.equal(false);
        expect(d.error()).to.equal(E.AddressInUseError);
      });
      it('a reuse option set before a failed bind persists into the retry (socket kept)', function () {
        const a = track();
        expect(a.bind(QHostAddress.LocalHost, 0, share)).to.equal(true);
        const holder = bound();
        const b = track();
        // fails (holder's port is exclusive) but b's socket now has SO_REUSEADDR
        expect(b.bind(QHostAddress.LocalHost, holder.localPort(), share)).to.equal(false);
        expect(b.bind(QHostAddress.LocalHost, a.localPort())).to.equal(true);
      });
    });

    describe('bad arguments', function () {
      it('rejects ports outside 0..65535 with RangeError and non-integers with TypeError, changing nothing', function () {
        const s = track();
        expect(() => s.bind(QHostAddress.LocalHost, 70000)).to.throw(RangeError, 'QUdpSocket.bind: port must be an integer in 0..65535, got 70000');
        expect(() => s.bind(-1)).to.throw(RangeError, /QUdpSocket\.bind: port/);
        // PyQt5 5.15: QUdpSocket().bind(QHostAddress.LocalHost, 1.5) raises TypeError
        expect(() => s.bind(QHostAddress.LocalHost, 1.5)).to.throw(TypeError, 'QUdpSocket.bind: port must be an integer in 0..65535, got 1.5');
        expect(() => s.bind(QHostAddress.LocalHost, NaN)).to.throw(TypeError, /port/);
        expect(() => s.bind(QHostAddress.LocalHost, '80' as unknown as number)).to.throw(TypeError, /port/);
        expect(s.state()).to.equal(S.UnconnectedState);
        expect(s.isValid()).to.equal(false);
      });
      it('rejects a string that is not an IP address with TypeError', function () {
        const s = track();
        expect(() => s.bind('999.1.1.1', 0)).to.throw(TypeError, /QUdpSocket\.bind: address "999\.1\.1\.1" is not an IP address/);
        expect(() => s.bind('localhost', 0)).to.throw(TypeError, /not an IP address/);
        expect(() => s.bind({} as unknown as string, 0)).to.throw(TypeError, /QUdpSocket\.bind/);
        expect(s.isValid()).to.equal(false);
      });
      it('rejects a bad mode', function () {
        const s = track();
        expect(() => s.bind(QHostAddress.LocalHost, 0, 99)).to.throw(RangeError, /mode/);
        expect(() => s.bind(0, -1)).to.throw(RangeError, /mode/);
        expect(s.isValid()).to.equal(false);
      });
    });
  });

  describe('#writeDatagram()', function () {
    it('emits bytesWritten synchronously, once per datagram (udp_write_bytes_written)', function () {
      const rx = bound();
      const tx = bound();
      const log: unknown[] = [];
      tx.bytesWritten.connect((n) => log.push(['bytesWritten', n]));
      for (const m of ['a', 'bb', 'ccc']) {
        log.push('call');
        log.push(['return', tx.writeDatagram(m, QHostAddress.LocalHost, rx.localPort())]);
      }
      expect(log).to.deep.equal([
        'call', ['bytesWritten', 1], ['return', 1],
        'call', ['bytesWritten', 2], ['return', 2],
        'call', ['bytesWritten', 3], ['return', 3],
      ]);
      expect(tx.bytesToWrite()).to.equal(0);
      expect(tx.flush()).to.equal(false);
      expect(tx.waitForBytesWritten(10)).to.equal(false);
    });

    it('binds an unbound socket to Any first: stateChanged(BoundState) then bytesWritten (tst dualStackAutoBinding)', function () {
      const rx = bound();
      const tx = track();
      const log: unknown[] = [];
      tx.stateChanged.connect((st) => log.push(['stateChanged', st]));
      tx.bytesWritten.connect((n) => log.push(['bytesWritten', n]));
      expect(tx.writeDatagram(Buffer.from('hey'), QHostAddress.LocalHost, rx.localPort())).to.equal(3);
      expect(log).to.deep.equal([['stateChanged', S.BoundState], ['bytesWritten', 3]]);
      expect(tx.state()).to.equal(S.BoundState);
      expect(tx.localAddress().equals(QHostAddress.Any)).to.equal(true);
      expect(tx.localPort()).to.be.greaterThan(0);
      // the auto-bound socket reaches an IPv6 peer too
      const rx6 = bound(QHostAddress.LocalHostIPv6);
      expect(tx.writeDatagram('six', QHostAddress.LocalHostIPv6, rx6.localPort())).to.equal(3);
      sleepSync(20);
      expect(rx.pendingDatagramSize()).to.equal(3);
      expect(rx6.pendingDatagramSize()).to.equal(3);
    });

    it('sends strings as UTF-8', function () {
      const rx = bound();
      const tx = bound();
      expect(tx.writeDatagram('é€', QHostAddress.LocalHost, rx.localPort())).to.equal(5);
      sleepSync(20);
      const [data] = rx.readDatagram(100);
      expect(data!.toString('utf8')).to.equal('é€');
    });

    it('sends a Uint8Array view (only its bytes)', function () {
      const rx = bound();
      const tx = bound();
      const backing = new Uint8Array([9, 1, 2, 3, 9]);
      expect(tx.writeDatagram(backing.subarray(1, 4), QHostAddress.LocalHost, rx.localPort())).to.equal(3);
      sleepSync(20);
      expect([...rx.readDatagram(10)[0]!]).to.deep.equal([1, 2, 3]);
    });

    it('fails on a datagram too large: -1, DatagramTooLargeError, no bytesWritten (tst writeDatagram)', function () {
      const rx = bound();
      rx.setSocketOption(QAbstractSocket.ReceiveBufferSizeSocketOption, 1 << 20);
      const tx = bound();
      const log: unknown[] = [];
      tx.bytesWritten.connect((n) => log.push(['bytesWritten', n]));
      tx.errorOccurred.connect((e) => log.push(['errorOccurred', e, tx.errorString()]));
      expect(tx.writeDatagram(Buffer.alloc(65507, 120), QHostAddress.LocalHost, rx.localPort())).to.equal(65507);
      expect(tx.writeDatagram(Buffer.alloc(65508), QHostAddress.LocalHost, rx.localPort())).to.equal(-1);
      expect(log).to.deep.equal([
        ['bytesWritten', 65507],
        ['errorOccurred', E.DatagramTooLargeError, 'Datagram was too large to send'],
      ]);
      expect(tx.state()).to.equal(S.BoundState);
      // a later success does not reset the error
      expect(tx.writeDatagram('ok', QHostAddress.LocalHost, rx.localPort())).to.equal(2);
      expect(tx.error()).to.equal(E.DatagramTooLargeError);
      sleepSync(20);
      expect(rx.pendingDatagramSize()).to.equal(65507);
    });

    it('grows until the first failure (tst writeDatagram)', function () {
      const rx = bound();
      const tx = bound();
      let written = 0;
      let errors = 0;
      tx.bytesWritten.connect(() => written++);
      tx.errorOccurred.connect((e) => {
        errors++;
        expect(e).to.equal(E.DatagramTooLargeError);
      });
      let i = 0;
      for (; i < 100; i++) {
        const r = tx.writeDatagram(Buffer.alloc(i * 1024), QHostAddress.LocalHost, rx.localPort());
        if (r === -1) break;
        expect(r).to.equal(i * 1024);
        expect(written).to.equal(i + 1);
        expect(errors).to.equal(0);
        // keep the receive queue from filling
        while (rx.hasPendingDatagrams()) rx.readDatagram(0);
      }
      expect(errors).to.equal(1);
      expect(written).to.equal(i);
      expect(i).to.equal(64);
    });

    it('to port 0: -1 and NetworkError "Unable to send a message"', function () {
      const s = bound();
      const errs: unknown[] = [];
      s.errorOccurred.connect((e) => errs.push([e, s.errorString()]));
      expect(s.writeDatagram('data', QHostAddress.LocalHost, 0)).to.equal(-1);
      expect(errs).to.deep.equal([[E.NetworkError, 'Unable to send a message']]);
      expect(s.state()).to.equal(S.BoundState);
    });

    for (const bindFirst of [false, true]) {
      it(`to a closed port of 127.0.0.1: the size is returned and no readyRead follows (tst writeDatagramToNonExistingPeer, localhost-${bindFirst ? 'bound' : 'unbound'})`, async function () {
        const gone = bound();
        const closedPort = gone.localPort();
        gone.close();
        const s = track();
        let readyReads = 0;
        s.readyRead.connect(() => readyReads++);
        if (bindFirst) expect(s.bind()).to.equal(true);
        // Qt writes one byte (the "" literal's terminating NUL)
        expect(s.writeDatagram(Buffer.alloc(1), QHostAddress.LocalHost, closedPort)).to.equal(1);
        // the port-unreachable ICMP answer is on its way back at once; an unconnected socket ignores it
        await spin(300);
        expect(readyReads).to.equal(0);
        expect(s.state()).to.equal(S.BoundState);
        expect(s.hasPendingDatagrams()).to.equal(false);
      });
    }

    it('broadcasts on lo: 127.255.255.255 reaches an AnyIPv4 server whole, from the sender\'s port (tst broadcasting, loopback broadcast only)', async function () {
      // Qt's test also sends to 255.255.255.255 and every interface's broadcast address; here traffic
      // stays on the loopback network, whose broadcast address is 127.255.255.255.
      for (const message of ['Yo mista', '', 'Yo', 'Wassap']) {
        const server = bound(QHostAddress.AnyIPv4);
        let readyReads = 0;
        server.readyRead.connect(() => readyReads++);
        const caster = bound(QHostAddress.AnyIPv4);
        for (let k = 0; k < 4; k++) expect(caster.writeDatagram(message, '127.255.255.255', server.localPort())).to.equal(message.length);
        expect(await until(() => readyReads > 0), `readyRead for ${JSON.stringify(message)}`).to.equal(true);
        expect(server.hasPendingDatagrams()).to.equal(true);
        let got = 0;
        do {
          const dg = server.receiveDatagram();
          expect(dg.isValid()).to.equal(true);
          expect(dg.data().toString()).to.equal(message);
          expect(dg.senderAddress().isLoopback(), dg.senderAddress().toString()).to.equal(true);
          expect(dg.senderPort()).to.equal(caster.localPort());
          // Qt checks these only where the OS reports them; Linux does (IP_PKTINFO, IP_RECVTTL)
          expect(dg.destinationAddress().toString()).to.equal('127.255.255.255');
          expect(dg.destinationPort()).to.equal(server.localPort());
          expect(dg.hopLimit()).to.be.greaterThan(0);
          got++;
        } while (server.hasPendingDatagrams());
        expect(got).to.equal(4);
        server.close();
        caster.close();
      }
    });

    for (const bindFirst of [false, true]) {
      it(`broadcasts on lo from a dual-stack socket ${bindFirst ? 'bound to Any' : 'bound by its first write'} (tst broadcastingDualSocket, loopback broadcast only)`, async function () {
        const server = bound(QHostAddress.Any);
        const dual = track();
        if (bindFirst) expect(dual.bind(QHostAddress.Any, 0)).to.equal(true);
        expect(dual.writeDatagram('dual', '127.255.255.255', server.localPort())).to.equal(4);
        expect(dual.state()).to.equal(S.BoundState);
        expect(await until(() => server.hasPendingDatagrams())).to.equal(true);
        const dg = server.receiveDatagram();
        expect(dg.data().toString()).to.equal('dual');
        expect(dg.senderPort()).to.equal(dual.localPort());
        expect(dg.senderAddress().isEqual(QHostAddress.LocalHost)).to.equal(true);
      });
    }

    it('IPv6 destination from an IPv4-bound socket fails with NetworkError', function () {
      const s = bound();
      expect(s.writeDatagram('data', QHostAddress.LocalHostIPv6, 9)).to.equal(-1);
      expect(s.error()).to.equal(E.NetworkError);
    });

    it('accepts the QNetworkDatagram overload (tst zeroLengthDatagram)', async function () {
      const rx = bound();
      const tx = track();
      const sent: number[] = [];
      tx.bytesWritten.connect((n) => sent.push(n));
      expect(tx.writeDatagram(new QNetworkDatagram(Buffer.alloc(0), QHostAddress.LocalHost, rx.localPort()))).to.equal(0);
      expect(tx.writeDatagram(new QNetworkDatagram('viaDatagram', QHostAddress.LocalHost, rx.localPort()))).to.equal(11);
      expect(sent).to.deep.equal([0, 11]);
      let ready = 0;
      rx.readyRead.connect(() => ready++);
      expect(await until(() => ready > 0)).to.equal(true);
      expect(rx.hasPendingDatagrams()).to.equal(true);
      expect(rx.pendingDatagramSize()).to.equal(0);
      expect(rx.bytesAvailable()).to.equal(0);
      const [d0] = rx.readDatagram(32);
      expect(d0!.length).to.equal(0);
      expect(rx.receiveDatagram().data().toString()).to.equal('viaDatagram');
    });

    // PyQt5 5.15: QNetworkDatagram('hop', LocalHost, port) with setHopLimit(7) arrives with hopLimit 7;
    // without a hop limit (-1) it arrives with the OS default (64 on lo)
    it('a QNetworkDatagram\'s hop limit is sent; -1 leaves the OS default (DG-3)', function () {
      const rx = bound();
      const tx = bound();
      const dg = new QNetworkDatagram('hop', QHostAddress.LocalHost, rx.localPort());
      dg.setHopLimit(7);
      expect(tx.writeDatagram(dg)).to.equal(3);
      expect(tx.writeDatagram(new QNetworkDatagram('dflt', QHostAddress.LocalHost, rx.localPort()))).to.equal(4);
      sleepSync(20);
      const d1 = rx.receiveDatagram();
      const d2 = rx.receiveDatagram();
      expect([d1.data().toString(), d1.hopLimit()]).to.deep.equal(['hop', 7]);
      expect(d2.data().toString()).to.equal('dflt');
      expect(d2.hopLimit()).to.be.greaterThan(7);
    });

    it('a QNetworkDatagram without destination fails on an unconnected socket (DG-3)', function () {
      const s = bound();
      expect(s.writeDatagram(new QNetworkDatagram('x'))).to.be.lessThan(0);
      expect(s.error()).to.equal(E.NetworkError);
    });

    it('rejects bad arguments with no side effect', function () {
      const s = track();
      expect(() => s.writeDatagram(42 as unknown as string, QHostAddress.LocalHost, 9)).to.throw(TypeError, /QUdpSocket\.writeDatagram: data/);
      expect(() => s.writeDatagram('x', 'not-an-ip', 9)).to.throw(TypeError, /QUdpSocket\.writeDatagram: host "not-an-ip" is not an IP address/);
      expect(() => s.writeDatagram('x', QHostAddress.LocalHost, 65536)).to.throw(RangeError, 'QUdpSocket.writeDatagram: port must be an integer in 0..65535, got 65536');
      expect(() => s.writeDatagram('x', QHostAddress.LocalHost, undefined as unknown as number)).to.throw(TypeError, /port/);
      expect(s.state()).to.equal(S.UnconnectedState);
      expect(s.isValid()).to.equal(false);
    });
  });

  describe('#readDatagram()', function () {
    it('exchanges payloads between two sockets (tst loop)', async function () {
      const a = bound();
      const b = bound();
      for (const payload of [Buffer.alloc(0), Buffer.from('a\0b\0'), Buffer.alloc(600, 7)]) {
        expect(a.writeDatagram(payload, QHostAddress.LocalHost, b.localPort())).to.equal(payload.length);
        expect(await until(() => b.hasPendingDatagrams())).to.equal(true);
        const d = b.receiveDatagram(payload.length * 2);
        expect(d.isValid()).to.equal(true);
        expect(d.data().equals(payload)).to.equal(true);
        expect(d.senderAddress().toString()).to.equal('127.0.0.1');
        expect(d.senderPort()).to.equal(a.localPort());
        expect(d.destinationAddress().toString()).to.equal('127.0.0.1');
        expect(d.destinationPort()).to.equal(b.localPort());
        expect(d.interfaceIndex()).to.be.greaterThan(0);
      }
    });

    it('over IPv6 (tst ipv6Loop)', async function () {
      const a = bound(QHostAddress.LocalHostIPv6);
      const b = bound(QHostAddress.LocalHostIPv6);
      expect(a.writeDatagram('v6', QHostAddress.LocalHostIPv6, b.localPort())).to.equal(2);
      expect(await until(() => b.hasPendingDatagrams())).to.equal(true);
      const d = b.receiveDatagram();
      expect(d.data().toString()).to.equal('v6');
      expect(d.senderAddress().toString()).to.equal('::1');
      expect(d.destinationAddress().isEqual(QHostAddress.LocalHostIPv6)).to.equal(true);
      expect(d.destinationPort()).to.equal(b.localPort());
    });

    // PyQt5 5.15 on lo: an IPv6 datagram's destination reads "::1%1", a dual-stack socket's IPv4 one
    // "::ffff:127.0.0.1%1" (scope = arrival interface index); an IPv4 one "127.0.0.1", unscoped; the
    // sender addresses carry no scope
    it('a received datagram\'s IPv6 destination is scoped with the interface index (DG-2)', function () {
      const a = bound(QHostAddress.LocalHostIPv6);
      const b = bound(QHostAddress.LocalHostIPv6);
      a.writeDatagram('v6', QHostAddress.LocalHostIPv6, b.localPort());
      sleepSync(20);
      let d = b.receiveDatagram();
      expect(d.interfaceIndex()).to.be.greaterThan(0);
      expect(d.destinationAddress().toString()).to.equal(`::1%${d.interfaceIndex()}`);
      expect(d.destinationAddress().scopeId()).to.equal(String(d.interfaceIndex()));
      expect(d.senderAddress().toString()).to.equal('::1');
      expect(d.hopLimit()).to.be.greaterThan(0);
      const any = bound(QHostAddress.Any);
      const v4 = bound();
      v4.writeDatagram('v4', QHostAddress.LocalHost, any.localPort());
      sleepSync(20);
      d = any.receiveDatagram();
      expect(d.destinationAddress().toString()).to.equal(`::ffff:127.0.0.1%${d.interfaceIndex()}`);
      expect(d.senderAddress().toString()).to.equal('::ffff:127.0.0.1');
      expect(d.destinationPort()).to.equal(any.localPort());
      const r4 = bound();
      v4.writeDatagram('v4', QHostAddress.LocalHost, r4.localPort());
      sleepSync(20);
      expect(r4.receiveDatagram().destinationAddress().toString()).to.equal('127.0.0.1');
    });

    it('returns [data, sender, port], truncating and dropping the rest (udp_read_truncate, PY-5)', function () {
      const rx = bound();
      const tx = bound();
      for (const m of ['helloworld', 'second', 'thirdXYZ']) tx.writeDatagram(m, QHostAddress.LocalHost, rx.localPort());
      sleepSync(30);
      expect(rx.pendingDatagramSize()).to.equal(10);
      const [data, host, port] = rx.readDatagram(4);
      expect(data!.toString()).to.equal('hell');
      expect(host.toString()).to.equal('127.0.0.1');
      expect(port).to.equal(tx.localPort());
      expect(rx.pendingDatagramSize()).to.equal(6);
      expect(rx.readDatagram(100)[0]!.toString()).to.equal('second');
      const d = rx.receiveDatagram(5);
      expect(d.data().toString()).to.equal('third');
      expect(d.isValid()).to.equal(true);
      expect(rx.hasPendingDatagrams()).to.equal(false);
      expect(rx.error()).to.equal(E.UnknownSocketError);
    });

    it('sizes pending datagrams 7/0/10 (tst pendingDatagramSize)', function () {
      const rx = bound();
      const tx = bound();
      for (const m of ['this is', '', 'a test msg']) tx.writeDatagram(m, QHostAddress.LocalHost, rx.localPort());
      sleepSync(30);
      expect(rx.pendingDatagramSize()).to.equal(7);
      expect(rx.readDatagram(1)[0]!.toString()).to.equal('t');
      expect(rx.pendingDatagramSize()).to.equal(0);
      expect(rx.hasPendingDatagrams()).to.equal(true);
      expect(rx.readDatagram(1)[0]!.length).to.equal(0);
      expect(rx.pendingDatagramSize()).to.equal(10);
      expect(rx.readDatagram(1)[0]!.toString()).to.equal('a');
      expect(rx.hasPendingDatagrams()).to.equal(false);
      expect(rx.pendingDatagramSize()).to.equal(-1);
    });

    it('maxSize 0 discards the datagram', function () {
      const rx = bound();
      const tx = bound();
      tx.writeDatagram('gone', QHostAddress.LocalHost, rx.localPort());
      sleepSync(20);
      const [data, , port] = rx.readDatagram(0);
      expect(data!.length).to.equal(0);
      expect(port).to.equal(tx.localPort());
      expect(rx.hasPendingDatagrams()).to.equal(false);
    });

    it('with nothing pending: [null, null address, 0], TemporaryError emitted (udp_pending_none, PY-5)', function () {
      const rx = bound();
      const log: unknown[] = [];
      rx.errorOccurred.connect((e) => log.push([e, rx.errorString()]));
      expect(rx.hasPendingDatagrams()).to.equal(false);
      expect(rx.pendingDatagramSize()).to.equal(-1);
      const [data, host, port] = rx.readDatagram(100);
      expect(data).to.equal(null);
      expect(host.isNull()).to.equal(true);
      expect(port).to.equal(0);
      expect(log).to.deep.equal([[E.TemporaryError, 'No datagram available for reading']]);
      expect(rx.state()).to.equal(S.BoundState);
    });

    it('receiveDatagram() with nothing pending returns an invalid datagram and touches nothing', function () {
      const rx = bound();
      const errs: number[] = [];
      rx.errorOccurred.connect((e) => errs.push(e));
      const d = rx.receiveDatagram();
      expect(d.isValid()).to.equal(false);
      expect(d.isNull()).to.equal(true);
      expect(d.data().length).to.equal(0);
      expect(d.senderPort()).to.equal(-1);
      expect(errs).to.deep.equal([]);
      expect(rx.error()).to.equal(E.UnknownSocketError);
    });

    it('receiveDatagram(n) with nothing pending emits the engine\'s stale error', function () {
      const rx = bound();
      const errs: number[] = [];
      rx.errorOccurred.connect((e) => errs.push(e));
      const d = rx.receiveDatagram(10);
      expect(d.isValid()).to.equal(false);
      expect(errs).to.deep.equal([E.UnknownSocketError]);
    });

    it('receiveDatagram fills hop limit and interface (udp_receive_datagram)', function () {
      const rx = bound();
      const tx = bound();
      tx.writeDatagram('abc', QHostAddress.LocalHost, rx.localPort());
      sleepSync(20);
      const d = rx.receiveDatagram();
      expect(d.data().toString()).to.equal('abc');
      expect(d.hopLimit()).to.be.greaterThan(0);
      expect(d.interfaceIndex()).to.be.greaterThan(0);
      expect(d.senderPort()).to.equal(tx.localPort());
      expect(d.destinationPort()).to.equal(rx.localPort());
    });

    it('returns fresh sender objects on every read', function () {
      const rx = bound();
      const tx = bound();
      tx.writeDatagram('1', QHostAddress.LocalHost, rx.localPort());
      tx.writeDatagram('2', QHostAddress.LocalHost, rx.localPort());
      sleepSync(20);
      const [, h1] = rx.readDatagram(10);
      const [, h2] = rx.readDatagram(10);
      expect(h1).to.not.equal(h2);
      h1.clear();
      expect(h2.toString()).to.equal('127.0.0.1');
    });

    it('rejects bad sizes (PY-5: PyQt raises ValueError for a negative maxlen)', function () {
      const rx = bound();
      expect(() => rx.readDatagram(-1)).to.throw(RangeError, /QUdpSocket\.readDatagram: maxSize/);
      // PyQt5 5.15: QUdpSocket().readDatagram(1.5) raises TypeError
      expect(() => rx.readDatagram(1.5)).to.throw(TypeError, /maxSize/);
      expect(() => rx.readDatagram('1' as unknown as number)).to.throw(TypeError, /maxSize/);
      // PyQt5 5.15: receiveDatagram(1.5) and ('1') raise TypeError
      expect(() => rx.receiveDatagram(1.5)).to.throw(TypeError, /QUdpSocket\.receiveDatagram: maxSize must be an integer, got 1\.5/);
      expect(() => rx.receiveDatagram('1' as unknown as number)).to.throw(TypeError, /QUdpSocket\.receiveDatagram: maxSize/);
      expect(() => rx.receiveDatagram(2 ** 60)).to.throw(RangeError, /QUdpSocket\.receiveDatagram: maxSize/);
    });

    it('receiveDatagram() takes any negative maxSize as the pending size (Qt: maxSize < 0; PyQt5: receiveDatagram(-2) is accepted)', function () {
      const rx = bound();
      const tx = bound();
      expect(tx.writeDatagram('whole datagram', QHostAddress.LocalHost, rx.localPort())).to.equal(14);
      expect(rx.waitForReadyRead(2000)).to.equal(true);
      const dg = rx.receiveDatagram(-2);
      expect([dg.isValid(), dg.data().toString()]).to.deep.equal([true, 'whole datagram']);
      expect(rx.receiveDatagram(-7).isValid()).to.equal(false);
    });

    it('dual stack: IPv4 senders appear v4-mapped (tst dualStack, udp_dualstack)', function () {
      const any = bound(QHostAddress.Any);
      expect(any.localAddress().protocol()).to.equal(QAbstractSocket.AnyIPProtocol);
      const v4 = bound();
      const v6 = bound(QHostAddress.LocalHostIPv6);
      v4.writeDatagram('from4', QHostAddress.LocalHost, any.localPort());
      sleepSync(20);
      let d = any.receiveDatagram();
      expect(d.senderAddress().toString()).to.equal('::ffff:127.0.0.1');
      expect(d.senderAddress().protocol()).to.equal(QAbstractSocket.IPv6Protocol);
      expect(d.senderAddress().isEqual(QHostAddress.LocalHost)).to.equal(true);
      v6.writeDatagram('from6', QHostAddress.LocalHostIPv6, any.localPort());
      sleepSync(20);
      d = any.receiveDatagram();
      expect(d.senderAddress().toString()).to.equal('::1');
      // the dual-stack socket sends to both
      expect(any.writeDatagram('to4', QHostAddress.LocalHost, v4.localPort())).to.equal(3);
      expect(any.writeDatagram('to6', QHostAddress.LocalHostIPv6, v6.localPort())).to.equal(3);
      sleepSync(20);
      expect(v4.receiveDatagram().data().toString()).to.equal('to4');
      expect(v6.receiveDatagram().data().toString()).to.equal('to6');
    });

    it('an AnyIPv6 socket does not receive IPv4 (tst dualStackNoIPv4onV6only)', function () {
      const v6only = bound(QHostAddress.AnyIPv6);
      const v4 = bound();
      expect(v4.writeDatagram('x', QHostAddress.LocalHost, v6only.localPort())).to.equal(1);
      sleepSync(20);
      expect(v6only.hasPendingDatagrams()).to.equal(false);
    });

    it('serves three unbound clients (tst unconnectedServerAndClientTest)', async function () {
      const server = track();
      const states: number[] = [];
      server.stateChanged.connect((st) => states.push(st));
      expect(server.bind(QHostAddress.LocalHost, 0)).to.equal(true);
      expect(states).to.deep.equal([S.BoundState]);
      const clients = [track(), track(), track()];
      for (let i = 0; i < 3; i++) {
        const msg = `Test ${i}`;
        expect(clients[i]!.writeDatagram(msg, QHostAddress.LocalHost, server.localPort())).to.equal(msg.length);
        expect(await until(() => server.hasPendingDatagrams())).to.equal(true);
        const [data, host, port] = server.readDatagram(server.pendingDatagramSize());
        expect(data!.toString()).to.equal(msg);
        expect(host.isEqual(QHostAddress.LocalHost)).to.equal(true);
        expect(port).to.equal(clients[i]!.localPort());
      }
    });
  });

  // PyQt5 5.15, bind(192.0.2.1) refused (SocketAddressNotAvailableError), the OS socket kept:
  // the engine's state checks warn, bytesAvailable() is -1, readDatagram()/receiveDatagram()
  // emit the engine's standing error, and writeDatagram() still binds and sends.
  describe('with an OS socket that is neither bound nor connected (a refused bind)', function () {
    it('warns as Qt\'s engine does and reports its standing error', function () {
      const s = track();
      const errs: unknown[] = [];
      s.errorOccurred.connect((e) => errs.push([e, s.errorString()]));
      expect(s.bind('192.0.2.1', 0)).to.equal(false);
      expect([s.state(), s.error(), s.isValid()]).to.deep.equal([S.UnconnectedState, E.SocketAddressNotAvailableError, true]);
      errs.length = 0;
      const { result, messages } = captureWarnings(() => [
        s.hasPendingDatagrams(),
        s.pendingDatagramSize(),
        s.bytesAvailable(),
        s.readDatagram(5)[0],
        s.receiveDatagram(5).isValid(),
      ]);
      expect(result).to.deep.equal([false, -1, -1, null, false]);
      expect(messages).to.deep.equal([
        'QNativeSocketEngine::hasPendingDatagrams() was called in QAbstractSocket::UnconnectedState',
        'QNativeSocketEngine::bytesAvailable() was called in QAbstractSocket::UnconnectedState',
        'QNativeSocketEngine::readDatagram() was called not in QAbstractSocket::BoundState or QAbstractSocket::ConnectedState',
        'QNativeSocketEngine::readDatagram() was called not in QAbstractSocket::BoundState or QAbstractSocket::ConnectedState',
      ]);
      const refused = [E.SocketAddressNotAvailableError, 'The address is not available'];
      expect(errs).to.deep.equal([refused, refused]);
      expect(s.writeDatagram('x', QHostAddress.LocalHost, 9)).to.equal(1);
      expect(s.state()).to.equal(S.BoundState);
    });
  });

  describe('without an OS socket', function () {
    const calls: Array<[string, (s: QUdpSocket) => unknown, unknown]> = [
      ['hasPendingDatagrams', (s) => s.hasPendingDatagrams(), false],
      ['pendingDatagramSize', (s) => s.pendingDatagramSize(), -1],
      ['readDatagram', (s) => s.readDatagram(10)[0], null],
      ['receiveDatagram', (s) => s.receiveDatagram().isValid(), false],
      ['joinMulticastGroup', (s) => s.joinMulticastGroup('239.255.43.21'), false],
      ['leaveMulticastGroup', (s) => s.leaveMulticastGroup('239.255.43.21'), false],
      ['multicastInterface', (s) => s.multicastInterface().isValid(), false],
    ];
    for (const [fn, call, expected] of calls) {
      it(`${fn}() warns with Qt's text, returns ${String(expected)}, sets no error`, function () {
        const s = track();
        const errs: number[] = [];
        s.errorOccurred.connect((e) => errs.push(e));
        const { result, messages } = captureWarnings(() => call(s));
        expect(result).to.equal(expected);
        expect(messages).to.deep.equal([`QUdpSocket::${fn}() called on a QUdpSocket when not in QUdpSocket::BoundState`]);
        expect(errs).to.deep.equal([]);
        expect(s.error()).to.equal(E.UnknownSocketError);
      });
    }

    it('after close() too (tst multicastLeaveAfterClose)', function () {
      const s = track();
      expect(s.bind(QHostAddress.AnyIPv4, 0)).to.equal(true);
      s.close();
      const { result, messages } = captureWarnings(() => s.leaveMulticastGroup('239.255.43.21'));
      expect(result).to.equal(false);
      expect(messages).to.deep.equal(['QUdpSocket::leaveMulticastGroup() called on a QUdpSocket when not in QUdpSocket::BoundState']);
    });
  });

  describe('as a QIODevice (IO-2)', function () {
    it('a bound socket is not open: read()/write() warn "device not open"', function () {
      const s = bound();
      const { result, messages } = captureWarnings(() => [s.read(10), s.write('x'), s.readAll().length]);
      expect(result).to.deep.equal([null, -1, 0]);
      expect(messages).to.deep.equal([
        'QIODevice::read (QUdpSocket): device not open',
        'QIODevice::write (QUdpSocket): device not open',
        'QIODevice::read (QUdpSocket): device not open',
      ]);
      s.setObjectName('rx');
      expect(captureWarnings(() => s.read(1)).messages).to.deep.equal(['QIODevice::read (QUdpSocket, "rx"): device not open']);
    });

    // PyQt5 5.15: bind, open(ReadWrite) (true), write(b'abc') -> -1 with the engine's warning,
    // error() still UnknownSocketError "Unknown error", state Bound.
    it('a bound socket opened with open(ReadWrite): write() warns as Qt\'s engine does and returns -1', function () {
      const s = bound();
      expect(s.open(QIODevice.ReadWrite)).to.equal(true);
      const { result, messages } = captureWarnings(() => s.write('abc'));
      expect(result).to.equal(-1);
      expect(messages).to.deep.equal(['QNativeSocketEngine::write() was not called in QAbstractSocket::ConnectedState']);
      expect([s.error(), s.errorString(), s.state()]).to.deep.equal([E.UnknownSocketError, 'Unknown error', S.BoundState]);
    });
  });

  describe('process lifetime', function () {
    /** Runs `code` in a child; resolves whether it was still alive `graceMs` after printing "ready". */
    const aliveAfter = (code: string, graceMs: number): Promise<boolean> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `${code}; process.stdout.write('ready\\n');`], {
          cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'],
        });
        let timer: NodeJS.Timeout | null = null;
        const guard = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error('child never got ready'));
        }, 20000);
        child.stdout.on('data', (b: Buffer) => {
          if (timer === null && b.toString().includes('ready')) {
            timer = setTimeout(() => {
              child.kill('SIGKILL');
              clearTimeout(guard);
              resolve(true);
            }, graceMs);
          }
        });
        child.on('exit', () => {
          if (timer !== null) clearTimeout(timer);
          clearTimeout(guard);
          resolve(false);
        });
      });
    const prelude = `import { QUdpSocket, QHostAddress } from ${JSON.stringify(new URL('../../src/index.ts', import.meta.url).href)};`;

    it('a bound socket keeps the process alive; closing or disposing it lets the process exit', async function () {
      this.timeout(60000);
      expect(await aliveAfter(`${prelude} const s = new QUdpSocket(); s.bind(QHostAddress.LocalHost, 0)`, 800)).to.equal(true);
      expect(await aliveAfter(`${prelude} const s = new QUdpSocket(); s.bind(QHostAddress.LocalHost, 0); s.close()`, 5000)).to.equal(false);
      expect(await aliveAfter(`${prelude} const s = new QUdpSocket(); s.writeDatagram('x', QHostAddress.LocalHost, 9); s.dispose()`, 5000)).to.equal(false);
    });
  });

  describe('deletion', function () {
    it('using a deleted socket throws a clear Error', function () {
      const s = new QUdpSocket();
      s.bind(QHostAddress.LocalHost, 0);
      s.dispose();
      expect(() => s.readDatagram(1)).to.throw(Error, /QUdpSocket\.readDatagram: the QUdpSocket has been deleted/);
      expect(() => s.writeDatagram('x', QHostAddress.LocalHost, 9)).to.throw(Error, /has been deleted/);
      expect(() => s.bind(0)).to.throw(Error, /QUdpSocket\.bind: the QUdpSocket has been deleted/);
      expect(() => s.state()).to.throw(Error, /deleted/);
      s.dispose(); // idempotent
    });

    it('dispose() aborts a bound socket (signals emitted before destroyed) and frees the port', function () {
      const s = new QUdpSocket();
      s.bind(QHostAddress.LocalHost, 0);
      const port = s.localPort();
      const log: unknown[] = [];
      s.stateChanged.connect((st) => log.push(['stateChanged', st]));
      s.disconnected.connect(() => log.push('disconnected'));
      s.destroyed.connect(() => log.push('destroyed'));
      s.dispose();
      expect(log).to.deep.equal([['stateChanged', S.UnconnectedState], 'destroyed']);
      const again = track();
      expect(again.bind(QHostAddress.LocalHost, port)).to.equal(true);
    });

    it('deleteLater() releases the socket from the loop', async function () {
      const s = new QUdpSocket();
      s.bind(QHostAddress.LocalHost, 0);
      const port = s.localPort();
      s.deleteLater();
      await spin(20);
      expect(() => s.state()).to.throw(Error, /deleted/);
      const again = track();
      expect(again.bind(QHostAddress.LocalHost, port)).to.equal(true);
    });
  });
});
