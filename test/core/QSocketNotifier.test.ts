import { expect } from 'chai';
import { QSocketNotifier, QObject, QCoreApplication, QEventLoop, isDeleted } from '../../src/core/index.js';
import { QHostAddress, QUdpSocket } from '../../src/network/index.js';
import { isNativeAvailable, loadNative } from '../../src/private/native.js';
import { coreHooks, sleep, turns } from './helpers.js';
import { resources } from '../faults/helpers.js';
import { openSync, closeSync, writeSync, readSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

function nativeOk(): boolean {
  try {
    return isNativeAvailable() && typeof loadNative().pollOpen === 'function';
  } catch {
    return false;
  }
}

describe('QSocketNotifier', () => {
  const hooks = coreHooks();
  let fds: number[] = [];

  beforeEach(function () {
    if (!nativeOk()) {
      console.log('    skipped: the native addon with pollOpen is not built (npm rebuild)');
      this.skip();
    }
  });

  afterEach(() => {
    for (const fd of fds) closeSync(fd);
    fds = [];
  });

  function fifo(): [number, number] {
    const path = `/tmp/tsqt-notifier-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    execFileSync('mkfifo', [path]);
    const r = openSync(path, 'r+');
    const w = openSync(path, 'r+');
    fds.push(r, w);
    return [r, w];
  }

  /** A new socket, which must get descriptor number `fd`, receives `text`; returns it and its sender. */
  async function socketOnNumber(fd: number, text: string): Promise<QUdpSocket[]> {
    const s = new QUdpSocket();
    expect(s.bind(QHostAddress.LocalHost, 0)).to.equal(true);
    expect(s.socketDescriptor(), 'the kernel hands out the lowest free number').to.equal(fd);
    const got: string[] = [];
    s.readyRead.connect(() => {
      while (s.hasPendingDatagrams()) got.push(s.readDatagram(100)[0]!.toString());
    });
    const c = new QUdpSocket();
    c.writeDatagram(text, QHostAddress.LocalHost, s.localPort());
    await sleep(30);
    expect(got).to.deep.equal([text]);
    return [s, c];
  }

  it('emits activated once per pass while readable, and stops when disabled (EL-8)', async () => {
    const [r, w] = fifo();
    const n = new QSocketNotifier(r, QSocketNotifier.Read);
    const got: unknown[] = [];
    n.activated.connect((fd, type) => {
      got.push([fd, type]);
      if (got.length === 3) n.setEnabled(false);
    });
    expect(n.isEnabled()).to.equal(true);
    await sleep(10);
    expect(got).to.deep.equal([]);
    writeSync(w, 'x');
    await sleep(30);
    expect(got).to.deep.equal([[r, 0], [r, 0], [r, 0]]);
    n.setEnabled(true);
    readSync(r, Buffer.alloc(1));
    got.length = 0;
    await turns(3);
    expect(got.length).to.be.at.most(1);
    n.dispose();
    expect(isDeleted(n)).to.equal(true);
  });

  // PyQt5 5.15 with the UNIX dispatcher (QT_NO_GLIB=1): a pipe with a byte in it gives no
  // activation in a processEvents(ExcludeSocketNotifiers) pass, one in the next plain pass, and
  // another in the pass after (level-triggered). The glib dispatcher ignores the flag.
  it('processEvents(ExcludeSocketNotifiers) skips a ready notifier; plain passes activate it each time (EL-7, EL-8)', () => {
    const [r, w] = fifo();
    const n = new QSocketNotifier(r, QSocketNotifier.Read);
    let count = 0;
    n.activated.connect(() => count++);
    writeSync(w, 'x');
    QCoreApplication.processEvents(QEventLoop.ExcludeSocketNotifiers);
    expect(count).to.equal(0);
    QCoreApplication.processEvents();
    expect(count).to.equal(1);
    QCoreApplication.processEvents(QEventLoop.X11ExcludeTimers);
    expect(count).to.equal(2);
    n.dispose();
  });

  // PyQt5 5.15 (glib dispatcher), a pipe's read end closed under an active notifier:
  // "QSocketNotifier: Invalid socket 4 and type 'Read', disabling...", no activation after, and
  // isEnabled() false (the UNIX dispatcher does the same with "with type Read").
  it('warns and disables itself when the program closes its descriptor', async () => {
    const [r, w] = fifo();
    const n = new QSocketNotifier(r, QSocketNotifier.Read);
    let count = 0;
    n.activated.connect(() => count++);
    writeSync(w, 'x');
    await sleep(20);
    expect(count).to.be.greaterThan(0);
    closeSync(r);
    fds.splice(fds.indexOf(r), 1);
    count = 0;
    await sleep(20);
    expect(count).to.equal(0);
    expect(n.isEnabled()).to.equal(false);
    expect(hooks.messages).to.deep.equal([`QSocketNotifier: Invalid socket ${r} and type 'Read', disabling...`]);
    // a socket that gets the same number next is watched by a poll handle of its own
    const made = await socketOnNumber(r, 'fresh');
    n.dispose();
    for (const o of made) o.dispose();
  });

  it('an idle notifier whose descriptor the program closed leaves the number to a new socket', async () => {
    const [r] = fifo();
    const n = new QSocketNotifier(r, QSocketNotifier.Read);
    await sleep(10);
    closeSync(r);
    fds.splice(fds.indexOf(r), 1);
    // the new socket takes the number; the old handle (registered for the closed descriptor) is
    // closed rather than shared, and its notifier is told
    const made = await socketOnNumber(r, 'mine');
    expect(n.isEnabled()).to.equal(false);
    expect(hooks.messages).to.deep.equal([`QSocketNotifier: Invalid socket ${r} and type 'Read', disabling...`]);
    n.dispose();
    for (const o of made) o.dispose();
  });

  it('validates its arguments', () => {
    expect(() => new QSocketNotifier(-1, 0)).to.throw(TypeError, /QSocketNotifier: socket/);
    expect(() => new QSocketNotifier('3' as never, 0)).to.throw(TypeError, /QSocketNotifier: socket must be an integer >= 0, got "3"/);
    expect(() => new QSocketNotifier(2 ** 31, 0)).to.throw(RangeError, /QSocketNotifier: socket must be a descriptor number/);
    expect(() => new QSocketNotifier(0, 7 as never)).to.throw(RangeError);
  });

  it('a descriptor libuv cannot watch throws before anything is made; the parent keeps no child', () => {
    const fd = openSync('/dev/null', 'r');
    fds.push(fd);
    const p = new QObject();
    expect(() => new QSocketNotifier(fd, QSocketNotifier.Read, p)).to.throw(Error, `QSocketNotifier: cannot watch descriptor ${fd}: operation not permitted`);
    expect(p.children()).to.deep.equal([]);
    p.dispose();
  });

  // PyQt5 5.15 (glib): QSocketNotifier(99999, Read) is made, and its first poll warns
  // "QSocketNotifier: Invalid socket 99999 and type 'Read', disabling..." and disables it.
  it('on a descriptor that is not open: made enabled, then warned about and disabled in the next pass', async () => {
    const p = new QObject();
    const n = new QSocketNotifier(99999, QSocketNotifier.Read, p);
    let fired = 0;
    n.activated.connect(() => fired++);
    expect(n.isEnabled()).to.equal(true);
    expect(hooks.messages).to.deep.equal([]);
    await sleep(10);
    expect(hooks.messages).to.deep.equal(["QSocketNotifier: Invalid socket 99999 and type 'Read', disabling..."]);
    expect(n.isEnabled()).to.equal(false);
    expect(fired).to.equal(0);
    expect(p.children()).to.deep.equal([n]);
    p.dispose();
    expect(isDeleted(n)).to.equal(true);
  });

  it('is deleted with its parent', () => {
    const [r] = fifo();
    const p = new QObject();
    const n = new QSocketNotifier(r, QSocketNotifier.Read, p);
    p.dispose();
    expect(isDeleted(n)).to.equal(true);
  });

  // Qt lets a program watch a QUdpSocket's own descriptor. PyQt5 5.15 (glib dispatcher, its
  // default here) with a Read and a Write notifier on a bound socket's descriptor and one
  // datagram sent to it: readyRead (the slot reads the datagram), then activated of both. tsqt
  // re-checks readiness before each activation (DESIGN), so a Read notifier fires when the
  // datagram is still there at its turn.
  describe("on a QUdpSocket's descriptor", () => {
    const sockets: QUdpSocket[] = [];
    afterEach(() => {
      for (const s of sockets.splice(0)) s.dispose();
    });
    function socket(): QUdpSocket {
      const s = new QUdpSocket();
      sockets.push(s);
      expect(s.bind(QHostAddress.LocalHost, 0)).to.equal(true);
      return s;
    }
    function send(to: QUdpSocket, text: string): void {
      const c = socket();
      expect(c.writeDatagram(text, QHostAddress.LocalHost, to.localPort())).to.equal(text.length);
    }

    it('shares the descriptor with the socket: both are told, and the socket still reads', async () => {
      const s = socket();
      const fd = s.socketDescriptor();
      const rn = new QSocketNotifier(fd, QSocketNotifier.Read);
      const wn = new QSocketNotifier(fd, QSocketNotifier.Write);
      const log: unknown[] = [];
      rn.activated.connect((sock, type) => {
        log.push(['read', sock, type]);
        rn.setEnabled(false);
      });
      wn.activated.connect((sock, type) => {
        log.push(['write', sock, type]);
        wn.setEnabled(false);
      });
      let reads = 0;
      s.readyRead.connect(() => {
        log.push('readyRead');
        // the first datagram is left unread, so that the Read notifier finds it at its turn
        if (reads++ > 0) while (s.hasPendingDatagrams()) log.push(s.readDatagram(100)[0]!.toString());
      });
      send(s, 'one');
      await sleep(40);
      expect(log).to.have.deep.members(['readyRead', ['read', fd, 0], ['write', fd, 1]]);
      expect(log[0]).to.equal('readyRead');
      rn.dispose();
      wn.dispose();
      // reading 'one' re-arms readyRead (UDP-R2): the socket's own notifier is still working
      expect(s.readDatagram(100)[0]!.toString()).to.equal('one');
      log.length = 0;
      send(s, 'two');
      await sleep(40);
      expect(log).to.deep.equal(['readyRead', 'two']);
    });

    it('a Read notifier disposed or disabled leaves the socket its readyRead cycle', async () => {
      const s = socket();
      const n = new QSocketNotifier(s.socketDescriptor(), QSocketNotifier.Read);
      n.setEnabled(false);
      const got: string[] = [];
      s.readyRead.connect(() => {
        while (s.hasPendingDatagrams()) got.push(s.readDatagram(100)[0]!.toString());
      });
      send(s, 'a');
      await sleep(30);
      n.dispose();
      send(s, 'b');
      await sleep(30);
      expect(got).to.deep.equal(['a', 'b']);
    });

    it('closing the socket first silences the notifier; the descriptor number can be watched again', async () => {
      const s = socket();
      const fd = s.socketDescriptor();
      const n = new QSocketNotifier(fd, QSocketNotifier.Write);
      let fired = 0;
      n.activated.connect(() => fired++);
      await sleep(20);
      expect(fired).to.be.greaterThan(0);
      s.close();
      fired = 0;
      await sleep(20);
      // as Qt on the POLLNVAL of a closed descriptor: a warning, and disabled
      expect(fired).to.equal(0);
      expect(n.isEnabled()).to.equal(false);
      expect(hooks.messages).to.deep.equal([`QSocketNotifier: Invalid socket ${fd} and type 'Write', disabling...`]);
      // the kernel hands the lowest free number out again: a new socket (and its poll handle)
      // may get the same descriptor while the old notifier still exists
      const t = socket();
      const got: string[] = [];
      t.readyRead.connect(() => {
        while (t.hasPendingDatagrams()) got.push(t.readDatagram(100)[0]!.toString());
      });
      const m = new QSocketNotifier(t.socketDescriptor(), QSocketNotifier.Read);
      send(t, 'again');
      await sleep(30);
      expect(got).to.deep.equal(['again']);
      expect(fired).to.equal(0);
      // enabled again, it is found invalid again in the next pass
      n.setEnabled(true);
      await sleep(10);
      expect(n.isEnabled()).to.equal(false);
      expect(fired).to.equal(0);
      expect(hooks.messages).to.have.length(2);
      n.dispose();
      m.dispose();
    });

    it('one poll handle serves the socket and its notifiers, and is freed when all are gone', async () => {
      const before = (await resources()).nativePolls;
      const s = socket();
      const a = new QSocketNotifier(s.socketDescriptor(), QSocketNotifier.Read);
      const b = new QSocketNotifier(s.socketDescriptor(), QSocketNotifier.Write);
      expect((await resources()).nativePolls).to.equal(before + 1);
      a.dispose();
      s.dispose();
      b.dispose();
      sockets.splice(sockets.indexOf(s), 1);
      expect((await resources()).nativePolls).to.equal(before);
    });
  });
});
