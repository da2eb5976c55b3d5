import { expect } from 'chai';
import { QElapsedTimer } from '../../src/core/index.js';

describe('QElapsedTimer', () => {
  describe('ClockType', () => {
    it('is reachable scoped and unscoped, with Qt\'s values', () => {
      expect([
        QElapsedTimer.SystemTime,
        QElapsedTimer.MonotonicClock,
        QElapsedTimer.TickCounter,
        QElapsedTimer.MachAbsoluteTime,
        QElapsedTimer.PerformanceCounter,
      ]).to.deep.equal([0, 1, 2, 3, 4]);
      for (const [k, v] of Object.entries(QElapsedTimer.ClockType)) {
        expect((QElapsedTimer as unknown as Record<string, number>)[k], k).to.equal(v);
      }
      expect(QElapsedTimer.clockType()).to.equal(QElapsedTimer.MonotonicClock);
    });
  });
  describe('#hasExpired()', () => {
    // PyQt5 5.15: hasExpired('abc' | None | nan | 1.5) raise TypeError.
    const notIntegers: [string, unknown][] = [
      ['a string', 'abc'],
      ['null', null],
      ['undefined', undefined],
      ['NaN', NaN],
      ['a fraction', 1.5],
      ['Infinity', Infinity],
      ['a bigint', 5n],
      ['a symbol', Symbol('s')],
      ['an object without a prototype', Object.create(null)],
    ];
    for (const [name, v] of notIntegers) {
      it(`refuses ${name} with a TypeError naming the method and the argument`, () => {
        const t = new QElapsedTimer();
        t.start();
        const ref = t.msecsSinceReference();
        expect(() => t.hasExpired(v as number)).to.throw(TypeError, /^QElapsedTimer\.hasExpired: timeout must be an integer, got /);
        expect([t.isValid(), t.msecsSinceReference()]).to.deep.equal([true, ref]);
      });
    }

    it('names the refused value', () => {
      expect(() => new QElapsedTimer().hasExpired('abc' as unknown as number)).to.throw('QElapsedTimer.hasExpired: timeout must be an integer, got string abc');
    });

    it('a negative timeout never expires; 0 expires as soon as a millisecond passed (PyQt5: -1 False, 0 False at once)', async () => {
      const t = new QElapsedTimer();
      t.start();
      expect([t.hasExpired(-1), t.hasExpired(-5)]).to.deep.equal([false, false]);
      await new Promise((r) => setTimeout(r, 5));
      expect([t.hasExpired(0), t.hasExpired(-1), t.hasExpired(1_000_000)]).to.deep.equal([true, false, false]);
    });
  });

  describe('#msecsTo() and #secsTo()', () => {
    const notTimers: [string, unknown][] = [
      ['an empty object', {}],
      ['null', null],
      ['undefined', undefined],
      ['a number', 5],
      ['an object made from the prototype', Object.create(QElapsedTimer.prototype)],
      ['an object without a prototype', Object.create(null)],
    ];
    for (const [name, v] of notTimers) {
      it(`refuse ${name} with a TypeError naming the method and the argument`, () => {
        const t = new QElapsedTimer();
        t.start();
        const ref = t.msecsSinceReference();
        expect(() => t.msecsTo(v as QElapsedTimer)).to.throw(TypeError, /^QElapsedTimer\.msecsTo: other must be a QElapsedTimer, got /);
        expect(() => t.secsTo(v as QElapsedTimer)).to.throw(TypeError, /^QElapsedTimer\.secsTo: other must be a QElapsedTimer, got /);
        expect([t.isValid(), t.msecsSinceReference()]).to.deep.equal([true, ref]);
      });
    }

    it('name the refused value', () => {
      const t = new QElapsedTimer();
      expect(() => t.msecsTo({} as QElapsedTimer)).to.throw('QElapsedTimer.msecsTo: other must be a QElapsedTimer, got Object');
      expect(() => t.secsTo(null as unknown as QElapsedTimer)).to.throw('QElapsedTimer.secsTo: other must be a QElapsedTimer, got null');
    });

    it('measure from this timer\'s start to the other\'s', async () => {
      const a = new QElapsedTimer();
      a.start();
      await new Promise((r) => setTimeout(r, 20));
      const b = new QElapsedTimer();
      b.start();
      expect(a.msecsTo(b)).to.be.at.least(19);
      expect(b.msecsTo(a)).to.equal(-a.msecsTo(b));
      expect([a.secsTo(b), b.secsTo(a)]).to.deep.equal([0, 0]);
    });
  });
});
