import { expect } from 'chai';
import fc from 'fast-check';
import * as net from 'node:net';
import { QHostAddress, ConversionModeFlag, toHostAddress } from '../../src/network/QHostAddress.js';
import { NetworkLayerProtocol } from '../../src/network/NetworkLayerProtocol.js';

const { IPv4Protocol, IPv6Protocol, AnyIPProtocol, UnknownNetworkLayerProtocol } = NetworkLayerProtocol;

/** Full, uncompressed IPv6 text of 16 bytes (built independently of the code under test). */
function fullIp6(b: Uint8Array): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((b[i]! << 8) | b[i + 1]!).toString(16).padStart(4, '0'));
  return groups.join(':');
}

/** Node's canonical text (libuv inet_ntop) of an IP literal. */
function nodeCanonical(text: string, family: 'ipv4' | 'ipv6'): string {
  return new net.SocketAddress({ address: text, family }).address;
}

const bytes16 = fc.uint8Array({ minLength: 16, maxLength: 16 });
/** IPv6 bytes biased towards zero runs and v4-mapped/compat forms. */
const ip6Bytes = fc.oneof(
  bytes16,
  fc.array(fc.constantFrom(0, 0, 0, 1, 0xffff, 0x1234), { minLength: 8, maxLength: 8 }).map((w) => {
    const b = new Uint8Array(16);
    w.forEach((x, i) => {
      b[2 * i] = x >> 8;
      b[2 * i + 1] = x & 0xff;
    });
    return b;
  }),
  fc.tuple(fc.boolean(), fc.uint8Array({ minLength: 4, maxLength: 4 })).map(([mapped, v4]) => {
    const b = new Uint8Array(16);
    if (mapped) b[10] = b[11] = 0xff;
    b.set(v4, 12);
    return b;
  }),
);

describe('QHostAddress', () => {
  describe('constructor', () => {
    it('default-constructs a null address', () => {
      const a = new QHostAddress();
      expect(a.isNull()).to.equal(true);
      expect(a.protocol()).to.equal(UnknownNetworkLayerProtocol);
      expect(a.toString()).to.equal('');
      expect(a.toIPv4Address()).to.equal(0);
      expect(Array.from(a.toIPv6Address())).to.deep.equal(new Array(16).fill(0));
    });

    it('takes a number as an IPv4 quint32 (0 is 0.0.0.0, not null)', () => {
      expect(new QHostAddress(0x7f000001).toString()).to.equal('127.0.0.1');
      expect(new QHostAddress(0xdeadbeef).toString()).to.equal('222.173.190.239');
      const zero = new QHostAddress(0);
      expect([zero.toString(), zero.isNull(), zero.protocol()]).to.deep.equal(['0.0.0.0', false, IPv4Protocol]);
      // small numbers are IPv4 addresses too, never special addresses
      expect(new QHostAddress(2).toString()).to.equal('0.0.0.2');
    });

    it('takes 16 bytes (Uint8Array or number[]) as IPv6', () => {
      const b = new Uint8Array(16);
      b[0] = 0xfe;
      b[1] = 0x80;
      b[15] = 1;
      expect(new QHostAddress(b).toString()).to.equal('fe80::1');
      expect(new QHostAddress(Array.from(b)).toString()).to.equal('fe80::1');
      expect(new QHostAddress(b).protocol()).to.equal(IPv6Protocol);
    });

    it('copies a QHostAddress, scope id included, independently', () => {
      const a = new QHostAddress('fe80::1%eth0');
      const b = new QHostAddress(a);
      expect(b.toString()).to.equal('fe80::1%eth0');
      b.setAddress('::2');
      expect(a.toString()).to.equal('fe80::1%eth0');
    });

    it('does not keep a reference to the bytes it was given', () => {
      const b = new Uint8Array(16);
      b[15] = 1;
      const a = new QHostAddress(b);
      b[15] = 2;
      expect(a.toString()).to.equal('::1');
      const out = a.toIPv6Address();
      out[15] = 9;
      expect(a.toString()).to.equal('::1');
    });

    it('rejects bad arguments with TypeError/RangeError', () => {
      expect(() => new QHostAddress(-1)).to.throw(RangeError, /QHostAddress: ip4Addr must be an integer in 0\.\.4294967295, got -1/);
      expect(() => new QHostAddress(2 ** 32)).to.throw(RangeError);
      // PyQt5 5.15: QHostAddress(1.5) and QHostAddress().setAddress(1.5) raise TypeError
      expect(() => new QHostAddress(1.5)).to.throw(TypeError, 'QHostAddress: ip4Addr must be an integer in 0..4294967295, got 1.5');
      expect(() => new QHostAddress().setAddress(NaN)).to.throw(TypeError, /QHostAddress\.setAddress: ip4Addr must be an integer/);
      expect(() => new QHostAddress(new Uint8Array(4))).to.throw(RangeError, /16 bytes, got 4/);
      expect(() => new QHostAddress([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 256])).to.throw(RangeError);
      expect(() => new QHostAddress(null as unknown as string)).to.throw(TypeError, /QHostAddress/);
      expect(() => new QHostAddress({} as unknown as string)).to.throw(TypeError);
    });
  });

  describe('special addresses', () => {
    const rows: [keyof typeof QHostAddress.SpecialAddress, string, number, boolean][] = [
      // HA-1 / trace ha_special
      ['Null', '', UnknownNetworkLayerProtocol, true],
      ['Broadcast', '255.255.255.255', IPv4Protocol, false],
      ['LocalHost', '127.0.0.1', IPv4Protocol, false],
      ['LocalHostIPv6', '::1', IPv6Protocol, false],
      ['Any', '0.0.0.0', AnyIPProtocol, false],
      ['AnyIPv6', '::', IPv6Protocol, false],
      ['AnyIPv4', '0.0.0.0', IPv4Protocol, false],
    ];
    for (const [name, text, proto, isNull] of rows) {
      it(`${name}: "${text}", protocol ${proto}`, () => {
        for (const a of [QHostAddress[name], QHostAddress.SpecialAddress[name], new QHostAddress(QHostAddress[name])]) {
          expect(a).to.be.instanceOf(QHostAddress);
          expect(a.toString()).to.equal(text);
          expect(a.protocol()).to.equal(proto);
          expect(a.isNull()).to.equal(isNull);
        }
      });
    }

    it('yields a new object on every access', () => {
      expect(QHostAddress.LocalHost).to.not.equal(QHostAddress.LocalHost);
      expect(QHostAddress.SpecialAddress.Any).to.not.equal(QHostAddress.SpecialAddress.Any);
      const a = QHostAddress.LocalHost;
      a.setAddress('10.0.0.1');
      expect(QHostAddress.LocalHost.toString()).to.equal('127.0.0.1');
    });

    it('setAddress(special) copies it', () => {
      const a = new QHostAddress('1.2.3.4');
      a.setAddress(QHostAddress.Any);
      expect(a.protocol()).to.equal(AnyIPProtocol);
      expect(a.equals(QHostAddress.Any)).to.equal(true);
    });

    // tst_qhostaddress specialAddresses (HA-8)
    const specialRows: [string, keyof typeof QHostAddress.SpecialAddress, boolean][] = [
      ['127.0.0.1', 'LocalHost', true],
      ['127.0.0.2', 'LocalHost', false],
      ['127.0.0.2', 'LocalHostIPv6', false],
      ['::1', 'LocalHostIPv6', true],
      ['::2', 'LocalHostIPv6', false],
      ['::1', 'LocalHost', false],
      ['', 'Null', true],
      ['bjarne', 'Null', true],
      ['', 'Broadcast', false],
      ['255.255.255.255', 'Any', false],
      ['255.255.255.255', 'Broadcast', true],
      ['::', 'AnyIPv6', true],
      ['0.0.0.0', 'AnyIPv4', true],
      ['::', 'Any', false],
      ['0.0.0.0', 'Any', false],
    ];
    for (const [text, special, result] of specialRows) {
      it(`QHostAddress("${text}") == ${special} is ${result}`, () => {
        expect(new QHostAddress(text).equals(QHostAddress[special])).to.equal(result);
        expect(QHostAddress[special].equals(QHostAddress[special])).to.equal(true);
        const setter = new QHostAddress();
        setter.setAddress(text);
        expect(setter.equals(QHostAddress[special])).to.equal(result);
      });
    }
  });

  describe('#setAddress(string) / parsing', () => {
    // tst_qhostaddress setAddress_QString rows, plus the ha_parse trace (real Qt 5.15); the expected
    // texts are HA-4's RFC 5952 printing
    const valid: [string, string, number][] = [
      ['127.0.0.1', '127.0.0.1', 4],
      ['255.3.2.1', '255.3.2.1', 4],
      [' 255.3.2.1', '255.3.2.1', 4],
      ['255.3.2.1\r ', '255.3.2.1', 4],
      ['0.0.0.0', '0.0.0.0', 4],
      ['123.0.0', '123.0.0.0', 4],
      ['192.168.001.010', '192.168.1.8', 4],
      ['010.0.0.1', '8.0.0.1', 4],
      ['1.2.3', '1.2.0.3', 4],
      ['1.2', '1.0.0.2', 4],
      ['16909060', '1.2.3.4', 4],
      ['0x7f.1', '127.0.0.1', 4],
      ['FEDC:BA98:7654:3210:FEDC:BA98:7654:3210', 'fedc:ba98:7654:3210:fedc:ba98:7654:3210', 6],
      ['1080:0000:0000:0000:0008:0800:200C:417A', '1080::8:800:200c:417a', 6],
      ['1080:0:0:0:8:800:200C:417A', '1080::8:800:200c:417a', 6],
      ['1080::8:800:200C:417A', '1080::8:800:200c:417a', 6],
      ['FF01::43', 'ff01::43', 6],
      ['::1', '::1', 6],
      ['1::', '1::', 6],
      ['::', '::', 6],
      ['0:0:0:0:0:0:13.1.68.3', '::13.1.68.3', 6],
      ['::13.1.68.3', '::13.1.68.3', 6],
      ['0:0:0:0:0:FFFF:129.144.52.38', '::ffff:129.144.52.38', 6],
      ['::FFFF:129.144.52.38', '::ffff:129.144.52.38', 6],
      ['1::FFFF:129.144.52.38', '1::ffff:8190:3426', 6],
      ['A:B::D:E', 'a:b::d:e', 6],
      ['1080:0:1:0:8:800:200C:417A', '1080:0:1:0:8:800:200c:417a', 6],
      ['1080:0:1:0:8:800:200C:0', '1080:0:1:0:8:800:200c:0', 6],
      ['1080:0:1:0:8:800:0:0', '1080:0:1:0:8:800::', 6],
      ['1080:0:0:8:800:0:0:0', '1080:0:0:8:800::', 6],
      ['1080:0:0:0:8:0:0:0', '1080::8:0:0:0', 6],
      ['0:1:1:1:8:800:0:0', '0:1:1:1:8:800::', 6],
      ['0:1:1:1:8:800:0:1', '0:1:1:1:8:800:0:1', 6],
      ['::ffff:7f00:1', '::ffff:127.0.0.1', 6],
      ['64:ff9b::1.2.3.4', '64:ff9b::102:304', 6],
      ['::0:1:0', '::0.1.0.0', 6],
      ['::0.0.1.0', '::100', 6],
      ['::ff', '::ff', 6],
      ['::ffff:0.0.0.0', '::ffff:0.0.0.0', 6],
      ['fe80::1%1', 'fe80::1%1', 6],
      ['fe80::1%lo', 'fe80::1%lo', 6],
    ];
    for (const [input, out, proto] of valid) {
      it(`parses ${JSON.stringify(input)} as ${out}`, () => {
        const a = new QHostAddress();
        expect(a.setAddress(input)).to.equal(true);
        expect(a.toString()).to.equal(out);
        expect(a.protocol()).to.equal(proto === 4 ? IPv4Protocol : IPv6Protocol);
        expect(new QHostAddress(input).toString()).to.equal(out);
      });
    }

    const invalid = [
      'foobarcom', 'foo.bar.com', '', ' \t\r', '256.9.9.9', '-1.9.9.9', '123.0.0.', '123.0.0.0.0', '255.2 3.2.1',
      ':', ':::', '::AAAA:', ':AAAA::', 'FFFF:::129.144.52.38', 'FEDC:BA98:7654:3210:FEDC:BA98:7654:3210:1234',
      '129.144.52.38::', '::129.144.52.38:129.144.52.38', ':::129.144.52.38', '1FEDC:BA98:7654:3210:FEDC:BA98:7654:3210',
      '::FFFFFFFF', '::EFGH', 'ABCD:ABCD:ABCD', '::ABCD:ABCD::', '1::2::3', '1:2:::', ':::1:2', '1:::2',
      'FEDC::7654:3210:FEDC:BA98::3210', 'ABCD:ABCD:ABCD:1.2.3.4', 'ABCD::ABCD::ABCD:1.2.3.4',
      // ha_parse
      '256.0.0.1', '1.2.3.4.5', 'localhost', 'abc', '[::1]', '2001:db8::1::2', '1:2:3:4:5:6:7:8:9',
      // HA-2/HA-3: host:port, non-ASCII, leading zeros in an embedded IPv4, octal digits out of range
      '127.0.0.1:80', '127.0.0.１', '::ffff:01.2.3.4', '08.1.1.1', '4294967296', '1.16777216',
    ];
    for (const input of invalid) {
      it(`refuses ${JSON.stringify(input)}`, () => {
        const a = new QHostAddress('10.0.0.1');
        expect(a.setAddress(input)).to.equal(false);
        expect(a.isNull()).to.equal(true);
        expect(a.protocol()).to.equal(UnknownNetworkLayerProtocol);
        expect(a.toString()).to.equal('');
        expect(a.toIPv4Address()).to.equal(0);
        expect(new QHostAddress(input).isNull()).to.equal(true);
      });
    }

    it('keeps the scope id verbatim (text after the last %)', () => {
      const a = new QHostAddress('fe80::2e0:4cff:fefb:662a%eth0');
      expect(a.scopeId()).to.equal('eth0');
      expect(a.toString()).to.equal('fe80::2e0:4cff:fefb:662a%eth0');
      expect(new QHostAddress('fe80::1%a%b').isNull()).to.equal(true);
      expect(new QHostAddress('1.2.3.4%eth0').isNull()).to.equal(true);
    });
  });

  describe('#toIPv4Address() / #toIPv6Address()', () => {
    // PY-8: toIPv4Address() returns the number, PyQt5's shape (PyQt6 returns (value, ok)); DESIGN pins it
    it('returns the embedded IPv4 value of a v4-mapped address (HA-5, PY-8)', () => {
      const a = new QHostAddress('::ffff:127.0.0.1');
      expect(a.protocol()).to.equal(IPv6Protocol);
      expect(a.toIPv4Address()).to.equal(0x7f000001);
      expect(new QHostAddress('::').toIPv4Address()).to.equal(0);
      expect(new QHostAddress('::1').toIPv4Address()).to.equal(0);
      expect(new QHostAddress('::1.2.3.4').toIPv4Address()).to.equal(0);
      expect(QHostAddress.Any.toIPv4Address()).to.equal(0);
    });

    it('gives the v4-mapped bytes of an IPv4 address, zeros for 0.0.0.0', () => {
      expect(fullIp6(new QHostAddress('1.2.3.4').toIPv6Address())).to.equal('0000:0000:0000:0000:0000:ffff:0102:0304');
      expect(fullIp6(new QHostAddress('0.0.0.0').toIPv6Address())).to.equal('0000:0000:0000:0000:0000:0000:0000:0000');
    });
  });

  describe('#scopeId() / #setScopeId()', () => {
    it('sets a scope on IPv6 only (HA-12)', () => {
      const a = new QHostAddress('fe80::2e0:4cff:fefb:662a');
      expect(a.scopeId()).to.equal('');
      a.setScopeId('en0');
      expect(a.toString()).to.equal('fe80::2e0:4cff:fefb:662a%en0');
      const b = new QHostAddress('10.0.0.1');
      b.setScopeId('eth0');
      expect(b.scopeId()).to.equal('');
      expect(b.toString()).to.equal('10.0.0.1');
      a.setScopeId('');
      expect(a.toString()).to.equal('fe80::2e0:4cff:fefb:662a');
    });

    it('is dropped by clear() and by setting bytes', () => {
      const a = new QHostAddress('fe80::1%eth0');
      a.clear();
      expect([a.isNull(), a.toString(), a.scopeId()]).to.deep.equal([true, '', '']);
      const b = new QHostAddress('fe80::1%eth0');
      b.setAddress(new QHostAddress('fe80::1').toIPv6Address());
      expect(b.toString()).to.equal('fe80::1');
    });
  });

  describe('#equals() / #isEqual()', () => {
    // tst_qhostaddress compare (HA-6: strict ==, scope id ignored)
    const compareRows: [string, () => QHostAddress, () => QHostAddress, boolean][] = [
      ['null-null', () => new QHostAddress(), () => new QHostAddress(), true],
      ['Any-Any', () => QHostAddress.Any, () => QHostAddress.Any, true],
      ['AnyIPv6-AnyIPv6', () => QHostAddress.AnyIPv6, () => QHostAddress.AnyIPv6, true],
      ['Broadcast-Broadcast', () => QHostAddress.Broadcast, () => QHostAddress.Broadcast, true],
      ['LocalHost-Broadcast', () => QHostAddress.LocalHost, () => QHostAddress.Broadcast, false],
      ['LocalHost-LocalHostIPv6', () => QHostAddress.LocalHost, () => QHostAddress.LocalHostIPv6, false],
      ['null-LocalHostIPv6', () => new QHostAddress(), () => QHostAddress.LocalHostIPv6, false],
      ['any4-any6', () => QHostAddress.AnyIPv4, () => QHostAddress.AnyIPv6, false],
      ['v4-v4mapped', () => QHostAddress.LocalHost, () => new QHostAddress('::ffff:127.0.0.1'), false],
      ['v4-v4mapped-bytes', () => QHostAddress.LocalHost, () => new QHostAddress([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 127, 0, 0, 1]), false],
      ['scope ignored', () => new QHostAddress('fe80::1%1'), () => new QHostAddress('fe80::1'), true],
    ];
    for (const [name, f, s, result] of compareRows) {
      it(`${name}: == is ${result}`, () => {
        expect(f().equals(s())).to.equal(result);
        expect(s().equals(f())).to.equal(result);
        expect(f().isEqual(s(), QHostAddress.StrictConversion)).to.equal(result);
        if (result) expect(Buffer.from(f().toIPv6Address()).equals(Buffer.from(s().toIPv6Address()))).to.equal(true);
      });
    }

    // tst_qhostaddress isEqual
    const F = ConversionModeFlag;
    const isEqualRows: [string, () => QHostAddress, () => QHostAddress, number, boolean][] = [
      ['localhost4to6-local', () => QHostAddress.LocalHost, () => QHostAddress.LocalHostIPv6, F.ConvertLocalHost, true],
      ['localhost4to6-compat', () => QHostAddress.LocalHost, () => QHostAddress.LocalHostIPv6, F.ConvertV4CompatToIPv4, false],
      ['localhost4to6-mapped', () => QHostAddress.LocalHost, () => QHostAddress.LocalHostIPv6, F.ConvertV4MappedToIPv4, false],
      ['localhost4to6-unspec', () => QHostAddress.LocalHost, () => QHostAddress.LocalHostIPv6, F.ConvertUnspecifiedAddress, false],
      ['0.0.0.1-::1-local', () => new QHostAddress('0.0.0.1'), () => QHostAddress.LocalHostIPv6, F.ConvertLocalHost, false],
      ['v4-v4compat-local', () => new QHostAddress('192.168.1.1'), () => new QHostAddress('::192.168.1.1'), F.ConvertLocalHost, false],
      ['v4-v4mapped-local', () => new QHostAddress('192.168.1.1'), () => new QHostAddress('::ffff:192.168.1.1'), F.ConvertLocalHost, false],
      ['0.0.0.1-::1-unspec', () => new QHostAddress('0.0.0.1'), () => QHostAddress.LocalHostIPv6, F.ConvertUnspecifiedAddress, false],
      ['v4-v4compat-unspec', () => new QHostAddress('192.168.1.1'), () => new QHostAddress('::192.168.1.1'), F.ConvertUnspecifiedAddress, false],
      ['v4-v4mapped-unspec', () => new QHostAddress('192.168.1.1'), () => new QHostAddress('::ffff:192.168.1.1'), F.ConvertUnspecifiedAddress, false],
      ['0.0.0.1-::1-compat', () => new QHostAddress('0.0.0.1'), () => QHostAddress.LocalHostIPv6, F.ConvertV4CompatToIPv4, false],
      ['v4-v4compat-compat', () => new QHostAddress('192.168.1.1'), () => new QHostAddress('::192.168.1.1'), F.ConvertV4CompatToIPv4, true],
      ['v4-v4mapped-compat', () => new QHostAddress('192.168.1.1'), () => new QHostAddress('::ffff:192.168.1.1'), F.ConvertV4CompatToIPv4, false],
      ['0.0.0.1-::1-mapped', () => new QHostAddress('0.0.0.1'), () => QHostAddress.LocalHostIPv6, F.ConvertV4MappedToIPv4, false],
      ['v4-v4compat-mapped', () => new QHostAddress('192.168.1.1'), () => new QHostAddress('::192.168.1.1'), F.ConvertV4MappedToIPv4, false],
      ['v4-v4mapped-mapped', () => new QHostAddress('192.168.1.1'), () => new QHostAddress('::FFFF:192.168.1.1'), F.ConvertV4MappedToIPv4, true],
      ['undef-any-local', () => new QHostAddress(), () => QHostAddress.Any, F.ConvertLocalHost, false],
      ['undef-any-unspec', () => new QHostAddress(), () => QHostAddress.Any, F.ConvertUnspecifiedAddress, false],
      ['anyv6-anyv4-compat', () => QHostAddress.AnyIPv6, () => QHostAddress.AnyIPv4, F.ConvertV4CompatToIPv4, true],
      ['anyv6-anyv4-mapped', () => QHostAddress.AnyIPv6, () => QHostAddress.AnyIPv4, F.ConvertV4MappedToIPv4, false],
      ['anyv6-anyv4-unspec', () => QHostAddress.AnyIPv6, () => QHostAddress.AnyIPv4, F.ConvertUnspecifiedAddress, true],
      ['any-anyv4-unspec', () => QHostAddress.Any, () => QHostAddress.AnyIPv4, F.ConvertUnspecifiedAddress, true],
      ['any-anyv6-unspec', () => QHostAddress.Any, () => QHostAddress.AnyIPv6, F.ConvertUnspecifiedAddress, true],
      ['anyv6-anyv4-local', () => QHostAddress.AnyIPv6, () => QHostAddress.AnyIPv4, F.ConvertLocalHost, false],
      ['any-anyv4-local', () => QHostAddress.Any, () => QHostAddress.AnyIPv4, F.ConvertLocalHost, false],
      ['any-anyv6-local', () => QHostAddress.Any, () => QHostAddress.AnyIPv6, F.ConvertLocalHost, false],
    ];
    for (const [name, f, s, mode, result] of isEqualRows) {
      it(`isEqual ${name} is ${result}`, () => {
        expect(f().isEqual(s(), mode)).to.equal(result);
        expect(s().isEqual(f(), mode)).to.equal(result);
      });
    }

    it('defaults to TolerantConversion (HA-7)', () => {
      expect(new QHostAddress('::ffff:127.0.0.1').isEqual(QHostAddress.LocalHost)).to.equal(true);
      expect(new QHostAddress('::1').isEqual(QHostAddress.LocalHost)).to.equal(true);
      expect(QHostAddress.Any.isEqual(QHostAddress.AnyIPv6)).to.equal(true);
      expect(new QHostAddress().isEqual(QHostAddress.AnyIPv4)).to.equal(false);
    });

    it('exposes ConversionModeFlag scoped and unscoped with Qt values', () => {
      expect(QHostAddress.ConversionModeFlag).to.deep.equal({
        StrictConversion: 0, ConvertV4MappedToIPv4: 1, ConvertV4CompatToIPv4: 2,
        ConvertUnspecifiedAddress: 4, ConvertLocalHost: 8, TolerantConversion: 0xff,
      });
      expect(QHostAddress.ConvertLocalHost).to.equal(8);
      expect(QHostAddress.TolerantConversion).to.equal(0xff);
    });

    it('rejects non-addresses', () => {
      expect(() => new QHostAddress().equals(1234 as unknown as QHostAddress)).to.throw(TypeError, /QHostAddress\.equals/);
      expect(() => new QHostAddress().equals('example')).to.throw(TypeError, /QHostAddress\.equals: other "example" is not an IP address/);
      expect(() => new QHostAddress().isEqual(QHostAddress.Any, 1.5)).to.throw(TypeError, /mode/);
      // PyQt5 5.15: QHostAddress('1.2.3.4').isInSubnet(QHostAddress('1.2.3.0'), 2**31) raises OverflowError
      expect(() => new QHostAddress('1.2.3.4').isInSubnet('1.2.3.0', 2 ** 31)).to.throw(RangeError, 'QHostAddress.isInSubnet: netmask must be in -2147483648..2147483647, got 2147483648');
      expect(() => new QHostAddress('1.2.3.4').isInSubnet(['1.2.3.0', -(2 ** 31) - 1])).to.throw(RangeError, /QHostAddress\.isInSubnet: netmask must be in/);
    });

    it('takes an IP address string wherever it takes an address (DESIGN; PyQt5 takes only QHostAddress)', () => {
      const a = new QHostAddress('192.168.1.5');
      expect(a.equals('192.168.1.5')).to.equal(true);
      expect(a.equals('::ffff:192.168.1.5')).to.equal(false);
      expect(a.isEqual('::ffff:192.168.1.5')).to.equal(true);
      expect(a.isInSubnet('192.168.0.0', 16)).to.equal(true);
      expect(a.isInSubnet(['10.0.0.0', 8])).to.equal(false);
      expect(() => a.isInSubnet('192.168.0.256', 16)).to.throw(TypeError, /QHostAddress\.isInSubnet: subnet "192\.168\.0\.256" is not an IP address/);
      // PyQt5 5.15: TypeError for a pair with a netmask beside it, and for a longer tuple
      expect(() => a.isInSubnet(['10.0.0.0', 8] as never, 3 as never)).to.throw(TypeError, /QHostAddress\.isInSubnet: subnet must be \[address, prefixLength\] with no netmask beside it/);
      expect(() => a.isInSubnet(['10.0.0.0', 8, 1] as never)).to.throw(TypeError, /got 3 elements/);
      expect(() => a.isEqual('')).to.throw(TypeError, /QHostAddress\.isEqual/);
    });
  });

  describe('classification (HA-11, trace ha_special)', () => {
    type Flags = [loop: boolean, mc: boolean, bc: boolean, global: boolean, ll: boolean, site: boolean, ula: boolean];
    const rows: [string, Flags][] = [
      ['239.255.43.21', [false, true, false, false, false, false, false]],
      ['224.0.0.1', [false, true, false, false, false, false, false]],
      ['ff02::1', [false, true, false, false, false, false, false]],
      ['127.1.2.3', [true, false, false, false, false, false, false]],
      ['::ffff:127.0.0.1', [true, false, false, false, false, false, false]],
      ['169.254.1.1', [false, false, false, false, true, false, false]],
      ['fe80::1', [false, false, false, false, true, false, false]],
      ['10.1.2.3', [false, false, false, true, false, false, false]],
      ['192.168.1.1', [false, false, false, true, false, false, false]],
      ['fc00::1', [false, false, false, true, false, false, true]],
      ['fec0::1', [false, false, false, true, false, true, false]],
      ['8.8.8.8', [false, false, false, true, false, false, false]],
      ['2001:db8::1', [false, false, false, true, false, false, false]],
      ['0.0.0.0', [false, false, false, false, false, false, false]],
      ['255.255.255.255', [false, false, true, false, false, false, false]],
      ['::ffff:255.255.255.255', [false, false, true, false, false, false, false]],
      ['::1', [true, false, false, false, false, false, false]],
      ['::', [false, false, false, false, false, false, false]],
      ['240.0.0.1', [false, false, false, false, false, false, false]],
      ['0.1.2.3', [false, false, false, false, false, false, false]],
    ];
    for (const [text, f] of rows) {
      it(text, () => {
        const a = new QHostAddress(text);
        expect([a.isLoopback(), a.isMulticast(), a.isBroadcast(), a.isGlobal(), a.isLinkLocal(), a.isSiteLocal(), a.isUniqueLocalUnicast()])
          .to.deep.equal(f);
      });
    }

    it('gives every special address isGlobal false', () => {
      for (const n of ['Null', 'Broadcast', 'LocalHost', 'LocalHostIPv6', 'Any', 'AnyIPv6', 'AnyIPv4'] as const) {
        expect(QHostAddress[n].isGlobal(), n).to.equal(false);
      }
    });
  });

  describe('.parseSubnet() (HA-10)', () => {
    const invalid = ['', 'foobar', '   ', '1.2.3.a', '1.2.3.4.5', '1.2.3.4:80', '1.2.3.4/33', '1.2.3.4/-1', '1.2.3.4/256.0.0.0',
      '1.2.3.4/255.253.0.0', '1.2.3.4/255.0.0.255', '1.2.3.4.', 'ffff::/-1', 'ffff::/129', 'ffff::/255.255.0.0', 'ffff::/ff00::'];
    for (const s of invalid) {
      it(`refuses ${JSON.stringify(s)}`, () => {
        const [a, n] = QHostAddress.parseSubnet(s);
        expect(a.isNull()).to.equal(true);
        expect(n).to.equal(-1);
      });
    }
    const valid: [string, () => QHostAddress, number][] = [
      ['0.0.0.0/0.0.0.0', () => QHostAddress.AnyIPv4, 0],
      ['0.0.0.0/255.128.0.0', () => QHostAddress.AnyIPv4, 9],
      ['0.0.0.0/255.254.0.0', () => QHostAddress.AnyIPv4, 15],
      ['0.0.0.0/255.255.255.254', () => QHostAddress.AnyIPv4, 31],
      ['0.0.0.0/255.255.255.255', () => QHostAddress.AnyIPv4, 32],
      ['0.0.0.0/0', () => QHostAddress.AnyIPv4, 0],
      ['0.0.0.0/9', () => QHostAddress.AnyIPv4, 9],
      ['10', () => new QHostAddress('10.0.0.0'), 8],
      ['10.', () => new QHostAddress('10.0.0.0'), 8],
      ['172.16', () => new QHostAddress('172.16.0.0'), 16],
      ['172.16.', () => new QHostAddress('172.16.0.0'), 16],
      ['192.168.0', () => new QHostAddress('192.168.0.0'), 24],
      ['192.168.0.1', () => new QHostAddress('192.168.0.1'), 32],
      ['192.168.1.77/24', () => new QHostAddress('192.168.1.0'), 24],
      ['10/255.0.0.0', () => new QHostAddress('10.0.0.0'), 8],
      ['::/0', () => QHostAddress.AnyIPv6, 0],
      ['::/127', () => QHostAddress.AnyIPv6, 127],
      ['255.255.255.255/31', () => new QHostAddress('255.255.255.254'), 31],
      ['255.255.255.255/23', () => new QHostAddress('255.255.254.0'), 23],
      ['255.255.255.255/1', () => new QHostAddress('128.0.0.0'), 1],
      ['255.255.255.255/0', () => new QHostAddress('0.0.0.0'), 0],
      ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/127', () => new QHostAddress('ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe'), 127],
      ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/121', () => new QHostAddress('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff80'), 121],
      ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/47', () => new QHostAddress('ffff:ffff:fffe::'), 47],
      ['3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/3', () => new QHostAddress('2000::'), 3],
      ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/0', () => QHostAddress.AnyIPv6, 0],
      ['::ffff:1.2.3.4/120', () => new QHostAddress('::ffff:1.2.3.0'), 120],
    ];
    for (const [s, addr, len] of valid) {
      it(`parses ${s}`, () => {
        const [a, n] = QHostAddress.parseSubnet(s);
        expect(a.equals(addr()), a.toString()).to.equal(true);
        expect(n).to.equal(len);
      });
    }

    it('clears host bits consistently with toIPv4Address', () => {
      const [a] = QHostAddress.parseSubnet('::ffff:1.2.3.4/120');
      expect(a.toIPv4Address()).to.equal(0x01020300);
    });
  });

  describe('#isInSubnet() (HA-9)', () => {
    const rows: [string, () => QHostAddress, () => QHostAddress, number, boolean][] = [
      ['invalid_01', () => new QHostAddress(), () => new QHostAddress(), 32, false],
      ['invalid_02', () => new QHostAddress(), () => QHostAddress.AnyIPv4, 0, false],
      ['invalid_06', () => new QHostAddress(), () => QHostAddress.AnyIPv6, 0, false],
      ['invalid_20', () => QHostAddress.AnyIPv4, () => new QHostAddress(), 16, false],
      ['invalid_23', () => QHostAddress.LocalHostIPv6, () => new QHostAddress(), 16, false],
      ['invalid_30', () => QHostAddress.AnyIPv4, () => QHostAddress.Any, -1, false],
      ['invalid_31', () => QHostAddress.AnyIPv6, () => QHostAddress.AnyIPv6, -1, false],
      ['v4-in-v6', () => QHostAddress.LocalHost, () => QHostAddress.AnyIPv6, 0, false],
      ['v6-in-v4', () => QHostAddress.LocalHostIPv6, () => QHostAddress.Any, 0, false],
      ['v4-in-v6mapped', () => QHostAddress.LocalHost, () => new QHostAddress('::ffff:255.0.0.0'), 113, false],
      ['netmask_0', () => QHostAddress.LocalHost, () => QHostAddress.AnyIPv4, 0, true],
      ['netmask_0ter', () => QHostAddress.LocalHost, () => new QHostAddress('1.2.3.4'), 0, true],
      ['netmask_1', () => QHostAddress.LocalHost, () => QHostAddress.AnyIPv4, 1, true],
      ['~netmask_1', () => QHostAddress.LocalHost, () => new QHostAddress('128.0.0.0'), 1, false],
      ['netmask_1bis', () => new QHostAddress('224.0.0.1'), () => new QHostAddress('128.0.0.0'), 1, true],
      ['netmask_8', () => QHostAddress.LocalHost, () => new QHostAddress('127.0.0.0'), 8, true],
      ['~netmask_8', () => QHostAddress.LocalHost, () => new QHostAddress('126.0.0.0'), 8, false],
      ['clamped_33', () => new QHostAddress('10.0.0.1'), () => new QHostAddress('10.0.0.1'), 33, true],
      ['v6_64', () => new QHostAddress('2001:db8::1'), () => new QHostAddress('2001:db8::'), 64, true],
      ['~v6_64', () => new QHostAddress('2001:db9::1'), () => new QHostAddress('2001:db8::'), 64, false],
    ];
    for (const [name, a, s, n, r] of rows) {
      it(`${name} is ${r}`, () => {
        expect(a().isInSubnet(s(), n)).to.equal(r);
        expect(a().isInSubnet([s(), n])).to.equal(r);
      });
    }

    it('agrees with node:net BlockList for random IPv4 and IPv6 subnets', () => {
      fc.assert(
        fc.property(fc.nat(0xffffffff), fc.nat(0xffffffff), fc.integer({ min: 0, max: 32 }), (x, y, n) => {
          const list = new net.BlockList();
          const netAddr = new QHostAddress(y);
          list.addSubnet(netAddr.toString(), n, 'ipv4');
          const a = new QHostAddress(x);
          return a.isInSubnet(netAddr, n) === list.check(a.toString(), 'ipv4');
        }),
        { numRuns: 300 },
      );
      fc.assert(
        fc.property(bytes16, bytes16, fc.integer({ min: 0, max: 128 }), (x, y, n) => {
          const list = new net.BlockList();
          const netAddr = new QHostAddress(y);
          list.addSubnet(fullIp6(y), n, 'ipv6');
          return new QHostAddress(x).isInSubnet(netAddr, n) === list.check(fullIp6(x), 'ipv6');
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('properties', () => {
    it('prints IPv4 as Node does, and parses it back', () => {
      fc.assert(
        fc.property(fc.nat(0xffffffff), (n) => {
          const a = new QHostAddress(n);
          const s = a.toString();
          return net.isIPv4(s) && nodeCanonical(s, 'ipv4') === s && new QHostAddress(s).toIPv4Address() === n;
        }),
        { numRuns: 500 },
      );
    });

    it('parses inet_aton forms (decimal/octal/hex parts, 1-4 parts) to the same value', () => {
      const enc = (v: number, radix: 'd' | 'o' | 'x'): string =>
        radix === 'd' ? String(v) : radix === 'o' ? '0' + v.toString(8) : '0x' + v.toString(16);
      fc.assert(
        fc.property(fc.nat(0xffffffff), fc.integer({ min: 1, max: 4 }), fc.array(fc.constantFrom('d', 'o', 'x'), { minLength: 4, maxLength: 4 }),
          (n, parts, radices) => {
            const bytes = [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
            const head = bytes.slice(0, parts - 1);
            const tailBytes = bytes.slice(parts - 1);
            const tail = tailBytes.reduce((acc, b) => acc * 256 + b, 0);
            const text = [...head, tail].map((v, i) => enc(v, radices[i] as 'd' | 'o' | 'x')).join('.');
            const a = new QHostAddress(text);
            return a.protocol() === IPv4Protocol && a.toIPv4Address() === n;
          }),
        { numRuns: 500 },
      );
    });

    it('prints IPv6 as libuv inet_ntop does (RFC 5952 with dotted v4 tails), from bytes and from text (HA-4)', () => {
      fc.assert(
        fc.property(ip6Bytes, (b) => {
          const expected = nodeCanonical(fullIp6(b), 'ipv6');
          const fromBytes = new QHostAddress(b).toString();
          const fromText = new QHostAddress(fullIp6(b).toUpperCase()).toString();
          return fromBytes === expected && fromText === expected && net.isIPv6(fromBytes);
        }),
        { numRuns: 1000 },
      );
    });

    it('round-trips IPv6 bytes through toString', () => {
      fc.assert(
        fc.property(ip6Bytes, (b) => {
          const back = new QHostAddress(new QHostAddress(b).toString()).toIPv6Address();
          return Buffer.from(back).equals(Buffer.from(b));
        }),
        { numRuns: 1000 },
      );
    });

    it('accepts what Node accepts as IPv6 and refuses what it refuses, for mutated literals', () => {
      const chars = fc.constantFrom(...'0123456789abcdefABCDEF:.'.split(''));
      fc.assert(
        fc.property(fc.array(chars, { minLength: 2, maxLength: 45 }).map((c) => c.join('')), (s) => {
          if (!s.includes(':')) return true;
          // Qt accepts leading zeros in an embedded IPv4 address's hex groups and a few other forms Node refuses;
          // only check the direction where Node says "valid".
          return !net.isIPv6(s) || new QHostAddress(s).protocol() === IPv6Protocol;
        }),
        { numRuns: 2000 },
      );
    });
  });

  describe('toHostAddress (internal)', () => {
    it('passes QHostAddress objects through and parses IP strings', () => {
      const a = QHostAddress.LocalHost;
      expect(toHostAddress(a, 'X.y')).to.equal(a);
      expect(toHostAddress('::1', 'X.y').toString()).to.equal('::1');
    });

    it('throws TypeError naming the method for non-IP strings and other types', () => {
      expect(() => toHostAddress('localhost', 'QUdpSocket.bind')).to.throw(TypeError, 'QUdpSocket.bind: address "localhost" is not an IP address');
      expect(() => toHostAddress(42 as unknown as string, 'QUdpSocket.bind')).to.throw(TypeError, /QUdpSocket\.bind/);
    });
  });

  describe('misc', () => {
    it('swap() exchanges contents', () => {
      const a = new QHostAddress('1.2.3.4');
      const b = new QHostAddress('fe80::1%eth0');
      a.swap(b);
      expect([a.toString(), b.toString()]).to.deep.equal(['fe80::1%eth0', '1.2.3.4']);
    });

    it('inspects like Qt\'s debug output', async () => {
      const { inspect } = await import('node:util');
      expect(inspect(QHostAddress.Any)).to.equal('QHostAddress(QHostAddress::Any)');
      expect(inspect(new QHostAddress('::1'))).to.equal('QHostAddress(::1)');
    });

    it('uses the NetworkLayerProtocol values of QAbstractSocket', () => {
      expect(NetworkLayerProtocol).to.deep.equal({ IPv4Protocol: 0, IPv6Protocol: 1, AnyIPProtocol: 2, UnknownNetworkLayerProtocol: -1 });
    });
  });
});
