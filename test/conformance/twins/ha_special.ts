// Twin of oracle/scenarios/ha_special.py: the special addresses' toString/protocol/classification, and
// the classification of a few literals.
import { QHostAddress } from '../../../src/index.js';
import { NetworkLayerProtocol } from '../../../src/network/NetworkLayerProtocol.js';
import { done, enumName, ev } from '../trace.js';

const proto = (p: number): string => enumName(NetworkLayerProtocol, p);

function classes(a: QHostAddress): Record<string, boolean> {
  return {
    isLoopback: a.isLoopback(), isMulticast: a.isMulticast(), isBroadcast: a.isBroadcast(),
    isGlobal: a.isGlobal(), isLinkLocal: a.isLinkLocal(), isSiteLocal: a.isSiteLocal(),
    isUniqueLocalUnicast: a.isUniqueLocalUnicast(),
  };
}

export default async function run(): Promise<unknown[]> {
  const names = ['Null', 'Broadcast', 'LocalHost', 'LocalHostIPv6', 'Any', 'AnyIPv6', 'AnyIPv4'] as const;
  for (const name of names) {
    const a = new QHostAddress(QHostAddress[name]);
    ev(name, { toString: a.toString(), protocol: proto(a.protocol()), isNull: a.isNull(), ...classes(a) });
  }
  for (const s of ['239.255.43.21', '224.0.0.1', 'ff02::1', '127.1.2.3', '::ffff:127.0.0.1', '169.254.1.1', 'fe80::1',
    '10.1.2.3', '192.168.1.1', 'fc00::1', 'fec0::1', '8.8.8.8', '2001:db8::1', '0.0.0.0']) {
    ev(s, classes(new QHostAddress(s)));
  }
  return done();
}
