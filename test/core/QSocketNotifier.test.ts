import { expect } from 'chai';
import { QSocketNotifier, QObject, QCoreApplication, QEventLoop, isDeleted } from '../../src/core/index.js';
import { isNativeAvailable, loadNative } from '../../src/private/native.js';
import { coreHooks, sleep, turns } from './helpers.js';
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
  coreHooks();
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

  it('validates its arguments', () => {
    expect(() => new QSocketNotifier(-1, 0)).to.throw(TypeError, /QSocketNotifier: socket/);
    expect(() => new QSocketNotifier(0, 7 as never)).to.throw(RangeError);
  });

  it('is deleted with its parent', () => {
    const [r] = fifo();
    const p = new QObject();
    const n = new QSocketNotifier(r, QSocketNotifier.Read, p);
    p.dispose();
    expect(isDeleted(n)).to.equal(true);
  });
});
