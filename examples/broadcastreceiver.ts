/**
 * Broadcast Receiver: Qt's example as a console program. It binds port 45454 on every IPv4 address
 * with ShareAddress (several receivers may share the port) and prints each datagram from the slot
 * connected to readyRead.
 *
 *   node --import tsx examples/broadcastreceiver.ts [--port 45454] [--count N] [--timeout MS]
 *
 * Runs until Ctrl+C, or until N datagrams arrived, or for MS milliseconds (exit code 1 if the
 * timeout ends it before N datagrams arrived). `--port 0` picks a free port (printed).
 * Send to it with examples/broadcastsender.ts.
 */
import { QCoreApplication, QHostAddress, QTimer, QUdpSocket } from '../src/index.js';
import { commandLine, integer } from './cli.js';

const usage = `usage: broadcastreceiver [--port P] [--count N] [--timeout MS]
  --port P      port to listen on (default 45454; 0 = any free port)
  --count N     quit after N datagrams (default 0: no limit)
  --timeout MS  quit after MS milliseconds (default 0: no limit)`;
const { values } = commandLine(usage, { port: { type: 'string' }, count: { type: 'string' }, timeout: { type: 'string' } });
const port = integer(usage, 'port', values.port, 45454, 0, 65535);
const count = integer(usage, 'count', values.count, 0);
const timeout = integer(usage, 'timeout', values.timeout, 0);

const app = new QCoreApplication(process.argv);
const udpSocket = new QUdpSocket();
if (!udpSocket.bind(QHostAddress.AnyIPv4, port, QUdpSocket.ShareAddress)) {
  console.error(`Could not bind port ${port}: ${udpSocket.errorString()}`);
  process.exit(1);
}
let received = 0;

function processPendingDatagrams(): void {
  while (udpSocket.hasPendingDatagrams()) {
    const [datagram] = udpSocket.readDatagram(udpSocket.pendingDatagramSize());
    if (datagram === null) break;
    console.log(`Received datagram: "${datagram.toString()}"`);
    received += 1;
    if (received === count) app.quit();
  }
}

udpSocket.readyRead.connect(processPendingDatagrams);
console.log(`Listening for broadcast messages on port ${udpSocket.localPort()}`);
if (timeout > 0) {
  QTimer.singleShot(timeout, udpSocket, () => {
    console.log(`Timed out after ${timeout} ms with ${received} datagrams`);
    app.exit(received < count ? 1 : 0);
  });
}
process.on('SIGINT', () => app.quit());

const code = await app.exec();
udpSocket.dispose();
app.dispose();
process.exitCode = code;
