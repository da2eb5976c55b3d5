/**
 * Broadcast Sender: Qt's example as a console program. Every second a QTimer fires and the slot
 * sends "Broadcast message N" to port 45454 of a broadcast address with one QUdpSocket.
 *
 *   node --import tsx examples/broadcastsender.ts [--address A | --interface NAME] [--port 45454]
 *                                                 [--count 10] [--interval 1000]
 *
 * The default destination is 127.255.255.255, the broadcast address of the loopback network, so by
 * default nothing leaves this machine. To broadcast on a real network, name the interface
 * (`--interface eth0` sends to that interface's IPv4 broadcast address) or give the address
 * (`--address 192.168.1.255`, or `--address 255.255.255.255` as Qt's own example does).
 * `--count 0` sends until Ctrl+C. Start examples/broadcastreceiver.ts first to see the messages.
 */
import { QAbstractSocket, QCoreApplication, QTimer, QUdpSocket } from '../src/index.js';
import { address, commandLine, integer, networkInterface, usageError } from './cli.js';

const usage = `usage: broadcastsender [--address A | --interface NAME] [--port P] [--count N] [--interval MS]
  --address A       broadcast address to send to (default 127.255.255.255, loopback only)
  --interface NAME  send to the IPv4 broadcast address of this interface instead
  --port P          destination port (default 45454)
  --count N         datagrams to send, then quit; 0 = until Ctrl+C (default 10)
  --interval MS     time between datagrams (default 1000)`;
const { values } = commandLine(usage, {
  address: { type: 'string' },
  interface: { type: 'string' },
  port: { type: 'string' },
  count: { type: 'string' },
  interval: { type: 'string' },
});
if (values.address !== undefined && values.interface !== undefined) usageError(usage, 'give --address or --interface, not both');
const port = integer(usage, 'port', values.port, 45454, 1, 65535);
const count = integer(usage, 'count', values.count, 10);
const interval = integer(usage, 'interval', values.interval, 1000);

let destination = address(usage, 'address', values.address, '127.255.255.255');
if (values.interface !== undefined) {
  const iface = networkInterface(usage, 'interface', values.interface);
  const entry = iface.addressEntries().find((e) => e.ip().protocol() === QAbstractSocket.IPv4Protocol && !e.broadcast().isNull());
  if (entry === undefined) usageError(usage, `--interface: ${iface.name()} has no IPv4 broadcast address`);
  destination = entry.broadcast();
}

const app = new QCoreApplication(process.argv);
const udpSocket = new QUdpSocket();
const timer = new QTimer();
let messageNo = 1;

function broadcastDatagram(): void {
  const datagram = `Broadcast message ${messageNo}`;
  if (udpSocket.writeDatagram(datagram, destination, port) < 0) {
    console.error(`Could not send datagram ${messageNo}: ${udpSocket.errorString()}`);
    app.exit(1);
    return;
  }
  console.log(`Now broadcasting datagram ${messageNo}`);
  if (messageNo === count) app.quit();
  messageNo += 1;
}

timer.timeout.connect(broadcastDatagram);
console.log(`Broadcasting to ${destination}:${port}`);
timer.start(interval);

const code = await app.exec();
timer.dispose();
udpSocket.dispose();
app.dispose();
process.exitCode = code;
