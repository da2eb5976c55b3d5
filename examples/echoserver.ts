/**
 * Echo server: answers every datagram with the same bytes, sent back to where it came from
 * (QNetworkDatagram.makeReply() fills in the destination).
 *
 *   node --import tsx examples/echoserver.ts [--address 127.0.0.1] [--port 7756] [--count N] [--timeout MS]
 *
 * Runs until Ctrl+C, or until it echoed N datagrams, or for MS milliseconds (exit code 1 if the
 * timeout ends it before N datagrams). `--port 0` picks a free port (printed).
 * Talk to it with examples/echoclient.ts.
 */
import { QCoreApplication, QTimer, QUdpSocket } from '../src/index.js';
import { address, commandLine, integer } from './cli.js';

const usage = `usage: echoserver [--address A] [--port P] [--count N] [--timeout MS]
  --address A   address to listen on (default 127.0.0.1)
  --port P      port to listen on (default 7756; 0 = any free port)
  --count N     quit after echoing N datagrams (default 0: no limit)
  --timeout MS  quit after MS milliseconds (default 0: no limit)`;
const { values } = commandLine(usage, {
  address: { type: 'string' },
  port: { type: 'string' },
  count: { type: 'string' },
  timeout: { type: 'string' },
});
const host = address(usage, 'address', values.address, '127.0.0.1');
const port = integer(usage, 'port', values.port, 7756, 0, 65535);
const count = integer(usage, 'count', values.count, 0);
const timeout = integer(usage, 'timeout', values.timeout, 0);

const app = new QCoreApplication(process.argv);
const socket = new QUdpSocket();
if (!socket.bind(host, port)) {
  console.error(`Could not bind ${host}:${port}: ${socket.errorString()}`);
  process.exit(1);
}
console.log(`Echo server on ${socket.localAddress()}:${socket.localPort()}`);
let echoed = 0;

socket.readyRead.connect(() => {
  while (socket.hasPendingDatagrams()) {
    const datagram = socket.receiveDatagram();
    socket.writeDatagram(datagram.makeReply(datagram.data()));
    console.log(`Echoed "${datagram.data().toString()}" to ${datagram.senderAddress()}:${datagram.senderPort()}`);
    echoed += 1;
    if (echoed === count) app.quit();
  }
});
if (timeout > 0) {
  QTimer.singleShot(timeout, socket, () => {
    console.log(`Timed out after ${timeout} ms with ${echoed} datagrams`);
    app.exit(echoed < count ? 1 : 0);
  });
}
process.on('SIGINT', () => app.quit());

const code = await app.exec();
socket.dispose();
app.dispose();
process.exitCode = code;
