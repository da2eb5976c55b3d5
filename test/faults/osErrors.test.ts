// SPDX-License-Identifier: MIT
// Errors from the operating system (issue 5): each maps to Qt's SocketError and text, with Qt's
// signal behaviour. Loopback only. EACCES and EMFILE run in a child process (setpriv drops
// CAP_NET_BIND_SERVICE; prlimit lowers the descriptor limit) so this process keeps its rights.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { QAbstractSocket } from '../../src/network/QAbstractSocket.js';
import { QHostAddress } from '../../src/network/QHostAddress.js';
import { QUdpSocket } from '../../src/network/QUdpSocket.js';
import { hasCommand, runFixture } from './helpers.js';

const E = QAbstractSocket.SocketError;
const S = QAbstractSocket.SocketState;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe('faults: errors from the OS', function () {
  this.timeout(60000);
  const live: QUdpSocket[] = [];
  function sock(): { s: QUdpSocket; emitted: number[] } {
    const s = new QUdpSocket();
    live.push(s);
    const emitted: number[] = [];
    s.errorOccurred.connect((e) => emitted.push(e));
    return { s, emitted };
  }
  afterEach(function () {
    for (const s of live.splice(0)) s.dispose();
  });

  it('EADDRINUSE: AddressInUseError, "The bound address is already in use", errorOccurred, unconnected', function () {
    const a = sock();
    expect(a.s.bind(QHostAddress.LocalHost, 0)).to.equal(true);
    for (const mode of [QAbstractSocket.DefaultForPlatform, QAbstractSocket.DontShareAddress, QAbstractSocket.ReuseAddressHint]) {
      const b = sock();
      expect(b.s.bind(QHostAddress.LocalHost, a.s.localPort(), mode)).to.equal(false);
      console.log(`      mode ${mode}: error ${b.s.error()} "${b.s.errorString()}"`);
      expect(b.s.error()).to.equal(E.AddressInUseError);
      expect(b.s.errorString()).to.equal('The bound address is already in use');
      expect(b.emitted).to.deep.equal([E.AddressInUseError]);
      expect(b.s.state()).to.equal(S.UnconnectedState);
      // the failed socket still works once it picks a free port
      expect(b.s.bind(QHostAddress.LocalHost, 0)).to.equal(true);
    }
  });

  it('EMSGSIZE: DatagramTooLargeError, "Datagram was too large to send", errorOccurred; the socket stays usable', function () {
    const a = sock();
    expect(a.s.bind(QHostAddress.LocalHost, 0)).to.equal(true);
    const big = Buffer.alloc(65508); // one byte over IPv4's UDP payload limit
    expect(a.s.writeDatagram(big, QHostAddress.LocalHost, a.s.localPort())).to.equal(-1);
    console.log(`      65508 bytes: error ${a.s.error()} "${a.s.errorString()}"`);
    expect(a.s.error()).to.equal(E.DatagramTooLargeError);
    expect(a.s.errorString()).to.equal('Datagram was too large to send');
    expect(a.emitted).to.deep.equal([E.DatagramTooLargeError]);
    expect(a.s.state()).to.equal(S.BoundState);
    expect(a.s.writeDatagram(Buffer.alloc(65507), QHostAddress.LocalHost, a.s.localPort())).to.equal(65507);
    // a connected socket's write() reports it too
    const c = sock();
    c.s.connectToHost(QHostAddress.LocalHost, a.s.localPort());
    expect(c.s.state()).to.equal(S.ConnectedState);
    expect(c.s.write(big)).to.equal(-1);
    expect(c.s.error()).to.equal(E.DatagramTooLargeError);
    expect(c.s.errorString()).to.equal('Datagram was too large to send');
  });

  it('ECONNREFUSED on a connected socket: readDatagram gives ConnectionRefusedError, "Connection refused"', function () {
    const gone = new QUdpSocket();
    expect(gone.bind(QHostAddress.LocalHost, 0)).to.equal(true);
    const port = gone.localPort();
    gone.dispose(); // nothing listens there now
    const c = sock();
    c.s.connectToHost(QHostAddress.LocalHost, port);
    expect(c.s.state()).to.equal(S.ConnectedState);
    expect(c.s.write('ping')).to.equal(4);
    sleepSync(50); // the ICMP port-unreachable comes back; no event loop runs meanwhile
    const [data] = c.s.readDatagram(10);
    console.log(`      after ICMP: error ${c.s.error()} "${c.s.errorString()}"`);
    expect(data).to.equal(null);
    expect(c.s.error()).to.equal(E.ConnectionRefusedError);
    expect(c.s.errorString()).to.equal('Connection refused');
    expect(c.emitted).to.deep.equal([E.ConnectionRefusedError]);
    expect(c.s.state()).to.equal(S.ConnectedState); // as in Qt: UDP keeps the association
    expect(c.s.write('again')).to.equal(5);
  });

  it('EACCES: binding a port below 1024 without CAP_NET_BIND_SERVICE gives SocketAccessError, "The address is protected"', function () {
    const start = Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim());
    if (!hasCommand('setpriv')) {
      console.log('      skipped: setpriv is not installed');
      this.skip();
    }
    if (!(start > 1)) {
      console.log(`      skipped: /proc/sys/net/ipv4/ip_unprivileged_port_start is ${start}: every port is unprivileged`);
      this.skip();
    }
    const port = start - 1 - Math.floor(Math.random() * Math.min(400, start - 1));
    const drop = ['setpriv', '--bounding-set', '-net_bind_service', '--inh-caps', '-net_bind_service'];
    const r = runFixture('bindLow', [String(port)], drop);
    const out = r.json as { capEff: string; ok: boolean; error: number; errorString: string; emitted: number[]; state: number } | undefined;
    if (out === undefined && /setpriv/.test(r.stderr)) {
      console.log(`      skipped: setpriv cannot drop the capability here: ${r.stderr.trim().split('\n')[0]}`);
      this.skip();
    }
    expect(out, r.stderr).to.not.equal(undefined);
    // bit 10 of the effective set is CAP_NET_BIND_SERVICE: the child must really lack it
    expect((BigInt(`0x${out!.capEff}`) >> 10n) & 1n).to.equal(0n);
    console.log(`      port ${port} without CAP_NET_BIND_SERVICE: error ${out!.error} "${out!.errorString}"`);
    expect(out!.ok).to.equal(false);
    expect(out!.error).to.equal(E.SocketAccessError);
    expect(out!.errorString).to.equal('The address is protected');
    expect(out!.emitted).to.deep.equal([E.SocketAccessError]);
    expect(out!.state).to.equal(S.UnconnectedState);
  });

  it('EMFILE: a full descriptor table gives SocketResourceError, "Out of resources" (no signal, as in Qt), and recovers', function () {
    if (!hasCommand('prlimit')) {
      console.log('      skipped: prlimit is not installed');
      this.skip();
    }
    const r = runFixture('emfile', [], ['prlimit', '--nofile=96:96']);
    type Failure = { ok?: boolean; written?: number; error: number; errorString: string; state: number; emitted: number[] };
    const out = r.json as { opened: number; bindFailure: Failure | null; writeFailure: Failure; recovered: boolean; recoveredState: number } | undefined;
    expect(out, r.stderr).to.not.equal(undefined);
    console.log(`      under --nofile=96: the socket number ${out!.opened} failed: error ${out!.bindFailure?.error} "${out!.bindFailure?.errorString}"`);
    expect(out!.bindFailure).to.not.equal(null);
    // Qt's initSocketLayer records the error without emitting errorOccurred
    expect(out!.bindFailure).to.deep.include({ ok: false, error: E.SocketResourceError, errorString: 'Out of resources', state: S.UnconnectedState });
    expect(out!.bindFailure!.emitted).to.deep.equal([]);
    expect(out!.writeFailure).to.deep.include({ written: -1, error: E.SocketResourceError, errorString: 'Out of resources', state: S.UnconnectedState });
    expect(out!.recovered).to.equal(true);
    expect(out!.recoveredState).to.equal(S.BoundState);
    expect(r.status).to.equal(0);
  });
});
