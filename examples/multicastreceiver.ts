/**
 * Multicast Receiver: Qt's example as a console program. Two sockets share port 45454: one bound
 * to AnyIPv4 joins group 239.255.43.21, one bound to AnyIPv6 joins group ff12::2115, both on one
 * interface; the slot connected to their readyRead signals prints every datagram. (IPv4 is read
 * with readDatagram(), IPv6 with receiveDatagram(), to show both APIs.)
 *
 *   node --import tsx examples/multicastreceiver.ts [--interface NAME] [--port 45454]
 *        [--group4 239.255.43.21] [--group6 ff12::2115] [--ipv4 | --ipv6] [--count N] [--timeout MS]
 *
 * The groups are joined on the loopback interface unless another is named (`--interface eth0`
 * receives from the network). Runs until Ctrl+C, or until N datagrams arrived, or for MS
 * milliseconds (exit code 1 if the timeout ends it before N datagrams arrived). `--port 0` picks a
 * free port (printed). Send to it with examples/multicastsender.ts.
 */
import { QCoreApplication, QHostAddress, QObject, QTimer, QUdpSocket } from '../src/index.js';
import { commandLine, integer, multicastGroup, networkInterface, usageError } from './cli.js';

const usage = `usage: multicastreceiver [--interface NAME] [--port P] [--group4 A] [--group6 A]
                         [--ipv4 | --ipv6] [--count N] [--timeout MS]
  --interface NAME  interface to join the groups on (default: the loopback interface)
  --port P          port to listen on (default 45454; 0 = any free port)
  --group4 A        IPv4 group (default 239.255.43.21)
  --group6 A        IPv6 group (default ff12::2115)
  --ipv4, --ipv6    listen on that family only (default: both)
  --count N         quit after N datagrams (default 0: no limit)
  --timeout MS      quit after MS milliseconds (default 0: no limit)`;
const { values } = commandLine(usage, {
  interface: { type: 'string' },
  port: { type: 'string' },
  group4: { type: 'string' },
  group6: { type: 'string' },
  ipv4: { type: 'boolean' },
  ipv6: { type: 'boolean' },
  count: { type: 'string' },
  timeout: { type: 'string' },
});
if (values.ipv4 && values.ipv6) usageError(usage, 'give --ipv4 or --ipv6, not both');
const iface = networkInterface(usage, 'interface', values.interface);
let port = integer(usage, 'port', values.port, 45454, 0, 65535);
const groupAddress4 = multicastGroup(usage, 'group4', values.group4, '239.255.43.21', false);
const groupAddress6 = multicastGroup(usage, 'group6', values.group6, 'ff12::2115', true);
const count = integer(usage, 'count', values.count, 0);
const timeout = integer(usage, 'timeout', values.timeout, 0);

const app = new QCoreApplication(process.argv);
const root = new QObject(); // owns the sockets and the timer
const udpSocket4 = new QUdpSocket(root);
const udpSocket6 = new QUdpSocket(root);
const joined: string[] = [];

// ShareAddress lets several receivers on this machine listen on the same port.
if (!values.ipv6) join(udpSocket4, QHostAddress.AnyIPv4, groupAddress4);
if (!values.ipv4) join(udpSocket6, QHostAddress.AnyIPv6, groupAddress6);

function join(socket: QUdpSocket, any: QHostAddress, group: QHostAddress): void {
  if (!socket.bind(any, port, QUdpSocket.ShareAddress) || !socket.joinMulticastGroup(group, iface)) {
    console.log(`Not listening to ${group}: ${socket.errorString()}`);
    socket.close();
    return;
  }
  port = socket.localPort(); // the other family shares the port, even when it was 0
  joined.push(group.toString());
}

if (joined.length === 0) process.exit(1);
console.log(`Listening for multicast messages to ${joined.join(' and ')} on ${iface.name()}, port ${port}`);
let received = 0;

function processPendingDatagrams(): void {
  // Reading with readDatagram(), the Qt 4 API.
  while (udpSocket4.hasPendingDatagrams()) {
    const [datagram] = udpSocket4.readDatagram(udpSocket4.pendingDatagramSize());
    if (datagram === null) break;
    console.log(`Received IPv4 datagram: "${datagram.toString()}"`);
    countOne();
  }
  // Reading with receiveDatagram(), the Qt 5.8 API: the datagram knows where it came from.
  while (udpSocket6.hasPendingDatagrams()) {
    const datagram = udpSocket6.receiveDatagram();
    console.log(`Received IPv6 datagram from [${datagram.senderAddress()}]:${datagram.senderPort()}: "${datagram.data().toString()}"`);
    countOne();
  }
}

function countOne(): void {
  received += 1;
  if (received === count) app.quit();
}

udpSocket4.readyRead.connect(processPendingDatagrams);
udpSocket6.readyRead.connect(processPendingDatagrams);
if (timeout > 0) {
  QTimer.singleShot(timeout, root, () => {
    console.log(`Timed out after ${timeout} ms with ${received} datagrams`);
    app.exit(received < count ? 1 : 0);
  });
}
process.on('SIGINT', () => app.quit());

const code = await app.exec();
root.dispose(); // closing a socket leaves its groups
app.dispose();
process.exitCode = code;
