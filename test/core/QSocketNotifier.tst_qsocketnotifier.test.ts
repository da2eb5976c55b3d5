// Ports of Qt 5.15's tests/auto/corelib/kernel/qsocketnotifier/tst_qsocketnotifier.cpp, on
// loopback and pipes only: Qt's TCP pairs (QTcpServer/QTcpSocket/QNativeSocketEngine, which tsqt
// does not have) become FIFOs opened read-write, which are readable and writable like a
// connected socket. Each `it` starts with Qt's test function name. QTestEventLoop::enterLoop is
// an awaited `signal.wait()`.
//
// Not ported: none (every function is ported; unexpectedDisconnection's expected count differs
// by DESIGN, see there).
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { QObject, QEvent, QCoreApplication, QEventLoop, QSocketNotifier, QTimer } from '../../src/core/index.js';
import { QHostAddress, QUdpSocket } from '../../src/network/index.js';
import { QSignalSpy } from '../../src/testlib/index.js';
import { isNativeAvailable } from '../../src/private/native.js';
import { coreHooks, qSleep, sleep, tryVerify } from './helpers.js';

describe('tst_qsocketnotifier ports', () => {
  const st = coreHooks();
  let fds: number[] = [];
  let paths: string[] = [];

  beforeEach(function () {
    if (!isNativeAvailable()) {
      console.log('    skipped: the native addon is not built (npm rebuild)');
      this.skip();
    }
  });

  afterEach(() => {
    for (const fd of fds) closeSync(fd);
    fds = [];
    if (paths.length > 0) execFileSync('rm', ['-f', ...paths]);
    paths = [];
  });

  /** A FIFO opened twice read-write: [readEnd, writeEnd]; each end is also writable/readable. */
  function fifo(): [number, number] {
    const path = `/tmp/tsqt-tst-qsn-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    execFileSync('mkfifo', [path]);
    paths.push(path);
    const r = openSync(path, 'r+');
    const w = openSync(path, 'r+');
    fds.push(r, w);
    return [r, w];
  }

  /** A non-blocking 1-byte read: the data, or -2 for "would block" (Qt's engine's value). */
  function read1(fd: number): number {
    try {
      const buf = Buffer.alloc(1);
      return readSync(fd, buf) === 1 ? buf[0]! : -1;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') return -2;
      throw e;
    }
  }

  it('unexpectedDisconnection: a slot that empties both descriptors leaves the other notifier unactivated (DESIGN re-checks readiness; Qt 5.15 activates it: sequence 2)', () => {
    // Qt (and PyQt5 5.15 with two pipes) activates the second notifier too, whose read then
    // returns -2 (would block): the select() result is not re-checked. tsqt's pass re-checks each
    // notifier with a zero-timeout poll(2) just before activating it (DESIGN, "How the
    // dispatcher meets Node's loop"), so the spurious activation Qt's comment warns about is gone.
    const [readEnd1, writeEnd1] = fifo();
    const [readEnd2, writeEnd2] = fifo();
    writeSync(writeEnd1, '1');
    writeSync(writeEnd2, '2');
    class UnexpectedDisconnectTester extends QObject {
      sequence = 0;
      reads: number[] = [];
      constructor() {
        super();
        const notifier1 = new QSocketNotifier(readEnd1, QSocketNotifier.Read, this);
        notifier1.activated.connect(this, 'handleActivated');
        const notifier2 = new QSocketNotifier(readEnd2, QSocketNotifier.Read, this);
        notifier2.activated.connect(this, 'handleActivated');
      }
      handleActivated(): void {
        ++this.sequence;
        if (this.sequence === 1) {
          // read from both ends
          this.reads.push(read1(readEnd1), read1(readEnd2));
        } else if (this.sequence === 2) {
          // we should never get here
          this.reads.push(read1(readEnd2));
        }
      }
    }
    const tester = new UnexpectedDisconnectTester();
    const timer = new QTimer();
    timer.setSingleShot(true);
    timer.start(30000);
    do {
      // we have to wait until sequence value changes
      QCoreApplication.processEvents(QEventLoop.WaitForMoreEvents);
      expect(timer.isActive()).to.equal(true); // escape if test would hang
    } while (tester.sequence <= 0);
    for (let i = 0; i < 5; i++) QCoreApplication.processEvents();
    expect(tester.sequence).to.equal(1);
    expect(tester.reads).to.deep.equal(['1'.charCodeAt(0), '2'.charCodeAt(0)]);
    timer.dispose();
    tester.dispose();
  });

  it('mixingWithTimers (a FIFO for the listening socket): a zero timer and a notifier are both served by processEvents()', async () => {
    const timer = new QTimer();
    timer.setInterval(0);
    timer.start();
    const [r, w] = fifo();
    const helper = { timerActivated: false, socketActivated: false };
    const owner = new QObject();
    timer.timeout.connect(owner, () => {
      helper.timerActivated = true;
    });
    const notifier = new QSocketNotifier(r, QSocketNotifier.Read, owner);
    notifier.activated.connect(owner, () => {
      helper.socketActivated = true;
      readSync(r, Buffer.alloc(16));
    });
    QCoreApplication.processEvents();
    expect(helper.timerActivated).to.equal(true);
    expect(helper.socketActivated).to.equal(false);
    helper.timerActivated = false;
    helper.socketActivated = false;

    writeSync(w, 'connect');
    QCoreApplication.processEvents();
    expect(helper.timerActivated).to.equal(true);
    await tryVerify(() => helper.socketActivated);
    expect(helper.socketActivated).to.equal(true);
    timer.dispose();
    owner.dispose();
  });

  it('posixSockets (a read-write FIFO end for the POSIX socket): read, then write notifiers fire once each; the exception notifier never', async () => {
    const [posixSocket, passive] = fifo();
    const owner = new QObject();
    {
      const rn = new QSocketNotifier(posixSocket, QSocketNotifier.Read, owner);
      const readSpy = new QSignalSpy(rn.activated);
      // No write notifier, some systems trigger write notification on socket creation, but not all
      const en = new QSocketNotifier(posixSocket, QSocketNotifier.Exception, owner);
      const errorSpy = new QSignalSpy(en.activated);

      writeSync(passive, 'hello\0');
      // QTestEventLoop::enterLoop(3), left at the first activation
      expect(await Promise.race([rn.activated.wait(3000).then(() => true), en.activated.wait(3000).then(() => false)])).to.equal(true);
      expect(readSpy.count()).to.equal(1);
      expect(errorSpy.count()).to.equal(0);
      expect(readSpy.first()).to.deep.equal([posixSocket, QSocketNotifier.Read]);

      const buffer = Buffer.alloc(100);
      const r = readSync(posixSocket, buffer);
      expect(r).to.equal(6);
      expect(buffer.subarray(0, 6).toString('latin1')).to.equal('hello\0');

      const wn = new QSocketNotifier(posixSocket, QSocketNotifier.Write, owner);
      const writeSpy = new QSignalSpy(wn.activated);
      writeSync(posixSocket, 'goodbye\0');
      await wn.activated.wait(3000);
      // the read notifier may see the bytes just written (a FIFO is one pipe): Qt's socket would not
      rn.setEnabled(false);
      expect(writeSpy.count()).to.equal(1);
      expect(writeSpy.first()).to.deep.equal([posixSocket, QSocketNotifier.Write]);
      expect(errorSpy.count()).to.equal(0);

      const got = Buffer.alloc(100);
      expect(got.subarray(0, readSync(passive, got)).toString('latin1')).to.equal('goodbye\0');
      for (const n of [rn, en, wn]) n.dispose();
    }
    owner.dispose();
  });

  it('asyncMultipleDatagram: two datagrams read in one readyRead, a third sent later gives the second readyRead', async () => {
    const asyncSender = new QUdpSocket();
    const asyncReceiver = new QUdpSocket();
    expect(asyncReceiver.bind(new QHostAddress(QHostAddress.AnyIPv4), 0)).to.equal(true);
    const port = asyncReceiver.localPort();
    expect(port).to.not.equal(0);
    const to = new QHostAddress('127.0.0.1'); // makeNonAny(AnyIPv4)
    const spy = new QSignalSpy(asyncReceiver.readyRead);
    const failures: string[] = [];
    let exitLoop: (() => void) | null = null;
    asyncReceiver.readyRead.connect(() => {
      if (!asyncReceiver.hasPendingDatagrams()) failures.push('no pending datagram in readyRead');
      let buf: Buffer | null = null;
      do {
        if (asyncReceiver.pendingDatagramSize() !== 1) failures.push(`pending size ${asyncReceiver.pendingDatagramSize()}`);
        [buf] = asyncReceiver.readDatagram(1);
        if (buf === null || buf.length !== 1) failures.push('readDatagram did not return 1 byte');
        // wait for the second datagram message.
        if (buf !== null && buf.toString() === '1') qSleep(100);
      } while (asyncReceiver.hasPendingDatagrams());
      if (buf !== null && buf.toString() === '3') exitLoop?.();
    });
    // activate socket notifiers
    await sleep(100);
    asyncSender.writeDatagram(Buffer.from('1'), to, port);
    asyncSender.writeDatagram(Buffer.from('2'), to, port);
    // wait a little to ensure that the datagrams we've just sent will be delivered
    qSleep(100);
    expect(asyncReceiver.hasPendingDatagrams()).to.equal(true);
    QTimer.singleShot(500, () => {
      asyncSender.writeDatagram(Buffer.from('3'), to, port);
    });
    const done = await new Promise<boolean>((resolve) => {
      const t = setTimeout(() => resolve(false), 5000); // Qt: 1 s
      exitLoop = () => {
        clearTimeout(t);
        resolve(true);
      };
    });
    expect(done, 'the third datagram arrived').to.equal(true);
    expect(failures).to.deep.equal([]);
    expect(spy.count()).to.equal(2);
    asyncSender.dispose();
    asyncReceiver.dispose();
  });

  for (const [name, type] of [['read', QSocketNotifier.Read], ['write', QSocketNotifier.Write], ['exception', QSocketNotifier.Exception]] as const) {
    it(`activationReason(${name}): a posted SockAct emits activated(socket, type) with the notifier's type`, () => {
      // Qt uses descriptor 15, which it finds invalid and disables; a disabled FIFO end does the
      // same here (PyQt5 5.15: a posted SockAct still emits on a disabled notifier).
      const [fd] = fifo();
      const notifier = new QSocketNotifier(fd, type);
      notifier.setEnabled(false);
      QCoreApplication.postEvent(notifier, new QEvent(QEvent.SockAct));
      let notifierType: number | null = null;
      notifier.activated.connect((sockfd, sntype) => {
        if (sockfd === fd) notifierType = sntype;
        else st.messages.push(`Got an unexpected socket file descriptor: ${sockfd}`);
      });
      QCoreApplication.processEvents();
      expect(notifierType).to.equal(type);
      notifier.dispose();
    });
  }

  it('legacyConnect: a slot taking only the descriptor (Qt\'s activated(int)/qintptr) gets it', () => {
    const [fd] = fifo();
    const notifier = new QSocketNotifier(fd, QSocketNotifier.Read);
    notifier.setEnabled(false);
    QCoreApplication.postEvent(notifier, new QEvent(QEvent.SockAct));
    let receivedQIntPtr = false;
    notifier.activated.connect((q: number) => {
      if (q === fd) receivedQIntPtr = true;
    });
    let receivedInt = false;
    notifier.activated.connect((q) => {
      if (q === fd) receivedInt = true;
    });
    QCoreApplication.processEvents();
    expect(receivedQIntPtr).to.equal(true);
    expect(receivedInt).to.equal(true);
    notifier.dispose();
  });
});
