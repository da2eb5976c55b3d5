// Twin of oracle/scenarios/ha_parse.py: QHostAddress(string) parsing — isNull, protocol, toString,
// toIPv4Address, scopeId and setAddress's return value for valid and invalid inputs.
import { QHostAddress } from '../../../src/index.js';
import { NetworkLayerProtocol } from '../../../src/network/NetworkLayerProtocol.js';
import { done, enumName, ev } from '../trace.js';

const proto = (p: number): string => enumName(NetworkLayerProtocol, p);

export default async function run(): Promise<unknown[]> {
  const inputs = ['127.0.0.1', '0.0.0.0', '255.255.255.255', '192.168.001.010', '010.0.0.1', '1.2.3', '1.2', '16909060',
    '0x7f.1', '256.0.0.1', '1.2.3.4.5', ' 127.0.0.1', '127.0.0.1 ', '', 'localhost', 'abc',
    '::1', '::', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::127.0.0.1', 'FE80::ABCD',
    'fe80::1%1', 'fe80::1%lo', '2001:db8::1', '2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1::2',
    '[::1]', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', 'ff02::1', '::ffff:1.2.3.4', '64:ff9b::1.2.3.4'];
  for (const s of inputs) {
    const a = new QHostAddress(s);
    const info: Record<string, unknown> = { isNull: a.isNull(), protocol: proto(a.protocol()), toString: a.toString() };
    if (a.protocol() === new QHostAddress(QHostAddress.LocalHost).protocol()) info['toIPv4Address'] = a.toIPv4Address();
    if (a.scopeId()) info['scopeId'] = a.scopeId();
    const b = new QHostAddress();
    info['setAddressReturn'] = b.setAddress(s);
    ev('parse', s, info);
  }
  ev('fromInt 0x7f000001', new QHostAddress(0x7f000001).toString());
  ev('fromInt 0', new QHostAddress(0).toString(), new QHostAddress(0).isNull(), proto(new QHostAddress(0).protocol()));
  const c = new QHostAddress('::1');
  c.clear();
  ev('clear', c.isNull(), c.toString(), proto(c.protocol()));
  return done();
}
