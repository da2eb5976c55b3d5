// SPDX-License-Identifier: MIT
// Ports of Qt 5.15's tests/auto/network/kernel/qnetworkdatagram/tst_qnetworkdatagram.cpp. Each `it`
// starts with Qt's test function name; makeReply's data rows are kept (names included). Nothing is
// sent: these are value-class tests (the Broadcast and 192.0.2.x addresses are only stored).
// QCOMPARE on two QHostAddress values is Qt's operator==, here `equals()`.
//
// Not ported (one line each, with the reason):
// - makeReply_data's qRegisterMetaType<QNetworkDatagram>() (QVariant/QMetaType); the rows are built directly.
// - makeReply's `std::move(copy).makeReply()` is C++'s rvalue overload: ported as makeReply() on a copy, its only observable meaning.
import { expect } from 'chai';
import { QHostAddress } from '../../src/network/QHostAddress.js';
import { QNetworkDatagram } from '../../src/network/QNetworkDatagram.js';

function show(a: QHostAddress): string {
  return a.isNull() ? 'QHostAddress()' : `QHostAddress(${a.toString()})`;
}

/** QCOMPARE(actual, expected) for QHostAddress values. */
function expectSame(actual: QHostAddress, expected: QHostAddress, what: string): void {
  expect(actual.equals(expected), `${what}: ${show(actual)} == ${show(expected)}`).to.equal(true);
}

/** tst_QNetworkDatagram::makeReply_data: the rows share one datagram modified step by step, as in Qt. */
function makeReplyRows(): [string, QNetworkDatagram, string][] {
  const rows: [string, QNetworkDatagram, string][] = [];
  const dgram = new QNetworkDatagram('some data', new QHostAddress('192.0.2.1'), 10001);
  dgram.setHopLimit(64);
  dgram.setSender(QHostAddress.LocalHost, 12345);
  rows.push(['ipv4', new QNetworkDatagram(dgram), '192.0.2.1']);

  dgram.setDestination(new QHostAddress('224.0.0.1'), 10002);
  rows.push(['ipv4-multicast', new QNetworkDatagram(dgram), '']);

  dgram.setSender(QHostAddress.LocalHostIPv6, 12346);
  dgram.setDestination(new QHostAddress('2001:db8::1'), 12347);
  rows.push(['ipv6', new QNetworkDatagram(dgram), '2001:db8::1']);

  dgram.setSender(new QHostAddress('fe80::1%1'), 10003);
  dgram.setDestination(new QHostAddress('fe80::2%1'), 10004);
  dgram.setInterfaceIndex(1);
  rows.push(['ipv6-linklocal', new QNetworkDatagram(dgram), 'fe80::2%1']);

  dgram.setDestination(new QHostAddress('ff02::1%1'), 10005);
  rows.push(['ipv6-multicast', new QNetworkDatagram(dgram), '']);
  return rows;
}

/** The checks makeReply() makes on each reply. */
function checkReply(reply: QNetworkDatagram, dgram: QNetworkDatagram, localAddress: string, row: string): void {
  expect(reply.data().equals(Buffer.from('World')), `${row}: data`).to.equal(true);
  expectSame(reply.senderAddress(), new QHostAddress(localAddress), `${row}: senderAddress`);
  expect(reply.senderPort(), `${row}: senderPort`).to.equal(localAddress === '' ? -1 : dgram.destinationPort());
  expectSame(reply.destinationAddress(), dgram.senderAddress(), `${row}: destinationAddress`);
  expect(reply.destinationPort(), `${row}: destinationPort`).to.equal(dgram.senderPort());
  expect(reply.interfaceIndex(), `${row}: interfaceIndex`).to.equal(dgram.interfaceIndex());
  expect(reply.hopLimit(), `${row}: hopLimit`).to.equal(-1);
  // operator== ignores the scope id; the reply keeps it (PyQt5 5.15: fe80::2%1 and fe80::1%1)
  expect(reply.senderAddress().toString(), `${row}: sender text`).to.equal(new QHostAddress(localAddress).toString());
  expect(reply.destinationAddress().toString(), `${row}: destination text`).to.equal(dgram.senderAddress().toString());
}

describe('tst_qnetworkdatagram ports', () => {
  it('getSetCheck: a null datagram, then each setter read back', () => {
    const dg = new QNetworkDatagram();

    expect(dg.isNull()).to.equal(true);
    expect(dg.isValid()).to.equal(false);
    expectSame(dg.senderAddress(), new QHostAddress(), 'senderAddress');
    expectSame(dg.destinationAddress(), new QHostAddress(), 'destinationAddress');
    expect(dg.senderPort()).to.equal(-1);
    expect(dg.destinationPort()).to.equal(-1);
    expect(dg.hopLimit()).to.equal(-1);
    expect(dg.interfaceIndex()).to.equal(0);

    dg.setHopLimit(1);
    expect(dg.hopLimit()).to.equal(1);
    dg.setHopLimit(255);
    expect(dg.hopLimit()).to.equal(255);

    dg.setInterfaceIndex(1);
    expect(dg.interfaceIndex()).to.equal(1);
    dg.setInterfaceIndex(1234567);
    expect(dg.interfaceIndex()).to.equal(1234567);

    dg.setSender(QHostAddress.Any, 12345);
    expectSame(dg.senderAddress(), new QHostAddress(QHostAddress.Any), 'sender Any');
    expect(dg.senderPort()).to.equal(12345);
    dg.setSender(QHostAddress.LocalHost);
    expectSame(dg.senderAddress(), new QHostAddress(QHostAddress.LocalHost), 'sender LocalHost');
    expect(dg.senderPort()).to.equal(0);

    dg.setDestination(QHostAddress.LocalHostIPv6, 12345);
    expectSame(dg.destinationAddress(), new QHostAddress(QHostAddress.LocalHostIPv6), 'destination LocalHostIPv6');
    expect(dg.destinationPort()).to.equal(12345);
    dg.setDestination(QHostAddress.Broadcast, 137);
    expectSame(dg.destinationAddress(), new QHostAddress(QHostAddress.Broadcast), 'destination Broadcast');
    expect(dg.destinationPort()).to.equal(137);
  });

  for (const [row, dgram, localAddress] of makeReplyRows()) {
    it(`makeReply(${row}): addressed back to the sender, from the destination unless it is multicast`, () => {
      checkReply(dgram.makeReply('World'), dgram, localAddress, row);

      const copy = new QNetworkDatagram(dgram);
      copy.setData(copy.data());
      checkReply(copy.makeReply('World'), dgram, localAddress, `${row} (copy)`);
    });
  }
});
