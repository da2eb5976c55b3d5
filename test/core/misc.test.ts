import { expect } from 'chai';
import {
  QObject, QSignalBlocker, QMetaEnum, QElapsedTimer, QDeadlineTimer, QtMsgType, qInstallMessageHandler,
  qWarning, qDebug, qInfo, qCritical, qFatal, Qt, Signal, QEvent, QTimerEvent, QChildEvent,
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
  });
});
