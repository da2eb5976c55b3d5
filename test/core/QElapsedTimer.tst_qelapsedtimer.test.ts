// Ports of Qt 5.15's tests/auto/corelib/kernel/qelapsedtimer/tst_qelapsedtimer.cpp. Each `it`
// starts with Qt's test function name. Qt's ==, != and < on QElapsedTimer have no operator in
// TypeScript: they are written with msecsTo() (Qt compares the same reference values).
// minResolution is Qt's 100 ms; QTest::qSleep is a busy wait.
//
// Not ported: none.
import { expect } from 'chai';
import { QElapsedTimer } from '../../src/core/index.js';
import { coreHooks, qSleep } from './helpers.js';

const minResolution = 100; // the same as Qt's

describe('tst_qelapsedtimer ports', () => {
  coreHooks();

  it('statics: the clock is monotonic and a started timer has a reference value', () => {
    expect(QElapsedTimer.clockType()).to.equal(QElapsedTimer.ClockType.MonotonicClock);
    expect(QElapsedTimer.isMonotonic()).to.equal(true);
    const t = new QElapsedTimer();
    t.start();
    expect(Number.isFinite(t.msecsSinceReference())).to.equal(true);
  });

  it('validity: invalid until start(), valid after, invalid again after invalidate()', () => {
    const t = new QElapsedTimer();
    expect(t.isValid()).to.equal(false); // it should always start invalid
    t.start();
    expect(t.isValid()).to.equal(true);
    t.invalidate();
    expect(t.isValid()).to.equal(false);
  });

  it('basics: a timer equals itself, restart() returns the elapsed time, matching the reference values', () => {
    const t1 = new QElapsedTimer();
    t1.start();
    expect(t1.msecsSinceReference()).to.not.equal(0);
    expect(t1.msecsTo(t1)).to.equal(0); // QCOMPARE(t1, t1), !(t1 != t1), !(t1 < t1)
    expect(t1.secsTo(t1)).to.equal(0);
    const value1 = t1.msecsSinceReference();
    const nsecs = t1.nsecsElapsed();
    const elapsed = t1.restart();
    expect(elapsed).to.be.below(minResolution);
    expect(nsecs / 1000000).to.be.below(minResolution);
    const value2 = t1.msecsSinceReference();
    // in theory elapsed == value2 - value1; rounding allows 1 ms
    expect(Math.abs(elapsed - (value2 - value1))).to.be.at.most(1);
  });

  it('elapsed: elapsed() and nsecsElapsed() agree, hasExpired() and restart() follow them', function () {
    const t1 = new QElapsedTimer();
    t1.start();
    qSleep(2 * minResolution);
    const nsecs = t1.nsecsElapsed();
    const msecs = t1.elapsed();
    expect(nsecs).to.be.greaterThan(0);
    expect(msecs).to.be.greaterThan(0);
    // the number of elapsed nanoseconds and milliseconds should match
    expect(nsecs - msecs * 1000000).to.be.below(1000000);
    if (msecs > 8 * minResolution) this.skip(); // Qt: QSKIP("Sampling timer took too long, aborting test")
    expect(t1.hasExpired(minResolution)).to.equal(true);
    expect(t1.hasExpired(8 * minResolution)).to.equal(false);
    expect(t1.hasExpired(-1)).to.equal(false);
    const elapsed = t1.restart();
    expect(elapsed).to.be.at.least(msecs);
    expect(elapsed).to.be.below(msecs + 3 * minResolution);
  });

  it('msecsTo: a timer started later is greater; msecsTo is positive one way and negative the other', () => {
    const t1 = new QElapsedTimer();
    t1.start();
    qSleep(minResolution);
    const t2 = new QElapsedTimer();
    t2.start();
    // t1 != t2, !(t1 == t2), t1 < t2
    expect(t1.msecsTo(t2)).to.be.greaterThan(0);
    expect(t2.msecsTo(t1)).to.be.below(0);
  });
});
