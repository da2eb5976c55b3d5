// Ports of Qt 5.15's tests/auto/corelib/kernel/qcoreapplication/tst_qcoreapplication.cpp (and of
// quit(), which only a later Qt's file has: ported with Qt 5.15's behaviour, checked with PyQt5
// 5.15). Each `it` starts with Qt's test function name. `TestApplication app(argc, argv)` is
// `new QCoreApplication(argv)`, disposed where Qt's goes out of scope; `app.exec()` is awaited.
//
// Not ported:
// - deliverInDefinedOrder: needs QThread (queued signals from a thread).
// - globalPostedEventsCount: qGlobalPostedEventsCount() is a private Qt export tsqt does not have.
// - customEventDispatcher: needs QAbstractEventDispatcher (setEventDispatcher).
// - testQuitLock: needs QEventLoopLocker and QCoreApplicationPrivate::quitLockRef (tsqt has no QEventLoopLocker).
// - QTBUG31606_QEventDestructorDeadLock: needs an event destructor that posts (JavaScript has no destructors).
// - applicationEventFilters_auxThread: needs QThread.
// - threadedEventDelivery: needs QThread / QDaemonThread.
import { expect } from 'chai';
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { QObject, QEvent, QCoreApplication, QEventLoop, QMetaObject, QTimer, QElapsedTimer, Qt } from '../../src/core/index.js';
import { coreHooks } from './helpers.js';

const appName = 'tst_qcoreapplication';

class EventSpy extends QObject {
  recordedEvents: number[] = [];
  override eventFilter(_o: QObject, event: QEvent): boolean {
    this.recordedEvents.push(event.type());
    return false;
  }
}

describe('tst_qcoreapplication ports', () => {
  const st = coreHooks();

  it('sendEventsOnProcessEvents: processEvents() delivers an event posted to the application, through its filter', () => {
    const app = new QCoreApplication([appName]);
    const spy = new EventSpy();
    app.installEventFilter(spy);
    QCoreApplication.postEvent(app, new QEvent(QEvent.User + 1));
    QCoreApplication.processEvents();
    expect(spy.recordedEvents).to.include(QEvent.User + 1);
    spy.dispose();
    app.dispose();
  });

  it('getSetCheck: setApplicationVersion() round-trips, also through the applicationVersion property', () => {
    let v = QCoreApplication.applicationVersion();
    v = '3.0.0 prerelease 1';
    QCoreApplication.setApplicationVersion(v);
    expect(QCoreApplication.applicationVersion()).to.equal(v);
    {
      const app = new QCoreApplication([appName]);
      expect(app.property('applicationVersion')).to.equal(v);
      app.dispose();
    }
    v = '';
    QCoreApplication.setApplicationVersion(v);
    expect(QCoreApplication.applicationVersion()).to.equal(v);
  });

  it('qAppName: the name comes from argv[0], outlives the application, and a name set before construction wins', () => {
    {
      const app = new QCoreApplication([appName]);
      expect(QCoreApplication.applicationName()).to.equal(appName);
      app.dispose();
    }
    // still available after destruction
    expect(QCoreApplication.applicationName()).to.equal(appName);

    // Setting the appname before creating the application should work (QTBUG-45283)
    const wantedAppName = 'my app name';
    {
      QCoreApplication.setApplicationName(wantedAppName);
      const app = new QCoreApplication([appName]);
      expect(QCoreApplication.applicationName()).to.equal(wantedAppName);
      app.dispose();
    }
    expect(QCoreApplication.applicationName()).to.equal(wantedAppName);

    // Restore to initial value
    QCoreApplication.setApplicationName('');
    expect(QCoreApplication.applicationName()).to.equal('');
  });

  it('qAppVersion: empty on Linux, outlives the application, and a version set before construction wins', () => {
    const appVersion = '';
    {
      const app = new QCoreApplication([]);
      expect(QCoreApplication.applicationVersion()).to.equal(appVersion);
      app.dispose();
    }
    expect(QCoreApplication.applicationVersion()).to.equal(appVersion);
    const wantedAppVersion = '0.0.1';
    {
      QCoreApplication.setApplicationVersion(wantedAppVersion);
      const app = new QCoreApplication([]);
      expect(QCoreApplication.applicationVersion()).to.equal(wantedAppVersion);
      app.dispose();
    }
    expect(QCoreApplication.applicationVersion()).to.equal(wantedAppVersion);
    QCoreApplication.setApplicationVersion('');
    expect(QCoreApplication.applicationVersion()).to.equal('');
  });

  it('argc: arguments() has one entry per argument; -qmljsdebugger= is taken out (PyQt5 5.15 agrees)', () => {
    for (const [argv, n] of [
      [[appName], 1],
      [[appName, 'arg1', 'arg2', 'arg3'], 4],
      [[], 0],
      [[appName, '-qmljsdebugger=port:3768,block'], 1],
    ] as const) {
      const app = new QCoreApplication([...argv]);
      expect(QCoreApplication.arguments(), argv.join(' ')).to.have.length(n);
      app.dispose();
    }
    // every form Qt 5.15 removes, and the one it keeps (a last -qmljsdebugger without a value)
    const app = new QCoreApplication(['x', 'a', '--qmljsdebugger=port:1', '-qmljsdebugger', 'v', 'b', '-qmljsdebugger']);
    expect(QCoreApplication.arguments()).to.deep.equal(['x', 'a', 'b', '-qmljsdebugger']);
    app.dispose();
  });

  class EventGenerator extends QObject {
    other: QObject | null = null;
    override event(e: QEvent): boolean {
      if (e.type() === QEvent.MaxUser) {
        QCoreApplication.sendPostedEvents(this.other, 0);
      } else if (e.type() <= QEvent.User + 999) {
        // post a new event in response to this posted event
        let offset = e.type() - QEvent.User;
        offset = offset * 10 + (offset % 10);
        QCoreApplication.postEvent(this, new QEvent(QEvent.User + offset), offset);
      }
      return super.event(e);
    }
  }

  it('postEvent: priorities order delivery, sendPostedEvents() delivers only what was queued at the call, even when recursing', () => {
    const app = new QCoreApplication([appName]);
    const spy = new EventSpy();
    const odd = new EventGenerator();
    const even = new EventGenerator();
    odd.other = even;
    odd.installEventFilter(spy);
    even.other = odd;
    even.installEventFilter(spy);
    const U = QEvent.User;

    QCoreApplication.postEvent(odd, new QEvent(U + 1));
    QCoreApplication.postEvent(even, new QEvent(U + 2));
    QCoreApplication.postEvent(odd, new QEvent(U + 3), 1);
    QCoreApplication.postEvent(even, new QEvent(U + 4), 2);
    QCoreApplication.postEvent(odd, new QEvent(U + 5), -2);
    QCoreApplication.postEvent(even, new QEvent(U + 6), -1);

    QCoreApplication.sendPostedEvents();
    // live lock protection ensures that we only send the initial events
    expect(spy.recordedEvents).to.deep.equal([U + 4, U + 3, U + 1, U + 2, U + 6, U + 5]);

    spy.recordedEvents = [];
    QCoreApplication.sendPostedEvents();
    expect(spy.recordedEvents).to.deep.equal([U + 66, U + 55, U + 44, U + 33, U + 22, U + 11]);

    // have the generators call sendPostedEvents() on each other in response to an event
    QCoreApplication.postEvent(odd, new QEvent(QEvent.MaxUser), 0x7fffffff);
    QCoreApplication.postEvent(even, new QEvent(QEvent.MaxUser), 0x7fffffff);
    spy.recordedEvents = [];
    QCoreApplication.sendPostedEvents();
    expect(spy.recordedEvents).to.deep.equal([QEvent.MaxUser, QEvent.MaxUser, U + 555, U + 333, U + 111, U + 666, U + 444, U + 222]);

    spy.recordedEvents = [];
    QCoreApplication.sendPostedEvents();
    expect(spy.recordedEvents).to.deep.equal([U + 6666, U + 5555, U + 4444, U + 3333, U + 2222, U + 1111]);

    // no more events
    spy.recordedEvents = [];
    QCoreApplication.sendPostedEvents();
    expect(spy.recordedEvents).to.deep.equal([]);
    for (const o of [odd, even, spy, app]) o.dispose();
  });

  it('removePostedEvents: by receiver, for all, by receiver and type, by type for all', () => {
    const app = new QCoreApplication([appName]);
    const spy = new EventSpy();
    const one = new QObject();
    const two = new QObject();
    one.installEventFilter(spy);
    two.installEventFilter(spy);
    const U = QEvent.User;

    // remove all events for one object
    for (let i = 1; i <= 3; i++) QCoreApplication.postEvent(one, new QEvent(U + i));
    for (let i = 4; i <= 6; i++) QCoreApplication.postEvent(two, new QEvent(U + i));
    QCoreApplication.removePostedEvents(one);
    QCoreApplication.sendPostedEvents();
    expect(spy.recordedEvents).to.deep.equal([U + 4, U + 5, U + 6]);
    spy.recordedEvents = [];

    // remove all events for all objects
    for (let i = 7; i <= 12; i++) QCoreApplication.postEvent(i % 2 ? one : two, new QEvent(U + i));
    QCoreApplication.removePostedEvents(null);
    QCoreApplication.sendPostedEvents();
    expect(spy.recordedEvents).to.deep.equal([]);

    // remove a specific type of event for one object
    for (let i = 13; i <= 18; i++) QCoreApplication.postEvent(i % 2 ? one : two, new QEvent(U + i));
    QCoreApplication.removePostedEvents(one, U + 13);
    QCoreApplication.removePostedEvents(two, U + 18);
    QCoreApplication.sendPostedEvents();
    expect(spy.recordedEvents).to.deep.equal([U + 14, U + 15, U + 16, U + 17]);
    spy.recordedEvents = [];

    // remove a specific type of event for all objects
    for (const t of [19, 19, 20, 20, 21, 21].entries()) QCoreApplication.postEvent(t[0] % 2 ? two : one, new QEvent(U + t[1]));
    QCoreApplication.removePostedEvents(null, U + 20);
    QCoreApplication.sendPostedEvents();
    expect(spy.recordedEvents).to.deep.equal([U + 19, U + 19, U + 21, U + 21]);
    for (const o of [one, two, spy, app]) o.dispose();
  });

  it('applicationPid: a positive process id', () => {
    expect(QCoreApplication.applicationPid()).to.be.greaterThan(0);
    expect(QCoreApplication.applicationPid()).to.equal(process.pid);
  });

  it('processEventsAlwaysSendsPostedEvents: every processEvents() delivers the event posted just before (300 ms of rounds; Qt: 1 s)', () => {
    const app = new QCoreApplication([appName]);
    class ProcessEventsAlwaysSendsPostedEventsObject extends QObject {
      counter = 0;
      override event(event: QEvent): boolean {
        if (event.type() === QEvent.User) ++this.counter;
        return super.event(event);
      }
    }
    const object = new ProcessEventsAlwaysSendsPostedEventsObject();
    const t = new QElapsedTimer();
    t.start();
    let i = 1;
    do {
      QCoreApplication.postEvent(object, new QEvent(QEvent.User));
      QCoreApplication.processEvents();
      if (object.counter !== i) expect(object.counter).to.equal(i);
      ++i;
    } while (t.elapsed() < 300);
    expect(i).to.be.greaterThan(2);
    object.dispose();
    app.dispose();
  });

  it('quit (a later Qt\'s test, Qt 5.15 behaviour): quit() without a loop does nothing; a queued quit ends exec() with 0 and, unlike Qt 6, sends no Quit event (PyQt5 5.15)', async () => {
    QCoreApplication.quit(); // Should not do anything
    {
      const app = new QCoreApplication([appName]);
      const spy = new EventSpy();
      app.installEventFilter(spy);

      QTimer.singleShot(0, app, 'quit');
      expect(await app.exec()).to.equal(0);
      expect(spy.recordedEvents).to.not.include(QEvent.Quit);
      spy.recordedEvents = [];

      QTimer.singleShot(0, () => QCoreApplication.quit());
      expect(await app.exec()).to.equal(0);
      expect(spy.recordedEvents).to.not.include(QEvent.Quit);

      // nothing left pending: a quit() that had been queued would end this exec() too early
      let quitAt = 0;
      QTimer.singleShot(30, () => {
        quitAt = 1;
        QCoreApplication.exit(3);
      });
      expect(await app.exec()).to.equal(3);
      expect(quitAt).to.equal(1);
      spy.dispose();
      app.dispose();
    }
    QCoreApplication.quit(); // Should not do anything
  });

  it('reexec: the application\'s exec() can run again after it returned', async () => {
    const app = new QCoreApplication([appName]);
    QMetaObject.invokeMethod(app, 'quit', Qt.QueuedConnection);
    expect(await app.exec()).to.equal(0);
    QMetaObject.invokeMethod(app, 'quit', Qt.QueuedConnection);
    expect(await app.exec()).to.equal(0);
    app.dispose();
  });

  it('execAfterExit: exit(1) before exec() is forgotten; exec() returns what the queued quit gives', async () => {
    const app = new QCoreApplication([appName]);
    app.exit(1);
    QMetaObject.invokeMethod(app, 'quit', Qt.QueuedConnection);
    expect(await app.exec()).to.equal(0);
    app.dispose();
  });

  it('eventLoopExecAfterExit: after the application\'s exec() returned, a QEventLoop still runs', async () => {
    const app = new QCoreApplication([appName]);
    QMetaObject.invokeMethod(app, 'quit', Qt.QueuedConnection);
    expect(await app.exec()).to.equal(0);
    const loop = new QEventLoop();
    QMetaObject.invokeMethod(loop, 'quit', Qt.QueuedConnection);
    expect(await loop.exec()).to.equal(0);
    loop.dispose();
    app.dispose();
  });

  it('applicationEventFilters_mainThread: an event posted to the application passes its filter while exec() runs', async () => {
    const app = new QCoreApplication([appName]);
    const spy = new EventSpy();
    app.installEventFilter(spy);
    QCoreApplication.postEvent(app, new QEvent(QEvent.User + 1));
    QTimer.singleShot(10, app, 'quit');
    await app.exec();
    expect(spy.recordedEvents).to.include(QEvent.User + 1);
    spy.dispose();
    app.dispose();
  });

  it('testTrWithPercantegeAtTheEnd: translate() with a trailing % and n returns the text unchanged', () => {
    expect(QCoreApplication.translate('testcontext', 'this will crash%', 'testdisamb', 3)).to.equal('this will crash%');
  });

  it('addRemoveLibPaths: added and removed paths, kept across the creation of an application; setLibraryPaths replaces', function () {
    // Qt skips ("Cannot add/remove library paths if there are none.") when its list starts empty;
    // tsqt has no plugin directory, so its list does start empty before an application exists:
    // seed it with one existing directory (outside the current one) and run Qt's sequence on that.
    expect(QCoreApplication.libraryPaths()).to.deep.equal([]);
    QCoreApplication.setLibraryPaths([realpathSync(tmpdir())]);
    const paths = QCoreApplication.libraryPaths();
    expect(paths).to.have.length(1);
    const currentDir = process.cwd();
    QCoreApplication.addLibraryPath(currentDir);
    expect(QCoreApplication.libraryPaths()).to.include(currentDir);
    QCoreApplication.removeLibraryPath(paths[0]!);
    expect(QCoreApplication.libraryPaths()).to.not.include(paths[0]);

    const app = new QCoreApplication([appName]);
    // (Qt checks these only when its list had more than one path; here they hold anyway)
    expect(QCoreApplication.libraryPaths()).to.include(currentDir);
    expect(QCoreApplication.libraryPaths()).to.not.include(paths[0]);
    const replace = [currentDir, paths[0]!];
    QCoreApplication.setLibraryPaths(replace);
    expect(QCoreApplication.libraryPaths()).to.deep.equal(replace);
    app.dispose();
    expect(st.errors).to.deep.equal([]);
  });
});
