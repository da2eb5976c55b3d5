// SPDX-License-Identifier: MIT
// QAbstractSocket.setSocketDescriptor(): taking an existing UDP descriptor, and every kind of bad
// descriptor (PyQt5 5.15 traces; tsqt refuses what its UDP engine cannot serve, see the TSDoc).
import { expect } from 'chai';
import * as dgram from 'node:dgram';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { QAbstractSocket, QHostAddress, QIODevice, QUdpSocket } from '../../src/index.js';
import { loadNative } from '../../src/private/native.js';
import { closeAll, spin, track, until } from './udpHelpers.js';

const S = QAbstractSocket.SocketState;
const E = QAbstractSocket.SocketError;

/** A UDP socket made outside any QUdpSocket (as another library would make it), bound to 127.0.0.1 or ::1. */
function rawUdp(v6 = false, bind = true): number {
  const b = loadNative();
  const fd = b.socket(v6 ? 1 : 0);
  expect(fd).to.be.at.least(0);
  if (bind) {
    const lo6 = new Uint8Array(16);
    lo6[15] = 1;
    expect(v6 ? b.bind(fd, 6, 0, lo6, 0, 0) : b.bind(fd, 4, 0x7f000001, null, 0, 0)).to.equal(0);
  }
  return fd;
}

/** Whether `fd` is an open descriptor. */
function isOpenFd(fd: number): boolean {
  try {
    fs.fstatSync(fd);
    return true;
  } catch {
    return false;
  }
}

/** Everything a refused call must leave as it was. */
function snapshot(s: QUdpSocket): unknown[] {
  return [s.state(), s.socketDescriptor(), s.localAddress().toString(), s.localPort(), s.isOpen(), s.isValid(), s.error(), s.errorString()];
}

function watch(s: QUdpSocket): unknown[] {
  const log: unknown[] = [];
  s.stateChanged.connect((st) => log.push(['stateChanged', st]));
  s.errorOccurred.connect((e) => log.push(['errorOccurred', e]));
  return log;
}

describe('QAbstractSocket.setSocketDescriptor()', function () {
  const rawFds: number[] = [];
  afterEach(function () {
    closeAll();
    for (const fd of rawFds.splice(0)) {
      // those not taken by a socket (closed with it)
      if (isOpenFd(fd)) loadNative().close(fd);
    }
  });
  function raw(v6 = false, bind = true): number {
    const fd = rawUdp(v6, bind);
    rawFds.push(fd);
    return fd;
  }

  describe('arguments (programming errors: nothing changes)', function () {
    const M = 'QUdpSocket.setSocketDescriptor';
    const cases: Array<[string, unknown[], typeof TypeError | typeof RangeError, RegExp]> = [
      ['a string', ['abc'], TypeError, /socketDescriptor must be an integer, got "abc"/],
      ['1.5', [1.5], TypeError, /socketDescriptor must be an integer/],
      ['NaN', [NaN], TypeError, /socketDescriptor must be an integer/],
      ['null', [null], TypeError, /socketDescriptor must be an integer/],
      ['undefined', [undefined], TypeError, /socketDescriptor must be an integer/],
      ['a boolean', [true], TypeError, /socketDescriptor must be an integer/],
      ['a bigint', [5n], TypeError, /socketDescriptor must be an integer/],
      // Qt converts to int: 2**40 becomes descriptor 0 (PyQt5 takes stdin)
      ['2**40', [2 ** 40], RangeError, /socketDescriptor must be in -2147483648..2147483647, got 1099511627776/],
      ['2**31', [2 ** 31], RangeError, /socketDescriptor must be in -2147483648..2147483647/],
      ['state "x"', [-1, 'x'], TypeError, /state must be a QAbstractSocket.SocketState value, got "x"/],
      ['state 1.5', [-1, 1.5], TypeError, /state must be/],
      // PyQt5 takes 99 and -1 and reports them from state()
      ['state 99', [-1, 99], RangeError, /state must be a QAbstractSocket.SocketState value \(0..6\), got 99/],
      ['state -1', [-1, -1], RangeError, /got -1/],
      ['openMode "x"', [-1, S.ConnectedState, 'x'], TypeError, /openMode must be an integer flag combination/],
      ['openMode 0x1000', [-1, S.ConnectedState, 0x1000], RangeError, /openMode must be a flag combination in 0..255, got 4096/],
      ['openMode -1', [-1, S.ConnectedState, -1], RangeError, /openMode/],
    ];
    for (const [name, args, type, message] of cases) {
      it(`${name}: ${type.name} naming ${M} and the argument; the socket is unchanged`, function () {
        const s = track();
        expect(s.bind(QHostAddress.LocalHost, 0)).to.equal(true);
        const before = snapshot(s);
        const log = watch(s);
        expect(() => (s.setSocketDescriptor as (...a: unknown[]) => boolean)(...args)).to.throw(type, new RegExp(`^${M}: `)).and.to.match(message);
        expect(snapshot(s)).to.deep.equal(before);
        expect(log).to.deep.equal([]);
      });
    }

    it('another QUdpSocket\'s descriptor (or its own) is a RangeError; both sockets are unchanged', function () {
      const a = track();
      expect(a.bind(QHostAddress.LocalHost, 0)).to.equal(true);
      const b = track();
      expect(b.bind(QHostAddress.LocalHost, 0)).to.equal(true);
      const before = [snapshot(a), snapshot(b)];
      expect(() => b.setSocketDescriptor(a.socketDescriptor(), S.BoundState)).to.throw(RangeError, /^QUdpSocket.setSocketDescriptor: socketDescriptor \d+ is already a QUdpSocket's descriptor/);
      expect(() => b.setSocketDescriptor(b.socketDescriptor(), S.BoundState)).to.throw(RangeError, /already a QUdpSocket's descriptor/);
      expect([snapshot(a), snapshot(b)]).to.deep.equal(before);
    });
  });

  describe('descriptors the OS or the engine refuses', function () {
    // PyQt5 5.15: setSocketDescriptor(-1) False, UnknownSocketError "Unknown error"; -5 and a
    // closed number: False, UnsupportedSocketOperationError "Invalid socket descriptor"; no
    // signal either time. (Qt also releases a bound socket's OS socket first; tsqt keeps it.)
    it('-1: false, UnknownSocketError "Unknown error", no signal; a bound socket keeps its socket', function () {
      const s = track();
      expect(s.bind(QHostAddress.LocalHost, 0)).to.equal(true);
      // an error for -1 to replace
      expect(s.waitForReadyRead(1)).to.equal(false);
      expect(s.error()).to.equal(E.SocketTimeoutError);
      const fd = s.socketDescriptor();
      const port = s.localPort();
      const log = watch(s);
      expect(s.setSocketDescriptor(-1)).to.equal(false);
      expect([s.error(), s.errorString()]).to.deep.equal([E.UnknownSocketError, 'Unknown error']);
      expect(log).to.deep.equal([]);
      expect([s.state(), s.socketDescriptor(), s.localPort(), s.isValid()]).to.deep.equal([S.BoundState, fd, port, true]);
    });

    it('a negative number or a closed descriptor: false, UnsupportedSocketOperationError "Invalid socket descriptor"', function () {
      let closed = 99999;
      while (isOpenFd(closed)) closed++;
      for (const fd of [-5, -(2 ** 31), closed]) {
        const s = track();
        const log = watch(s);
        expect(s.setSocketDescriptor(fd)).to.equal(false);
        expect([fd, s.error(), s.errorString()]).to.deep.equal([fd, E.UnsupportedSocketOperationError, 'Invalid socket descriptor']);
        expect([s.state(), s.socketDescriptor(), s.isOpen(), s.isValid()]).to.deep.equal([S.UnconnectedState, -1, false, false]);
        expect(log).to.deep.equal([]);
      }
    });

    // PyQt5 5.15 takes a regular file's descriptor as ConnectedState and reads it ("hello");
    // tsqt refuses it, with no poll handle made and the file left open
    it('a regular file: false, "Operation on non-socket"; no poll handle, the file stays open and unchanged', function () {
      const file = path.join(os.tmpdir(), `tsqt-setSocketDescriptor-${process.pid}`);
      fs.writeFileSync(file, 'hello');
      const fd = fs.openSync(file, 'r+');
      try {
        const s = track();
        expect(s.bind(QHostAddress.LocalHost, 0)).to.equal(true);
        const sock = s.socketDescriptor();
        const handlesBefore = loadNative().resources()[1];
        // the descriptor's status flags (O_NONBLOCK among them), as the kernel reports them
        const fdFlags = (): string => /^flags:\s*(\S+)/m.exec(fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))![1]!;
        const flagsBefore = fdFlags();
        const log = watch(s);
        expect(s.setSocketDescriptor(fd)).to.equal(false);
        expect([s.error(), s.errorString()]).to.deep.equal([E.UnsupportedSocketOperationError, 'Operation on non-socket']);
        expect([s.state(), s.socketDescriptor()]).to.deep.equal([S.BoundState, sock]);
        expect(log).to.deep.equal([]);
        expect(loadNative().resources()[1]).to.equal(handlesBefore);
        expect(fdFlags()).to.equal(flagsBefore);
        expect(fs.readFileSync(fd, 'utf8')).to.equal('hello');
      } finally {
        fs.closeSync(fd);
        fs.unlinkSync(file);
      }
    });

    it('a device (/dev/null): false, "Operation on non-socket"', function () {
      const fd = fs.openSync('/dev/null', 'r');
      try {
        const s = track();
        expect(s.setSocketDescriptor(fd)).to.equal(false);
        expect([s.error(), s.errorString(), s.state()]).to.deep.equal([E.UnsupportedSocketOperationError, 'Operation on non-socket', S.UnconnectedState]);
        expect(isOpenFd(fd)).to.equal(true);
      } finally {
        fs.closeSync(fd);
      }
    });

    // PyQt5 5.15 takes TCP sockets (listening, connected) as ConnectedState and reads the byte
    // stream; tsqt's engine only does UDP
    it('a TCP socket: false, "Protocol type not supported"; the TCP server keeps working', async function () {
      const server = net.createServer((c) => c.end('ok')).listen(0, '127.0.0.1');
      try {
        await new Promise((r) => server.once('listening', r));
        const fd = (server as unknown as { _handle: { fd: number } })._handle.fd;
        expect(fd).to.be.at.least(0);
        const s = track();
        const log = watch(s);
        expect(s.setSocketDescriptor(fd)).to.equal(false);
        expect([s.error(), s.errorString()]).to.deep.equal([E.UnsupportedSocketOperationError, 'Protocol type not supported']);
        expect([s.state(), s.socketDescriptor()]).to.deep.equal([S.UnconnectedState, -1]);
        expect(log).to.deep.equal([]);
        const got = await new Promise<string>((resolve, reject) => {
          const c = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
          let text = '';
          c.on('data', (d) => (text += d.toString()));
          c.on('end', () => resolve(text));
          c.on('error', reject);
        });
        expect(got).to.equal('ok');
      } finally {
        server.close();
      }
    });

    it('a UDP socket Node already watches (dgram): false, "Unsupported socket operation"; the dgram socket keeps working', async function () {
      const d = dgram.createSocket('udp4');
      try {
        await new Promise<void>((r) => d.bind(0, '127.0.0.1', () => r()));
        // the descriptor of the dgram socket's libuv handle (Socket#_handle is deprecated)
        const state = Object.getOwnPropertySymbols(d).find((k) => k.description === 'state symbol')!;
        const fd = (d as unknown as Record<symbol, { handle: { fd: number } }>)[state]!.handle.fd;
        expect(fd).to.be.at.least(0);
        const s = track();
        const log = watch(s);
        expect(s.setSocketDescriptor(fd, S.BoundState)).to.equal(false);
        expect([s.error(), s.errorString()]).to.deep.equal([E.UnsupportedSocketOperationError, 'Unsupported socket operation']);
        expect([s.state(), s.socketDescriptor()]).to.deep.equal([S.UnconnectedState, -1]);
        expect(log).to.deep.equal([]);
        const received = new Promise<string>((r) => d.once('message', (m) => r(m.toString())));
        const sender = track();
        expect(sender.writeDatagram('dg', QHostAddress.LocalHost, d.address().port)).to.equal(2);
        expect(await received).to.equal('dg');
      } finally {
        d.close();
      }
    });
  });

  describe('a UDP descriptor made elsewhere', function () {
    // PyQt5 5.15, a Python UDP socket bound to ::1, setSocketDescriptor(fd, BoundState):
    // stateChanged(BoundState), True, open ReadWrite (3), localAddress ::1, error UnknownSocketError
    it('is taken in the given state, opened with the given mode, with the kernel\'s addresses', async function () {
      const fd = raw(true);
      const s = track();
      const log = watch(s);
      expect(s.setSocketDescriptor(fd, S.BoundState)).to.equal(true);
      expect(log).to.deep.equal([['stateChanged', S.BoundState]]);
      expect([s.state(), s.socketDescriptor(), s.isOpen(), s.openMode(), s.isValid()]).to.deep.equal([S.BoundState, fd, true, QIODevice.ReadWrite, true]);
      expect(s.localAddress().toString()).to.equal('::1');
      expect(s.localPort()).to.be.greaterThan(0);
      expect(s.peerAddress().isNull()).to.equal(true);
      expect([s.error(), s.errorString()]).to.deep.equal([E.UnknownSocketError, 'Unknown error']);
      // it receives (readyRead from the event loop) and sends
      const peer = track();
      expect(peer.bind(QHostAddress.LocalHostIPv6, 0)).to.equal(true);
      let ready = 0;
      s.readyRead.connect(() => ready++);
      expect(peer.writeDatagram('to s', QHostAddress.LocalHostIPv6, s.localPort())).to.equal(4);
      expect(await until(() => ready > 0)).to.equal(true);
      const [data, from, fromPort] = s.readDatagram(100);
      expect([data?.toString(), from?.toString(), fromPort]).to.deep.equal(['to s', '::1', peer.localPort()]);
      expect(s.writeDatagram('back', QHostAddress.LocalHostIPv6, peer.localPort())).to.equal(4);
      expect(peer.waitForReadyRead(1000)).to.equal(true);
      expect(peer.readDatagram(100)[0]?.toString()).to.equal('back');
      // the socket owns it now: close() closes it
      s.close();
      expect(s.socketDescriptor()).to.equal(-1);
      expect(isOpenFd(fd)).to.equal(false);
    });

    // PyQt5 5.15: default arguments take a bound socket as ConnectedState (no peer), open
    // ReadWrite; an unbound one with UnconnectedState: no stateChanged, True, open, local 0.0.0.0
    it('defaults to ConnectedState and ReadWrite; an unbound one can be taken as UnconnectedState without a signal', function () {
      const a = track();
      const logA = watch(a);
      expect(a.setSocketDescriptor(raw())).to.equal(true);
      expect(logA).to.deep.equal([['stateChanged', S.ConnectedState]]);
      expect([a.state(), a.openMode(), a.localAddress().toString()]).to.deep.equal([S.ConnectedState, QIODevice.ReadWrite, '127.0.0.1']);
      const b = track();
      const logB = watch(b);
      expect(b.setSocketDescriptor(raw(false, false), S.UnconnectedState)).to.equal(true);
      expect(logB).to.deep.equal([]);
      expect([b.state(), b.isOpen(), b.isValid(), b.localAddress().toString(), b.localPort()]).to.deep.equal([S.UnconnectedState, true, true, '0.0.0.0', 0]);
      // with NotOpen the device stays closed (PyQt5: state 3, isOpen False)
      const c = track();
      expect(c.setSocketDescriptor(raw(), S.ConnectedState, QIODevice.NotOpen)).to.equal(true);
      expect([c.state(), c.isOpen()]).to.deep.equal([S.ConnectedState, false]);
    });

    it('replaces the socket\'s own OS socket, which is closed', async function () {
      const s = track();
      expect(s.bind(QHostAddress.LocalHost, 0)).to.equal(true);
      const old = s.socketDescriptor();
      const fd = raw();
      expect(s.setSocketDescriptor(fd, S.BoundState)).to.equal(true);
      expect(s.socketDescriptor()).to.equal(fd);
      expect(isOpenFd(old)).to.equal(false);
      await spin(5);
      // and a dispose() closes the taken one
      s.dispose();
      expect(isOpenFd(fd)).to.equal(false);
    });
  });
});
