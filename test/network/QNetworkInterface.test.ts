import { expect } from 'chai';
import * as os from 'node:os';
import { QHostAddress } from '../../src/network/QHostAddress.js';
import { QNetworkAddressEntry } from '../../src/network/QNetworkAddressEntry.js';
import { QNetworkInterface, setInterfaceSource } from '../../src/network/QNetworkInterface.js';
import type { InterfaceSource } from '../../src/network/QNetworkInterface.js';
import { isNativeAvailable } from '../../src/private/native.js';

/** A fake system: lo, a down dummy, and an Ethernet with v4 (broadcast) and link-local v6 addresses. */
function stub(): InterfaceSource {
  const ifs = [
    {
      name: 'lo', index: 1, flags: 0x1 | 0x8 | 0x40, hwaddr: '00:00:00:00:00:00', type: 772, mtu: 65536,
      addrs: [
        { family: 4 as const, ip: Uint8Array.of(127, 0, 0, 1), netmask: Uint8Array.of(255, 0, 0, 0), broadcast: null, scopeId: 0 },
        { family: 6 as const, ip: new QHostAddress('::1').toIPv6Address(), netmask: new Uint8Array(16).fill(255), broadcast: null, scopeId: 0 },
      ],
    },
    { name: 'dummy0', index: 2, flags: 0x2, hwaddr: '', type: 0xfffe, mtu: 1500, addrs: [
      { family: 4 as const, ip: Uint8Array.of(10, 9, 9, 9), netmask: null, broadcast: null, scopeId: 0 },
    ] },
    {
      name: 'eth7', index: 7, flags: 0x1 | 0x2 | 0x40 | 0x1000 | 0x10, hwaddr: '02:FC:00:00:00:01', type: 1, mtu: 1400,
      addrs: [
        { family: 4 as const, ip: Uint8Array.of(192, 0, 2, 2), netmask: Uint8Array.of(255, 255, 255, 0), broadcast: Uint8Array.of(192, 0, 2, 255), scopeId: 0 },
        { family: 6 as const, ip: new QHostAddress('fe80::1').toIPv6Address(), netmask: new QHostAddress('ffff:ffff:ffff:ffff::').toIPv6Address(), broadcast: null, scopeId: 7 },
        { family: 6 as const, ip: new QHostAddress('fe80::2').toIPv6Address(), netmask: null, broadcast: null, scopeId: 0 },
      ],
    },
  ];
  const names = new Map(ifs.map((i) => [i.name, i.index]));
  return {
    interfaces: () => ifs,
    nameToIndex: (n) => names.get(n) ?? 0,
    indexToName: (i) => ifs.find((x) => x.index === i)?.name ?? '',
  };
}

describe('QNetworkInterface', () => {
  describe('with an injected interface source', () => {
    beforeEach(() => setInterfaceSource(stub()));
    afterEach(() => setInterfaceSource(null));

    it('default-constructs an invalid interface (NI-1)', () => {
      const i = new QNetworkInterface();
      expect([i.isValid(), i.index(), i.name(), i.humanReadableName(), i.flags(), i.type(), i.hardwareAddress(), i.maximumTransmissionUnit()])
        .to.deep.equal([false, 0, '', '', 0, QNetworkInterface.Unknown, '', 0]);
      expect(i.addressEntries()).to.deep.equal([]);
    });

    it('lists all interfaces in the system order, with converted flags and types', () => {
      const all = QNetworkInterface.allInterfaces();
      expect(all.map((i) => i.name())).to.deep.equal(['lo', 'dummy0', 'eth7']);
      const [lo, dummy, eth] = all as [QNetworkInterface, QNetworkInterface, QNetworkInterface];
      expect(lo.flags()).to.equal(QNetworkInterface.IsUp | QNetworkInterface.IsRunning | QNetworkInterface.IsLoopBack);
      expect(lo.type()).to.equal(QNetworkInterface.Loopback);
      expect(dummy.flags()).to.equal(QNetworkInterface.CanBroadcast);
      expect(dummy.type()).to.equal(QNetworkInterface.Virtual);
      expect(eth.flags()).to.equal(QNetworkInterface.IsUp | QNetworkInterface.IsRunning | QNetworkInterface.CanBroadcast |
        QNetworkInterface.CanMulticast | QNetworkInterface.IsPointToPoint);
      expect(eth.type()).to.equal(QNetworkInterface.Ethernet);
      expect([eth.index(), eth.hardwareAddress(), eth.maximumTransmissionUnit()]).to.deep.equal([7, '02:FC:00:00:00:01', 1400]);
    });

    it('builds address entries: prefix from netmask, broadcast, link-local scope = interface name', () => {
      const eth = QNetworkInterface.interfaceFromName('eth7');
      const e = eth.addressEntries();
      expect(e.map((x) => x.ip().toString())).to.deep.equal(['192.0.2.2', 'fe80::1%eth7', 'fe80::2%eth7']);
      expect(e.map((x) => x.prefixLength())).to.deep.equal([24, 64, -1]);
      expect(e[0]!.netmask().toString()).to.equal('255.255.255.0');
      expect(e[0]!.broadcast().toString()).to.equal('192.0.2.255');
      expect(e[1]!.broadcast().isNull()).to.equal(true);
      const lo = QNetworkInterface.interfaceFromIndex(1);
      expect(lo.addressEntries().map((x) => `${x.ip().toString()}/${x.prefixLength()}`)).to.deep.equal(['127.0.0.1/8', '::1/128']);
    });

    it("rates DNS eligibility by Qt 5.15's rule: loopback and link-local ineligible, the rest eligible (PyQt5 5.15: lo 0, 192.0.2.2 1, fe80:: 0)", () => {
      const rated = (name: string): string[] => QNetworkInterface.interfaceFromName(name).addressEntries().map((x) => `${x.ip().toString()}=${x.dnsEligibility()}`);
      expect(rated('lo')).to.deep.equal(['127.0.0.1=0', '::1=0']);
      expect(rated('eth7')).to.deep.equal(['192.0.2.2=1', 'fe80::1%eth7=0', 'fe80::2%eth7=0']);
      // an entry made by hand stays unknown
      expect(new QNetworkAddressEntry().dnsEligibility()).to.equal(QNetworkAddressEntry.DnsEligibilityUnknown);
    });

    it('takes address lifetimes from netlink as Qt does (IFA_CACHEINFO: seconds from now, or forever) and drops a DAD-failed IPv6 address', () => {
      const base = stub();
      const wlan3 = {
        // addresses with what netlink adds: lifetimes in seconds (-1 forever) and IFA_F_* flags
        name: 'wlan3', index: 3, flags: 0x1 | 0x40, hwaddr: '', type: 1, mtu: 1500,
        addrs: [
          { family: 4 as const, ip: Uint8Array.of(198, 51, 100, 7), netmask: Uint8Array.of(255, 255, 255, 0), broadcast: null, scopeId: 0, preferred: 1800, valid: 3600, addrFlags: 0 },
          { family: 6 as const, ip: new QHostAddress('2001:db8::7').toIPv6Address(), netmask: null, broadcast: null, scopeId: 0, preferred: -1, valid: -1, addrFlags: 0x80 },
          // duplicate address detection failed: Qt leaves it out
          { family: 6 as const, ip: new QHostAddress('2001:db8::8').toIPv6Address(), netmask: null, broadcast: null, scopeId: 0, preferred: 0, valid: 60, addrFlags: 0x08 },
        ],
      };
      setInterfaceSource({ ...base, interfaces: () => [...base.interfaces(), wlan3], nameToIndex: (n) => (n === 'wlan3' ? 3 : base.nameToIndex(n)) });
      const e = QNetworkInterface.interfaceFromName('wlan3').addressEntries();
      expect(e.map((x) => x.ip().toString())).to.deep.equal(['198.51.100.7', '2001:db8::7']);
      const [v4, v6] = e as [QNetworkAddressEntry, QNetworkAddressEntry];
      expect([v4.isLifetimeKnown(), v4.isPermanent(), v4.isTemporary()]).to.deep.equal([true, false, true]);
      expect(v4.preferredLifetime().remainingTime()).to.be.within(1_795_000, 1_800_000);
      expect(v4.validityLifetime().remainingTime()).to.be.within(3_595_000, 3_600_000);
      expect([v6.isLifetimeKnown(), v6.isPermanent(), v6.preferredLifetime().isForever(), v6.validityLifetime().isForever()]).to.deep.equal([true, true, true, true]);
      // without netlink's data (the other interfaces here) the lifetimes stay unknown
      expect(QNetworkInterface.interfaceFromName('eth7').addressEntries()[0]!.isLifetimeKnown()).to.equal(false);
    });

    it('allAddresses() skips interfaces that are not up', () => {
      expect(QNetworkInterface.allAddresses().map((a) => a.toString()))
        .to.deep.equal(['127.0.0.1', '::1', '192.0.2.2', 'fe80::1%eth7', 'fe80::2%eth7']);
    });

    it('finds interfaces by name, by decimal name, by index (NI-1)', () => {
      expect(QNetworkInterface.interfaceFromName('eth7').index()).to.equal(7);
      expect(QNetworkInterface.interfaceFromName('7').name()).to.equal('eth7');
      expect(QNetworkInterface.interfaceFromName('nope').isValid()).to.equal(false);
      expect(QNetworkInterface.interfaceFromIndex(2).name()).to.equal('dummy0');
      expect(QNetworkInterface.interfaceFromIndex(0).isValid()).to.equal(false);
      expect(QNetworkInterface.interfaceFromIndex(99).isValid()).to.equal(false);
    });

    it('maps names and indexes as Qt does on Unix', () => {
      expect(QNetworkInterface.interfaceIndexFromName('eth7')).to.equal(7);
      expect(QNetworkInterface.interfaceIndexFromName('12')).to.equal(12);
      expect(QNetworkInterface.interfaceIndexFromName('')).to.equal(0);
      expect(QNetworkInterface.interfaceIndexFromName('nope')).to.equal(0);
      expect(QNetworkInterface.interfaceNameFromIndex(1)).to.equal('lo');
      expect(QNetworkInterface.interfaceNameFromIndex(0)).to.equal('');
      // PyQt5 5.15 on Linux: '' for an index no interface has, and for -1 (taken as unsigned)
      expect(QNetworkInterface.interfaceNameFromIndex(99)).to.equal('');
      expect(QNetworkInterface.interfaceNameFromIndex(-1)).to.equal('');
      expect(() => QNetworkInterface.interfaceNameFromIndex(2 ** 32 + 1)).to.throw(RangeError, /QNetworkInterface\.interfaceNameFromIndex: index must be in/);
      // PyQt5 5.15: QNetworkInterface.interfaceFromIndex(2**31) raises OverflowError (a C int)
      expect(() => QNetworkInterface.interfaceFromIndex(2 ** 31)).to.throw(RangeError, 'QNetworkInterface.interfaceFromIndex: index must be in -2147483648..2147483647, got 2147483648');
    });

    it('hands out copies of its entries; copies and swap keep snapshots', () => {
      const eth = QNetworkInterface.interfaceFromName('eth7');
      eth.addressEntries()[0]!.setPrefixLength(8);
      expect(eth.addressEntries()[0]!.prefixLength()).to.equal(24);
      const c = new QNetworkInterface(eth);
      const lo = QNetworkInterface.interfaceFromName('lo');
      c.swap(lo);
      expect([c.name(), lo.name(), eth.name()]).to.deep.equal(['lo', 'eth7', 'eth7']);
    });

    it('exposes Qt\'s enum values scoped and unscoped', () => {
      expect(QNetworkInterface.InterfaceFlag).to.deep.equal({ IsUp: 1, IsRunning: 2, CanBroadcast: 4, IsLoopBack: 8, IsPointToPoint: 16, CanMulticast: 32 });
      expect([QNetworkInterface.InterfaceType.Wifi, QNetworkInterface.Ieee80211, QNetworkInterface.Ieee1394, QNetworkInterface.Unknown]).to.deep.equal([8, 8, 13, 0]);
    });

    it('rejects bad arguments with TypeError', () => {
      expect(() => QNetworkInterface.interfaceFromIndex('1' as never)).to.throw(TypeError, /interfaceFromIndex/);
      expect(() => QNetworkInterface.interfaceFromName(1 as never)).to.throw(TypeError, /interfaceFromName/);
    });
  });

  describe('on this machine (native addon)', () => {
    before(function () {
      if (!isNativeAvailable()) {
        console.log('      skipped: the native addon (build/Release/tsqt.node) is not built');
        this.skip();
      }
    });

    it('finds lo as Qt did in trace env_info (index 1 on Linux, loopback, up and running) (NI-1)', () => {
      const lo = QNetworkInterface.interfaceFromName('lo');
      expect(lo.isValid()).to.equal(true);
      expect(lo.type()).to.equal(QNetworkInterface.Loopback);
      const must = QNetworkInterface.IsUp | QNetworkInterface.IsRunning | QNetworkInterface.IsLoopBack;
      expect(lo.flags() & must).to.equal(must);
      expect(lo.addressEntries().map((e) => e.ip().toString())).to.include('127.0.0.1');
      expect(QNetworkInterface.interfaceIndexFromName('lo')).to.equal(lo.index());
      expect(QNetworkInterface.interfaceNameFromIndex(lo.index())).to.equal('lo');
      expect(QNetworkInterface.interfaceFromIndex(lo.index()).name()).to.equal('lo');
    });

    it("reads lo's 127.0.0.1 as Qt 5.15 does: a known, permanent lifetime (netlink), DNS-ineligible, broadcast 127.255.255.255 (PyQt5 5.15 here)", () => {
      const e = QNetworkInterface.interfaceFromName('lo').addressEntries().find((x) => x.ip().toString() === '127.0.0.1')!;
      expect([e.isLifetimeKnown(), e.isPermanent(), e.preferredLifetime().isForever(), e.validityLifetime().isForever()]).to.deep.equal([true, true, true, true]);
      expect([e.dnsEligibility(), e.broadcast().toString(), e.prefixLength()]).to.deep.equal([QNetworkAddressEntry.DnsIneligible, '127.255.255.255', 8]);
    });

    it('agrees with os.networkInterfaces() on names and addresses', () => {
      const nodeIfs = os.networkInterfaces();
      for (const [name, addrs] of Object.entries(nodeIfs)) {
        const qi = QNetworkInterface.interfaceFromName(name);
        expect(qi.isValid(), name).to.equal(true);
        const mine = qi.addressEntries().map((e) => {
          const ip = e.ip();
          ip.setScopeId('');
          return `${ip.toString()}/${e.prefixLength()}`;
        });
        for (const a of addrs ?? []) {
          const [addr, len] = a.cidr!.split('/');
          const expected = `${new QHostAddress(addr!.split('%')[0]!).toString()}/${len}`;
          expect(mine, name).to.include(expected);
          if (a.family === 'IPv4') {
            const entry = qi.addressEntries().find((e) => e.ip().toString() === addr);
            expect(entry!.netmask().toString()).to.equal(a.netmask);
          }
        }
      }
    });
  });
});
