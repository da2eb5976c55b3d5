// SPDX-License-Identifier: MIT
// QUdpSocket between processes: ports of tst_qudpsocket's outOfProcessConnectedClientServerTest and
// outOfProcessUnconnectedClientServerTest. A server and a client (test/network/fixtures/
// clientserver.ts, the counterpart of Qt's clientserver helper) run as child processes and talk on
// 127.0.0.1; their printed lines are checked as Qt's test checks them: every number the client
// gets back is twice one the server got, in the same order.
import { resolve } from 'node:path';
import { expect } from 'chai';
import { describeExit, killAll, root, startProcess } from '../examples/runExample.js';
import type { Running } from '../examples/runExample.js';

const helper = resolve(root, 'test', 'network', 'fixtures', 'clientserver.ts');

function start(args: string[]): Running {
  return startProcess(process.execPath, ['--import', 'tsx', helper, ...args], root);
}

/** The lines a child printed after its greeting, once it has been asked to stop. */
async function linesAfterGreeting(p: Running): Promise<string[]> {
  p.child.kill('SIGTERM');
  const e = await p.exited;
  expect(e.code, describeExit(e)).to.equal(0);
  return e.lines.slice(1);
}

async function clientServer(clientKind: 'connectedclient' | 'unconnectedclient'): Promise<void> {
  const server = start(['server', '1', '1']);
  const port = Number((await server.waitForLine(/^(\d+|XXX)$/))[1]);
  expect(port, 'the server bound a port').to.be.within(1, 65535);
  // Qt's helper sends every 250 ms and the test listens for 3 s; 40 ms and 0.8 s give as many rounds
  const client = start([clientKind, '127.0.0.1', String(port), '40']);
  expect((await client.waitForLine(/^(ok|XXX)$/))[1]).to.equal('ok');
  await new Promise((r) => setTimeout(r, 800));
  const clientData = await linesAfterGreeting(client);
  const serverData = await linesAfterGreeting(server);
  expect(serverData.length, serverData.join('\n')).to.be.greaterThan(5);
  expect(clientData.length, clientData.join('\n')).to.be.greaterThan(5);
  for (let i = 0; i < Math.floor(clientData.length / 2); i++) {
    expect(clientData[i * 2]).to.equal('readData()');
    expect(serverData[i * 3]).to.equal('readData()');
    const got = /^got (-?\d+)$/.exec(clientData[i * 2 + 1] ?? '');
    const served = /^got (-?\d+)$/.exec(serverData[i * 3 + 1] ?? '');
    const sending = /^sending (-?\d+)$/.exec(serverData[i * 3 + 2] ?? '');
    expect(got, `client line ${i * 2 + 1}`).to.not.equal(null);
    expect(served, `server line ${i * 3 + 1}`).to.not.equal(null);
    expect(sending, `server line ${i * 3 + 2}`).to.not.equal(null);
    expect(Number(got![1])).to.equal(Number(served![1]) * 2);
    expect(Number(sending![1])).to.equal(Number(served![1]) * 2);
  }
  // and the numbers are the client's, in order: 0, 1, 2, ...
  const sent = serverData.filter((l) => l.startsWith('got ')).map((l) => Number(l.slice(4)));
  expect(sent).to.deep.equal(sent.map((_, i) => i));
}

describe('QUdpSocket between processes', function () {
  this.timeout(30000);
  afterEach(killAll);

  it('a connected client and a server exchange numbers (tst outOfProcessConnectedClientServerTest)', async function () {
    await clientServer('connectedclient');
  });

  it('an unconnected client and a server exchange numbers (tst outOfProcessUnconnectedClientServerTest)', async function () {
    await clientServer('unconnectedclient');
  });
});
