/**
 * Multicast Sender: Qt's example as a console program. Every second a QTimer fires and the slot
 * sends "Multicast message N" to group 239.255.43.21 (IPv4) and to group ff12::2115 (IPv6), port
 * 45454, with the TTL (hop limit) given on the command line.
 *
 *   node --import tsx examples/multicastsender.ts [--interface NAME] [--ttl 1] [--port 45454]
 *        [--group4 239.255.43.21] [--group6 ff12::2115] [--ipv4 | --ipv6] [--count 10] [--interval 1000]
 *
 * Datagrams leave through one interface, by default the loopback interface, so by default they
 * stay on this machine. To reach the network, name a real interface: `--interface eth0 --ttl 1`.
 * `--ipv4` or `--ipv6` sends on one family only; `--count 0` sends until Ctrl+C.
 * Start examples/multicastreceiver.ts first (with the same interface) to see the messages.
 */
import { QAbstractSocket, QCoreApplication, QHostAddress, QObject, QTimer, QUdpSocket } from '../src/index.js';
import { commandLine, integer, multicastGroup, networkInterface, usageError } from './cli.js';

const usage = `usage: multicastsender [--interface NAME] [--ttl T] [--port P] [--group4 A] [--group6 A]
                       [--ipv4 | --ipv6] [--count N] [--interval MS]
  --interface NAME  interface to send through (default: the loopback interface)
  --ttl T           multicast TTL / hop limit, 0..255 (default 1); 0 = this host only
  --port P          destination port (default 45454)
  --group4 A        IPv4 group (default 239.255.43.21)
  --group6 A        IPv6 group (default ff12::2115)
  --ipv4, --ipv6    send on that family only (default: both)
  --count N         datagrams to send, then quit; 0 = until Ctrl+C (default 10)
  --interval MS     time between datagrams (default 1000)`;
const { values } = commandLine(usage, {
  interface: { type: 'string' },
  ttl: { type: 'string' },
  port: { type: 'string' },
  group4: { type: 'string' },
  group6: { type: 'string' },
  ipv4: { type: 'boolean' },
  ipv6: { type: 'boolean' },
  count: { type: 'string' },
  interval: { type: 'string' },
});
if (values.ipv4 && values.ipv6) usageError(usage, 'give --ipv4 or --ipv6, not both');
const iface = networkInterface(usage, 'interface', values.interface);
const ttl = integer(usage, 'ttl', values.ttl, 1, 0, 255);
const port = integer(usage, 'port', values.port, 45454, 1, 65535);
const groupAddress4 = multicastGroup(usage, 'group4', values.group4, '239.255.43.21', false);
const groupAddress6 = multicastGroup(usage, 'group6', values.group6, 'ff12::2115', true);
const count = integer(usage, 'count', values.count, 10);
const interval = integer(usage, 'interval', values.interval, 1000);

const app = new QCoreApplication(process.argv);
const root = new QObject(); // owns the sockets and the timer

// One socket per family, each bound to its own wildcard address, as in Qt's example.
const udpSocket4 = new QUdpSocket(root);
const udpSocket6 = new QUdpSocket(root);
const useIPv4 = !values.ipv6;
const useIPv6 = !values.ipv4;
if (useIPv4) open(udpSocket4, QHostAddress.AnyIPv4, groupAddress4);
if (useIPv6) open(udpSocket6, QHostAddress.AnyIPv6, groupAddress6);
if (udpSocket4.state() !== QAbstractSocket.BoundState && udpSocket6.state() !== QAbstractSocket.BoundState) process.exit(1);

function open(socket: QUdpSocket, any: QHostAddress, group: QHostAddress): void {
  if (!socket.bind(any, 0)) {
    console.log(`Not sending to ${group}: ${socket.errorString()}`);
    return;
  }
  socket.setMulticastInterface(iface);
  socket.setSocketOption(QAbstractSocket.MulticastTtlOption, ttl);
  console.log(`Sending to ${group} port ${port} through ${iface.name()} with TTL ${ttl}`);
}

let messageNo = 1;

function sendDatagram(): void {
  const datagram = `Multicast message ${messageNo}`;
  console.log(`Now sending datagram ${messageNo}`);
  send(udpSocket4, 'IPv4', groupAddress4, datagram);
  send(udpSocket6, 'IPv6', groupAddress6, datagram);
  if (messageNo === count) app.quit();
  messageNo += 1;
}

function send(socket: QUdpSocket, family: string, group: QHostAddress, datagram: string): void {
  if (socket.state() !== QAbstractSocket.BoundState) return;
  if (socket.writeDatagram(datagram, group, port) < 0) console.log(`  ${family}: not sent: ${socket.errorString()}`);
}

const timer = new QTimer(root);
timer.timeout.connect(sendDatagram);
timer.start(interval);

const code = await app.exec();
root.dispose();
app.dispose();
process.exitCode = code;
