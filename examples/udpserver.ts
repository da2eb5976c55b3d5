/**
 * The example from QUdpSocket's reference page: a `Server` QObject owns a QUdpSocket bound to
 * QHostAddress.LocalHost port 7755, and its `readPendingDatagrams` slot, connected to readyRead,
 * reads every pending datagram and processes it (here: prints it).
 *
 *   node --import tsx examples/udpserver.ts [--port 7755] [--count N] [--timeout MS]
 *
 * Runs until Ctrl+C, or until N datagrams were processed, or for MS milliseconds (exit code 1 if
 * the timeout ends it before N datagrams). `--port 0` picks a free port (printed).
 * Send to it with examples/udpclient.ts.
 */
import { QCoreApplication, QHostAddress, QObject, QTimer, QUdpSocket, Signal } from '../src/index.js';
import type { QNetworkDatagram } from '../src/index.js';
import { commandLine, integer } from './cli.js';

class Server extends QObject {
  /** Emitted after each datagram was processed. */
  readonly datagramProcessed = new Signal<[datagram: QNetworkDatagram]>(this);
  readonly udpSocket = new QUdpSocket(this); // a child: deleting the server closes it

  /** Binds the socket and connects readyRead to the slot; false if the port could not be bound. */
  initSocket(port: number): boolean {
    if (!this.udpSocket.bind(QHostAddress.LocalHost, port)) return false;
    this.udpSocket.readyRead.connect(this, 'readPendingDatagrams');
    return true;
  }

  /** The slot: drains the socket, one datagram at a time. */
  readPendingDatagrams(): void {
    while (this.udpSocket.hasPendingDatagrams()) {
      const datagram = this.udpSocket.receiveDatagram();
      this.processTheDatagram(datagram);
    }
  }

  processTheDatagram(datagram: QNetworkDatagram): void {
    console.log(`Datagram from ${datagram.senderAddress()}:${datagram.senderPort()}: "${datagram.data().toString()}"`);
    this.datagramProcessed.emit(datagram);
  }
}

const usage = `usage: udpserver [--port P] [--count N] [--timeout MS]
  --port P      port to listen on at 127.0.0.1 (default 7755; 0 = any free port)
  --count N     quit after N datagrams (default 0: no limit)
  --timeout MS  quit after MS milliseconds (default 0: no limit)`;
const { values } = commandLine(usage, { port: { type: 'string' }, count: { type: 'string' }, timeout: { type: 'string' } });
const port = integer(usage, 'port', values.port, 7755, 0, 65535);
const count = integer(usage, 'count', values.count, 0);
const timeout = integer(usage, 'timeout', values.timeout, 0);

const app = new QCoreApplication(process.argv);
const server = new Server();
if (!server.initSocket(port)) {
  console.error(`Could not bind 127.0.0.1:${port}: ${server.udpSocket.errorString()}`);
  process.exit(1);
}
console.log(`Server listening on ${server.udpSocket.localAddress()}:${server.udpSocket.localPort()}`);

let processed = 0;
server.datagramProcessed.connect(() => {
  processed += 1;
  if (processed === count) app.quit();
});
if (timeout > 0) {
  QTimer.singleShot(timeout, server, () => {
    console.log(`Timed out after ${timeout} ms with ${processed} datagrams`);
    app.exit(processed < count ? 1 : 0);
  });
}
process.on('SIGINT', () => app.quit());

const code = await app.exec();
server.dispose();
app.dispose();
process.exitCode = code;
