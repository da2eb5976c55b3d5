// SPDX-License-Identifier: MIT
// Ports of Qt 5.15's tests/auto/network/kernel/qnetworkinterface/tst_qnetworkinterface.cpp, run
// against this machine's real interfaces (native addon). Each `it` starts with Qt's test function
// name. Nothing is sent anywhere: dump and consistencyCheck only read the interface list (every
// interface, as Qt does); the rows that open sockets (localAddress) or look interfaces up by name
// and index (interfaceFromXXX) are the loopback ones. Qt's `list.contains(addr)` is
// `list.some((a) => a.equals(addr))` (operator==).
//
// Not ported (one line each, with the reason):
// - initTestCase / cleanupTestCase: they require Qt's network test server and QNetworkSession (bearer management), neither applies.
// - localAddress_data row "test-server": needs Qt's network test server (traffic off lo).
// - localAddress_data per-interface rows (host bits flipped / random IPv6 node on each non-loopback interface): other interfaces than lo.
// - interfaceFromXXX_data rows other than lo: other interfaces than lo.
// - dump's qDebug() printing: manual output only; its one assertion (isValid) and every getter it calls are ported.
import { expect } from 'chai';
import { QHostAddress } from '../../src/network/QHostAddress.js';
import { QNetworkInterface } from '../../src/network/QNetworkInterface.js';
import { QNetworkAddressEntry } from '../../src/network/QNetworkAddressEntry.js';
import { QUdpSocket } from '../../src/network/QUdpSocket.js';
import { QAbstractSocket } from '../../src/network/QAbstractSocket.js';
import { NetworkLayerProtocol } from '../../src/network/NetworkLayerProtocol.js';
import { isNativeAvailable } from '../../src/private/native.js';
import { track, closeAll } from './udpHelpers.js';

/** tst_QNetworkInterface::isIPv6Working: a UDP socket connects to [::1]:1234 (connect sends nothing). */
function isIPv6Working(): boolean {
  const socket = track(new QUdpSocket());
  socket.connectToHost(QHostAddress.LocalHostIPv6, 1234);
  return socket.state() === QAbstractSocket.ConnectedState || socket.waitForConnected(100);
}

function contains(list: QHostAddress[], a: QHostAddress): boolean {
  return list.some((x) => x.equals(a));
}

describe('tst_qnetworkinterface ports', () => {
  before(function () {
    if (!isNativeAvailable()) {
      console.log('      skipped: the native addon (build/Release/tsqt.node) is not built');
      this.skip();
    }
  });
  afterEach(closeAll);

  it('dump: every interface is valid and answers every getter dump() prints', () => {
    const allInterfaces = QNetworkInterface.allInterfaces();
    expect(allInterfaces.length).to.be.greaterThan(0);
    for (const i of allInterfaces) {
      expect(i.isValid(), i.name()).to.equal(true);
      expect(i.name(), 'name').to.be.a('string').and.not.equal('');
      expect(i.humanReadableName(), i.name()).to.be.a('string');
      expect(i.index(), i.name()).to.be.a('number');
      expect(i.flags(), i.name()).to.be.a('number');
      expect(i.type(), i.name()).to.be.a('number');
      expect(i.hardwareAddress(), i.name()).to.be.a('string');
      expect(i.maximumTransmissionUnit(), i.name()).to.be.a('number');
      for (const e of i.addressEntries()) {
        expect(e).to.be.instanceOf(QNetworkAddressEntry);
        expect(e.ip().toString(), i.name()).to.not.equal('');
        if (!e.netmask().isNull()) expect(e.prefixLength(), `${i.name()} ${e.ip().toString()}`).to.be.at.least(0);
        expect([QNetworkAddressEntry.DnsEligibilityUnknown, QNetworkAddressEntry.DnsEligible, QNetworkAddressEntry.DnsIneligible])
          .to.include(e.dnsEligibility());
        if (e.isLifetimeKnown()) {
          for (const l of [e.preferredLifetime(), e.validityLifetime()]) {
            if (!l.isForever()) expect(l.remainingTime(), i.name()).to.be.a('number');
          }
        }
      }
    }
  });

  it('consistencyCheck: unique names and indexes, MTU >= 0, known protocols, lifetimes consistent', () => {
    const ifaces = QNetworkInterface.allInterfaces();
    const interfaceNames = new Set<string>();
    const interfaceIndexes: number[] = [];

    for (const iface of ifaces) {
      expect(iface.isValid(), iface.name()).to.equal(true);
      expect(interfaceNames.has(iface.name()), `duplicate name = ${iface.name()}`).to.equal(false);
      interfaceNames.add(iface.name());

      expect(interfaceIndexes.includes(iface.index()), `duplicate index = ${iface.index()}`).to.equal(false);
      if (iface.index()) interfaceIndexes.push(iface.index());

      expect(iface.maximumTransmissionUnit(), iface.name()).to.be.at.least(0);

      for (const entry of iface.addressEntries()) {
        expect(entry.ip().protocol(), iface.name()).to.not.equal(NetworkLayerProtocol.UnknownNetworkLayerProtocol);
        if (!entry.preferredLifetime().isForever() || !entry.validityLifetime().isForever()) {
          expect(entry.isLifetimeKnown(), iface.name()).to.equal(true);
        }
        if (!entry.validityLifetime().isForever()) expect(entry.isTemporary(), iface.name()).to.equal(true);
      }
    }
  });

  it('loopbackIPv4: allAddresses() contains 127.0.0.1', () => {
    const all = QNetworkInterface.allAddresses();
    expect(contains(all, new QHostAddress(QHostAddress.LocalHost))).to.equal(true);
  });

  it('loopbackIPv6: allAddresses() contains ::1 when IPv6 works', function () {
    if (!isIPv6Working()) {
      console.log('      skipped: IPv6 not active on this machine');
      this.skip();
    }
    const all = QNetworkInterface.allAddresses();
    expect(contains(all, new QHostAddress(QHostAddress.LocalHostIPv6))).to.equal(true);
  });

  // tst_QNetworkInterface::localAddress_data: the loopback rows
  for (const [row, target] of [
    ['localhost-ipv4', () => new QHostAddress(QHostAddress.LocalHost)],
    ['localhost-ipv6', () => new QHostAddress(QHostAddress.LocalHostIPv6)],
  ] as const) {
    it(`localAddress(${row}): a connected UDP socket's local address is on an interface whose MTU bounds the path MTU`, function () {
      if (row === 'localhost-ipv6' && !isIPv6Working()) {
        console.log('      skipped: IPv6 not active on this machine');
        this.skip();
      }
      const socket = track(new QUdpSocket());
      socket.connectToHost(target(), 80);
      expect(socket.waitForConnected(5000)).to.equal(true);

      const local = socket.localAddress();

      // find the interface that contains the address QUdpSocket reported
      let outgoingIface: QNetworkInterface | null = null;
      for (const iface of QNetworkInterface.allInterfaces()) {
        if (iface.addressEntries().some((entry) => entry.ip().equals(local))) {
          outgoingIface = iface;
          break;
        }
      }
      expect(outgoingIface, `no interface has ${local.toString()}`).to.not.equal(null);

      // Qt gets an invalid QVariant (toInt() 0) if the engine cannot read the PMTU; tsqt gives undefined
      const pmtu = socket.socketOption(QAbstractSocket.PathMtuSocketOption) ?? 0;
      expect(pmtu).to.be.at.most(outgoingIface!.maximumTransmissionUnit());
    });
  }

  // tst_QNetworkInterface::interfaceFromXXX_data: the lo row
  it('interfaceFromXXX(lo): found again by name and index; entries have matching netmask/broadcast protocols', () => {
    const iface = QNetworkInterface.allInterfaces().find((i) => i.name() === 'lo');
    expect(iface, 'lo is listed').to.not.equal(undefined);

    expect(QNetworkInterface.interfaceFromName(iface!.name()).isValid()).to.equal(true);
    const idx = iface!.index();
    if (idx) {
      expect(QNetworkInterface.interfaceFromIndex(idx).isValid()).to.equal(true);
      expect(QNetworkInterface.interfaceNameFromIndex(idx)).to.equal(iface!.name());
      expect(QNetworkInterface.interfaceIndexFromName(iface!.name())).to.equal(idx);
    }
    for (const entry of iface!.addressEntries()) {
      expect(entry.ip().isNull()).to.equal(false);

      if (!entry.netmask().isNull()) {
        expect(entry.netmask().protocol()).to.equal(entry.ip().protocol());

        // if the netmask is known, the broadcast is known, but only for IPv4
        if (entry.ip().protocol() === NetworkLayerProtocol.IPv4Protocol) {
          expect(entry.broadcast().isNull(), `broadcast of ${entry.ip().toString()}`).to.equal(false);
        }
      }

      if (!entry.broadcast().isNull()) expect(entry.broadcast().protocol()).to.equal(entry.ip().protocol());
    }
  });

  it('copyInvalidInterface: an interface that does not exist is invalid and empty', () => {
    const i = QNetworkInterface.interfaceFromName('plopp');
    expect(i.isValid()).to.equal(false);

    expect(i.index()).to.equal(0);
    expect(i.name()).to.equal('');
    expect(i.humanReadableName()).to.equal('');
    expect(i.hardwareAddress()).to.equal('');
    expect(i.flags()).to.equal(0);
    expect(i.addressEntries()).to.deep.equal([]);
  });
});
