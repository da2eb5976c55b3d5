/**
 * Echo client: sends each message given on the command line to examples/echoserver.ts and waits
 * for its echo before sending the next. The socket is *connected* (connectToHost): for UDP that
 * only fixes the peer, so that write() and receiveDatagram() need no address and datagrams from
 * anyone else are dropped by the kernel. A single-shot QTimer gives up on a reply that never comes.
 *
 *   node --import tsx examples/echoclient.ts [--address 127.0.0.1] [--port 7756] [--timeout 1000] message...
 *
 * Exit code 0 when every message came back intact, 1 otherwise.
 */
import { QCoreApplication, QObject, QTimer, QUdpSocket } from '../src/index.js';
import { address, commandLine, integer, usageError } from './cli.js';

const usage = `usage: echoclient [--address A] [--port P] [--timeout MS] message...
  --address A   the echo server's address (default 127.0.0.1)
  --port P      the echo server's port (default 7756)
  --timeout MS  how long to wait for each reply (default 1000)`;
const { values, positionals: messages } = commandLine(usage, {
  address: { type: 'string' },
  port: { type: 'string' },
  timeout: { type: 'string' },
});
const host = address(usage, 'address', values.address, '127.0.0.1');
const port = integer(usage, 'port', values.port, 7756, 1, 65535);
const timeout = integer(usage, 'timeout', values.timeout, 1000, 1);
if (messages.length === 0) usageError(usage, 'nothing to send: give at least one message');

const app = new QCoreApplication(process.argv);
const root = new QObject(); // owns the socket and the timer
const socket = new QUdpSocket(root);
const replyTimer = new QTimer(root);
replyTimer.setSingleShot(true);
replyTimer.setInterval(timeout);
let next = 0; // index of the message waiting for its echo

function sendNext(): void {
  if (next === messages.length) {
    console.log(`All ${messages.length} messages came back`);
    app.quit();
    return;
  }
  socket.write(messages[next]!);
  replyTimer.start();
}

function readReplies(): void {
  while (socket.hasPendingDatagrams()) {
    const reply = socket.receiveDatagram().data().toString();
    console.log(`Echo ${next + 1}: "${reply}"`);
    if (reply !== messages[next]) {
      console.error(`Expected "${messages[next]}"`);
      app.exit(1);
      return;
    }
    next += 1;
    sendNext();
  }
}

socket.connected.connect(sendNext);
socket.readyRead.connect(readReplies);
socket.errorOccurred.connect(() => {
  console.error(`Socket error: ${socket.errorString()}`);
  app.exit(1);
});
replyTimer.timeout.connect(() => {
  console.error(`No echo of "${messages[next]}" within ${timeout} ms`);
  app.exit(1);
});
socket.connectToHost(host, port);

const code = await app.exec();
root.dispose();
app.dispose();
process.exitCode = code;
