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
  describe('Forever', () => {
    it('is a symbol, the one value of ForeverConstant, and cannot be mistaken for 0 ms', () => {
      expect(typeof QDeadlineTimer.Forever).to.equal('symbol');
      expect(QDeadlineTimer.ForeverConstant.Forever).to.equal(QDeadlineTimer.Forever);
      expect(Object.isFrozen(QDeadlineTimer.ForeverConstant)).to.equal(true);
    });

    it('new QDeadlineTimer(Forever[, type]) never expires (PyQt5 5.15: isForever() True, remainingTime() -1)', () => {
      const f = new QDeadlineTimer(QDeadlineTimer.Forever);
      expect([f.isForever(), f.hasExpired(), f.remainingTime(), f.remainingTimeNSecs(), f.deadline(), f.timerType()])
        .to.deep.equal([true, false, -1, -1, Number.MAX_SAFE_INTEGER, Qt.CoarseTimer]);
      const p = new QDeadlineTimer(QDeadlineTimer.Forever, Qt.PreciseTimer);
      expect([p.isForever(), p.timerType()]).to.deep.equal([true, Qt.PreciseTimer]);
    });

    it('new QDeadlineTimer(0) has expired at once and is not forever', () => {
      const z = new QDeadlineTimer(0);
      expect([z.isForever(), z.hasExpired(), z.remainingTime()]).to.deep.equal([false, true, 0]);
    });

    it('forever() is the same as the constructor with Forever', () => {
      const a = QDeadlineTimer.forever(Qt.VeryCoarseTimer);
      const b = new QDeadlineTimer(QDeadlineTimer.Forever, Qt.VeryCoarseTimer);
      expect([a.isForever(), a.deadlineNSecs(), a.timerType()]).to.deep.equal([b.isForever(), b.deadlineNSecs(), b.timerType()]);
    });

    it('the methods that take a count of ms refuse Forever (Qt would read it as 0 ms) and keep the deadline', () => {
      const d = new QDeadlineTimer();
      d.setPreciseDeadline(3, 0, Qt.PreciseTimer);
      const F = QDeadlineTimer.Forever as unknown as number;
      const calls: [string, () => unknown][] = [
        ['setRemainingTime: msecs', () => d.setRemainingTime(F)],
        ['setDeadline: msecs', () => d.setDeadline(F)],
        ['setPreciseDeadline: secs', () => d.setPreciseDeadline(F)],
        ['setPreciseRemainingTime: secs', () => d.setPreciseRemainingTime(F)],
        ['addNSecs: nsecs', () => QDeadlineTimer.addNSecs(d, F)],
      ];
      for (const [what, call] of calls) {
        expect(call, what).to.throw(TypeError, new RegExp(`^QDeadlineTimer\\.${what} must be an integer, got QDeadlineTimer\\.Forever \\(.*-1`));
      }
      expect([d.deadline(), d.timerType()]).to.deep.equal([3000, Qt.PreciseTimer]);
    });
  });

  describe('argument checks (the timer is unchanged after a throw)', () => {
    // Not integers: PyQt5 5.15 raises TypeError for a str, a float and None.
    const notIntegers: [string, unknown][] = [
      ['a string', 'abc'],
      ['a numeric string', '5'],
      ['a bigint', 10n],
      ['NaN', NaN],
      ['Infinity', Infinity],
      ['a fraction', 1.5],
      ['null', null],
      ['a symbol', Symbol('x')],
      ['an object without a prototype', Object.create(null)],
      ['an array', [5]],
    ];
    // Not timer types: wrong type (TypeError) or a number out of range (RangeError).
    const badTypes: [string, unknown, typeof TypeError | typeof RangeError][] = [
      ['a string', 'x', TypeError],
      ['null', null, TypeError],
      ['a bigint', 1n, TypeError],
      ['an object without a prototype', Object.create(null), TypeError],
      ['3', 3, RangeError],
      ['-1', -1, RangeError],
      ['99', 99, RangeError],
      // PyQt5 5.15: QDeadlineTimer(float('nan')) and QDeadlineTimer(1.5) raise TypeError
      ['NaN', NaN, TypeError],
      ['1.5', 1.5, TypeError],
    ];
    const state = (d: QDeadlineTimer): unknown[] => [d.deadline(), d.isForever(), d.timerType()];
    const sample = (): QDeadlineTimer => {
      const d = new QDeadlineTimer();
      d.setPreciseDeadline(7, 0, Qt.VeryCoarseTimer);
      return d;
    };

    for (const [name, v] of notIntegers) {
      it(`msecs / secs / nsecs: ${name} is a TypeError naming the method and the argument`, () => {
        const x = v as number;
        expect(() => new QDeadlineTimer(x)).to.throw(TypeError, /^QDeadlineTimer: msecs must be an integer, got /);
        const d = sample();
        expect(() => d.setRemainingTime(x)).to.throw(TypeError, /^QDeadlineTimer\.setRemainingTime: msecs must be an integer, got /);
        expect(() => d.setDeadline(x)).to.throw(TypeError, /^QDeadlineTimer\.setDeadline: msecs must be an integer, got /);
        expect(() => d.setDeadline(x, Qt.PreciseTimer)).to.throw(TypeError, /^QDeadlineTimer\.setDeadline: msecs/);
        expect(() => d.setPreciseDeadline(x)).to.throw(TypeError, /^QDeadlineTimer\.setPreciseDeadline: secs must be an integer, got /);
        expect(() => d.setPreciseDeadline(1, x)).to.throw(TypeError, /^QDeadlineTimer\.setPreciseDeadline: nsecs must be an integer, got /);
        expect(() => d.setPreciseRemainingTime(x)).to.throw(TypeError, /^QDeadlineTimer\.setPreciseRemainingTime: secs must be an integer, got /);
        expect(() => d.setPreciseRemainingTime(1, x)).to.throw(TypeError, /^QDeadlineTimer\.setPreciseRemainingTime: nsecs must be an integer, got /);
        expect(() => QDeadlineTimer.addNSecs(d, x)).to.throw(TypeError, /^QDeadlineTimer\.addNSecs: nsecs must be an integer, got /);
        expect(state(d)).to.deep.equal([7000, false, Qt.VeryCoarseTimer]);
      });
    }

    it('the message describes the value it refused', () => {
      const d = sample();
      expect(() => d.setDeadline('abc' as unknown as number)).to.throw('QDeadlineTimer.setDeadline: msecs must be an integer, got string abc');
      expect(() => d.setDeadline(10n as unknown as number)).to.throw('QDeadlineTimer.setDeadline: msecs must be an integer, got bigint 10');
      expect(() => new QDeadlineTimer(Object.create(null) as number)).to.throw('QDeadlineTimer: msecs must be an integer, got object');
      expect(() => d.setTimerType(null as unknown as Qt.TimerType)).to.throw('QDeadlineTimer.setTimerType: type must be a Qt.TimerType, got null');
      expect(() => d.setTimerType(7 as Qt.TimerType)).to.throw('QDeadlineTimer.setTimerType: type must be a Qt.TimerType, got 7');
    });

    for (const [name, v, E] of badTypes) {
      it(`type: ${name} is a ${E.name} naming the method and the argument`, () => {
        const t = v as Qt.TimerType;
        expect(() => new QDeadlineTimer(10, t)).to.throw(E, /^QDeadlineTimer: type must be a Qt\.TimerType/);
        expect(() => new QDeadlineTimer(QDeadlineTimer.Forever, t)).to.throw(E, /^QDeadlineTimer: type must be a Qt\.TimerType/);
        expect(() => new QDeadlineTimer(undefined, t)).to.throw(E, /^QDeadlineTimer: type must be a Qt\.TimerType/);
        expect(() => QDeadlineTimer.forever(t)).to.throw(E, /^QDeadlineTimer\.forever: type must be a Qt\.TimerType/);
        expect(() => QDeadlineTimer.current(t)).to.throw(E, /^QDeadlineTimer\.current: type must be a Qt\.TimerType/);
        const d = sample();
        expect(() => d.setTimerType(t)).to.throw(E, /^QDeadlineTimer\.setTimerType: type must be a Qt\.TimerType/);
        expect(() => d.setDeadline(5, t)).to.throw(E, /^QDeadlineTimer\.setDeadline: type must be a Qt\.TimerType/);
        expect(() => d.setRemainingTime(5, t)).to.throw(E, /^QDeadlineTimer\.setRemainingTime: type must be a Qt\.TimerType/);
        expect(() => d.setPreciseDeadline(5, 0, t)).to.throw(E, /^QDeadlineTimer\.setPreciseDeadline: type must be a Qt\.TimerType/);
        expect(() => d.setPreciseRemainingTime(5, 0, t)).to.throw(E, /^QDeadlineTimer\.setPreciseRemainingTime: type must be a Qt\.TimerType/);
        expect(state(d)).to.deep.equal([7000, false, Qt.VeryCoarseTimer]);
      });
    }

    it('addNSecs and swap refuse an object that only looks like a QDeadlineTimer', () => {
      const fake = Object.create(QDeadlineTimer.prototype) as QDeadlineTimer;
      const d = sample();
      expect(() => QDeadlineTimer.addNSecs(fake, 1)).to.throw(TypeError, /^QDeadlineTimer\.addNSecs: dt must be a QDeadlineTimer, got QDeadlineTimer$/);
      expect(() => d.swap(fake)).to.throw(TypeError, /^QDeadlineTimer\.swap: other must be a QDeadlineTimer/);
      expect(() => d.swap(Object.create(null) as QDeadlineTimer)).to.throw(TypeError, /^QDeadlineTimer\.swap: other must be a QDeadlineTimer, got object$/);
      expect(state(d)).to.deep.equal([7000, false, Qt.VeryCoarseTimer]);
    });

    it('every Qt.TimerType is accepted', () => {
      for (const t of [Qt.PreciseTimer, Qt.CoarseTimer, Qt.VeryCoarseTimer]) {
        const d = new QDeadlineTimer(undefined, t);
        d.setTimerType(t);
        expect(d.timerType()).to.equal(t);
      }
    });
  });

  describe('#setDeadline()', () => {
    // Recorded with PyQt5 5.15.9 (Qt 5.15.8).
    it('sets an absolute deadline in ms; -1 and -5 lie in the past, not forever', () => {
      const d = QDeadlineTimer.forever();
      for (const ms of [-5, -1]) {
        d.setDeadline(ms);
        expect([d.isForever(), d.hasExpired(), d.deadline()]).to.deep.equal([false, true, ms]);
      }
    });

    it('never expires at the maximum', () => {
      const d = new QDeadlineTimer();
      d.setDeadline(Number.MAX_SAFE_INTEGER);
      expect([d.isForever(), d.deadline()]).to.deep.equal([true, Number.MAX_SAFE_INTEGER]);
    });

    it('resets the timer type to Qt.CoarseTimer when none is given, as Qt does (PyQt5: 1 after a precise timer)', () => {
      const d = new QDeadlineTimer(5000, Qt.PreciseTimer);
      d.setDeadline(123);
      expect([d.deadline(), d.timerType()]).to.deep.equal([123, Qt.CoarseTimer]);
    });
  });

  describe('#setRemainingTime() timer type', () => {
    it('resets the timer type to Qt.CoarseTimer when none is given, as Qt does (PyQt5: 1 after a precise timer)', () => {
      const d = new QDeadlineTimer(5000, Qt.PreciseTimer);
      d.setRemainingTime(123);
      expect(d.timerType()).to.equal(Qt.CoarseTimer);
      d.setRemainingTime(123, Qt.VeryCoarseTimer);
      expect(d.timerType()).to.equal(Qt.VeryCoarseTimer);
    });
  });

  describe('#setTimerType()', () => {
    it('changes the type and keeps the deadline', () => {
      const d = new QDeadlineTimer();
      d.setPreciseDeadline(9, 0, Qt.PreciseTimer);
      d.setTimerType(Qt.VeryCoarseTimer);
      expect([d.deadline(), d.timerType()]).to.deep.equal([9000, Qt.VeryCoarseTimer]);
    });
  });
});
