import { expect } from 'chai';
import { QDeadlineTimer, QElapsedTimer, Qt } from '../../src/core/index.js';

describe('QDeadlineTimer', () => {
  describe('constructor(msecs) and #setRemainingTime() (Qt 5.15: only -1 is forever)', () => {
    // Recorded with PyQt5 5.15.8: setRemainingTime(-1) never expires, setRemainingTime(-7) has
    // expired with remainingTime() 0. (PyQt5 maps QDeadlineTimer(-1) to another overload, so the
    // constructor's rule is Qt's source: it calls setRemainingTime.)
    const rows: { name: string; msecs: number; forever: boolean; expired: boolean; remaining: number }[] = [
      { name: '-1 never expires', msecs: -1, forever: true, expired: false, remaining: -1 },
      { name: '-7 has already expired', msecs: -7, forever: false, expired: true, remaining: 0 },
      { name: '-2 has already expired', msecs: -2, forever: false, expired: true, remaining: 0 },
      { name: '0 has expired at once', msecs: 0, forever: false, expired: true, remaining: 0 },
    ];
    for (const r of rows) {
      it(`${r.name}`, () => {
        const c = new QDeadlineTimer(r.msecs);
        const s = QDeadlineTimer.forever();
        s.setRemainingTime(r.msecs);
        for (const d of [c, s]) {
          expect([d.isForever(), d.hasExpired(), d.remainingTime()]).to.deep.equal([r.forever, r.expired, r.remaining]);
        }
      });
    }

    it('a positive value lies ahead', () => {
      const d = new QDeadlineTimer();
      d.setRemainingTime(5000, Qt.PreciseTimer);
      expect(d.isForever()).to.equal(false);
      expect(d.remainingTime()).to.be.within(4900, 5000);
      expect(d.timerType()).to.equal(Qt.PreciseTimer);
    });

    it('setRemainingTime refuses a non-number or a bad timer type and keeps the deadline', () => {
      const d = QDeadlineTimer.forever();
      expect(() => d.setRemainingTime(NaN)).to.throw(TypeError, /QDeadlineTimer\.setRemainingTime: msecs/);
      expect(() => d.setRemainingTime('5' as unknown as number)).to.throw(TypeError, /QDeadlineTimer\.setRemainingTime: msecs/);
      expect(() => d.setRemainingTime(5, 9 as Qt.TimerType)).to.throw(RangeError, /QDeadlineTimer\.setRemainingTime: type/);
      expect([d.isForever(), d.timerType()]).to.deep.equal([true, Qt.CoarseTimer]);
    });
  });

  describe('clock', () => {
    it('is QElapsedTimer\'s: current().deadline() lies between two msecsSinceReference() readings', () => {
      const before = new QElapsedTimer();
      before.start();
      const d = QDeadlineTimer.current();
      const after = new QElapsedTimer();
      after.start();
      expect(d.deadline()).to.be.within(before.msecsSinceReference(), after.msecsSinceReference());
    });
  });

  describe('#deadlineNSecs()', () => {
    it('is deadline() in nanoseconds', () => {
      const d = new QDeadlineTimer();
      d.setPreciseDeadline(10, 5);
      expect(d.deadline()).to.equal(10000);
      expect(d.deadlineNSecs()).to.equal(10_000_000_005);
    });

    it('answers the limits of deadline() for forever and for a default-constructed timer', () => {
      expect(QDeadlineTimer.forever().deadlineNSecs()).to.equal(Number.MAX_SAFE_INTEGER);
      // Qt 5.15 (PyQt5): a default-constructed timer's deadline() and deadlineNSecs() are 0
      const d = new QDeadlineTimer();
      expect([d.deadline(), d.deadlineNSecs(), d.hasExpired(), d.remainingTime(), d.isForever()]).to.deep.equal([0, 0, true, 0, false]);
    });
  });

  describe('#setPreciseDeadline()', () => {
    // Rows recorded with PyQt5 5.15 (Qt 5.15.8).
    const rows = [
      { name: '10 s + 5 ns', secs: 10, nsecs: 5, ns: 10_000_000_005 },
      { name: 'nsecs beyond one second carry into seconds', secs: 10, nsecs: 2_500_000_000, ns: 12_500_000_000 },
      { name: 'a negative deadline is in the past, not forever', secs: -1, nsecs: 0, ns: -1_000_000_000 },
    ];
    for (const row of rows) {
      it(row.name, () => {
        const d = new QDeadlineTimer();
        d.setPreciseDeadline(row.secs, row.nsecs, Qt.PreciseTimer);
        expect(d.isForever()).to.equal(false);
        expect(d.deadlineNSecs()).to.equal(row.ns);
        expect(d.timerType()).to.equal(Qt.PreciseTimer);
      });
    }

    it('never expires when secs is at the maximum', () => {
      const d = new QDeadlineTimer(5);
      d.setPreciseDeadline(Number.MAX_SAFE_INTEGER);
      expect(d.isForever()).to.equal(true);
      expect(d.timerType()).to.equal(Qt.CoarseTimer);
    });

    it('refuses a non-integer or a bad timer type and keeps the deadline', () => {
      const d = new QDeadlineTimer();
      d.setPreciseDeadline(3, 0, Qt.PreciseTimer);
      expect(() => d.setPreciseDeadline(1.5)).to.throw(TypeError, /QDeadlineTimer\.setPreciseDeadline: secs/);
      expect(() => d.setPreciseDeadline(1, '2' as unknown as number)).to.throw(TypeError, /QDeadlineTimer\.setPreciseDeadline: nsecs/);
      expect(() => d.setPreciseDeadline(1, 0, 7 as Qt.TimerType)).to.throw(RangeError, /QDeadlineTimer\.setPreciseDeadline: type/);
      expect([d.deadline(), d.timerType()]).to.deep.equal([3000, Qt.PreciseTimer]);
    });
  });

  describe('#setPreciseRemainingTime()', () => {
    it('sets the deadline secs + nsecs from now', () => {
      const d = new QDeadlineTimer();
      d.setPreciseRemainingTime(1, 500, Qt.PreciseTimer);
      expect(d.remainingTimeNSecs()).to.be.within(900_000_000, 1_000_000_500);
      expect(d.hasExpired()).to.equal(false);
      expect(d.timerType()).to.equal(Qt.PreciseTimer);
    });

    it('never expires for secs = -1 only; another negative value has expired (Qt 5.15)', () => {
      const f = new QDeadlineTimer();
      f.setPreciseRemainingTime(-1, 5);
      expect(f.isForever()).to.equal(true);
      const p = new QDeadlineTimer();
      p.setPreciseRemainingTime(-2);
      expect([p.isForever(), p.hasExpired(), p.remainingTime()]).to.deep.equal([false, true, 0]);
    });

    it('refuses a non-integer and keeps the deadline', () => {
      const d = QDeadlineTimer.forever();
      expect(() => d.setPreciseRemainingTime(NaN)).to.throw(TypeError, /QDeadlineTimer\.setPreciseRemainingTime: secs/);
      expect(() => d.setPreciseRemainingTime(1, 0.5)).to.throw(TypeError, /QDeadlineTimer\.setPreciseRemainingTime: nsecs/);
      expect(d.isForever()).to.equal(true);
    });
  });

  describe('.addNSecs()', () => {
    it('returns a moved copy with the same timer type and leaves the original alone', () => {
      const c = new QDeadlineTimer();
      c.setPreciseDeadline(100, 0, Qt.PreciseTimer);
      const before = c.deadlineNSecs();
      const later = QDeadlineTimer.addNSecs(c, 1_500_000);
      const earlier = QDeadlineTimer.addNSecs(c, -1_500_000);
      expect(later.deadlineNSecs() - before).to.equal(1_500_000);
      expect(earlier.deadlineNSecs() - before).to.equal(-1_500_000);
      expect(later.timerType()).to.equal(Qt.PreciseTimer);
      expect(c.deadlineNSecs()).to.equal(before);
    });

    it('keeps a never-expiring timer forever', () => {
      expect(QDeadlineTimer.addNSecs(QDeadlineTimer.forever(), 5).isForever()).to.equal(true);
    });

    it('refuses bad arguments', () => {
      expect(() => QDeadlineTimer.addNSecs({} as QDeadlineTimer, 1)).to.throw(TypeError, /QDeadlineTimer\.addNSecs: dt/);
      expect(() => QDeadlineTimer.addNSecs(new QDeadlineTimer(), 0.5)).to.throw(TypeError, /QDeadlineTimer\.addNSecs: nsecs/);
    });
  });

  describe('#swap()', () => {
    it('exchanges deadlines and timer types', () => {
      const a = QDeadlineTimer.forever(Qt.VeryCoarseTimer);
      const b = new QDeadlineTimer();
      b.setPreciseDeadline(7, 0, Qt.PreciseTimer);
      a.swap(b);
      expect([a.deadline(), a.timerType()]).to.deep.equal([7000, Qt.PreciseTimer]);
      expect([b.isForever(), b.timerType()]).to.deep.equal([true, Qt.VeryCoarseTimer]);
    });

    it('refuses a non-timer and changes nothing', () => {
      const a = QDeadlineTimer.forever();
      expect(() => a.swap(null as unknown as QDeadlineTimer)).to.throw(TypeError, /QDeadlineTimer\.swap: other must be a QDeadlineTimer, got null/);
      expect(a.isForever()).to.equal(true);
    });
  });
});
