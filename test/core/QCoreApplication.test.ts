import { expect } from 'chai';
import { QCoreApplication, QEventLoop, QObject, QEvent, QTimer, Signal, Qt, isDeleted } from '../../src/core/index.js';
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

    it('delivers posted events and sendEvent without an instance (deliberate difference)', async () => {
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

    it('warns on a null receiver and checks types', () => {
      QCoreApplication.postEvent(null, new QEvent(QEvent.User));
      expect(st.messages).to.deep.equal(['QCoreApplication::postEvent: Unexpected null receiver']);
      expect(() => QCoreApplication.postEvent(new QObject(), {} as QEvent)).to.throw(TypeError, /QCoreApplication.postEvent: event/);
      expect(() => QCoreApplication.postEvent(new QObject(), new QEvent(QEvent.User), 0.5)).to.throw(TypeError, /priority/);
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
  });

  describe('.exec()/.exit()', () => {
    it('exit() before exec() is ignored; the pass finishes; aboutToQuit before exec resolves (EL-3, app_exec_exit)', async () => {
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

    it('exec() while running returns -1 with a warning; without instance -1', async () => {
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

    it('exit() ends nested QEventLoops too; a nested exec during exit returns -1 (EL-4)', async () => {
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
});
