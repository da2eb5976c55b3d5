// SPDX-License-Identifier: MIT
// Ports of Qt 5.15's tests/auto/network/kernel/qnetworkaddressentry/tst_qnetworkaddressentry.cpp.
// Each `it` starts with Qt's test function name; prefixAndNetmask's data rows are kept (names
// included). Qt's operator== on entries is `equals()`, on addresses `equals()` as well; C++ copy
// assignment (`entry = entry2`) is the copy constructor.
//
// Not ported: nothing (the Q_DECLARE_METATYPE(QHostAddress) is only there for QTest's data columns).
import { expect } from 'chai';
import { QHostAddress } from '../../src/network/QHostAddress.js';
import { QNetworkAddressEntry } from '../../src/network/QNetworkAddressEntry.js';

function show(a: QHostAddress): string {
  return a.isNull() ? 'QHostAddress()' : `QHostAddress(${a.toString()})`;
}

function expectSame(actual: QHostAddress, expected: QHostAddress, what: string): void {
  expect(actual.equals(expected), `${what}: ${show(actual)} == ${show(expected)}`).to.equal(true);
}

type SpecialName = 'LocalHost' | 'LocalHostIPv6' | 'Any' | 'AnyIPv4' | 'AnyIPv6';
/** '' = QHostAddress(), '@Name' = QHostAddress(QHostAddress::Name), else QHostAddress(text). */
function addr(spec: string): QHostAddress {
  if (spec === '') return new QHostAddress();
  if (spec.startsWith('@')) return new QHostAddress(QHostAddress.SpecialAddress[spec.slice(1) as SpecialName]);
  return new QHostAddress(spec);
}

// tst_QNetworkAddressEntry::prefixAndNetmask_data: [name, ip, netmask, prefix]
const rows: [string, string, string, number][] = [
  // IPv4 set:
  ['v4/0', '@LocalHost', '@AnyIPv4', 0],
  ['v4/32', '@LocalHost', '255.255.255.255', 32],
  ['v4/24', '@LocalHost', '255.255.255.0', 24],
  ['v4/23', '@LocalHost', '255.255.254.0', 23],
  ['v4/20', '@LocalHost', '255.255.240.0', 20],
  ['v4/invalid1', '@LocalHost', '@LocalHost', -1],
  ['v4/invalid2', '@LocalHost', '@AnyIPv6', -1],
  ['v4/invalid3', '@LocalHost', '255.255.253.0', -1],
  ['v4/invalid4', '@LocalHost', '', -2],
  ['v4/invalid5', '@LocalHost', '', 33],
  // IPv6 set:
  ['v6/0', '@LocalHostIPv6', '@AnyIPv6', 0],
  ['v6/128', '@LocalHostIPv6', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 128],
  ['v6/64', '@LocalHostIPv6', 'ffff:ffff:ffff:ffff::', 64],
  ['v6/63', '@LocalHostIPv6', 'ffff:ffff:ffff:fffe::', 63],
  ['v6/60', '@LocalHostIPv6', 'ffff:ffff:ffff:fff0::', 60],
  ['v6/48', '@LocalHostIPv6', 'ffff:ffff:ffff::', 48],
  ['v6/3', '@LocalHostIPv6', 'e000::', 3],
  ['v6/invalid1', '@LocalHostIPv6', '@LocalHostIPv6', -1],
  ['v6/invalid2', '@LocalHostIPv6', '@Any', -1],
  ['v6/invalid3', '@LocalHostIPv6', 'fffd::', -1],
  ['v6/invalid4', '@LocalHostIPv6', '', -2],
  ['v6/invalid5', '@LocalHostIPv6', '', 129],
];

describe('tst_qnetworkaddressentry ports', () => {
  it('getSetCheck: defaults, ip and broadcast set and cleared, equality and copy', () => {
    let entry = new QNetworkAddressEntry();

    expect(entry.ip().isNull()).to.equal(true);
    expect(entry.netmask().isNull()).to.equal(true);
    expect(entry.broadcast().isNull()).to.equal(true);
    expect(entry.prefixLength()).to.equal(-1);

    entry.setIp(QHostAddress.LocalHost);
    expectSame(entry.ip(), new QHostAddress(QHostAddress.LocalHost), 'ip');
    entry.setIp(new QHostAddress());
    expect(entry.ip().isNull()).to.equal(true);

    entry.setBroadcast(QHostAddress.LocalHost);
    expectSame(entry.broadcast(), new QHostAddress(QHostAddress.LocalHost), 'broadcast');
    entry.setBroadcast(new QHostAddress());
    expect(entry.broadcast().isNull()).to.equal(true);

    // netmask and prefix length tested in the next test
    entry.setIp(QHostAddress.LocalHost);
    entry.setBroadcast(QHostAddress.LocalHost);

    const entry2 = new QNetworkAddressEntry();
    expect(!entry.equals(entry2), 'entry != entry2').to.equal(true);
    expect(entry.equals(entry2), 'entry == entry2').to.equal(false);

    entry = new QNetworkAddressEntry(entry2); // entry = entry2
    expect(entry.equals(entry2), 'after assignment').to.equal(true);
    expect(entry.equals(entry), 'entry == entry').to.equal(true);
    expect(!entry.equals(entry2), 'entry != entry2 after assignment').to.equal(false);
  });

  for (const [row, ipSpec, netmaskSpec, prefix] of rows) {
    it(`prefixAndNetmask(${row}): netmask and prefix length set each way, and cleared`, () => {
      const ip = addr(ipSpec);
      const netmask = addr(netmaskSpec);
      const entry = new QNetworkAddressEntry();

      // first, without setting the IP, all must be invalid:
      entry.setNetmask(netmask);
      expect(entry.netmask().isNull(), 'netmask without ip').to.equal(true);
      entry.setPrefixLength(prefix);
      expect(entry.prefixLength(), 'prefix without ip').to.equal(-1);

      // set the IP:
      entry.setIp(ip);

      // set the netmask:
      if (!netmask.isNull()) {
        entry.setNetmask(netmask);
        if (prefix !== -1) {
          expect(entry.netmask().isNull(), 'valid netmask kept').to.equal(false);
          expectSame(entry.netmask(), netmask, 'netmask');
          expect(entry.prefixLength(), 'prefix from netmask').to.equal(prefix);
        } else {
          expect(entry.netmask().isNull(), 'invalid netmask dropped').to.equal(true);
          expect(entry.prefixLength(), 'prefix of invalid netmask').to.equal(-1);
        }
      }
      entry.setNetmask(new QHostAddress());
      expect(entry.netmask().isNull(), 'netmask cleared').to.equal(true);
      expect(entry.prefixLength(), 'prefix after clearing the netmask').to.equal(-1);

      // set the prefix
      if (prefix !== -1) {
        entry.setPrefixLength(prefix);
        if (!netmask.isNull()) {
          expect(entry.netmask().isNull(), 'netmask from prefix').to.equal(false);
          expectSame(entry.netmask(), netmask, 'netmask from prefix');
          expect(entry.prefixLength(), 'prefix').to.equal(prefix);
        } else {
          expect(entry.netmask().isNull(), 'invalid prefix gives no netmask').to.equal(true);
          expect(entry.prefixLength(), 'invalid prefix').to.equal(-1);
        }
      }
      entry.setPrefixLength(-1);
      expect(entry.netmask().isNull(), 'netmask after setPrefixLength(-1)').to.equal(true);
      expect(entry.prefixLength(), 'prefix after setPrefixLength(-1)').to.equal(-1);
    });
  }
});
