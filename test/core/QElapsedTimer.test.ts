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
});
