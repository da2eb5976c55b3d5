// Tests of the native socket engine (src/network/private/NativeSocketEngine.ts) below QUdpSocket.
import { expect } from 'chai';
import { runPass, keepAliveState } from '../../../src/core/private/dispatcher.js';
import { qInstallMessageHandler } from '../../../src/core/qlogging.js';
import { QHostAddress } from '../../../src/network/QHostAddress.js';
import { QNetworkInterface } from '../../../src/network/QNetworkInterface.js';
import { NativeSocketEngine } from '../../../src/network/private/NativeSocketEngine.js';
import { EngineOption, HeaderOptions, type DatagramHeader } from '../../../src/network/private/SocketEngine.js';

const IPv4 = 0;
const IPv6 = 1;
const AnyIP = 2;

function header(): DatagramHeader {
  return {
    senderAddress: new QHostAddress(),
    senderPort: 0,
    destinationAddress: new QHostAddress(),
    destinationPort: 0,
    hopLimit: -1,
    ifindex: 0,
  };
}

function to(addr: string, port: number, extra: Partial<DatagramHeader> = {}): DatagramHeader {
  return { ...header(), destinationAddress: new QHostAddress(addr), destinationPort: port, ...extra };
}

describe('NativeSocketEngine', function () {
  const engines: NativeSocketEngine[] = [];
  let warnings: string[] = [];
  let previousHandler: ReturnType<typeof qInstallMessageHandler> = null;

  function engine(): NativeSocketEngine {
    const e = new NativeSocketEngine();
    engines.push(e);
    return e;
  }
  function bound(addr = '127.0.0.1', proto: 0 | 1 | 2 = IPv4): NativeSocketEngine {
    const e = engine();
    expect(e.initialize(proto)).to.equal(true);
    expect(e.bind(new QHostAddress(addr), 0)).to.equal(true);
    return e;
  }
  /** Runs dispatcher passes until cond() holds (each pass yields to Node's loop first). */
  async function until(cond: () => boolean, passes = 200): Promise<void> {
    for (let i = 0; i < passes && !cond(); i++) {
      await new Promise((r) => setImmediate(r));
    }
  }

  beforeEach(function () {
    warnings = [];
    previousHandler = qInstallMessageHandler((_t, _c, m) => warnings.push(m));
  });

  afterEach(function () {
    qInstallMessageHandler(previousHandler);
    for (const e of engines.splice(0)) e.close();
  });

  it('starts without a socket, with Qt\'s unknown error', function () {
    const e = engine();
    expect(e.isValid()).to.equal(false);
    expect(e.socketDescriptor()).to.equal(-1);
    expect(e.protocol()).to.equal(-1);
    expect(e.error()).to.equal(-1);
    expect(e.errorString()).to.equal('Unknown error');
    expect(e.option(EngineOption.MulticastTtl)).to.equal(undefined);
    expect(e.setOption(EngineOption.MulticastTtl, 3)).to.equal(false);
    expect(e.hasPendingDatagrams()).to.equal(false);
    expect(e.pendingDatagramSize()).to.equal(-1);
  });

  it('initializes each protocol and sets Qt\'s UDP defaults', function () {
    for (const p of [IPv4, IPv6, AnyIP] as const) {
      const e = engine();
      expect(e.initialize(p)).to.equal(true);
      expect(e.isValid()).to.equal(true);
      expect(e.socketDescriptor()).to.be.greaterThan(2);
      expect(e.protocol()).to.equal(p);
      e.close();
      expect(e.isValid()).to.equal(false);
      e.close(); // idempotent
    }
  });

  it('binds to 127.0.0.1 and reads address and port back from the kernel', function () {
    const e = bound();
    expect(e.localAddress().toString()).to.equal('127.0.0.1');
    expect(e.localPort()).to.be.within(1, 65535);
    expect(e.peerPort()).to.equal(0);
    expect(e.peerAddress().isNull()).to.equal(true);
  });

  it('binds a dual-stack socket to Any: localAddress is Any and protocol AnyIP', function () {
    const e = engine();
    e.initialize(AnyIP);
    expect(e.bind(QHostAddress.Any, 0)).to.equal(true);
    expect(e.protocol()).to.equal(AnyIP);
    expect(e.localAddress().protocol()).to.equal(AnyIP);
    expect(e.localAddress().toString()).to.equal('0.0.0.0');
  });

  it('maps bind failures to Qt\'s errors; the socket is kept; the first error wins', function () {
    const a = bound();
    const e = engine();
    e.initialize(IPv4);
    expect(e.bind(new QHostAddress('127.0.0.1'), a.localPort())).to.equal(false);
    expect(e.error()).to.equal(8);
    expect(e.errorString()).to.equal('The bound address is already in use');
    expect(e.isValid()).to.equal(true);
    expect(e.bind(new QHostAddress('192.0.2.99'), 0)).to.equal(false);
    expect(e.error(), 'first error wins').to.equal(8);
    const f = engine();
    f.initialize(IPv4);
    expect(f.bind(new QHostAddress('192.0.2.99'), 0)).to.equal(false);
    expect(f.error()).to.equal(9);
    expect(f.errorString()).to.equal('The address is not available');
    expect(f.bind(new QHostAddress('127.0.0.1'), 0)).to.equal(true);
  });

  it('warns and fails when bind is called on a bound socket', function () {
    const e = bound();
    expect(e.bind(new QHostAddress('127.0.0.1'), 0)).to.equal(false);
    expect(warnings).to.deep.equal(['QNativeSocketEngine::bind() was not called in QAbstractSocket::UnconnectedState']);
    expect(e.error()).to.equal(-1);
  });

  it('sends and receives with sender, destination, hop limit and interface', function () {
    const a = bound();
    const b = bound();
    expect(b.writeDatagram(Buffer.from('hello'), to('127.0.0.1', a.localPort()))).to.equal(5);
    expect(a.waitForRead(2000)).to.equal(true);
    expect(a.hasPendingDatagrams()).to.equal(true);
    expect(a.pendingDatagramSize()).to.equal(5);
    expect(a.bytesAvailable()).to.equal(5);
    const h = header();
    const data = a.readDatagram(100, h, HeaderOptions.All);
    expect(Buffer.isBuffer(data) && data.toString()).to.equal('hello');
    expect(h.senderAddress.toString()).to.equal('127.0.0.1');
    expect(h.senderPort).to.equal(b.localPort());
    expect(h.destinationAddress.toString()).to.equal('127.0.0.1');
    expect(h.destinationPort).to.equal(a.localPort());
    expect(h.hopLimit).to.equal(64);
    expect(h.ifindex).to.equal(QNetworkInterface.interfaceFromName('lo').index());
    expect(a.readDatagram(100, h, HeaderOptions.All)).to.equal(-2);
    expect(h.senderAddress.isNull()).to.equal(true);
    expect(a.error()).to.equal(-1);
  });

  it('delivers IPv4 to a dual-stack socket as v4-mapped, with a scoped destination', function () {
    const d = engine();
    d.initialize(AnyIP);
    d.bind(QHostAddress.Any, 0);
    const b = bound();
    b.writeDatagram(Buffer.from('x'), to('127.0.0.1', d.localPort(), { hopLimit: 5 }));
    expect(d.waitForRead(2000)).to.equal(true);
    const h = header();
    d.readDatagram(10, h, HeaderOptions.All);
    expect(h.senderAddress.toString()).to.equal('::ffff:127.0.0.1');
    const lo = QNetworkInterface.interfaceFromName('lo').index();
    expect(h.destinationAddress.toString()).to.equal(`::ffff:127.0.0.1%${lo}`);
    // Linux gives no hop limit for an IPv4 packet on a socket that asked only IPV6_RECVHOPLIMIT (as Qt).
    expect(h.hopLimit).to.equal(-1);
    // and back: an IPv4 destination from a dual-stack socket
    expect(d.writeDatagram(Buffer.from('yz'), to('127.0.0.1', b.localPort()))).to.equal(2);
    expect(b.waitForRead(2000)).to.equal(true);
    const h2 = header();
    expect((b.readDatagram(10, h2, HeaderOptions.Sender) as Buffer).toString()).to.equal('yz');
    expect(h2.senderPort).to.equal(d.localPort());
  });

  it('works over ::1', function () {
    const a = bound('::1', IPv6);
    const b = bound('::1', IPv6);
    expect(a.protocol()).to.equal(IPv6);
    expect(a.localAddress().toString()).to.equal('::1');
    expect(b.writeDatagram(Buffer.from('six'), to('::1', a.localPort()))).to.equal(3);
    a.waitForRead(2000);
    const h = header();
    expect((a.readDatagram(10, h, HeaderOptions.Sender) as Buffer).toString()).to.equal('six');
    expect(h.senderAddress.toString()).to.equal('::1');
  });

  it('truncates reads to maxSize and discards the rest', function () {
    const a = bound();
    a.writeDatagram(Buffer.from('0123456789'), to('127.0.0.1', a.localPort()));
    a.waitForRead(2000);
    expect((a.readDatagram(3, null, HeaderOptions.None) as Buffer).toString()).to.equal('012');
    expect(a.pendingDatagramSize()).to.equal(-1);
  });

  it('reports a datagram too large with Qt\'s text', function () {
    const a = bound();
    expect(a.writeDatagram(new Uint8Array(65508), to('127.0.0.1', a.localPort()))).to.equal(-1);
    expect(a.error()).to.equal(6);
    expect(a.errorString()).to.equal('Datagram was too large to send');
  });

  it('reports a send without destination on an unconnected socket as NetworkError', function () {
    const a = bound();
    expect(a.writeDatagram(Buffer.from('x'), null)).to.equal(-1);
    expect(a.error()).to.equal(7);
    expect(a.errorString()).to.equal('Unable to send a message');
  });

  it('connects, sends on the connection, and reads ECONNREFUSED as Qt does', function () {
    const a = bound();
    const port = a.localPort();
    const c = engine();
    c.initialize(IPv4);
    expect(c.connectToHost(new QHostAddress('127.0.0.1'), port)).to.equal(true);
    expect(c.peerPort()).to.equal(port);
    expect(c.peerAddress().toString()).to.equal('127.0.0.1');
    expect(c.localPort()).to.be.greaterThan(0);
    expect(c.write(Buffer.from('hi'))).to.equal(2);
    a.waitForRead(2000);
    expect((a.read(10) as Buffer).toString()).to.equal('hi');
    a.close();
    expect(c.write(Buffer.from('x'))).to.equal(1);
    c.waitForRead(2000);
    // receiving a datagram: ConnectionRefusedError
    expect(c.readDatagram(10, null, HeaderOptions.None)).to.equal(-1);
    expect(c.error()).to.equal(0);
    expect(c.errorString()).to.equal('Connection refused');
    // read(): NetworkError with the OS text and the engine closes (first error stays)
    c.write(Buffer.from('y'));
    c.waitForRead(2000);
    expect(c.read(10)).to.equal(-1);
    expect(c.isValid()).to.equal(false);
  });

  it('read() failure records NetworkError with the OS text and closes the socket', function () {
    const a = bound();
    const port = a.localPort();
    const c = engine();
    c.initialize(IPv4);
    c.connectToHost(new QHostAddress('127.0.0.1'), port);
    a.close();
    c.write(Buffer.from('y'));
    c.waitForRead(2000);
    expect(c.read(10)).to.equal(-1);
    expect(c.error()).to.equal(7);
    expect(c.errorString()).to.equal('Connection refused');
    expect(c.isValid()).to.equal(false);
  });

  it('waitForRead times out with a temporary SocketTimeoutError', function () {
    const a = bound();
    expect(a.waitForRead(0)).to.equal(false);
    expect(a.error()).to.equal(5);
    expect(a.errorString()).to.equal('Network operation timed out');
    // temporary: a later real error still replaces it
    expect(a.writeDatagram(new Uint8Array(65508), to('127.0.0.1', a.localPort()))).to.equal(-1);
    expect(a.error()).to.equal(6);
    expect(a.waitForWrite(1000)).to.equal(true);
  });

  it('gets and sets options per protocol', function () {
    const a = bound();
    expect(a.option(EngineOption.MulticastTtl)).to.equal(1);
    expect(a.option(EngineOption.MulticastLoopback)).to.equal(1);
    expect(a.setOption(EngineOption.MulticastTtl, 0)).to.equal(true);
    expect(a.option(EngineOption.MulticastTtl)).to.equal(0);
    expect(a.setOption(EngineOption.MulticastTtl, 256)).to.equal(false);
    expect(a.option(EngineOption.MulticastTtl)).to.equal(0);
    expect(a.option(EngineOption.LowDelay)).to.equal(undefined);
    expect(a.option(EngineOption.PathMtu)).to.equal(undefined);
    expect(a.option(EngineOption.ReceiveBufferSize)).to.be.greaterThan(0);
    expect(a.option(EngineOption.Broadcast)).to.equal(undefined);
    const d = engine();
    d.initialize(AnyIP);
    d.bind(QHostAddress.Any, 0);
    expect(d.option(EngineOption.TypeOfService)).to.equal(undefined);
    expect(d.option(EngineOption.MulticastTtl)).to.equal(1);
  });

  it('joins and leaves 239.255.43.21 on lo and receives its own multicast', function () {
    const a = engine();
    a.initialize(IPv4);
    expect(a.setOption(EngineOption.AddressReusable, 1)).to.equal(true);
    expect(a.bind(QHostAddress.AnyIPv4, 0)).to.equal(true);
    a.setOption(EngineOption.MulticastTtl, 0);
    const lo = QNetworkInterface.interfaceFromName('lo');
    const group = new QHostAddress('239.255.43.21');
    expect(a.setMulticastInterface(lo)).to.equal(true);
    expect(a.multicastInterface().name()).to.equal('lo');
    expect(a.joinMulticastGroup(group, lo)).to.equal(true);
    expect(a.writeDatagram(Buffer.from('mc'), to('239.255.43.21', a.localPort()))).to.equal(2);
    expect(a.waitForRead(2000)).to.equal(true);
    const h = header();
    expect((a.readDatagram(10, h, HeaderOptions.All) as Buffer).toString()).to.equal('mc');
    expect(h.destinationAddress.toString()).to.equal('239.255.43.21');
    expect(a.leaveMulticastGroup(group, lo)).to.equal(true);
    expect(a.leaveMulticastGroup(group, lo)).to.equal(false);
    expect(a.error()).to.equal(9);
    expect(a.joinMulticastGroup(new QHostAddress('10.0.0.1'), null)).to.equal(false);
  });

  it('refuses an IPv4 group on a dual-stack socket with Qt\'s warning', function () {
    const d = engine();
    d.initialize(AnyIP);
    d.bind(QHostAddress.Any, 0);
    expect(d.joinMulticastGroup(new QHostAddress('239.255.43.21'), null)).to.equal(false);
    expect(warnings[0]).to.match(/^QAbstractSocket: cannot bind to QHostAddress::Any/);
    expect(d.multicastInterface().isValid()).to.equal(false);
  });

  it('joins an IPv6 group on lo by index', function () {
    const a = engine();
    a.initialize(IPv6);
    a.bind(QHostAddress.AnyIPv6, 0);
    const lo = QNetworkInterface.interfaceFromName('lo');
    if (!a.joinMulticastGroup(new QHostAddress('ff12::4321'), lo)) {
      console.log(`      (IPv6 multicast join refused here: ${a.errorString()})`);
      this.skip();
    }
    expect(a.leaveMulticastGroup(new QHostAddress('ff12::4321'), lo)).to.equal(true);
    expect(a.setMulticastInterface(lo)).to.equal(true);
    expect(a.multicastInterface().index()).to.equal(lo.index());
  });

  it('notifies readability through the dispatcher, level-triggered, until disabled', async function () {
    const a = bound();
    let reads = 0;
    a.receiver = { readNotification: () => reads++, writeNotification: () => {} };
    a.setReadNotificationEnabled(true);
    expect(a.isReadNotificationEnabled()).to.equal(true);
    a.writeDatagram(Buffer.from('n'), to('127.0.0.1', a.localPort()));
    await until(() => reads > 0);
    expect(reads).to.equal(1);
    await until(() => reads > 1);
    expect(reads, 'level-triggered: still readable').to.be.greaterThan(1);
    a.setReadNotificationEnabled(false);
    const before = reads;
    runPass(0);
    await until(() => false, 5);
    expect(reads).to.equal(before);
    a.setReadNotificationEnabled(true);
    a.readDatagram(10, null, HeaderOptions.None);
    const after = reads;
    runPass(0);
    await until(() => false, 5);
    expect(reads, 'nothing pending: no notification').to.equal(after);
  });

  it('notifies writability when asked', async function () {
    const a = bound();
    let writes = 0;
    a.receiver = { readNotification: () => {}, writeNotification: () => writes++ };
    a.setWriteNotificationEnabled(true);
    await until(() => writes > 0);
    expect(writes).to.be.greaterThan(0);
    a.setWriteNotificationEnabled(false);
    expect(a.isWriteNotificationEnabled()).to.equal(false);
  });

  it('holds the process alive while a socket is open, and closing while notifying is safe', async function () {
    const base = keepAliveState().keepAlive;
    const a = bound();
    expect(keepAliveState().keepAlive).to.equal(base + 1);
    let reads = 0;
    a.receiver = {
      readNotification: () => {
        reads++;
        a.close();
      },
      writeNotification: () => {},
    };
    a.setReadNotificationEnabled(true);
    const port = a.localPort();
    const b = bound();
    b.writeDatagram(Buffer.from('z'), to('127.0.0.1', port));
    await until(() => reads > 0);
    expect(reads).to.equal(1);
    expect(a.isValid()).to.equal(false);
    expect(keepAliveState().keepAlive).to.equal(base + 1); // b only
    b.close();
    expect(keepAliveState().keepAlive).to.equal(base);
  });

  it('can be initialized again after close, with a fresh error state', function () {
    const e = engine();
    e.initialize(IPv4);
    // an address this host does not have: SocketAddressNotAvailableError
    expect(e.bind(new QHostAddress('192.0.2.1'), 0)).to.equal(false);
    expect(e.error()).to.equal(9);
    e.close();
    expect(e.initialize(IPv4)).to.equal(true);
    expect(e.error()).to.equal(-1);
    expect(e.bind(new QHostAddress('127.0.0.1'), 0)).to.equal(true);
  });
});
