// Ports of Qt 5.15's tests/auto/corelib/kernel/qeventloop/tst_qeventloop.cpp. Each `it` starts
// with Qt's test function name. `loop.exec()` is awaited (DESIGN: it does not block its caller),
// and processEvents() never blocks, WaitForMoreEvents included (DESIGN).
//
// Not ported:
// - wakeUp: needs QThread and QAbstractEventDispatcher::awake.
// - deliverInDefinedOrder: needs QThread (objects moved between threads while events are queued).
// - testQuitLock: needs QEventLoopLocker and QEventLoopPrivate::quitLockRef (tsqt has no QEventLoopLocker).
// - exec()'s middle block (exec() of a thread after QThread::exit() returns at once): needs QThread.
// - processEvents()'s aboutToBlock/awake counts: need QAbstractEventDispatcher's signals.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { QObject, QEvent, QCoreApplication, QEventLoop, QMetaObject, QSocketNotifier, QTimer, QTimerEvent, Qt } from '../../src/core/index.js';
import { isNativeAvailable } from '../../src/private/native.js';
import { coreHooks, qSleep, tryVerify } from './helpers.js';

class EventLoopExiter extends QObject {
  constructor(readonly eventLoop: QEventLoop) {
    super();
  }
  exit(): void {
    this.eventLoop.exit();
  }
  exit1(): void {
    this.eventLoop.exit(1);
  }
  exit2(): void {
    this.eventLoop.exit(2);
  }
}

const EXEC_TIMEOUT = 100;

describe('tst_qeventloop ports', () => {
  const st = coreHooks();

  it('processEvents: returns true when it delivered a posted event; repeated calls run dry; with WaitForMoreEvents it does not block (DESIGN), and returns true once the timer is due', () => {
    const eventLoop = new QEventLoop();
    QCoreApplication.postEvent(eventLoop, new QEvent(QEvent.User));
    // process posted events, QEventLoop::processEvents() should return true
    expect(eventLoop.processEvents()).to.equal(true);
    // we are able to process all events from the queue, otherwise it would hang
    let rounds = 0;
    while (eventLoop.processEvents()) expect(++rounds).to.be.below(1000);
    expect(eventLoop.processEvents()).to.equal(false);

    // Qt blocks until the 100 ms timer fires and returns true; tsqt's pass never blocks
    const receiver = new (class extends QObject {
      fired = 0;
      protected override timerEvent(): void {
        this.fired++;
      }
    })();
    const timerId = receiver.startTimer(100);
    expect(eventLoop.processEvents(QEventLoop.WaitForMoreEvents)).to.equal(false);
    expect(receiver.fired).to.equal(0);
    qSleep(120); // (a busy wait: an awaited sleep would let Node's loop deliver the timer)
    expect(eventLoop.processEvents(QEventLoop.WaitForMoreEvents)).to.equal(true);
    expect(receiver.fired).to.equal(1);
    receiver.killTimer(timerId);
    receiver.dispose();
    eventLoop.dispose();
  });

  it('exec: exit(), exit(1), exit(2) give exec()\'s result; a loop that calls exec() again while running gets -1 with a warning', async () => {
    {
      const eventLoop = new QEventLoop();
      const exiter = new EventLoopExiter(eventLoop);
      QTimer.singleShot(EXEC_TIMEOUT, exiter, 'exit');
      expect(await eventLoop.exec()).to.equal(0);
      QTimer.singleShot(EXEC_TIMEOUT, exiter, 'exit1');
      expect(await eventLoop.exec()).to.equal(1);
      QTimer.singleShot(EXEC_TIMEOUT, exiter, 'exit2');
      expect(await eventLoop.exec()).to.equal(2);
      exiter.dispose();
      eventLoop.dispose();
    }
    {
      // a single instance of QEventLoop should not be allowed to recurse into exec()
      const eventLoop = new QEventLoop();
      class EventLoopExecutor extends QObject {
        returnCode = -42;
        async exec(): Promise<void> {
          QTimer.singleShot(100, eventLoop, 'quit');
          // this should return immediately, and the timer event ends the outer exec()
          this.returnCode = await eventLoop.exec();
        }
      }
      const executor = new EventLoopExecutor();
      QTimer.singleShot(EXEC_TIMEOUT, executor, 'exec');
      expect(await eventLoop.exec()).to.equal(0);
      expect(executor.returnCode).to.equal(-1);
      expect(st.messages.some((m) => /^QEventLoop::exec: instance 0x[0-9a-f]+ has already called exec\(\)$/.test(m)), st.messages.join('|')).to.equal(true);
      executor.dispose();
      eventLoop.dispose();
    }
  });

  it('reexec: a QEventLoop runs again after its exec() returned', async () => {
    const loop = new QEventLoop();
    QMetaObject.invokeMethod(loop, 'quit', Qt.QueuedConnection);
    expect(await loop.exec()).to.equal(0);
    QMetaObject.invokeMethod(loop, 'quit', Qt.QueuedConnection);
    expect(await loop.exec()).to.equal(0);
    loop.dispose();
  });

  it('execAfterExit: exit(1) before exec() is forgotten; exec() returns what the queued exit() gives (PyQt5 5.15: 0)', async () => {
    const loop = new QEventLoop();
    const obj = new EventLoopExiter(loop);
    QMetaObject.invokeMethod(obj, 'exit', Qt.QueuedConnection);
    loop.exit(1);
    expect(await loop.exec()).to.equal(0);
    obj.dispose();
    loop.dispose();
  });

  it('quit: a timed quit() ends exec() with 0', async () => {
    const eventLoop = new QEventLoop();
    QTimer.singleShot(100, eventLoop, 'quit');
    expect(await eventLoop.exec()).to.equal(0);
    eventLoop.dispose();
  });

  it('processEventsExcludeSocket (a FIFO instead of Qt\'s TCP pair in a thread): ExcludeSocketNotifiers holds a ready notifier back; the next processEvents() activates it', function () {
    if (!isNativeAvailable()) this.skip();
    const path = `/tmp/tsqt-qeventloop-${process.pid}-${Date.now()}`;
    execFileSync('mkfifo', [path]);
    const r = openSync(path, 'r+');
    const w = openSync(path, 'r+');
    try {
      const notifier = new QSocketNotifier(r, QSocketNotifier.Read);
      let dataArrived = false;
      notifier.activated.connect(() => {
        dataArrived = true;
        readSync(r, Buffer.alloc(16));
      });
      writeSync(w, 'HELLO');
      QCoreApplication.processEvents(QEventLoop.ExcludeSocketNotifiers);
      // Qt: QVERIFY(!testResult) (an expected failure on the glib dispatcher)
      expect(dataArrived).to.equal(false);
      // to check if the deferred event is processed
      QCoreApplication.processEvents();
      expect(dataArrived).to.equal(true);
      notifier.dispose();
    } finally {
      closeSync(r);
      closeSync(w);
      execFileSync('rm', ['-f', path]);
    }
  });

  it('processEventsExcludeTimers: X11ExcludeTimers holds a due timer back; the next processEvents() sends it', () => {
    class TimerReceiver extends QObject {
      gotTimerEvent = -1;
      protected override timerEvent(event: QTimerEvent): void {
        this.gotTimerEvent = event.timerId();
      }
    }
    const timerReceiver = new TimerReceiver();
    const timerId = timerReceiver.startTimer(0);
    const eventLoop = new QEventLoop();
    // normal process events will send timers
    eventLoop.processEvents();
    expect(timerReceiver.gotTimerEvent).to.equal(timerId);
    timerReceiver.gotTimerEvent = -1;
    // but not if we exclude timers
    eventLoop.processEvents(QEventLoop.X11ExcludeTimers);
    expect(timerReceiver.gotTimerEvent).to.equal(-1);
    // resume timer processing
    eventLoop.processEvents();
    expect(timerReceiver.gotTimerEvent).to.equal(timerId);
    timerReceiver.killTimer(timerId);
    timerReceiver.dispose();
    eventLoop.dispose();
  });

  it('nestedLoops: three posted events each start a loop that a later posted event ends; nothing wedges (the loops are awaited, DESIGN)', async () => {
    class StartStopEvent extends QEvent {
      constructor(type: number, readonly el: QEventLoop | null = null) {
        super(type);
      }
    }
    const results: number[] = [];
    class Tester extends QObject {
      protected override customEvent(e: QEvent): void {
        if (e.type() === QEvent.User) {
          const loop = new QEventLoop();
          QCoreApplication.postEvent(this, new StartStopEvent(QEvent.User + 1, loop));
          void loop.exec().then((code) => {
            results.push(code);
            loop.dispose();
          });
        } else {
          (e as StartStopEvent).el!.exit();
        }
      }
    }
    const t = new Tester();
    for (let i = 0; i < 3; i++) QCoreApplication.postEvent(t, new StartStopEvent(QEvent.User));
    // without the fix, this will *wedge* and never return (Qt waits 1 s)
    await tryVerify(() => results.length === 3, 3000);
    expect(results).to.deep.equal([0, 0, 0]);
    t.dispose();
  });
});
