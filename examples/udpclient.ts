/**
 * A small client for examples/udpserver.ts: sends each message given on the command line as one
 * datagram to 127.0.0.1 port 7755, then quits. No event loop is needed to send.
 *
 *   node --import tsx examples/udpclient.ts [--address 127.0.0.1] [--port 7755] message...
 */
import { QUdpSocket } from '../src/index.js';
import { address, commandLine, integer, usageError } from './cli.js';

const usage = `usage: udpclient [--address A] [--port P] message...
  --address A  where to send (default 127.0.0.1)
  --port P     destination port (default 7755)`;
const { values, positionals: messages } = commandLine(usage, { address: { type: 'string' }, port: { type: 'string' } });
const host = address(usage, 'address', values.address, '127.0.0.1');
const port = integer(usage, 'port', values.port, 7755, 1, 65535);
if (messages.length === 0) usageError(usage, 'nothing to send: give at least one message');

using socket = new QUdpSocket(); // `using` closes it at the end of the module
for (const message of messages) {
  const sent = socket.writeDatagram(message, host, port);
  if (sent < 0) {
    console.error(`Could not send "${message}": ${socket.errorString()}`);
    process.exitCode = 1;
    break;
  }
  console.log(`Sent "${message}" (${sent} bytes) to ${host}:${port}`);
}
