import { expect } from 'chai';
import sinon from 'sinon';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, mkdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QCoreApplication, QEventLoop, QObject, QEvent, QTimer, Signal, Qt, QMetaEnum, isDeleted } from '../../src/core/index.js';
import { coreHooks, turns, sleep } from './helpers.js';

class Rec extends QObject {
  constructor(readonly log: unknown[]) {
    super();
  }
  override event(e: QEvent): boolean {
    if (e.type() >= QEvent.User) {
      this.log.push((e as QEvent & { tag?: string }).tag ?? e.type());
      return true;
    }
    return super.event(e);
  }
}

function tagged(tag: string, type: number = QEvent.User): QEvent {
  return Object.assign(new QEvent(type), { tag });
}

describe('QCoreApplication', () => {
  const st = coreHooks();

  describe('instance', () => {
    it('is optional and unique; dispose() ends it', () => {
      expect(QCoreApplication.instance()).to.equal(null);
      const app = new QCoreApplication(['x', '-y']);
      expect(QCoreApplication.instance()).to.equal(app);
      expect(QCoreApplication.arguments()).to.deep.equal(['x', '-y']);
      expect(() => new QCoreApplication()).to.throw(Error, /only one/);
      app.dispose();
      expect(QCoreApplication.instance()).to.equal(null);
    });

    // EV-1 (sendEvent is synchronous and returns event()'s result), EV-2 (postEvent returns before
    // delivery); EL-9 and EV-12 do not hold by DESIGN: the implicit dispatcher delivers without an
    // instance, before one exists and after it is disposed.
    it('delivers posted events and sendEvent without an instance (deliberate difference; EV-1, EV-2, EL-9)', async () => {
      const log: unknown[] = [];
      const r = new Rec(log);
      expect(QCoreApplication.sendEvent(r, tagged('sent'))).to.equal(true);
      QCoreApplication.postEvent(r, tagged('posted'));
      expect(log).to.deep.equal(['sent']);
      await turns(2);
      expect(log).to.deep.equal(['sent', 'posted']);
    });
  });

  describe('.postEvent()', () => {
    it('orders by priority, then FIFO (EV-3)', async () => {
      const log: unknown[] = [];
      const r = new Rec(log);
      QCoreApplication.postEvent(r, tagged('x1'));
      QCoreApplication.postEvent(r, tagged('x2'));
      QCoreApplication.postEvent(r, tagged('hi'), 5);
      QCoreApplication.postEvent(r, tagged('lo'), -5);
      await turns(2);
      expect(log).to.deep.equal(['hi', 'x1', 'x2', 'lo']);
    });

    it('events posted during a pass wait for the next pass, whatever their priority (EL-2)', async () => {
      const log: unknown[] = [];
      const r = new Rec(log);
      const origEvent = r.event.bind(r);
      r.event = (e: QEvent) => {
        const res = origEvent(e);
        if ((e as QEvent & { tag?: string }).tag === 'A') QCoreApplication.postEvent(r, tagged('B'), 100);
        return res;
      };
      QCoreApplication.postEvent(r, tagged('A'));
      QCoreApplication.postEvent(r, tagged('C'), -1);
      QCoreApplication.processEvents();
      expect(log).to.deep.equal(['A', 'C']);
      QCoreApplication.processEvents();
      expect(log).to.deep.equal(['A', 'C', 'B']);
    });

    it('warns on a null receiver and checks types (EV-2)', () => {
      QCoreApplication.postEvent(null, new QEvent(QEvent.User));
      expect(st.messages).to.deep.equal(['QCoreApplication::postEvent: Unexpected null receiver']);
      expect(() => QCoreApplication.postEvent(new QObject(), {} as QEvent)).to.throw(TypeError, /QCoreApplication.postEvent: event/);
      expect(() => QCoreApplication.postEvent(new QObject(), new QEvent(QEvent.User), 0.5)).to.throw(TypeError, /priority/);
      // PyQt5 5.15: QCoreApplication.postEvent(o, QEvent(QEvent.User), 2**31) raises OverflowError
      expect(() => QCoreApplication.postEvent(new QObject(), new QEvent(QEvent.User), 2 ** 31)).to.throw(RangeError, 'QCoreApplication.postEvent: priority must be from -2147483648 to 2147483647, got 2147483648');
      const d = new QObject();
      d.dispose();
      expect(() => QCoreApplication.postEvent(d, new QEvent(QEvent.User))).to.throw(Error, /has been deleted/);
    });

    it('removePostedEvents and sendPostedEvents(receiver, type) select by receiver/type', () => {
      const log: unknown[] = [];
      const a = new Rec(log);
      const b = new Rec(log);
      QCoreApplication.postEvent(a, tagged('a1'));
      QCoreApplication.postEvent(b, tagged('b1'));
      QCoreApplication.postEvent(a, tagged('a2', QEvent.User + 1));
      QCoreApplication.sendPostedEvents(a, QEvent.User + 1);
      expect(log).to.deep.equal(['a2']);
      QCoreApplication.removePostedEvents(a);
      QCoreApplication.sendPostedEvents();
      expect(log).to.deep.equal(['a2', 'b1']);
      expect(QCoreApplication.hasPendingEvents()).to.equal(false);
    });

    // PyQt5 5.15: inside a slot run by exec_(), sendPostedEvents() delivers the user event but
    // leaves the object deleteLater()ed there alive; the loop deletes it afterwards.
    it('sendPostedEvents() delivers everything queued except a deleteLater() of the current level (AP-6)', async () => {
      const log: unknown[] = [];
      const states: boolean[] = [];
      const o = new QObject();
      await new Promise<void>((resolve) => {
        QTimer.singleShot(0, () => {
          const r = new Rec(log);
          QCoreApplication.postEvent(r, tagged('u1'));
          o.deleteLater();
          QCoreApplication.postEvent(r, tagged('u2', QEvent.User + 7));
          QCoreApplication.sendPostedEvents();
          states.push(isDeleted(o));
          resolve();
        });
      });
      expect(log).to.deep.equal(['u1', 'u2']);
      await turns(3);
      states.push(isDeleted(o));
      expect(states).to.deep.equal([false, true]);
    });

    // PyQt5 5.15 (QCoreApplication::compressEvent): Quit, Quit, User, User posted to one object
    // arrive as [20, 1000, 1000]; once delivered, a new Quit is queued again; other receivers' Quits
    // do not count.
    it('drops a Quit event while one is pending for the same receiver; user events are never merged (EV-11)', () => {
      class Types extends QObject {
        readonly types: number[] = [];
        override event(e: QEvent): boolean {
          this.types.push(e.type());
          return true;
        }
      }
      const a = new Types();
      const b = new Types();
      QCoreApplication.postEvent(a, new QEvent(QEvent.Quit));
      QCoreApplication.postEvent(b, new QEvent(QEvent.Quit));
      QCoreApplication.postEvent(a, new QEvent(QEvent.Quit));
      QCoreApplication.postEvent(a, new QEvent(QEvent.User));
      QCoreApplication.postEvent(a, new QEvent(QEvent.User));
      QCoreApplication.sendPostedEvents();
      expect(a.types).to.deep.equal([QEvent.Quit, QEvent.User, QEvent.User]);
      expect(b.types).to.deep.equal([QEvent.Quit]);
      QCoreApplication.postEvent(a, new QEvent(QEvent.Quit));
      QCoreApplication.sendPostedEvents();
      expect(a.types).to.deep.equal([QEvent.Quit, QEvent.User, QEvent.User, QEvent.Quit]);
    });
  });

  describe('pass order (EL-1, QT-7)', () => {
    it('singleShot(0), postEvent and queued calls are one FIFO; a QTimer(0) fires after them', async () => {
      const log: unknown[] = [];
      const r = new Rec(log);
      class E extends QObject {
        readonly sig = new Signal<[string]>(this);
      }
      const e = new E();
      e.sig.connect(r, (s: string) => log.push(s), Qt.QueuedConnection);
      const t = new QTimer();
      t.setSingleShot(true);
      t.timeout.connect(() => log.push('T'));
      t.start(0);
      QTimer.singleShot(0, () => log.push('A'));
      QCoreApplication.postEvent(r, tagged('E'));
      e.sig.emit('Q');
      QTimer.singleShot(0, r, () => log.push('B'));
      await turns(3);
      expect(log).to.deep.equal(['A', 'E', 'Q', 'B', 'T']);
    });

    it('processEvents delivers posted calls and due timers synchronously (app_processevents)', async () => {
      const log: string[] = [];
      QTimer.singleShot(0, () => log.push('ss0'));
      QTimer.singleShot(2, () => log.push('t2'));
      // Let both fire before the part under test (on a loaded machine 5 ms may not be enough).
      for (let i = 0; i < 400 && !log.includes('t2'); i++) await sleep(5);
      expect(log).to.deep.equal(['ss0', 't2']);
      log.length = 0;
      QTimer.singleShot(0, () => log.push('ss0b'));
      QTimer.singleShot(1, () => log.push('t1'));
      const end = performance.now() + 3;
      while (performance.now() < end);
      QCoreApplication.processEvents();
      expect(log).to.deep.equal(['ss0b', 't1']);
    });

    // PyQt5 5.15: a chain of five self-reposting events advances one step per processEvents(), and
    // processEvents(AllEvents, 1000) finishes the chain at once (0 ms), without waiting out the time.
    it('processEvents() runs one pass; with maxTime it repeats passes while they handle something (EL-6)', () => {
      let count = 0;
      const chain = new (class extends QObject {
        override event(e: QEvent): boolean {
          if (e.type() !== QEvent.User) return super.event(e);
          count++;
          if (count < 5) QCoreApplication.postEvent(this, new QEvent(QEvent.User));
          return true;
        }
      })();
      QCoreApplication.postEvent(chain, new QEvent(QEvent.User));
      QCoreApplication.processEvents();
      expect(count).to.equal(1);
      QCoreApplication.processEvents(QEventLoop.AllEvents);
      expect(count).to.equal(2);
      const t0 = performance.now();
      QCoreApplication.processEvents(QEventLoop.AllEvents, 1000);
      expect(count).to.equal(5);
      expect(performance.now() - t0).to.be.below(500);
      expect(QCoreApplication.hasPendingEvents()).to.equal(false);
    });

    // PyQt5 5.15 (QT_NO_GLIB=1 and glib): a due QTimer(0) does not fire in a
    // processEvents(X11ExcludeTimers) pass, posted events do; the next plain pass fires it.
    it('processEvents(X11ExcludeTimers) delivers posted events but no timers; the flags have Qt\'s values (EL-7)', () => {
      expect([
        QEventLoop.AllEvents, QEventLoop.ExcludeUserInputEvents, QEventLoop.ExcludeSocketNotifiers, QEventLoop.WaitForMoreEvents,
        QEventLoop.X11ExcludeTimers, QEventLoop.EventLoopExec, QEventLoop.DialogExec, QEventLoop.ApplicationExec,
      ]).to.deep.equal([0x00, 0x01, 0x02, 0x04, 0x08, 0x20, 0x40, 0x80]);
      expect(QEventLoop.ProcessEventsFlag.X11ExcludeTimers).to.equal(0x08);
      const log: unknown[] = [];
      const r = new Rec(log);
      const t = new QTimer();
      t.setSingleShot(true);
      t.timeout.connect(() => log.push('timer'));
      t.start(0);
      QCoreApplication.postEvent(r, tagged('posted'));
      QCoreApplication.processEvents(QEventLoop.X11ExcludeTimers);
      expect(log).to.deep.equal(['posted']);
      QCoreApplication.processEvents(QEventLoop.ExcludeUserInputEvents);
      expect(log).to.deep.equal(['posted', 'timer']);
    });
  });

  describe('.exec()/.exit()', () => {
    it('exit() before exec() is ignored; the pass finishes; aboutToQuit before exec resolves; exec again; quit() is exit(0) (EL-3, AP-1, AP-2, AP-3, AP-5, app_exec_exit)', async () => {
      const app = new QCoreApplication([]);
      const log: unknown[] = [];
      app.aboutToQuit.connect(() => log.push('aboutToQuit'));
      QCoreApplication.exit(5);
      QTimer.singleShot(0, () => {
        log.push('first');
        QCoreApplication.exit(3);
        log.push('after exit');
      });
      QTimer.singleShot(0, () => log.push('second (same pass)'));
      const rc = await QCoreApplication.exec();
      log.push(['rc', rc]);
      expect(log).to.deep.equal(['first', 'after exit', 'second (same pass)', 'aboutToQuit', ['rc', 3]]);
      QTimer.singleShot(1, () => QCoreApplication.quit());
      expect(await QCoreApplication.exec()).to.equal(0);
    });

    it('exec() while running returns -1 with a warning; without instance -1 (AP-1)', async () => {
      expect(await QCoreApplication.exec()).to.equal(-1);
      new QCoreApplication([]);
      const p = QCoreApplication.exec();
      expect(await QCoreApplication.exec()).to.equal(-1);
      QCoreApplication.exit(2);
      expect(await p).to.equal(2);
      expect(st.messages).to.deep.equal([
        'QCoreApplication::exec: Please instantiate the QApplication object first',
        'QCoreApplication::exec: The event loop is already running',
      ]);
    });

    it('exit() ends nested QEventLoops too; a nested exec during exit returns -1 (EL-4, AP-2)', async () => {
      new QCoreApplication([]);
      const loop = new QEventLoop();
      let inner: Promise<number> | null = null;
      let late = 0;
      QTimer.singleShot(0, () => {
        inner = loop.exec();
        QTimer.singleShot(0, async () => {
          QCoreApplication.exit(4);
          late = await new QEventLoop().exec();
        });
      });
      expect(await QCoreApplication.exec()).to.equal(4);
      expect(await inner!).to.equal(4);
      expect(late).to.equal(-1);
      expect(loop.isRunning()).to.equal(false);
    });

    it('QEventLoop.exec/quit resolves and warns on double exec', async () => {
      const loop = new QEventLoop();
      const p = loop.exec();
      expect(loop.isRunning()).to.equal(true);
      expect(await loop.exec()).to.equal(-1);
      expect(st.messages[0]).to.match(/^QEventLoop::exec: instance 0x[0-9a-f]+ has already called exec\(\)$/);
      setTimeout(() => loop.exit(9), 1);
      expect(await p).to.equal(9);
      loop.dispose();
      expect(() => loop.exec()).to.throw(Error, 'QEventLoop.exec: the QEventLoop has been deleted');
    });

    // PyQt5 5.15: aboutToQuit sees the object alive; it is destroyed before exec_() returns.
    it('objects deleteLater()ed in the last pass die after aboutToQuit and before exec() resolves (AP-3, AP-4)', async () => {
      const app = new QCoreApplication([]);
      const o = new QObject();
      const log: string[] = [];
      o.destroyed.connect(() => log.push('destroyed'));
      app.aboutToQuit.connect(() => log.push(`aboutToQuit, deleted: ${isDeleted(o)}`));
      QTimer.singleShot(0, () => {
        o.deleteLater();
        QCoreApplication.exit(0);
      });
      await QCoreApplication.exec();
      log.push('exec resolved');
      expect(log).to.deep.equal(['aboutToQuit, deleted: false', 'destroyed', 'exec resolved']);
    });

    // PyQt5 5.15: QCoreApplication.postEvent(app, QEvent(20)) from a slot makes exec_() return 0.
    it('a Quit event delivered to the application quits it (Qt 5.15 QCoreApplication::event)', async () => {
      const app = new QCoreApplication([]);
      const guard = new QTimer();
      guard.setSingleShot(true);
      guard.timeout.connect(() => QCoreApplication.exit(9));
      guard.start(2000);
      QTimer.singleShot(0, () => QCoreApplication.postEvent(app, new QEvent(QEvent.Quit)));
      expect(await QCoreApplication.exec()).to.equal(0);
      guard.stop();
      expect(QCoreApplication.sendEvent(app, new QEvent(QEvent.Quit))).to.equal(true);
    });

    // PyQt5 5.15: a Quit posted to the application before exec_() or before a nested
    // QEventLoop.exec_() never reaches it (its event filter sees nothing); the loops run on.
    it('exec() and QEventLoop.exec() drop the Quit events pending for the application (EL-5)', async () => {
      const app = new QCoreApplication([]);
      const seen: string[] = [];
      app.installEventFilter(new (class extends QObject {
        override eventFilter(_o: QObject, e: QEvent): boolean {
          if (e.type() === QEvent.Quit) seen.push('Quit');
          return false;
        }
      })());
      QCoreApplication.postEvent(app, new QEvent(QEvent.Quit));
      QTimer.singleShot(20, () => QCoreApplication.exit(7));
      expect(await QCoreApplication.exec()).to.equal(7);
      expect(seen).to.deep.equal([]);

      const done = new Promise<number>((resolve) => {
        QTimer.singleShot(0, async () => {
          QCoreApplication.postEvent(app, new QEvent(QEvent.Quit));
          const loop = new QEventLoop();
          QTimer.singleShot(20, () => loop.exit(5));
          const rc = await loop.exec();
          seen.push(`nested ${rc}`);
          QTimer.singleShot(20, () => QCoreApplication.exit(3));
          resolve(rc);
        });
      });
      expect(await QCoreApplication.exec()).to.equal(3);
      expect(await done).to.equal(5);
      expect(seen).to.deep.equal(['nested 5']);
    });
  });

  describe('deferred delete levels (EV-9, qo_deletelater)', () => {
    it('(b) before any loop: processEvents does not delete, exec does', async () => {
      const app = new QCoreApplication([]);
      const o = new QObject();
      o.deleteLater();
      QCoreApplication.processEvents();
      expect(isDeleted(o)).to.equal(false);
      QTimer.singleShot(0, () => {
        expect(isDeleted(o)).to.equal(true);
        QCoreApplication.quit();
      });
      await QCoreApplication.exec();
      expect(isDeleted(o)).to.equal(true);
      app.dispose();
    });

    it('(c) inside a slot: processEvents keeps it, sendPostedEvents(null, DeferredDelete) deletes', async () => {
      const seen: boolean[] = [];
      await new Promise<void>((resolve) => {
        QTimer.singleShot(1, () => {
          const o = new QObject();
          o.deleteLater();
          QCoreApplication.processEvents();
          seen.push(isDeleted(o));
          QCoreApplication.sendPostedEvents(null, QEvent.DeferredDelete);
          seen.push(isDeleted(o));
          resolve();
        });
      });
      expect(seen).to.deep.equal([false, true]);
    });

    it('(a) deleteLater before a nested loop survives it and dies after', async () => {
      const o = new QObject();
      const states: boolean[] = [];
      await new Promise<void>((resolve) => {
        QTimer.singleShot(0, async () => {
          o.deleteLater();
          const loop = new QEventLoop();
          QTimer.singleShot(5, () => loop.quit());
          await loop.exec();
          states.push(isDeleted(o));
          await turns(2);
          states.push(isDeleted(o));
          resolve();
        });
      });
      expect(states).to.deep.equal([false, true]);
    });

    it('deleteLater inside a slot runs in posting order with later posts', async () => {
      const log: string[] = [];
      QTimer.singleShot(0, () => {
        const o = new QObject();
        o.destroyed.connect(() => log.push('destroyed'));
        o.deleteLater();
        QTimer.singleShot(0, () => log.push('ss0'));
      });
      await turns(4);
      expect(log).to.deep.equal(['destroyed', 'ss0']);
    });
  });

  describe('.setExceptionHandler()', () => {
    it('returns the previous handler and receives queued-call exceptions; the pass continues', async () => {
      const boom = new Error('queued');
      const log: string[] = [];
      QTimer.singleShot(0, () => {
        throw boom;
      });
      QTimer.singleShot(0, () => log.push('next'));
      await turns(2);
      expect(st.errors).to.deep.equal([boom]);
      expect(log).to.deep.equal(['next']);
      const mine = (): void => {};
      const prev = QCoreApplication.setExceptionHandler(mine);
      expect(QCoreApplication.setExceptionHandler(prev)).to.equal(mine);
      expect(() => QCoreApplication.setExceptionHandler(5 as never)).to.throw(TypeError);
    });
  });

  describe('application event filters (AP-7)', () => {
    it('see events of every object before the object filters', () => {
      const app = new QCoreApplication([]);
      const log: string[] = [];
      const af = new (class extends QObject {
        override eventFilter(): boolean {
          log.push('app');
          return false;
        }
      })();
      const of = new (class extends QObject {
        override eventFilter(): boolean {
          log.push('obj');
          return false;
        }
      })();
      app.installEventFilter(af);
      const o = new QObject();
      o.installEventFilter(of);
      QCoreApplication.sendEvent(o, new QEvent(QEvent.User));
      expect(log).to.deep.equal(['app', 'obj']);
    });
  });

  it('registerEventType returns the hint once, then another id', () => {
    const a = QCoreApplication.registerEventType(2000);
    const b = QCoreApplication.registerEventType(2000);
    expect(a).to.equal(2000);
    expect(b).to.not.equal(2000);
    expect(b).to.be.within(QEvent.User, QEvent.MaxUser);
  });

  // Recorded with PyQt5 5.15 (Qt 5.15.8): registerEventType(-1), (-2), (0), (5), (999), (65535)
  // and (65536) each give the highest free type (65535, 65534, ...); (1000) gives 1000.
  it('registerEventType takes any int hint: one outside User..MaxUser asks for the highest free type (Qt 5.15)', () => {
    const a = QCoreApplication.registerEventType(-2);
    const b = QCoreApplication.registerEventType(5);
    const c = QCoreApplication.registerEventType(QEvent.MaxUser + 1);
    expect([b, c]).to.deep.equal([a - 1, a - 2]);
    expect(a).to.be.within(QEvent.User, QEvent.MaxUser);
  });

  // PyQt5 5.15: registerEventType('abc'), (1.5) and (None) raise TypeError, (2**31) OverflowError.
  it('registerEventType refuses a hint that is not an int, registering nothing', () => {
    const before = QCoreApplication.registerEventType();
    expect(() => QCoreApplication.registerEventType('abc' as never)).to.throw(TypeError, 'QCoreApplication.registerEventType: hint must be an integer, got string abc');
    expect(() => QCoreApplication.registerEventType(1.5)).to.throw(TypeError, /QCoreApplication\.registerEventType: hint/);
    expect(() => QCoreApplication.registerEventType(null as never)).to.throw(TypeError, /QCoreApplication\.registerEventType: hint/);
    expect(() => QCoreApplication.registerEventType(10n as never)).to.throw(TypeError, /QCoreApplication\.registerEventType: hint must be an integer, got bigint 10/);
    expect(() => QCoreApplication.registerEventType(2 ** 31)).to.throw(RangeError, /QCoreApplication\.registerEventType: hint must be from -2147483648 to 2147483647, got 2147483648/);
    expect(QCoreApplication.registerEventType()).to.equal(before - 1);
  });

  describe('application name, version and organization signals', () => {
    afterEach(() => {
      QCoreApplication.setApplicationName('');
      QCoreApplication.setApplicationVersion('');
      QCoreApplication.setOrganizationName('');
      QCoreApplication.setOrganizationDomain('');
    });

    // Counts recorded with PyQt5 5.15 (Qt 5.15.8): a setter emits only when the value changes.
    it('emit on the instance when the value changes, once per change', () => {
      const app = new QCoreApplication(['prog']);
      const counts = { applicationNameChanged: 0, applicationVersionChanged: 0, organizationNameChanged: 0, organizationDomainChanged: 0 };
      for (const k of Object.keys(counts) as (keyof typeof counts)[]) app[k].connect(() => counts[k]++);
      QCoreApplication.setApplicationName('x');
      QCoreApplication.setApplicationName('x');
      QCoreApplication.setOrganizationName('o');
      QCoreApplication.setOrganizationName('o');
      QCoreApplication.setOrganizationName('');
      QCoreApplication.setOrganizationDomain('d');
      QCoreApplication.setApplicationVersion('1');
      QCoreApplication.setApplicationVersion('');
      expect(counts).to.deep.equal({ applicationNameChanged: 1, applicationVersionChanged: 2, organizationNameChanged: 2, organizationDomainChanged: 1 });
      expect([QCoreApplication.applicationName(), QCoreApplication.organizationDomain()]).to.deep.equal(['x', 'd']);
    });

    // Recorded with PyQt5 5.15 (Qt 5.15.8): QCoreApplication(['/a/b/my.prog.py', 'x']) names the
    // application 'my.prog.py'; setApplicationName('') goes back to it (emitting), [] gives ''.
    it('applicationName defaults to the program\'s file name from the argument list (Qt 5.15)', () => {
      const app = new QCoreApplication(['/a/b/my.prog.py', 'x']);
      let n = 0;
      app.applicationNameChanged.connect(() => n++);
      expect(QCoreApplication.applicationName()).to.equal('my.prog.py');
      QCoreApplication.setApplicationName('z');
      QCoreApplication.setApplicationName('');
      expect([QCoreApplication.applicationName(), n]).to.deep.equal(['my.prog.py', 2]);
    });

    it('applicationName is the script\'s file name when the instance gets Node\'s own process.argv', () => {
      new QCoreApplication([process.execPath, '/srv/app/server.ts', '--port', '7']);
      expect(QCoreApplication.applicationName()).to.equal('server.ts');
    });

    it('applicationName is empty for an empty argument list, and a name set before the instance wins', () => {
      const a = new QCoreApplication([]);
      expect(QCoreApplication.applicationName()).to.equal('');
      a.dispose();
      QCoreApplication.setApplicationName('pre');
      new QCoreApplication(['prog']);
      expect(QCoreApplication.applicationName()).to.equal('pre');
    });

    // Recorded with PyQt5 5.15 (Qt 5.15.8): the four are Q_PROPERTYs of QCoreApplication;
    // property() reads them (applicationName 'prog.py' for argv ['/x/prog.py']), setProperty()
    // returns True, goes through the setter (one applicationNameChanged) and converts 5 to '5'.
    it('are Qt properties: property() reads and setProperty() writes them through the setters', () => {
      const app = new QCoreApplication(['/x/prog.py']);
      let n = 0;
      app.applicationNameChanged.connect(() => n++);
      expect(['applicationName', 'organizationName', 'applicationVersion', 'organizationDomain'].map((k) => app.property(k)))
        .to.deep.equal(['prog.py', '', '', '']);
      expect(app.setProperty('applicationName', 'zz')).to.equal(true);
      expect([QCoreApplication.applicationName(), n]).to.deep.equal(['zz', 1]);
      expect(app.setProperty('organizationDomain', 'd.org')).to.equal(true);
      expect(app.setProperty('applicationVersion', 5)).to.equal(true);
      expect([QCoreApplication.organizationDomain(), QCoreApplication.applicationVersion()]).to.deep.equal(['d.org', '5']);
      expect(app.dynamicPropertyNames()).to.deep.equal([]);
    });

    // Recorded with PyQt5 5.15 (Qt 5.15.8): setApplicationVersion(None), setOrganizationName(None)
    // and setOrganizationDomain(None) store '' (emitting when it changes); setApplicationName(None)
    // goes back to the program's name, as '' does.
    it('null is the empty string, as PyQt5\'s None; undefined counts as null', () => {
      const app = new QCoreApplication(['/x/prog.py']);
      const counts = { applicationNameChanged: 0, applicationVersionChanged: 0, organizationNameChanged: 0, organizationDomainChanged: 0 };
      for (const k of Object.keys(counts) as (keyof typeof counts)[]) app[k].connect(() => counts[k]++);
      QCoreApplication.setApplicationName('n');
      QCoreApplication.setApplicationVersion('1.0');
      QCoreApplication.setOrganizationName('o');
      QCoreApplication.setOrganizationDomain('d');
      QCoreApplication.setApplicationName(null);
      QCoreApplication.setApplicationVersion(null);
      QCoreApplication.setOrganizationName(null);
      QCoreApplication.setOrganizationDomain(null);
      const values = () => [QCoreApplication.applicationName(), QCoreApplication.applicationVersion(), QCoreApplication.organizationName(), QCoreApplication.organizationDomain()];
      expect(values()).to.deep.equal(['prog.py', '', '', '']);
      expect(counts).to.deep.equal({ applicationNameChanged: 2, applicationVersionChanged: 2, organizationNameChanged: 2, organizationDomainChanged: 2 });
      QCoreApplication.setApplicationVersion('2');
      QCoreApplication.setOrganizationName('p');
      QCoreApplication.setApplicationVersion(undefined as never);
      QCoreApplication.setOrganizationName(undefined as never);
      QCoreApplication.setOrganizationDomain(undefined as never);
      QCoreApplication.setApplicationName(undefined as never);
      expect(values()).to.deep.equal(['prog.py', '', '', '']);
      expect(counts).to.deep.equal({ applicationNameChanged: 2, applicationVersionChanged: 4, organizationNameChanged: 4, organizationDomainChanged: 2 });
    });

    // PyQt5 5.15: the four setters raise TypeError for an int, a dict, bytes, a float and a bool
    // ("argument 1 has unexpected type 'int'"), converting nothing.
    it('refuse what is neither a string nor null, changing nothing and emitting nothing', () => {
      const app = new QCoreApplication(['prog']);
      QCoreApplication.setApplicationName('n');
      QCoreApplication.setApplicationVersion('v');
      QCoreApplication.setOrganizationName('o');
      QCoreApplication.setOrganizationDomain('d');
      let n = 0;
      for (const k of ['applicationNameChanged', 'applicationVersionChanged', 'organizationNameChanged', 'organizationDomainChanged'] as const) app[k].connect(() => n++);
      const setters = [
        ['setApplicationName', 'name'],
        ['setApplicationVersion', 'version'],
        ['setOrganizationName', 'name'],
        ['setOrganizationDomain', 'domain'],
      ] as const;
      for (const [setter, arg] of setters) {
        const call = (v: unknown) => () => QCoreApplication[setter](v as never);
        expect(call(5), setter).to.throw(TypeError, `QCoreApplication.${setter}: ${arg} must be a string or null, got number 5`);
        expect(call({}), setter).to.throw(TypeError, `QCoreApplication.${setter}: ${arg} must be a string or null, got Object`);
        expect(call(Object.create(null)), setter).to.throw(TypeError, `QCoreApplication.${setter}: ${arg} must be a string or null, got object`);
        expect(call(true), setter).to.throw(TypeError, `QCoreApplication.${setter}: ${arg} must be a string or null, got boolean true`);
        expect(call(Symbol('s')), setter).to.throw(TypeError, new RegExp(`^QCoreApplication\\.${setter}: ${arg} must be a string or null, got symbol`));
        expect(call(10n), setter).to.throw(TypeError, `QCoreApplication.${setter}: ${arg} must be a string or null, got bigint 10`);
        expect(call(new String('s')), setter).to.throw(TypeError, `QCoreApplication.${setter}: ${arg} must be a string or null, got String`);
      }
      expect([QCoreApplication.applicationName(), QCoreApplication.applicationVersion(), QCoreApplication.organizationName(), QCoreApplication.organizationDomain()])
        .to.deep.equal(['n', 'v', 'o', 'd']);
      expect(n).to.equal(0);
    });

    // Recorded with PyQt5 5.15 (Qt 5.15.8): setProperty() converts as QVariant does, unlike the
    // setters: 1.5 gives '1.5', True 'true', None '' (each returning True and emitting once); a
    // dict, a list or an object does not convert (False, nothing changes, nothing is emitted).
    it('setProperty() converts numbers, booleans and null as QVariant does, and refuses objects', () => {
      const app = new QCoreApplication(['/x/prog.py']);
      let n = 0;
      app.applicationVersionChanged.connect(() => n++);
      expect(app.setProperty('applicationVersion', 1.5)).to.equal(true);
      expect([QCoreApplication.applicationVersion(), n]).to.deep.equal(['1.5', 1]);
      expect(app.setProperty('applicationVersion', true)).to.equal(true);
      expect([QCoreApplication.applicationVersion(), n]).to.deep.equal(['true', 2]);
      expect(app.setProperty('applicationVersion', null)).to.equal(true);
      expect([QCoreApplication.applicationVersion(), n]).to.deep.equal(['', 3]);
      QCoreApplication.setApplicationVersion('v');
      n = 0;
      expect(() => app.setProperty('applicationVersion', {})).to.throw(TypeError, 'QCoreApplication.setProperty: applicationVersion must be a string, number, boolean or null, got Object');
      expect(() => app.setProperty('organizationName', [1])).to.throw(TypeError, /QCoreApplication\.setProperty: organizationName .* got Array/);
      expect(() => app.setProperty('applicationName', new QObject())).to.throw(TypeError, /QCoreApplication\.setProperty: applicationName .* got QObject/);
      expect([QCoreApplication.applicationVersion(), QCoreApplication.organizationName(), QCoreApplication.applicationName(), n]).to.deep.equal(['v', '', 'prog.py', 0]);
      expect(app.setProperty('applicationName', null)).to.equal(true);
      expect(QCoreApplication.applicationName()).to.equal('prog.py');
    });

    it('store the value without an instance, and nothing is emitted', () => {
      QCoreApplication.setApplicationName('alone');
      const app = new QCoreApplication([]);
      let n = 0;
      app.applicationNameChanged.connect(() => n++);
      expect(QCoreApplication.applicationName()).to.equal('alone');
      QCoreApplication.setApplicationName('alone');
      expect(n).to.equal(0);
    });

    it('are declared in Qt\'s order after aboutToQuit, for SIGNAL() names', () => {
      const app = new QCoreApplication([]);
      let n = 0;
      QObject.connect(app, 'organizationDomainChanged()' as never, () => n++); // a name with its parentheses, as Qt's SIGNAL() takes it
      QCoreApplication.setOrganizationDomain('example.org');
      expect(n).to.equal(1);
      const mo = app.metaObject();
      const order = ['aboutToQuit', 'organizationNameChanged', 'organizationDomainChanged', 'applicationNameChanged', 'applicationVersionChanged'].map((s) => mo.indexOfSignal(s));
      expect(order.every((i, k) => i >= 0 && (k === 0 || i === order[k - 1]! + 1)), String(order)).to.equal(true);
    });
  });

  describe('.startingUp()', () => {
    it('is true before an instance exists and after it is disposed (Qt 5.15)', () => {
      expect(QCoreApplication.startingUp()).to.equal(true);
      const app = new QCoreApplication([]);
      expect(QCoreApplication.startingUp()).to.equal(false);
      app.dispose();
      expect(QCoreApplication.startingUp()).to.equal(true);
    });
  });

  describe('.translate()', () => {
    // Rows recorded with PyQt5 5.15 (Qt 5.15.8) with no translator installed.
    const rows = [
      { name: '%n becomes n', text: 'hello %n world', n: 3, out: 'hello 3 world' },
      { name: 'every %n, and %Ln with digit grouping', text: 'a %n b %Ln c %n', n: 1234, out: `a 1234 b ${(1234).toLocaleString()} c 1234` },
      { name: 'n = -1 leaves %n alone', text: 'a %n', n: -1, out: 'a %n' },
      { name: '%%n: the second % starts a %n', text: 'a %%n', n: 2, out: 'a %2' },
      { name: 'a trailing % or %L is kept', text: '100% %L', n: 1, out: '100% %L' },
    ];
    for (const row of rows) {
      it(row.name, () => {
        expect(QCoreApplication.translate('ctx', row.text, null, row.n)).to.equal(row.out);
      });
    }

    it('returns the source text as it is by default', () => {
      expect(QCoreApplication.translate('ctx', 'plain %n')).to.equal('plain %n');
    });

    it('refuses bad arguments with a TypeError naming them', () => {
      expect(() => QCoreApplication.translate(1 as never, 'x')).to.throw(TypeError, /QCoreApplication\.translate: context/);
      expect(() => QCoreApplication.translate('c', null as never)).to.throw(TypeError, /QCoreApplication\.translate: sourceText/);
      expect(() => QCoreApplication.translate('c', 'x', 5 as never)).to.throw(TypeError, /QCoreApplication\.translate: disambiguation/);
      expect(() => QCoreApplication.translate('c', 'x', null, 1.5)).to.throw(TypeError, /QCoreApplication\.translate: n/);
    });
  });

  describe('.setAttribute()/.testAttribute()', () => {
    const defaults = [Qt.AA_SynthesizeMouseForUnhandledTouchEvents, Qt.AA_SynthesizeMouseForUnhandledTabletEvents];
    afterEach(() => {
      for (let a = 0; a < Qt.AA_AttributeCount; a++) QCoreApplication.setAttribute(a as Qt.ApplicationAttribute, defaults.includes(a as never));
      st.messages.length = 0;
    });

    // Recorded with PyQt5 5.15 (Qt 5.15.8): of the 32 attributes only these two are set, before
    // and after the application object is created.
    it('has only the two synthesize-mouse attributes set by default (Qt 5.15)', () => {
      const set = () => Object.entries(Qt.ApplicationAttribute).filter(([k, v]) => k !== 'AA_AttributeCount' && QCoreApplication.testAttribute(v)).map(([k]) => k);
      expect(set()).to.deep.equal(['AA_SynthesizeMouseForUnhandledTouchEvents', 'AA_SynthesizeMouseForUnhandledTabletEvents']);
      new QCoreApplication([]);
      expect(set()).to.deep.equal(['AA_SynthesizeMouseForUnhandledTouchEvents', 'AA_SynthesizeMouseForUnhandledTabletEvents']);
    });

    it('sets and clears one attribute, and the attributes outlive the application object', () => {
      QCoreApplication.setAttribute(Qt.AA_Use96Dpi);
      expect(QCoreApplication.testAttribute(Qt.AA_Use96Dpi)).to.equal(true);
      expect(QCoreApplication.testAttribute(Qt.AA_NativeWindows)).to.equal(false);
      const app = new QCoreApplication([]);
      QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_SynthesizeMouseForUnhandledTouchEvents, false);
      app.dispose();
      expect(QCoreApplication.testAttribute(Qt.AA_Use96Dpi)).to.equal(true);
      expect(QCoreApplication.testAttribute(Qt.AA_SynthesizeMouseForUnhandledTouchEvents)).to.equal(false);
      QCoreApplication.setAttribute(Qt.AA_Use96Dpi, false);
      expect(QCoreApplication.testAttribute(Qt.AA_Use96Dpi)).to.equal(false);
      expect(st.messages).to.deep.equal([]);
    });

    // Recorded with PyQt5 5.15 (Qt 5.15.8): with an application object, setting (or clearing)
    // AA_ShareOpenGLContexts stores it and warns; AA_MacPluginApplication is named by its value's
    // first key; attributes without the rule do not warn.
    it('warns for the attributes that must be set before the application object exists', () => {
      QCoreApplication.setAttribute(Qt.AA_ShareOpenGLContexts);
      expect(st.messages).to.deep.equal([]);
      QCoreApplication.setAttribute(Qt.AA_ShareOpenGLContexts, false);
      new QCoreApplication([]);
      QCoreApplication.setAttribute(Qt.AA_ShareOpenGLContexts);
      expect(QCoreApplication.testAttribute(Qt.AA_ShareOpenGLContexts)).to.equal(true);
      QCoreApplication.setAttribute(Qt.AA_MacPluginApplication, false);
      QCoreApplication.setAttribute(Qt.AA_EnableHighDpiScaling);
      QCoreApplication.setAttribute(Qt.AA_DontShowIconsInMenus);
      expect(st.messages).to.deep.equal([
        'Attribute Qt::AA_ShareOpenGLContexts must be set before QCoreApplication is created.',
        'Attribute Qt::AA_PluginApplication must be set before QCoreApplication is created.',
        'Attribute Qt::AA_EnableHighDpiScaling must be set before QCoreApplication is created.',
      ]);
    });

    // Recorded with PyQt5 5.15 (Qt 5.15.8): setAttribute(a, 1) sets it, (a, 0) clears it, (a, 2) sets it.
    it('takes a number for on, as its truth value', () => {
      QCoreApplication.setAttribute(Qt.AA_Use96Dpi, 1 as never);
      expect(QCoreApplication.testAttribute(Qt.AA_Use96Dpi)).to.equal(true);
      QCoreApplication.setAttribute(Qt.AA_Use96Dpi, 0 as never);
      expect(QCoreApplication.testAttribute(Qt.AA_Use96Dpi)).to.equal(false);
      QCoreApplication.setAttribute(Qt.AA_Use96Dpi, 2 as never);
      expect(QCoreApplication.testAttribute(Qt.AA_Use96Dpi)).to.equal(true);
    });

    it('refuses what is not an attribute, changing nothing', () => {
      expect(() => QCoreApplication.setAttribute('AA_Use96Dpi' as never)).to.throw(TypeError, /QCoreApplication\.setAttribute: attribute/);
      expect(() => QCoreApplication.setAttribute(Qt.AA_Use96Dpi, 'yes' as never)).to.throw(TypeError, /QCoreApplication\.setAttribute: on must be a boolean, got string yes/);
      expect(() => QCoreApplication.setAttribute(Qt.AA_Use96Dpi, null as never)).to.throw(TypeError, /QCoreApplication\.setAttribute: on/);
      expect(() => QCoreApplication.setAttribute(Qt.AA_AttributeCount as never)).to.throw(RangeError, /QCoreApplication\.setAttribute: attribute/);
      expect(() => QCoreApplication.setAttribute(-1 as never)).to.throw(RangeError);
      expect(() => QCoreApplication.testAttribute(2.5 as never)).to.throw(TypeError, /QCoreApplication\.testAttribute: attribute/);
      expect(() => QCoreApplication.testAttribute(40 as never)).to.throw(RangeError, /QCoreApplication\.testAttribute/);
      expect(QCoreApplication.testAttribute(Qt.AA_Use96Dpi)).to.equal(false);
    });

    // Names and values read from Qt 5.15.8's QMetaEnum::fromType<Qt::ApplicationAttribute>().
    it('Qt.ApplicationAttribute has Qt 5.15\'s keys, values and order, scoped and unscoped', () => {
      const me = QMetaEnum.fromType(Qt.ApplicationAttribute, 'ApplicationAttribute');
      expect(me.keyCount()).to.equal(34);
      expect(me.valueToKey(5)).to.equal('AA_PluginApplication');
      expect(me.key(6)).to.equal('AA_MacPluginApplication');
      expect([me.keyToValue('AA_DisableSessionManager'), me.keyToValue('AA_AttributeCount')]).to.deep.equal([31, 32]);
      for (let i = 0; i < me.keyCount(); i++) {
        const k = me.key(i)! as keyof typeof Qt.ApplicationAttribute;
        expect(Qt[k], k).to.equal(me.value(i));
      }
      expect(Qt.AA_MacPluginApplication).to.equal(Qt.ApplicationAttribute.AA_PluginApplication);
    });
  });

  describe('quitLockEnabled and setuidAllowed', () => {
    afterEach(() => {
      QCoreApplication.setQuitLockEnabled(true);
      QCoreApplication.setSetuidAllowed(false);
    });

    // Recorded with PyQt5 5.15 (Qt 5.15.8): isQuitLockEnabled() is True and isSetuidAllowed()
    // False by default; quitLockEnabled is a Q_PROPERTY (no notify signal): property() gives
    // True and setProperty('quitLockEnabled', False) returns True and clears it.
    it('quitLockEnabled is true by default, a Qt property, and outlives the application object', () => {
      expect(QCoreApplication.isQuitLockEnabled()).to.equal(true);
      const app = new QCoreApplication([]);
      expect(app.property('quitLockEnabled')).to.equal(true);
      expect(app.setProperty('quitLockEnabled', false)).to.equal(true);
      expect(QCoreApplication.isQuitLockEnabled()).to.equal(false);
      expect(app.dynamicPropertyNames()).to.deep.equal([]);
      app.dispose();
      expect(QCoreApplication.isQuitLockEnabled()).to.equal(false);
      QCoreApplication.setQuitLockEnabled(true);
      expect(QCoreApplication.isQuitLockEnabled()).to.equal(true);
    });

    it('setuidAllowed is false by default and stored', () => {
      expect(QCoreApplication.isSetuidAllowed()).to.equal(false);
      QCoreApplication.setSetuidAllowed(true);
      expect(QCoreApplication.isSetuidAllowed()).to.equal(true);
    });

    it('refuse a value that is neither a boolean nor a number, changing nothing', () => {
      expect(() => QCoreApplication.setQuitLockEnabled('no' as never)).to.throw(TypeError, 'QCoreApplication.setQuitLockEnabled: enabled must be a boolean, got string no');
      expect(() => QCoreApplication.setQuitLockEnabled(undefined as never)).to.throw(TypeError, /QCoreApplication\.setQuitLockEnabled: enabled/);
      expect(() => QCoreApplication.setSetuidAllowed(null as never)).to.throw(TypeError, 'QCoreApplication.setSetuidAllowed: allow must be a boolean, got null');
      expect(() => QCoreApplication.setSetuidAllowed({} as never)).to.throw(TypeError, /QCoreApplication\.setSetuidAllowed: allow/);
      expect([QCoreApplication.isQuitLockEnabled(), QCoreApplication.isSetuidAllowed()]).to.deep.equal([true, false]);
    });

    // PyQt5 5.15: setQuitLockEnabled(1.5), setSetuidAllowed(1.5) and setAttribute(a, 1.5) raise
    // TypeError (a float is no bool there; only an int counts by its truth value)
    it('refuse a number that is not an integer (1.5, NaN, Infinity), changing nothing', () => {
      for (const bad of [1.5, NaN, Infinity]) {
        expect(() => QCoreApplication.setQuitLockEnabled(bad as never), String(bad)).to.throw(TypeError, `QCoreApplication.setQuitLockEnabled: enabled must be a boolean, got number ${bad}`);
        expect(() => QCoreApplication.setSetuidAllowed(bad as never), String(bad)).to.throw(TypeError, `QCoreApplication.setSetuidAllowed: allow must be a boolean, got number ${bad}`);
        expect(() => QCoreApplication.setAttribute(Qt.AA_Use96Dpi, bad as never), String(bad)).to.throw(TypeError, `QCoreApplication.setAttribute: on must be a boolean, got number ${bad}`);
      }
      expect([QCoreApplication.isQuitLockEnabled(), QCoreApplication.isSetuidAllowed(), QCoreApplication.testAttribute(Qt.AA_Use96Dpi)]).to.deep.equal([true, false, false]);
    });

    // Recorded with PyQt5 5.15 (Qt 5.15.8): setQuitLockEnabled(0), setSetuidAllowed(1) and
    // setAttribute(a, 1) are accepted, an int counting as its truth value (2 and -1 are true), as
    // QObject.blockSignals takes it; setProperty('quitLockEnabled', 0) clears it too.
    it('take a number as its truth value, as PyQt5 takes an int', () => {
      QCoreApplication.setQuitLockEnabled(0 as never);
      expect(QCoreApplication.isQuitLockEnabled()).to.equal(false);
      QCoreApplication.setQuitLockEnabled(2 as never);
      expect(QCoreApplication.isQuitLockEnabled()).to.equal(true);
      QCoreApplication.setSetuidAllowed(1 as never);
      expect(QCoreApplication.isSetuidAllowed()).to.equal(true);
      QCoreApplication.setSetuidAllowed(0 as never);
      expect(QCoreApplication.isSetuidAllowed()).to.equal(false);
      QCoreApplication.setSetuidAllowed(-1 as never);
      expect(QCoreApplication.isSetuidAllowed()).to.equal(true);
      const app = new QCoreApplication([]);
      expect(app.setProperty('quitLockEnabled', 0)).to.equal(true);
      expect(QCoreApplication.isQuitLockEnabled()).to.equal(false);
    });
  });

  describe('library paths', () => {
    let dir = '';
    let real = '';
    const appDir = () => realpathSync(QCoreApplication.applicationDirPath());
    beforeEach(() => {
      dir = realpathSync(mkdtempSync(join(tmpdir(), 'tsqt-libpaths-')));
      real = join(dir, 'real');
      mkdirSync(join(real, 'sub'), { recursive: true });
      symlinkSync(real, join(dir, 'link'));
    });
    afterEach(() => {
      // disposing an application object resets the lists to the default, as Qt's destructor does
      (QCoreApplication.instance() ?? new QCoreApplication([])).dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    it('default to the application directory while an instance exists, else to nothing', () => {
      expect(QCoreApplication.libraryPaths()).to.deep.equal([]);
      const app = new QCoreApplication([]);
      expect(QCoreApplication.libraryPaths()).to.deep.equal([appDir()]);
      app.dispose();
      expect(QCoreApplication.libraryPaths()).to.deep.equal([]);
    });

    // Recorded with PyQt5 5.15 (Qt 5.15.8): addLibraryPath() prepends the canonical path
    // ('link/sub/' from the working directory becomes '<dir>/real/sub'); a duplicate, '' and a
    // path that does not exist change nothing; removeLibraryPath() matches canonical paths too.
    it('addLibraryPath() prepends the canonical path once; removeLibraryPath() removes it', () => {
      const app = new QCoreApplication([]);
      QCoreApplication.addLibraryPath(join(dir, 'nonexistent'));
      QCoreApplication.addLibraryPath('');
      expect(QCoreApplication.libraryPaths()).to.deep.equal([appDir()]);
      const cwd = process.cwd();
      process.chdir(dir);
      try {
        QCoreApplication.addLibraryPath('link/sub/');
      } finally {
        process.chdir(cwd);
      }
      QCoreApplication.addLibraryPath(join(real, 'sub'));
      expect(QCoreApplication.libraryPaths()).to.deep.equal([join(real, 'sub'), appDir()]);
      QCoreApplication.removeLibraryPath(join(dir, 'link', 'sub'));
      expect(QCoreApplication.libraryPaths()).to.deep.equal([appDir()]);
      QCoreApplication.removeLibraryPath(join(dir, 'nonexistent'));
      QCoreApplication.removeLibraryPath(real);
      expect(QCoreApplication.libraryPaths()).to.deep.equal([appDir()]);
      app.dispose();
    });

    // Recorded with PyQt5 5.15 (Qt 5.15.8): setLibraryPaths(['b', 'a/', 'a/', '/nonexistent'])
    // keeps the list as given; a later addLibraryPath() prepends; creating the application object
    // then appends its directory; destroying it goes back to the default list.
    it('setLibraryPaths() keeps the list as given, and the instance adds its directory to it', () => {
      QCoreApplication.setLibraryPaths(['b', 'a/', 'a/', '/nonexistent']);
      expect(QCoreApplication.libraryPaths()).to.deep.equal(['b', 'a/', 'a/', '/nonexistent']);
      QCoreApplication.addLibraryPath(real);
      QCoreApplication.removeLibraryPath('/nonexistent');
      expect(QCoreApplication.libraryPaths()).to.deep.equal([real, 'b', 'a/', 'a/', '/nonexistent']);
      QCoreApplication.removeLibraryPath(real);
      const app = new QCoreApplication([]);
      expect(QCoreApplication.libraryPaths()).to.deep.equal(['b', 'a/', 'a/', '/nonexistent', appDir()]);
      app.dispose();
      expect(QCoreApplication.libraryPaths()).to.deep.equal([]);
    });

    // Qt 5.15's QCoreApplicationPrivate::init() replays the changes made before the instance on
    // top of the new default list (PyQt5: addLibraryPath() before QCoreApplication() keeps the path
    // in front of the plugin directory and the application directory).
    it('a path added before the instance exists stays in front once it does', () => {
      QCoreApplication.addLibraryPath(real);
      const app = new QCoreApplication([]);
      expect(QCoreApplication.libraryPaths()).to.deep.equal([real, appDir()]);
      QCoreApplication.removeLibraryPath(QCoreApplication.applicationDirPath());
      expect(QCoreApplication.libraryPaths()).to.deep.equal([real]);
      app.dispose();
    });

    it('returns a copy, and refuses bad arguments without changing the list', () => {
      QCoreApplication.libraryPaths().push('x');
      expect(QCoreApplication.libraryPaths()).to.deep.equal([]);
      expect(() => QCoreApplication.addLibraryPath(5 as never)).to.throw(TypeError, /QCoreApplication\.addLibraryPath: path/);
      expect(() => QCoreApplication.removeLibraryPath(null as never)).to.throw(TypeError, /QCoreApplication\.removeLibraryPath: path/);
      expect(() => QCoreApplication.setLibraryPaths('abc' as never)).to.throw(TypeError, /QCoreApplication\.setLibraryPaths: paths/);
      expect(() => QCoreApplication.setLibraryPaths(['a', 1] as never)).to.throw(TypeError, /QCoreApplication\.setLibraryPaths: paths/);
      expect(QCoreApplication.libraryPaths()).to.deep.equal([]);
    });
  });

  describe('.installTranslator()/.removeTranslator()', () => {
    const LanguageChange = QEvent.LanguageChange;

    function makeTranslator(tag: string, answer: string | null | undefined, calls: unknown[][]): QCoreApplication.Translator {
      return {
        translate: (context, sourceText, disambiguation, n) => {
          calls.push([tag, context, sourceText, disambiguation, n]);
          return answer;
        },
      };
    }

    /** Records the types of the events the application object receives, through an application event filter. */
    function watch(app: QCoreApplication): number[] {
      const types: number[] = [];
      app.installEventFilter(new (class extends QObject {
        override eventFilter(o: QObject, e: QEvent): boolean {
          if (o === app) types.push(e.type());
          return false;
        }
      })());
      return types;
    }

    // Recorded with PyQt5 5.15 (Qt 5.15.8): without an application object both return False and
    // warn, naming QApplication as Qt's checkInstance() does; None returns False silently.
    it('need an application object: false with Qt\'s warning', () => {
      const t = makeTranslator('t', 'T', []);
      expect(QCoreApplication.installTranslator(t)).to.equal(false);
      expect(QCoreApplication.removeTranslator(t)).to.equal(false);
      expect(QCoreApplication.installTranslator(null)).to.equal(false);
      expect(st.messages).to.deep.equal([
        'QApplication::installTranslator: Please instantiate the QApplication object first',
        'QApplication::removeTranslator: Please instantiate the QApplication object first',
      ]);
      new QCoreApplication([]);
      expect(QCoreApplication.translate('ctx', 'Hello')).to.equal('Hello');
    });

    // Recorded with PyQt5 5.15 (Qt 5.15.8), QTranslator subclasses a (answers 'A %n', installed
    // twice), b (answers None) and e (answers ''): translate('ctx', 'Hello %n', 'dis', 2) asks b,
    // then a, and gives 'A 2'; with e installed last it gives ''; removing a removes both copies.
    it('translate() asks the translators newest first and takes the first string', () => {
      new QCoreApplication([]);
      const calls: unknown[][] = [];
      const a = makeTranslator('a', 'A %n', calls);
      const b = makeTranslator('b', null, calls);
      const e = makeTranslator('e', '', calls);
      expect(QCoreApplication.installTranslator(a)).to.equal(true);
      expect(QCoreApplication.installTranslator(a)).to.equal(true);
      expect(QCoreApplication.installTranslator(b)).to.equal(true);
      expect(QCoreApplication.translate('ctx', 'Hello %n', 'dis', 2)).to.equal('A 2');
      expect(calls).to.deep.equal([['b', 'ctx', 'Hello %n', 'dis', 2], ['a', 'ctx', 'Hello %n', 'dis', 2]]);
      calls.length = 0;
      expect(QCoreApplication.installTranslator(e)).to.equal(true);
      expect(QCoreApplication.translate('ctx', 'Hello %n', null, 2)).to.equal('');
      expect(calls).to.deep.equal([['e', 'ctx', 'Hello %n', null, 2]]);
      expect(QCoreApplication.removeTranslator(e)).to.equal(true);
      expect(QCoreApplication.removeTranslator(a)).to.equal(true);
      calls.length = 0;
      expect(QCoreApplication.translate('ctx', 'Hello %n', null, 2)).to.equal('Hello 2');
      expect(calls).to.deep.equal([['b', 'ctx', 'Hello %n', null, 2]]);
      expect(QCoreApplication.removeTranslator(a)).to.equal(false);
    });

    it('undefined and non-string answers let the next translator answer', () => {
      new QCoreApplication([]);
      QCoreApplication.installTranslator(makeTranslator('old', 'old', []));
      QCoreApplication.installTranslator({ translate: () => 5 as never });
      QCoreApplication.installTranslator(makeTranslator('u', undefined, []));
      expect(QCoreApplication.translate('c', 'x')).to.equal('old');
    });

    // Recorded with PyQt5 5.15 (Qt 5.15.8): each successful install and each removal that finds
    // the translator sends one QEvent.LanguageChange (89) to the application object; an empty
    // QTranslator is installed but returns False with no event; removing an absent one sends none.
    it('send the application object a LanguageChange event (type 89)', () => {
      const app = new QCoreApplication([]);
      const types = watch(app);
      const t = makeTranslator('t', 'T', []);
      const empty = { translate: () => null, isEmpty: () => true };
      expect(QCoreApplication.installTranslator(empty)).to.equal(false);
      expect(types).to.deep.equal([]);
      expect(QCoreApplication.installTranslator(t)).to.equal(true);
      expect(QCoreApplication.installTranslator(t)).to.equal(true);
      expect(types).to.deep.equal([LanguageChange, LanguageChange]);
      expect(QCoreApplication.removeTranslator(t)).to.equal(true);
      expect(QCoreApplication.removeTranslator(t)).to.equal(false);
      expect(QCoreApplication.removeTranslator(empty)).to.equal(true);
      expect(types).to.deep.equal([LanguageChange, LanguageChange, LanguageChange, LanguageChange]);
    });

    it('the LanguageChange event reaches the application\'s event()', () => {
      const seen: number[] = [];
      const app = new (class extends QCoreApplication {
        override event(e: QEvent): boolean {
          seen.push(e.type());
          return super.event(e);
        }
      })([]);
      QCoreApplication.installTranslator(makeTranslator('t', 'T', []));
      expect(seen).to.deep.equal([LanguageChange]);
      app.dispose();
    });

    it('are forgotten when the application object is disposed', () => {
      const app = new QCoreApplication([]);
      QCoreApplication.installTranslator(makeTranslator('t', 'T', []));
      expect(QCoreApplication.translate('c', 'x')).to.equal('T');
      app.dispose();
      expect(QCoreApplication.translate('c', 'x')).to.equal('x');
      new QCoreApplication([]);
      expect(QCoreApplication.translate('c', 'x')).to.equal('x');
    });

    it('refuse what is not a translator, changing nothing', () => {
      const app = new QCoreApplication([]);
      const types = watch(app);
      expect(() => QCoreApplication.installTranslator({} as never)).to.throw(TypeError, /QCoreApplication\.installTranslator: translationFile/);
      expect(() => QCoreApplication.installTranslator('fr' as never)).to.throw(TypeError, /QCoreApplication\.installTranslator: translationFile/);
      expect(() => QCoreApplication.removeTranslator(5 as never)).to.throw(TypeError, /QCoreApplication\.removeTranslator: translationFile/);
      expect(types).to.deep.equal([]);
      expect(QCoreApplication.translate('c', 'x')).to.equal('x');
    });
  });

  describe('#installNativeEventFilter()/#removeNativeEventFilter()', () => {
    afterEach(() => {
      QCoreApplication.setAttribute(Qt.AA_PluginApplication, false);
      st.messages.length = 0;
    });

    it('store the filter and never call it (Node has no native events)', async () => {
      const app = new QCoreApplication([]);
      let calls = 0;
      const filter = { nativeEventFilter: () => { calls++; return false; } };
      app.installNativeEventFilter(filter);
      app.installNativeEventFilter(filter);
      app.installNativeEventFilter(null);
      QCoreApplication.postEvent(app, new QEvent(QEvent.User));
      await turns(2);
      app.removeNativeEventFilter(filter);
      app.removeNativeEventFilter(filter);
      app.removeNativeEventFilter(null);
      expect(calls).to.equal(0);
      expect(st.messages).to.deep.equal([]);
    });

    it('warn and install nothing while Qt.AA_PluginApplication is set (Qt 5.15)', () => {
      QCoreApplication.setAttribute(Qt.AA_PluginApplication);
      const app = new QCoreApplication([]);
      app.installNativeEventFilter({});
      expect(st.messages).to.deep.equal(['Native event filters are not applied when the Qt::AA_PluginApplication attribute is set']);
    });

    it('refuse what is not an object, and a disposed application object', () => {
      const app = new QCoreApplication([]);
      expect(() => app.installNativeEventFilter(5 as never)).to.throw(TypeError, /QCoreApplication\.installNativeEventFilter: filterObj/);
      expect(() => app.removeNativeEventFilter('f' as never)).to.throw(TypeError, /QCoreApplication\.removeNativeEventFilter: filterObject/);
      app.dispose();
      expect(() => app.installNativeEventFilter({})).to.throw(Error, /deleted/);
    });
  });

  describe('argument checks of the loop and event functions', () => {
    // PyQt5 5.15: exit('abc'), exit(1.5) and exit(None) raise TypeError, exit(2**31) and
    // exit(-2**31 - 1) OverflowError; exit(-2**31) is accepted.
    it('.exit() refuses a returnCode that is not a C int; the loop keeps running and is not closing down', async () => {
      new QCoreApplication([]);
      const refused: [string, string][] = [];
      let closing: boolean | null = null;
      QTimer.singleShot(0, () => {
        for (const v of ['abc', 1.5, null, 10n, 2 ** 31, -(2 ** 31) - 1]) {
          try {
            QCoreApplication.exit(v as never);
          } catch (e) {
            refused.push([(e as Error).constructor.name, (e as Error).message]);
          }
        }
        closing = QCoreApplication.closingDown();
        QTimer.singleShot(0, () => QCoreApplication.exit(-(2 ** 31)));
      });
      expect(await QCoreApplication.exec()).to.equal(-(2 ** 31));
      expect(closing).to.equal(false);
      expect(refused).to.deep.equal([
        ['TypeError', 'QCoreApplication.exit: returnCode must be an integer, got string abc'],
        ['TypeError', 'QCoreApplication.exit: returnCode must be an integer, got number 1.5'],
        ['TypeError', 'QCoreApplication.exit: returnCode must be an integer, got null'],
        ['TypeError', 'QCoreApplication.exit: returnCode must be an integer, got bigint 10'],
        ['RangeError', 'QCoreApplication.exit: returnCode must be from -2147483648 to 2147483647, got 2147483648'],
        ['RangeError', 'QCoreApplication.exit: returnCode must be from -2147483648 to 2147483647, got -2147483649'],
      ]);
    });

    // PyQt5 5.15: processEvents('abc'), (1.5), (None) and (True) raise TypeError, and so does a
    // maxTime of 'abc', 1.5 or None; a maxTime of 2**31 raises OverflowError.
    it('.processEvents() refuses flags that are not ProcessEventsFlag bits and a maxTime that is not a C int, processing nothing', () => {
      const app = new QCoreApplication([]);
      const log: unknown[] = [];
      const r = new Rec(log);
      QCoreApplication.postEvent(r, tagged('p'));
      const bad: [unknown, unknown, typeof TypeError, string | RegExp][] = [
        ['abc', undefined, TypeError, 'QCoreApplication.processEvents: flags must be QEventLoop.ProcessEventsFlag values, got string abc'],
        [10n, undefined, TypeError, 'QCoreApplication.processEvents: flags must be QEventLoop.ProcessEventsFlag values, got bigint 10'],
        [Symbol('f'), undefined, TypeError, 'QCoreApplication.processEvents: flags must be QEventLoop.ProcessEventsFlag values, got symbol Symbol(f)'],
        [true, undefined, TypeError, /flags must be QEventLoop\.ProcessEventsFlag values, got boolean true/],
        [1.5, undefined, TypeError, /flags must be QEventLoop\.ProcessEventsFlag values, got number 1\.5/],
        [null, undefined, TypeError, /flags must be QEventLoop\.ProcessEventsFlag values, got null/],
        [-1, undefined, RangeError, 'QCoreApplication.processEvents: flags must be a combination of QEventLoop.ProcessEventsFlag values (bits 0xef), got -1'],
        [0x10, undefined, RangeError, /bits 0xef\), got 16$/],
        [0x100, undefined, RangeError, /bits 0xef\), got 256$/],
        [2 ** 32, undefined, RangeError, /bits 0xef\), got 4294967296$/],
        [0, 'abc', TypeError, 'QCoreApplication.processEvents: maxTime must be an integer, got string abc'],
        [0, 10n, TypeError, /maxTime must be an integer, got bigint 10/],
        [0, Symbol(), TypeError, /maxTime must be an integer, got symbol Symbol\(\)/],
        [0, null, TypeError, /maxTime must be an integer, got null/],
        [0, 1.5, TypeError, /maxTime must be an integer, got number 1\.5/],
        [0, 2 ** 31, RangeError, 'QCoreApplication.processEvents: maxTime must be from -2147483648 to 2147483647, got 2147483648'],
        ['abc', 'abc', TypeError, /: flags/],
      ];
      for (const [flags, maxTime, E, msg] of bad) {
        expect(() => QCoreApplication.processEvents(flags as never, maxTime as never), `${String(flags)}, ${String(maxTime)}`).to.throw(E, msg);
        expect(() => app.processEvents(flags as never, maxTime as never), `instance: ${String(flags)}, ${String(maxTime)}`).to.throw(E, msg);
      }
      expect(log).to.deep.equal([]);
      expect(QCoreApplication.hasPendingEvents()).to.equal(true);
      const all = QEventLoop.ExcludeUserInputEvents | QEventLoop.ExcludeSocketNotifiers | QEventLoop.WaitForMoreEvents | QEventLoop.X11ExcludeTimers
        | QEventLoop.EventLoopExec | QEventLoop.DialogExec | QEventLoop.ApplicationExec;
      QCoreApplication.processEvents(all, -(2 ** 31));
      expect(log).to.deep.equal(['p']);
    });

    // Recorded with PyQt5 5.15 (Qt 5.15.8, glib and QT_NO_GLIB=1): for a chain of six
    // self-reposting events, processEvents(AllEvents, -1) delivers 1, (AllEvents, 0) all 6 (it
    // goes on until more than 0 whole ms passed), on QCoreApplication and on a QEventLoop alike.
    describe('maxTime, on a clock that stands still', () => {
      let clock: sinon.SinonStub | null = null;
      afterEach(() => {
        clock?.restore();
        clock = null;
      });
      const chain = () => {
        const c = new (class extends QObject {
          count = 0;
          override event(e: QEvent): boolean {
            if (e.type() !== QEvent.User) return super.event(e);
            if (++this.count < 6) QCoreApplication.postEvent(this, new QEvent(QEvent.User));
            return true;
          }
        })();
        QCoreApplication.postEvent(c, new QEvent(QEvent.User));
        return c;
      };
      for (const [maxTime, count] of [[-1, 1], [-(2 ** 31), 1], [0, 6], [1, 6]] as const) {
        it(`processEvents(AllEvents, ${maxTime}) delivers ${count} of a chain of 6 (Qt 5.15)`, () => {
          const c1 = chain();
          clock = sinon.stub(performance, 'now').returns(1000.5);
          QCoreApplication.processEvents(QEventLoop.AllEvents, maxTime);
          clock.restore();
          expect(c1.count).to.equal(count);
          QCoreApplication.removePostedEvents(c1);
          const c2 = chain();
          const loop = new QEventLoop();
          clock = sinon.stub(performance, 'now').returns(1000.5);
          expect(loop.processEvents(QEventLoop.AllEvents, maxTime)).to.equal(true);
          clock.restore();
          expect(c2.count).to.equal(count);
          QCoreApplication.removePostedEvents(c2);
        });
      }
    });

    // PyQt5 5.15: notify(5, ev) and notify(obj, 5) raise TypeError; notify(None, ev) prints Qt's
    // "QCoreApplication::notify: Unexpected null receiver" and returns True (notify(obj, None)
    // crashes PyQt5).
    it('#notify() refuses what is not a QObject or a QEvent; a null receiver warns and returns true (Qt 5.15)', () => {
      const app = new QCoreApplication([]);
      const log: unknown[] = [];
      const r = new Rec(log);
      expect(() => app.notify(5 as never, tagged('a'))).to.throw(TypeError, 'QCoreApplication.notify: receiver must be a QObject or null, got number 5');
      expect(() => app.notify({} as never, tagged('a'))).to.throw(TypeError, 'QCoreApplication.notify: receiver must be a QObject or null, got Object');
      expect(() => app.notify(r, 5 as never)).to.throw(TypeError, 'QCoreApplication.notify: event must be a QEvent, got number 5');
      expect(() => app.notify(r, null as never)).to.throw(TypeError, 'QCoreApplication.notify: event must be a QEvent, got null');
      expect(() => app.notify(null, {} as never)).to.throw(TypeError, /QCoreApplication\.notify: event/);
      expect([log, st.messages]).to.deep.equal([[], []]);
      expect(app.notify(null, tagged('n'))).to.equal(true);
      expect(app.notify(undefined as never, tagged('n'))).to.equal(true);
      expect(st.messages).to.deep.equal(['QCoreApplication::notify: Unexpected null receiver', 'QCoreApplication::notify: Unexpected null receiver']);
      expect(app.notify(r, tagged('ok'))).to.equal(true);
      expect(log).to.deep.equal(['ok']);
      const d = new QObject();
      d.dispose();
      expect(() => app.notify(d, tagged('x'))).to.throw(Error, /has been deleted/);
    });

    // PyQt5 5.15: sendPostedEvents()/removePostedEvents() raise TypeError for a receiver that is
    // neither a QObject nor None and for an eventType of 'abc', 1.5 or None, OverflowError for
    // 2**31; an eventType no event has (70000, -1) matches nothing.
    it('.sendPostedEvents()/.removePostedEvents() refuse a receiver that is not a QObject or null and an eventType that is not a C int', () => {
      const log: unknown[] = [];
      const r = new Rec(log);
      QCoreApplication.postEvent(r, tagged('p'));
      for (const fn of ['sendPostedEvents', 'removePostedEvents'] as const) {
        const call = (receiver: unknown, eventType?: unknown) => () => QCoreApplication[fn](receiver as never, eventType as never);
        expect(call('x'), fn).to.throw(TypeError, `QCoreApplication.${fn}: receiver must be a QObject or null, got string x`);
        expect(call(5, 0), fn).to.throw(TypeError, `QCoreApplication.${fn}: receiver must be a QObject or null, got number 5`);
        expect(call({}), fn).to.throw(TypeError, `QCoreApplication.${fn}: receiver must be a QObject or null, got Object`);
        expect(call(r, 'abc'), fn).to.throw(TypeError, `QCoreApplication.${fn}: eventType must be an integer, got string abc`);
        expect(call(null, 1.5), fn).to.throw(TypeError, `QCoreApplication.${fn}: eventType must be an integer, got number 1.5`);
        expect(call(null, null), fn).to.throw(TypeError, `QCoreApplication.${fn}: eventType must be an integer, got null`);
        expect(call(r, 10n), fn).to.throw(TypeError, `QCoreApplication.${fn}: eventType must be an integer, got bigint 10`);
        expect(call(null, 2 ** 31), fn).to.throw(RangeError, `QCoreApplication.${fn}: eventType must be from -2147483648 to 2147483647, got 2147483648`);
        expect(call('x', 'abc'), fn).to.throw(TypeError, /: receiver/);
      }
      QCoreApplication.sendPostedEvents(null, 70000);
      QCoreApplication.removePostedEvents(null, -1);
      expect(log).to.deep.equal([]);
      expect(QCoreApplication.hasPendingEvents()).to.equal(true);
      QCoreApplication.sendPostedEvents(undefined, QEvent.User);
      expect(log).to.deep.equal(['p']);
    });

    it('.removePostedEvents(undefined) drops every queued event, as null does', () => {
      const log: unknown[] = [];
      QCoreApplication.postEvent(new Rec(log), tagged('a'));
      QCoreApplication.postEvent(new Rec(log), tagged('b'));
      QCoreApplication.removePostedEvents(undefined as never);
      expect(QCoreApplication.hasPendingEvents()).to.equal(false);
      QCoreApplication.processEvents();
      expect(log).to.deep.equal([]);
    });
  });

  describe('.flush()', () => {
    it('does nothing: posted events stay queued', async () => {
      const log: unknown[] = [];
      const r = new Rec(log);
      new QCoreApplication([]);
      QCoreApplication.postEvent(r, tagged('p'));
      expect(QCoreApplication.flush()).to.equal(undefined);
      expect(log).to.deep.equal([]);
      await turns(2);
      expect(log).to.deep.equal(['p']);
    });
  });
});
