// SPDX-License-Identifier: MIT
// QUdpSocket multicast and socket options on loopback (tst multicastTtlOption,
// multicastLoopbackOption, multicastJoinBeforeBind, multicastLeaveAfterClose, setMulticastInterface,
// multicast; oracle mc_join, mc_options, mc_loopback; QT_SEMANTICS UDP-M*, UDP-O*).
// Only interface lo, group 239.255.43.21, TTL 0; IPv6 groups for join/leave/options only.
import { expect } from 'chai';
import { QAbstractSocket, QHostAddress, QNetworkInterface, QUdpSocket } from '../../src/index.js';
import { captureWarnings, closeAll, sleepSync, track } from './udpHelpers.js';

const GROUP = '239.255.43.21';
const share = QUdpSocket.ShareAddress | QUdpSocket.ReuseAddressHint;

function lo(): QNetworkInterface {
  const i = QNetworkInterface.interfaceFromName('lo');
  expect(i.isValid()).to.equal(true);
  return i;
}

describe('QUdpSocket multicast', function () {
  afterEach(closeAll);

  it('join before bind warns and fails (tst multicastJoinBeforeBind)', function () {
    const s = track();
    const { result, messages } = captureWarnings(() => s.joinMulticastGroup(GROUP, lo()));
    expect(result).to.equal(false);
    expect(messages).to.deep.equal(['QUdpSocket::joinMulticastGroup() called on a QUdpSocket when not in QUdpSocket::BoundState']);
  });

  it('join/leave results; failures never touch error() (mc_join)', function () {
    const s = track();
    const errs: number[] = [];
    s.errorOccurred.connect((e) => errs.push(e));
    expect(s.bind(QHostAddress.AnyIPv4, 0, share)).to.equal(true);
    expect(s.joinMulticastGroup(GROUP, lo())).to.equal(true);
    expect(s.joinMulticastGroup(new QHostAddress(GROUP), lo())).to.equal(false);
    expect(s.joinMulticastGroup('ff12::1', lo())).to.equal(false);
    expect(s.joinMulticastGroup('127.0.0.1', lo())).to.equal(false);
    expect(s.leaveMulticastGroup(GROUP, lo())).to.equal(true);
    expect(s.leaveMulticastGroup(GROUP, lo())).to.equal(false);
    expect(s.leaveMulticastGroup('239.255.43.22', lo())).to.equal(false);
    expect(errs).to.deep.equal([]);
    expect(s.error()).to.equal(QAbstractSocket.UnknownSocketError);
    expect(s.errorString()).to.equal('Unknown error');
  });

  it('refuses an IPv4 group on a dual-stack socket with Qt\'s warning (UDP-M2)', function () {
    const s = track();
    expect(s.bind(QHostAddress.Any, 0)).to.equal(true);
    const { result, messages } = captureWarnings(() => s.joinMulticastGroup(GROUP, lo()));
    expect(result).to.equal(false);
    expect(messages).to.deep.equal([
      'QAbstractSocket: cannot bind to QHostAddress::Any (or an IPv6 address) and join an IPv4 multicast group; bind to QHostAddress::AnyIPv4 instead if you want to do this',
    ]);
  });

  it('joins and leaves an IPv6 group on lo (delivery is not possible on lo here)', function () {
    const s = track();
    expect(s.bind(QHostAddress.AnyIPv6, 0, share)).to.equal(true);
    expect(s.joinMulticastGroup('ff12::4321', lo())).to.equal(true);
    expect(s.leaveMulticastGroup('ff12::4321', lo())).to.equal(true);
  });

  it('delivers to a joined receiver and to others on the port; not after leave (mc_loopback)', function () {
    const rx = track();
    expect(rx.bind(QHostAddress.AnyIPv4, 0, share)).to.equal(true);
    expect(rx.joinMulticastGroup(GROUP, lo())).to.equal(true);
    const tx = track();
    expect(tx.bind(QHostAddress.AnyIPv4, 0)).to.equal(true);
    tx.setMulticastInterface(lo());
    tx.setSocketOption(QAbstractSocket.MulticastTtlOption, 0);
    expect(tx.writeDatagram('m1', GROUP, rx.localPort())).to.equal(2);
    sleepSync(30);
    const d = rx.receiveDatagram();
    expect(d.data().toString()).to.equal('m1');
    expect(d.senderAddress().toString()).to.equal('127.0.0.1');
    expect(d.senderPort()).to.equal(tx.localPort());
    expect(d.destinationAddress().toString()).to.equal(GROUP);
    expect(tx.hasPendingDatagrams()).to.equal(false);
    expect(rx.leaveMulticastGroup(GROUP, lo())).to.equal(true);
    expect(tx.writeDatagram('m3', GROUP, rx.localPort())).to.equal(2);
    sleepSync(30);
    expect(rx.hasPendingDatagrams()).to.equal(false);
  });

  it('multicastInterface: invalid until set, then lo; warns without a socket (mc_options)', function () {
    const u = track();
    const r1 = captureWarnings(() => u.setMulticastInterface(lo()));
    expect(r1.messages).to.deep.equal(['QUdpSocket::setMulticastInterface() called on a QUdpSocket when not in QUdpSocket::BoundState']);
    const r2 = captureWarnings(() => u.multicastInterface().isValid());
    expect(r2.result).to.equal(false);
    const s = track();
    expect(s.bind(QHostAddress.AnyIPv4, 0)).to.equal(true);
    expect(s.multicastInterface().isValid()).to.equal(false);
    s.setMulticastInterface(lo());
    expect(s.multicastInterface().isValid()).to.equal(true);
    expect(s.multicastInterface().name()).to.equal('lo');
    expect(() => s.setMulticastInterface('lo' as unknown as QNetworkInterface)).to.throw(TypeError, /QUdpSocket\.setMulticastInterface: iface/);
    expect(() => s.joinMulticastGroup(GROUP, {} as QNetworkInterface)).to.throw(TypeError, /iface/);
    expect(() => s.joinMulticastGroup('not-a-group', lo())).to.throw(TypeError, /QUdpSocket\.joinMulticastGroup: groupAddress "not-a-group" is not an IP address/);
  });
});

describe('QUdpSocket socket options', function () {
  afterEach(closeAll);

  it('are ignored before bind and read back undefined (mc_options, UDP-C3)', function () {
    const s = track();
    expect(s.socketOption(QAbstractSocket.MulticastTtlOption)).to.equal(undefined);
    s.setSocketOption(QAbstractSocket.MulticastTtlOption, 5);
    s.setSocketOption(QAbstractSocket.MulticastLoopbackOption, 0);
    expect(s.socketOption(QAbstractSocket.MulticastLoopbackOption)).to.equal(undefined);
    expect(s.bind(QHostAddress.AnyIPv4, 0)).to.equal(true);
    expect(s.socketOption(QAbstractSocket.MulticastTtlOption)).to.equal(1);
    expect(s.socketOption(QAbstractSocket.MulticastLoopbackOption)).to.equal(1);
  });

  it('have Linux defaults after bind', function () {
    const s = track();
    s.bind(QHostAddress.AnyIPv4, 0);
    expect(s.socketOption(QAbstractSocket.TypeOfServiceOption)).to.equal(0);
    expect(s.socketOption(QAbstractSocket.KeepAliveOption)).to.equal(0);
    expect(s.socketOption(QAbstractSocket.LowDelayOption)).to.equal(undefined);
    expect(s.socketOption(QAbstractSocket.PathMtuSocketOption)).to.equal(undefined);
    expect(s.socketOption(QAbstractSocket.ReceiveBufferSizeSocketOption)).to.be.greaterThan(0);
  });

  for (const family of ['AnyIPv4', 'AnyIPv6'] as const) {
    it(`MulticastTtlOption round-trips; out of range is refused by the kernel (tst multicastTtlOption, ${family})`, function () {
      const s = track();
      expect(s.bind(QHostAddress[family], 0)).to.equal(true);
      for (const v of [0, 1, 2, 128, 255]) {
        s.setSocketOption(QAbstractSocket.MulticastTtlOption, v);
        expect(s.socketOption(QAbstractSocket.MulticastTtlOption)).to.equal(v);
      }
      s.setSocketOption(QAbstractSocket.MulticastTtlOption, 1);
      s.setSocketOption(QAbstractSocket.MulticastTtlOption, 1024);
      expect(s.socketOption(QAbstractSocket.MulticastTtlOption)).to.equal(1);
    });

    it(`MulticastLoopbackOption reads 0/1/1 for 0/1/2, booleans accepted (tst multicastLoopbackOption, ${family})`, function () {
      const s = track();
      expect(s.bind(QHostAddress[family], 0)).to.equal(true);
      for (const [v, r] of [[0, 0], [1, 1], [2, 1], [false, 0], [true, 1]] as const) {
        s.setSocketOption(QAbstractSocket.MulticastLoopbackOption, v);
        expect(s.socketOption(QAbstractSocket.MulticastLoopbackOption)).to.equal(r);
      }
    });
  }

  it('rejects bad option numbers and values', function () {
    const s = track();
    s.bind(QHostAddress.LocalHost, 0);
    expect(() => s.setSocketOption(42 as never, 1)).to.throw(RangeError, /QUdpSocket\.setSocketOption: option/);
    expect(() => s.socketOption('x' as never)).to.throw(TypeError, /QUdpSocket\.socketOption: option/);
    expect(() => s.setSocketOption(QAbstractSocket.MulticastTtlOption, 1.5)).to.throw(RangeError, /value/);
    expect(() => s.setSocketOption(QAbstractSocket.MulticastTtlOption, '1' as never)).to.throw(TypeError, /value/);
  });

  it('readBufferSize is stored (UDP is unbuffered)', function () {
    const s = track();
    s.setReadBufferSize(4096);
    expect(s.readBufferSize()).to.equal(4096);
    expect(() => s.setReadBufferSize(-1)).to.throw(RangeError, /QUdpSocket\.setReadBufferSize: size/);
  });
});
