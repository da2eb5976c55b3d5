// SPDX-License-Identifier: MIT
// Security (issue 5): a connected UDP socket only delivers its peer's datagrams; ShareAddress is
// never implied; every native entry point validates its arguments (fuzzed in a child process, so a
// crash fails this test instead of killing mocha).
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { QAbstractSocket } from '../../src/network/QAbstractSocket.js';
import { QHostAddress } from '../../src/network/QHostAddress.js';
import { QUdpSocket } from '../../src/network/QUdpSocket.js';
import { loadNative } from '../../src/private/native.js';
import { ROOT } from './helpers.js';

const S = QAbstractSocket.SocketState;
const OPT_ADDRESS_REUSABLE = 101; // the engine's SO_REUSEADDR option

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe('faults: security', function () {
  this.timeout(60000);
  const live: QUdpSocket[] = [];
  function bound(host: QHostAddress, port = 0, mode = 0): QUdpSocket {
    const s = new QUdpSocket();
    live.push(s);
    expect(s.bind(host, port, mode), `bind ${host.toString()}:${port} mode ${mode}`).to.equal(true);
    return s;
  }
  afterEach(function () {
    for (const s of live.splice(0)) s.dispose();
  });

  for (const [name, host] of [
    ['IPv4', QHostAddress.LocalHost],
    ['IPv6', QHostAddress.LocalHostIPv6],
  ] as const) {
    it(`a connected socket (${name}) never delivers a datagram from another peer`, async function () {
      const peer = bound(host);
      const stranger = bound(host);
      const c = new QUdpSocket();
      live.push(c);
      c.connectToHost(host, peer.localPort());
      expect(c.state()).to.equal(S.ConnectedState);
      let readyReads = 0;
      c.readyRead.connect(() => readyReads++);
      // the stranger knows the port and sends first, many times, with and without a source hint
      for (let i = 0; i < 50; i++) stranger.writeDatagram(`evil${i}`, host, c.localPort());
      sleepSync(20);
      await new Promise((r) => setTimeout(r, 20));
      expect(c.hasPendingDatagrams()).to.equal(false);
      expect(readyReads).to.equal(0);
      peer.writeDatagram('good', host, c.localPort());
      for (let i = 0; i < 50; i++) stranger.writeDatagram(`evil-after${i}`, host, c.localPort());
      sleepSync(20);
      const got: string[] = [];
      while (c.hasPendingDatagrams()) {
        const d = c.receiveDatagram();
        got.push(d.data().toString());
        expect(d.senderPort()).to.equal(peer.localPort());
      }
      expect(got).to.deep.equal(['good']);
      console.log(`      ${name}: 100 datagrams from a stranger, 1 from the peer: delivered ${JSON.stringify(got)}`);
    });
  }

  it('datagrams a stranger queued before connectToHost are not delivered once connected', function () {
    const host = QHostAddress.LocalHost;
    const peer = bound(host);
    const stranger = bound(host);
    const c = bound(host);
    stranger.writeDatagram('evil-before', host, c.localPort());
    sleepSync(20);
    c.connectToHost(host, peer.localPort());
    expect(c.state()).to.equal(S.ConnectedState);
    // Linux keeps a bound socket's queue across connect(2) (Qt delivers it); tsqt drops it
    expect(c.bytesAvailable()).to.equal(0);
    expect(c.hasPendingDatagrams()).to.equal(false);
    peer.writeDatagram('good', host, c.localPort());
    sleepSync(20);
    const senders: number[] = [];
    while (c.hasPendingDatagrams()) senders.push(c.receiveDatagram().senderPort());
    expect(senders).to.deep.equal([peer.localPort()]);
  });

  it('ShareAddress is never implied: without it on both sockets, a second bind to the same address and port fails', function () {
    const b = loadNative();
    const { DefaultForPlatform: D, ShareAddress: SH, DontShareAddress: DS, ReuseAddressHint: RH } = QAbstractSocket;
    for (const host of [QHostAddress.LocalHost, QHostAddress.LocalHostIPv6, QHostAddress.AnyIPv4]) {
      const plain = bound(host);
      expect(b.getOption(plain.socketDescriptor(), OPT_ADDRESS_REUSABLE, plain.localAddress().protocol()), 'SO_REUSEADDR of a default bind').to.equal(0);
      for (const [first, second] of [[D, D], [D, SH], [SH, D], [DS, SH], [SH, DS], [D, RH], [DS, DS]] as const) {
        const a = bound(host, 0, first);
        const s = new QUdpSocket();
        live.push(s);
        expect(s.bind(host, a.localPort(), second), `${host.toString()}: mode ${first} then ${second}`).to.equal(false);
        expect(s.error()).to.equal(QAbstractSocket.AddressInUseError);
      }
      // the positive control: both ask to share
      const x = bound(host, 0, SH);
      bound(host, x.localPort(), SH);
    }
  });

  it('native entry points validate every argument: the fuzzer gets exceptions or error codes, never a crash', function () {
    const fuzz = fileURLToPath(new URL('./fixtures/nativeFuzz.cjs', import.meta.url));
    const addon = fileURLToPath(new URL('../../build/Release/tsqt.node', import.meta.url));
    const r = spawnSync(process.execPath, ['--expose-gc', fuzz, addon, '2'], { cwd: ROOT, encoding: 'utf8', timeout: 50000 });
    const last = r.stdout.trim().split('\n').pop() ?? '';
    console.log(`      fuzz: exit ${r.status} signal ${r.signal}: ${last}`);
    expect(r.signal, r.stderr).to.equal(null);
    expect(r.status, `${r.stdout}\n${r.stderr}`).to.equal(0);
    const out = JSON.parse(last) as { calls: number; returned: number; TypeError: number; RangeError: number; other: number; otherKinds: string[]; resources: number[] };
    expect(out.other, `unexpected exception kinds ${out.otherKinds.join(', ')}`).to.equal(0);
    expect(out.calls).to.be.greaterThan(10000);
    expect(out.TypeError).to.be.greaterThan(0);
    expect(out.returned).to.be.greaterThan(0);
    // every socket and poll handle the fuzzer made was released
    expect(out.resources).to.deep.equal([0, 0]);
  });
});
