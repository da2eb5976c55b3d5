/**
 * The demo behind `npm start`: Qt's Multicast Sender and Multicast Receiver examples, run as a pair in
 * one process on the loopback interface.
 *
 * The receiver binds AnyIPv4 on a free port, shared as Qt's example does, and joins 239.255.43.21 on
 * `lo`. The sender sends "Message N" once every 200 ms through `lo` with TTL 0 (the datagrams never
 * leave this machine). Each datagram is printed as it is sent and as it arrives, with the time since
 * start; after the last one arrives the application quits with exit code 0.
 *
 * Options: `--count N` (default 5), `--interval MS` (default 200).
 */
import {
  QAbstractSocket,
  QCoreApplication,
  QElapsedTimer,
  QHostAddress,
  QNetworkInterface,
  QObject,
  QTimer,
  QUdpSocket,
} from '../src/index.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`demo: --${name} needs a non-negative integer, got ${process.argv[i + 1]}`);
    process.exit(2);
  }
  return value;
}

const count = option('count', 5);
const interval = option('interval', 200);
const group = new QHostAddress('239.255.43.21');

const app = new QCoreApplication(process.argv);
const clock = new QElapsedTimer();
clock.start();
const stamp = (): string => `[${(clock.elapsed() / 1000).toFixed(3)} s]`;

const lo = QNetworkInterface.interfaceFromName('lo');
if (!lo.isValid()) {
  console.error('demo: no loopback interface named "lo" on this machine');
  process.exit(1);
}

const root = new QObject();

// --- Multicast Receiver ----------------------------------------------------------------------
const receiver = new QUdpSocket(root);
const share = QAbstractSocket.ShareAddress | QAbstractSocket.ReuseAddressHint;
if (!receiver.bind(QHostAddress.AnyIPv4, 0, share)) {
  console.error(`demo: receiver could not bind: ${receiver.errorString()}`);
  process.exit(1);
}
if (!receiver.joinMulticastGroup(group, lo)) {
  console.error(`demo: could not join ${group.toString()} on lo: ${receiver.errorString()}`);
  process.exit(1);
}
const port = receiver.localPort();
console.log(`${stamp()} receiver: bound to ${receiver.localAddress().toString()}:${port}, joined ${group.toString()} on lo`);

let received = 0;
receiver.readyRead.connect(root, () => {
  while (receiver.hasPendingDatagrams()) {
    const datagram = receiver.receiveDatagram();
    received += 1;
    console.log(
      `${stamp()} receiver: "${datagram.data().toString()}" from ${datagram.senderAddress().toString()}:` +
        `${datagram.senderPort()} to ${datagram.destinationAddress().toString()}`,
    );
    if (received === count) {
      console.log(`${stamp()} receiver: all ${count} datagrams arrived; quitting`);
      receiver.leaveMulticastGroup(group, lo);
      app.quit();
    }
  }
});

// --- Multicast Sender ------------------------------------------------------------------------
const sender = new QUdpSocket(root);
sender.bind(QHostAddress.AnyIPv4, 0);
sender.setMulticastInterface(lo);
sender.setSocketOption(QAbstractSocket.MulticastTtlOption, 0);

let sent = 0;
const timer = new QTimer(root);
timer.setInterval(interval);
timer.timeout.connect(root, () => {
  sent += 1;
  const message = `Message ${sent}`;
  const bytes = sender.writeDatagram(message, group, port);
  console.log(`${stamp()} sender:   "${message}" to ${group.toString()}:${port} (${bytes} bytes)`);
  if (sent === count) timer.stop();
});
timer.start();

// A safety net: the demo never hangs, whatever the machine does with multicast.
QTimer.singleShot(interval * count + 5000, root, () => {
  console.error(`${stamp()} demo: only ${received} of ${count} datagrams arrived; giving up`);
  app.exit(1);
});

const code = await app.exec();
root.dispose();
app.dispose();
process.exitCode = code;
