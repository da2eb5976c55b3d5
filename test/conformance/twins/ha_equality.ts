// Twin of oracle/scenarios/ha_equality.py: == (QHostAddress.equals), isEqual with each ConversionMode
// flag, comparisons with special addresses, and hashing (Qt hashes the 16 IPv6 bytes).
import { QHostAddress } from '../../../src/index.js';
import { done, ev } from '../trace.js';

export default async function run(): Promise<unknown[]> {
  const v4 = new QHostAddress('127.0.0.1');
  const mapped = new QHostAddress('::ffff:127.0.0.1');
  const anyv4 = new QHostAddress(QHostAddress.AnyIPv4);
  const anyv6 = new QHostAddress(QHostAddress.AnyIPv6);
  const anyd = new QHostAddress(QHostAddress.Any);
  const modes: Record<string, number> = {
    StrictConversion: QHostAddress.StrictConversion,
    ConvertV4MappedToIPv4: QHostAddress.ConvertV4MappedToIPv4,
    ConvertV4CompatToIPv4: QHostAddress.ConvertV4CompatToIPv4,
    ConvertUnspecifiedAddress: QHostAddress.ConvertUnspecifiedAddress,
    ConvertLocalHost: QHostAddress.ConvertLocalHost,
    TolerantConversion: QHostAddress.TolerantConversion,
  };
  const pairs: [string, QHostAddress, string, QHostAddress][] = [
    ['127.0.0.1', v4, '::ffff:127.0.0.1', mapped],
    ['127.0.0.1', v4, '::1', new QHostAddress('::1')],
    ['127.0.0.1', v4, '::127.0.0.1', new QHostAddress('::127.0.0.1')],
    ['AnyIPv4', anyv4, 'AnyIPv6', anyv6],
    ['Any', anyd, 'AnyIPv4', anyv4],
    ['Any', anyd, 'AnyIPv6', anyv6],
    ['Any', anyd, 'QHostAddress("0.0.0.0")', new QHostAddress('0.0.0.0')],
    ['Null', new QHostAddress(), 'Null', new QHostAddress()],
    ['Null', new QHostAddress(), 'AnyIPv4', anyv4],
    ['fe80::1%1', new QHostAddress('fe80::1%1'), 'fe80::1', new QHostAddress('fe80::1')],
    ['FE80::ABCD', new QHostAddress('FE80::ABCD'), 'fe80::abcd', new QHostAddress('fe80::abcd')],
  ];
  for (const [an, a, bn, b] of pairs) {
    const res: Record<string, boolean> = { '==': a.equals(b), '!=': !a.equals(b) };
    for (const [mn, m] of Object.entries(modes)) res['isEqual ' + mn] = a.isEqual(b, m);
    ev(an + ' vs ' + bn, res);
  }
  ev('QHostAddress("127.0.0.1") == SpecialAddress.LocalHost', v4.equals(QHostAddress.LocalHost));
  ev('QHostAddress("::ffff:127.0.0.1") == SpecialAddress.LocalHost', mapped.equals(QHostAddress.LocalHost));
  ev('QHostAddress(AnyIPv4) == SpecialAddress.Any', anyv4.equals(QHostAddress.Any));
  ev('QHostAddress() == SpecialAddress.Null', new QHostAddress().equals(QHostAddress.Null));
  const h1 = Buffer.from(new QHostAddress('10.0.0.1').toIPv6Address());
  const h2 = Buffer.from(new QHostAddress('10.0.0.1').toIPv6Address());
  ev('hash equal for equal addresses', h1.equals(h2));
  return done();
}
