import { expect } from 'chai';
import { QDeadlineTimer } from '../../src/core/QDeadlineTimer.js';
import { QHostAddress } from '../../src/network/QHostAddress.js';
import { QNetworkAddressEntry } from '../../src/network/QNetworkAddressEntry.js';

describe('QNetworkAddressEntry', () => {
  it('default-constructs an empty entry', () => {
    const e = new QNetworkAddressEntry();
    expect(e.ip().isNull()).to.equal(true);
    expect(e.netmask().isNull()).to.equal(true);
    expect(e.broadcast().isNull()).to.equal(true);
    expect(e.prefixLength()).to.equal(-1);
    expect(e.dnsEligibility()).to.equal(QNetworkAddressEntry.DnsEligibilityUnknown);
    expect([e.isLifetimeKnown(), e.isPermanent(), e.isTemporary()]).to.deep.equal([false, true, false]);
  });

  // tst_qnetworkaddressentry::prefixLength rows (IPv4 and IPv6)
  const maskRows: [string, string, number][] = [
    ['127.0.0.1', '255.0.0.0', 8],
    ['10.1.2.3', '255.255.255.0', 24],
    ['10.1.2.3', '255.255.255.255', 32],
    ['10.1.2.3', '255.255.255.254', 31],
    ['10.1.2.3', '0.0.0.0', 0],
    ['10.1.2.3', '255.128.0.0', 9],
    ['::1', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 128],
    ['fe80::1', 'ffff:ffff:ffff:ffff::', 64],
    ['fe80::1', 'ffff:ffff:ffff:ffff:8000::', 65],
    ['fe80::1', '::', 0],
  ];
  for (const [ip, mask, len] of maskRows) {
    it(`netmask ${mask} on ${ip} is /${len}, and back`, () => {
      const e = new QNetworkAddressEntry();
      e.setIp(new QHostAddress(ip));
      e.setNetmask(new QHostAddress(mask));
      expect(e.prefixLength()).to.equal(len);
      expect(e.netmask().equals(new QHostAddress(mask))).to.equal(true);
      const f = new QNetworkAddressEntry();
      f.setIp(new QHostAddress(ip));
      f.setPrefixLength(len);
      expect(f.netmask().toString()).to.equal(new QHostAddress(mask).toString());
    });
  }

  it('refuses non-contiguous masks and masks of the other protocol', () => {
    const e = new QNetworkAddressEntry();
    e.setIp(new QHostAddress('10.0.0.1'));
    e.setNetmask(new QHostAddress('255.0.255.0'));
    expect([e.prefixLength(), e.netmask().isNull()]).to.deep.equal([-1, true]);
    e.setNetmask(new QHostAddress('ffff::'));
    expect(e.prefixLength()).to.equal(-1);
  });

  it('refuses prefix lengths out of range for the IP protocol', () => {
    const e = new QNetworkAddressEntry();
    e.setIp(new QHostAddress('10.0.0.1'));
    e.setPrefixLength(33);
    expect(e.prefixLength()).to.equal(-1);
    e.setPrefixLength(-1);
    expect(e.prefixLength()).to.equal(-1);
    const v6 = new QNetworkAddressEntry();
    v6.setIp(new QHostAddress('::1'));
    v6.setPrefixLength(128);
    expect(v6.prefixLength()).to.equal(128);
    const none = new QNetworkAddressEntry();
    none.setPrefixLength(8);
    expect(none.prefixLength()).to.equal(-1);
  });

  // PyQt5 5.15: setPrefixLength(2**31) raises OverflowError (a C int); setPrefixLength(-2**31) is -1
  it('refuses a prefix length outside a C int with RangeError, changing nothing', () => {
    const e = new QNetworkAddressEntry();
    e.setIp(new QHostAddress('10.0.0.1'));
    e.setPrefixLength(8);
    expect(() => e.setPrefixLength(2 ** 31)).to.throw(RangeError, 'QNetworkAddressEntry.setPrefixLength: length must be in -2147483648..2147483647, got 2147483648');
    expect(e.prefixLength()).to.equal(8);
    e.setPrefixLength(-(2 ** 31));
    expect(e.prefixLength()).to.equal(-1);
  });

  it('keeps copies: getters and setters do not alias', () => {
    const ip = new QHostAddress('10.0.0.1');
    const e = new QNetworkAddressEntry();
    e.setIp(ip);
    ip.setAddress('10.0.0.2');
    expect(e.ip().toString()).to.equal('10.0.0.1');
    e.ip().setAddress('1.1.1.1');
    expect(e.ip().toString()).to.equal('10.0.0.1');
    e.setBroadcast(new QHostAddress('10.255.255.255'));
    const copy = new QNetworkAddressEntry(e);
    expect(copy.equals(e)).to.equal(true);
    copy.setBroadcast(new QHostAddress());
    expect(copy.equals(e)).to.equal(false);
    expect(e.broadcast().toString()).to.equal('10.255.255.255');
  });

  it('equals() compares ip, prefix length and broadcast; swap() exchanges', () => {
    const a = new QNetworkAddressEntry();
    a.setIp(new QHostAddress('10.0.0.1'));
    a.setPrefixLength(8);
    const b = new QNetworkAddressEntry(a);
    expect(a.equals(b)).to.equal(true);
    b.setPrefixLength(16);
    expect(a.equals(b)).to.equal(false);
    a.swap(b);
    expect([a.prefixLength(), b.prefixLength()]).to.deep.equal([16, 8]);
  });

  it('setDnsEligibility takes Qt values only', () => {
    const e = new QNetworkAddressEntry();
    e.setDnsEligibility(QNetworkAddressEntry.DnsEligible);
    expect(e.dnsEligibility()).to.equal(1);
    expect(() => e.setDnsEligibility(5 as never)).to.throw(RangeError, /setDnsEligibility/);
    expect(e.dnsEligibility()).to.equal(1);
  });

  it('rejects non-addresses with TypeError', () => {
    const e = new QNetworkAddressEntry();
    expect(() => e.setIp(167772161 as never)).to.throw(TypeError, /QNetworkAddressEntry\.setIp/);
    expect(() => e.setIp('10.0.0.256')).to.throw(TypeError, /QNetworkAddressEntry\.setIp: newIp "10\.0\.0\.256" is not an IP address/);
    expect(e.ip().isNull()).to.equal(true);
    // an IP address string is taken where an address is (DESIGN; PyQt5 takes only QHostAddress)
    e.setIp('10.0.0.1');
    e.setNetmask('255.0.0.0');
    e.setBroadcast('10.255.255.255');
    expect([e.ip().toString(), e.prefixLength(), e.broadcast().toString()]).to.deep.equal(['10.0.0.1', 8, '10.255.255.255']);
    expect(() => e.setPrefixLength(1.5)).to.throw(TypeError, /setPrefixLength/);
  });

  describe('address lifetimes', () => {
    it('are unknown and forever by default', () => {
      const e = new QNetworkAddressEntry();
      expect(e.isLifetimeKnown()).to.equal(false);
      expect(e.preferredLifetime().isForever()).to.equal(true);
      expect(e.validityLifetime().isForever()).to.equal(true);
    });

    it('setAddressLifetime() makes them known, even when both are forever', () => {
      const e = new QNetworkAddressEntry();
      e.setAddressLifetime(QDeadlineTimer.forever(), QDeadlineTimer.forever());
      expect([e.isLifetimeKnown(), e.isPermanent(), e.isTemporary()]).to.deep.equal([true, true, false]);
    });

    it('a finite valid lifetime makes the address temporary', () => {
      const e = new QNetworkAddressEntry();
      const preferred = new QDeadlineTimer(60_000);
      const validity = new QDeadlineTimer(120_000);
      e.setAddressLifetime(preferred, validity);
      expect([e.isLifetimeKnown(), e.isPermanent(), e.isTemporary()]).to.deep.equal([true, false, true]);
      expect(e.preferredLifetime().deadline()).to.equal(preferred.deadline());
      expect(e.validityLifetime().deadline()).to.equal(validity.deadline());
    });

    it('keeps copies: changing the timers given or returned does not change the entry', () => {
      const e = new QNetworkAddressEntry();
      const validity = new QDeadlineTimer(120_000);
      const at = validity.deadline();
      e.setAddressLifetime(QDeadlineTimer.forever(), validity);
      validity.setRemainingTime(-1);
      e.validityLifetime().setRemainingTime(-1);
      expect(e.validityLifetime().deadline()).to.equal(at);
      expect(e.isTemporary()).to.equal(true);
    });

    it('clearAddressLifetime() forgets them', () => {
      const e = new QNetworkAddressEntry();
      e.setAddressLifetime(new QDeadlineTimer(1000), new QDeadlineTimer(2000));
      e.clearAddressLifetime();
      expect([e.isLifetimeKnown(), e.isPermanent()]).to.deep.equal([false, true]);
      expect(e.preferredLifetime().isForever()).to.equal(true);
      expect(e.validityLifetime().isForever()).to.equal(true);
    });

    it('are copied by the copy constructor and exchanged by swap(), and ignored by equals()', () => {
      const a = new QNetworkAddressEntry();
      a.setAddressLifetime(new QDeadlineTimer(1000), new QDeadlineTimer(2000));
      const copy = new QNetworkAddressEntry(a);
      expect([copy.isLifetimeKnown(), copy.isTemporary()]).to.deep.equal([true, true]);
      const b = new QNetworkAddressEntry();
      expect(a.equals(b)).to.equal(true);
      a.swap(b);
      expect([a.isLifetimeKnown(), b.isLifetimeKnown(), b.isTemporary()]).to.deep.equal([false, true, true]);
    });

    it('setAddressLifetime() refuses a non-timer and changes nothing', () => {
      const e = new QNetworkAddressEntry();
      expect(() => e.setAddressLifetime(1000 as never, QDeadlineTimer.forever())).to.throw(TypeError, /QNetworkAddressEntry\.setAddressLifetime: preferred/);
      expect(() => e.setAddressLifetime(QDeadlineTimer.forever(), null as never)).to.throw(TypeError, /QNetworkAddressEntry\.setAddressLifetime: validity/);
      expect(e.isLifetimeKnown()).to.equal(false);
    });
  });
});
