import { expect } from 'chai';
import {
  QObject, QSignalBlocker, QMetaEnum, QElapsedTimer, QDeadlineTimer, QtMsgType, qInstallMessageHandler,
  qWarning, qDebug, qInfo, qCritical, qFatal, Qt, Signal, QEvent, QTimerEvent, QChildEvent, QCoreApplication,
} from '../../src/core/index.js';
import { coreHooks, sleep } from './helpers.js';

describe('core helpers', () => {
  coreHooks();

  describe('QSignalBlocker', () => {
    it('blocks for a using scope and restores the previous state', () => {
      class E extends QObject {
        readonly sig = new Signal<[]>(this);
      }
      const e = new E();
      let n = 0;
      e.sig.connect(() => n++);
      {
        using _b = new QSignalBlocker(e);
        e.sig.emit();
        expect(e.signalsBlocked()).to.equal(true);
      }
      e.sig.emit();
      expect(n).to.equal(1);
      const b = new QSignalBlocker(e);
      b.unblock();
      expect(e.signalsBlocked()).to.equal(false);
      b.reblock();
      expect(e.signalsBlocked()).to.equal(true);
      b.unblock();
    });
  });

  describe('QMetaEnum', () => {
    it('names values, keys and flags', () => {
      const me = QMetaEnum.fromType(Qt.ConnectionType, 'ConnectionType');
      expect(me.valueToKey(2)).to.equal('QueuedConnection');
      expect(me.valueToKey(99)).to.equal(null);
      expect(me.keyToValue('UniqueConnection')).to.equal(0x80);
      expect(me.keyCount()).to.equal(5); // Auto, Direct, Queued, Unique, SingleShot: no BlockingQueuedConnection
      expect(QMetaEnum.fromType(Qt.ConnectionType, '', true).valueToKeys(0x82)).to.equal('QueuedConnection|UniqueConnection');
      expect(QMetaEnum.fromType(Qt.ConnectionType, '', true).keysToValue('QueuedConnection|UniqueConnection')).to.equal(0x82);
    });
  });

  describe('logging', () => {
    it('routes messages with Qt\'s types to the installed handler and returns the previous one', () => {
      const got: unknown[] = [];
      const prev = qInstallMessageHandler((t, c, m) => got.push([t, c.category, m]));
      qDebug('d', 1);
      qInfo('i');
      qWarning('w');
      qCritical('c');
      expect(() => qFatal('f')).to.throw(Error, 'f');
      const mine = qInstallMessageHandler(prev);
      expect(mine).to.be.a('function');
      expect(got).to.deep.equal([
        [QtMsgType.QtDebugMsg, 'default', 'd 1'],
        [QtMsgType.QtInfoMsg, 'default', 'i'],
        [QtMsgType.QtWarningMsg, 'default', 'w'],
        [QtMsgType.QtCriticalMsg, 'default', 'c'],
        [QtMsgType.QtFatalMsg, 'default', 'f'],
      ]);
      expect([QtMsgType.QtDebugMsg, QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg, QtMsgType.QtInfoMsg]).to.deep.equal([0, 1, 2, 3, 4]);
    });
  });

  describe('QElapsedTimer / QDeadlineTimer', () => {
    it('measures elapsed time', async () => {
      const t = new QElapsedTimer();
      expect(t.isValid()).to.equal(false);
      expect(t.elapsed()).to.equal(-1);
      t.start();
      await sleep(12);
      expect(t.elapsed()).to.be.at.least(10);
      expect(t.hasExpired(5)).to.equal(true);
      expect(t.restart()).to.be.at.least(10);
      t.invalidate();
      expect(t.isValid()).to.equal(false);
    });

    it('tracks a deadline, forever included', async () => {
      const d = new QDeadlineTimer(10);
      expect(d.hasExpired()).to.equal(false);
      expect(d.remainingTime()).to.be.within(1, 10);
      await sleep(15);
      expect(d.hasExpired()).to.equal(true);
      expect(d.remainingTime()).to.equal(0);
      const f = QDeadlineTimer.forever();
      expect([f.isForever(), f.remainingTime(), f.hasExpired()]).to.deep.equal([true, -1, false]);
      expect(new QDeadlineTimer().hasExpired()).to.equal(true);
    });
  });

  describe('events', () => {
    it('QEvent accepts any integer type and tracks acceptance', () => {
      const e = new QEvent(QEvent.User + 1);
      expect(e.type()).to.equal(1001);
      expect(e.isAccepted()).to.equal(true);
      e.ignore();
      expect(e.isAccepted()).to.equal(false);
      expect(() => new QEvent(1.5)).to.throw(TypeError);
      expect(QEvent.Type.DeferredDelete).to.equal(52);
      expect(new QTimerEvent(7).timerId()).to.equal(7);
      const o = new QObject();
      const c = new QChildEvent(QEvent.ChildRemoved, o);
      expect([c.child() === o, c.added(), c.removed()]).to.deep.equal([true, false, true]);
    });

    // PyQt5 5.15: sendEvent of QTimerEvent(77), QChildEvent(ChildPolished), QEvent(1005), QEvent(21),
    // QEvent(170), QEvent(500) to a plain QObject subclass returns [True, True, True, False, False,
    // False] and calls timerEvent(77), childEvent(69), customEvent(1005); the type numbers agree.
    it('QObject.event() dispatches Timer, child and user events, and returns false for the rest; Qt\'s type numbers (EV-8)', () => {
      const log: unknown[] = [];
      const o = new (class extends QObject {
        protected override timerEvent(e: QTimerEvent): void {
          log.push(['timer', e.timerId()]);
        }
        protected override childEvent(e: QChildEvent): void {
          log.push(['child', e.type()]);
        }
        protected override customEvent(e: QEvent): void {
          log.push(['custom', e.type()]);
        }
      })();
      const c = new QObject();
      const results = [
        QCoreApplication.sendEvent(o, new QTimerEvent(77)),
        QCoreApplication.sendEvent(o, new QChildEvent(QEvent.ChildPolished, c)),
        QCoreApplication.sendEvent(o, new QEvent(QEvent.User + 5)),
        QCoreApplication.sendEvent(o, new QEvent(QEvent.ParentChange)),
        QCoreApplication.sendEvent(o, new QEvent(QEvent.DynamicPropertyChange)),
        QCoreApplication.sendEvent(o, new QEvent(500)),
      ];
      expect(results).to.deep.equal([true, true, true, false, false, false]);
      expect(log).to.deep.equal([['timer', 77], ['child', QEvent.ChildPolished], ['custom', 1005]]);
      const names = ['Timer', 'Quit', 'ParentChange', 'ThreadChange', 'MetaCall', 'SockAct', 'DeferredDelete', 'ChildAdded',
        'ChildPolished', 'ChildRemoved', 'ParentAboutToChange', 'DynamicPropertyChange', 'SockClose', 'User', 'MaxUser'] as const;
      const want = [1, 20, 21, 22, 43, 50, 52, 68, 69, 71, 131, 170, 211, 1000, 65535];
      expect(names.map((n) => QEvent.Type[n])).to.deep.equal(want);
      expect(names.map((n) => QEvent[n])).to.deep.equal(want);
    });
  });
});
