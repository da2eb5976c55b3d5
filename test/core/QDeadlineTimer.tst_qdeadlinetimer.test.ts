// Ports of Qt 5.15's tests/auto/corelib/kernel/qdeadlinetimer/tst_qdeadlinetimer.cpp. Each `it`
// starts with Qt's test function name, then the initTestCase_data row: Qt 5.15 runs every function
// for the rows "precise" (Qt::PreciseTimer) and "coarse" (Qt::CoarseTimer), and so do these.
// minResolution is Qt's 400 ms; QTest::qSleep is a busy wait; QTRY_VERIFY is `await tryVerify()`.
//
// Translations (TypeScript has no operator overloading):
// - qint64 max / min (forever, saturation) are Number.MAX_SAFE_INTEGER / Number.MIN_SAFE_INTEGER,
//   the limits tsqt's deadline() and deadlineNSecs() answer.
// - QDeadlineTimer(QDeadlineTimer::Forever[, type]) is QDeadlineTimer.forever([type]);
//   QDeadlineTimer(type) is new QDeadlineTimer(undefined, type).
// - ==, !=, <, <=, >, >= compare deadlineNSecs() (Qt 5.15 compares the same (secs, nsecs) pair);
//   `dt + ms` / `dt - ms` are QDeadlineTimer.addNSecs(dt, ±ms * 1e6) (Qt's operator+ adds
//   milliseconds the same way); `dt1 - dt2` is the deadlineNSecs() difference in whole ms, as in
//   Qt's header.
// - basics: QDeadlineTimer() answers deadline() == deadlineNSecs() == 0, as in Qt (PyQt5 5.15.8:
//   0 0), a time known to be in the past.
//
// Not ported:
// - stdchrono: std::chrono durations and time_points (steady_clock / system_clock conversions,
//   remainingTimeAsDuration, deadline<Clock>()) have no TypeScript counterpart.
import { expect } from 'chai';
import { QDeadlineTimer, QElapsedTimer, Qt } from '../../src/core/index.js';
import { coreHooks, qSleep, tryVerify } from './helpers.js';

const minResolution = 400; // the minimum resolution for the tests (Qt's value)
const MAX = Number.MAX_SAFE_INTEGER; // qint64 max
const MIN = Number.MIN_SAFE_INTEGER; // qint64 min

const rows: [string, Qt.TimerType][] = [
  ['precise', Qt.PreciseTimer],
  ['coarse', Qt.CoarseTimer],
];

// Qt 5.15's operators, on deadlineNSecs().
const eq = (a: QDeadlineTimer, b: QDeadlineTimer): boolean => a.deadlineNSecs() === b.deadlineNSecs();
const lt = (a: QDeadlineTimer, b: QDeadlineTimer): boolean => a.deadlineNSecs() < b.deadlineNSecs();
const le = (a: QDeadlineTimer, b: QDeadlineTimer): boolean => eq(a, b) || lt(a, b);
const gt = (a: QDeadlineTimer, b: QDeadlineTimer): boolean => lt(b, a);
const ge = (a: QDeadlineTimer, b: QDeadlineTimer): boolean => !lt(a, b);
const plus = (dt: QDeadlineTimer, msecs: number): QDeadlineTimer => QDeadlineTimer.addNSecs(dt, msecs * 1000 * 1000);
const diff = (a: QDeadlineTimer, b: QDeadlineTimer): number => Math.trunc((a.deadlineNSecs() - b.deadlineNSecs()) / (1000 * 1000));

/** Qt's six comparison operators between a and b, for a before ('<'), equal to ('=') or after ('>') b. */
function expectOrder(a: QDeadlineTimer, b: QDeadlineTimer, order: '<' | '=' | '>'): void {
  expect([eq(a, b), !eq(a, b), lt(a, b), le(a, b), ge(a, b), gt(a, b)], `a ${order} b`)
    .to.deep.equal([order === '=', order !== '=', order === '<', order !== '>', order !== '<', order === '>']);
}

/** The four checks Qt repeats for a deadline that is neither 0 nor forever. */
function expectFiniteNonZero(d: QDeadlineTimer): void {
  expect(d.deadline()).to.not.equal(0);
  expect(d.deadline()).to.not.equal(MAX);
  expect(d.deadlineNSecs()).to.not.equal(0);
  expect(d.deadlineNSecs()).to.not.equal(MAX);
}

/** The six checks Qt repeats for a forever deadline. */
function expectForever(d: QDeadlineTimer): void {
  expect(d.isForever()).to.equal(true);
  expect(d.hasExpired()).to.equal(false);
  expect(d.remainingTime()).to.equal(-1);
  expect(d.remainingTimeNSecs()).to.equal(-1);
  expect(d.deadline()).to.equal(MAX);
  expect(d.deadlineNSecs()).to.equal(MAX);
}

/** Qt's checks for a deadline 4 * minResolution (or 1 s with `ms`) ahead. */
function expectAhead(d: QDeadlineTimer, timerType: Qt.TimerType, ms = 4 * minResolution, slack = minResolution): void {
  expect(d.hasExpired()).to.equal(false);
  expect(d.isForever()).to.equal(false);
  expect(d.timerType()).to.equal(timerType);
  expect(d.remainingTime()).to.be.greaterThan(ms - slack);
  expect(d.remainingTime()).to.be.at.most(ms);
  expect(d.remainingTimeNSecs()).to.be.greaterThan((ms - slack) * 1000000);
  expect(d.remainingTimeNSecs()).to.be.at.most(ms * 1000000);
  expectFiniteNonZero(d);
}

describe('tst_qdeadlinetimer ports', () => {
  coreHooks();

  for (const [row, timerType] of rows) {
    it(`basics(${row}): a default timer is coarse and expired; zero remaining times and zero deadlines read back`, async () => {
      let deadline = new QDeadlineTimer();
      expect(deadline.timerType()).to.equal(Qt.CoarseTimer);

      deadline = new QDeadlineTimer(undefined, timerType);
      expect(deadline.timerType()).to.equal(timerType);
      expect(deadline.isForever()).to.equal(false);
      const other = new QDeadlineTimer(undefined, timerType);
      expectOrder(deadline, other, '=');
      expectOrder(deadline, new QDeadlineTimer(), '=');
      expectOrder(deadline, deadline, '=');

      // should have expired, but we may be running too early after boot
      await tryVerify(() => deadline.hasExpired(), 100, 'default timer expired');

      expect(deadline.remainingTime()).to.equal(0);
      expect(deadline.remainingTimeNSecs()).to.equal(0);
      expect(deadline.deadline()).to.equal(0);
      expect(deadline.deadlineNSecs()).to.equal(0);

      deadline.setRemainingTime(0, timerType);
      expect(deadline.remainingTime()).to.equal(0);
      expect(deadline.remainingTimeNSecs()).to.equal(0);
      expectFiniteNonZero(deadline);

      deadline.setPreciseRemainingTime(0, 0, timerType);
      expect(deadline.remainingTime()).to.equal(0);
      expect(deadline.remainingTimeNSecs()).to.equal(0);
      expectFiniteNonZero(deadline);

      deadline.setDeadline(0, timerType);
      expect(deadline.remainingTime()).to.equal(0);
      expect(deadline.remainingTimeNSecs()).to.equal(0);
      expect(deadline.deadline()).to.equal(0);
      expect(deadline.deadlineNSecs()).to.equal(0);

      deadline.setPreciseDeadline(0, 0, timerType);
      expect(deadline.remainingTime()).to.equal(0);
      expect(deadline.remainingTimeNSecs()).to.equal(0);
      expect(deadline.deadline()).to.equal(0);
      expect(deadline.deadlineNSecs()).to.equal(0);
    });
  }

  for (const [row, timerType] of rows) {
    it(`foreverness(${row}): every way to say forever never expires, and adding or subtracting keeps it forever`, () => {
      // we don't check whether timerType() is our type since it's possible it detects it's forever
      let deadline = QDeadlineTimer.forever();
      expect(deadline.timerType()).to.equal(Qt.CoarseTimer);
      expectForever(deadline);

      deadline = new QDeadlineTimer(-1, timerType);
      expectForever(deadline);

      deadline.setRemainingTime(-1, timerType);
      expectForever(deadline);

      deadline.setPreciseRemainingTime(-1, 0, timerType);
      expectForever(deadline);

      deadline.setPreciseRemainingTime(-1, -1, timerType);
      expectForever(deadline);

      deadline.setDeadline(MAX, timerType);
      expectForever(deadline);

      deadline.setPreciseDeadline(MAX, 0, timerType);
      expectForever(deadline);

      expectOrder(deadline, deadline, '=');

      // adding to forever must still be forever
      let deadline2 = plus(deadline, 1);
      expectForever(deadline2);
      expect(deadline2.timerType()).to.equal(deadline.timerType());

      expect(diff(deadline2, deadline)).to.equal(0);
      expectOrder(deadline2, deadline, '=');

      // subtracting from forever is *also* forever
      deadline2 = plus(deadline, -1);
      expectForever(deadline2);
      expect(deadline2.timerType()).to.equal(deadline.timerType());

      expect(diff(deadline2, deadline)).to.equal(0);
      expectOrder(deadline2, deadline, '=');

      // compare and order against a default-constructed object
      const expired = new QDeadlineTimer();
      expectOrder(deadline, expired, '>');
    });
  }

  for (const [row, timerType] of rows) {
    it(`current(${row}): current() has expired, and one ms earlier is "more expired" by exactly 1 ms`, () => {
      const deadline = QDeadlineTimer.current(timerType);
      expect(deadline.hasExpired()).to.equal(true);
      expect(deadline.isForever()).to.equal(false);
      expect(deadline.timerType()).to.equal(timerType);
      expect(deadline.remainingTime()).to.equal(0);
      expect(deadline.remainingTimeNSecs()).to.equal(0);
      expectFiniteNonZero(deadline);

      // subtracting from current should be "more expired"
      const earlierDeadline = plus(deadline, -1);
      expect(earlierDeadline.hasExpired()).to.equal(true);
      expect(earlierDeadline.isForever()).to.equal(false);
      expect(earlierDeadline.timerType()).to.equal(timerType);
      expect(earlierDeadline.remainingTime()).to.equal(0);
      expect(earlierDeadline.remainingTimeNSecs()).to.equal(0);
      expectFiniteNonZero(earlierDeadline);
      expect(earlierDeadline.deadline()).to.equal(deadline.deadline() - 1);
      expect(earlierDeadline.deadlineNSecs()).to.equal(deadline.deadlineNSecs() - 1000 * 1000);

      expect(diff(earlierDeadline, deadline)).to.equal(-1);
      expectOrder(earlierDeadline, deadline, '<');
    });
  }

  for (const [row, timerType] of rows) {
    it(`deadlines(${row}): deadlines ahead report the remaining time, +1 ms is later, and order between expired and forever`, () => {
      const deadline = new QDeadlineTimer(4 * minResolution, timerType);
      expectAhead(deadline, timerType);

      deadline.setRemainingTime(4 * minResolution, timerType);
      expectAhead(deadline, timerType);

      deadline.setPreciseRemainingTime(0, 4000000 * minResolution, timerType);
      expectAhead(deadline, timerType);

      deadline.setPreciseRemainingTime(1, 0, timerType); // 1 sec
      expectAhead(deadline, timerType, 1000);

      // adding to a future deadline must still be further in the future
      const laterDeadline = plus(deadline, 1);
      expect(laterDeadline.hasExpired()).to.equal(false);
      expect(laterDeadline.isForever()).to.equal(false);
      expect(laterDeadline.timerType()).to.equal(timerType);
      expect(laterDeadline.remainingTime()).to.be.greaterThan(1000 - minResolution);
      expect(laterDeadline.remainingTime()).to.be.at.most(1001);
      expect(laterDeadline.remainingTimeNSecs()).to.be.greaterThan((1001 - minResolution) * 1000 * 1000);
      expect(laterDeadline.remainingTimeNSecs()).to.be.at.most(1001 * 1000 * 1000);
      expectFiniteNonZero(laterDeadline);
      expect(laterDeadline.deadline()).to.equal(deadline.deadline() + 1);
      expect(laterDeadline.deadlineNSecs()).to.equal(deadline.deadlineNSecs() + 1000 * 1000);

      expect(diff(laterDeadline, deadline)).to.equal(1);
      expectOrder(laterDeadline, deadline, '>');

      // compare and order against a default-constructed object
      const expired = new QDeadlineTimer();
      expectOrder(deadline, expired, '>');

      // compare and order against a forever deadline
      const forever_ = QDeadlineTimer.forever();
      expectOrder(deadline, forever_, '<');
    });
  }

  for (const [row, timerType] of rows) {
    it(`setDeadline(${row}): absolute deadlines in ms and in (secs, nsecs) read back exactly`, () => {
      let now = QDeadlineTimer.current(timerType);
      const deadline = new QDeadlineTimer();

      deadline.setDeadline(now.deadline(), timerType);
      expect(deadline.hasExpired()).to.equal(true);
      expect(deadline.isForever()).to.equal(false);
      expect(deadline.timerType()).to.equal(timerType);
      expect(deadline.remainingTime()).to.equal(0);
      expect(deadline.remainingTimeNSecs()).to.equal(0);
      expect(deadline.deadline()).to.equal(now.deadline());
      // don't check deadlineNSecs!

      deadline.setPreciseDeadline(Math.trunc(now.deadlineNSecs() / (1000 * 1000 * 1000)),
        now.deadlineNSecs() % (1000 * 1000 * 1000), timerType);
      expect(deadline.hasExpired()).to.equal(true);
      expect(deadline.isForever()).to.equal(false);
      expect(deadline.timerType()).to.equal(timerType);
      expect(deadline.remainingTime()).to.equal(0);
      expect(deadline.remainingTimeNSecs()).to.equal(0);
      expect(deadline.deadline()).to.equal(now.deadline());
      expect(deadline.deadlineNSecs()).to.equal(now.deadlineNSecs());

      now = QDeadlineTimer.current(timerType);
      deadline.setDeadline(now.deadline() + 4 * minResolution, timerType);
      expect(deadline.hasExpired()).to.equal(false);
      expect(deadline.isForever()).to.equal(false);
      expect(deadline.timerType()).to.equal(timerType);
      expect(deadline.remainingTime()).to.be.greaterThan(3 * minResolution);
      expect(deadline.remainingTime()).to.be.at.most(4 * minResolution);
      expect(deadline.remainingTimeNSecs()).to.be.greaterThan(3000000 * minResolution);
      expect(deadline.remainingTimeNSecs()).to.be.at.most(4000000 * minResolution);
      expect(deadline.deadline()).to.equal(now.deadline() + 4 * minResolution); // yes, it's exact
      // don't check deadlineNSecs!

      now = QDeadlineTimer.current(timerType);
      const nsec = now.deadlineNSecs() + 4000000 * minResolution;
      deadline.setPreciseDeadline(Math.trunc(nsec / (1000 * 1000 * 1000)), nsec % (1000 * 1000 * 1000), timerType);
      expect(deadline.hasExpired()).to.equal(false);
      expect(deadline.isForever()).to.equal(false);
      expect(deadline.timerType()).to.equal(timerType);
      expect(deadline.remainingTime()).to.be.greaterThan(3 * minResolution);
      expect(deadline.remainingTime()).to.be.at.most(4 * minResolution);
      expect(deadline.remainingTimeNSecs()).to.be.greaterThan(3000000 * minResolution);
      expect(deadline.remainingTimeNSecs()).to.be.at.most(4000000 * minResolution);
      expect(deadline.deadline()).to.equal(Math.trunc(nsec / (1000 * 1000)));
      expect(deadline.deadlineNSecs()).to.equal(nsec);
    });
  }

  for (const [row, timerType] of rows) {
    it(`overflow(${row}): huge deadlines saturate to forever, huge negative ones to the minimum, and nsecs arithmetic is exact`, () => {
      // Check the constructor for overflows (should also cover saturating the result of the deadline() method if overflowing)
      const now = QDeadlineTimer.current(timerType);
      let deadline = new QDeadlineTimer(MAX - 1, timerType);
      expect(deadline.isForever() || deadline.deadline() >= now.deadline()).to.equal(true);

      // Check the setDeadline with milliseconds (should also cover implicitly setting the nanoseconds as qint64 max)
      deadline.setDeadline(MAX - 1, timerType);
      expect(deadline.isForever() || deadline.deadline() >= now.deadline()).to.equal(true);

      // Check the setRemainingTime with milliseconds (should also cover implicitly setting the nanoseconds as qint64 max)
      deadline.setRemainingTime(MAX - 1, timerType);
      expect(deadline.isForever() || deadline.deadline() >= now.deadline()).to.equal(true);

      // Check that the deadline gets saturated when the arguments of setPreciseDeadline are large
      deadline.setPreciseDeadline(MAX - 1, MAX - 1, timerType);
      expect(deadline.deadline()).to.equal(MAX);
      expect(deadline.isForever()).to.equal(true);

      // Check that remainingTime gets saturated if we overflow
      deadline.setPreciseRemainingTime(MAX - 1, MAX - 1, timerType);
      expect(deadline.remainingTime()).to.equal(-1);
      expect(deadline.isForever()).to.equal(true);

      // Check that we saturate the getter for nanoseconds
      deadline.setPreciseDeadline(MAX - 1, 0, timerType);
      expect(deadline.deadlineNSecs()).to.equal(MAX);

      // Check that adding nanoseconds and overflowing is consistent and saturates the timer
      deadline = QDeadlineTimer.addNSecs(deadline, MAX - 1);
      expect(deadline.isForever()).to.equal(true);

      // Make sure forever is forever, regardless of us subtracting time from it
      deadline = QDeadlineTimer.forever(timerType);
      deadline = QDeadlineTimer.addNSecs(deadline, -10000);
      expect(deadline.isForever()).to.equal(true);

      // Make sure we get the correct result when moving the deadline back and forth in time
      const current = QDeadlineTimer.current(timerType);
      const takenNSecs = QDeadlineTimer.addNSecs(current, -1000);
      expect(takenNSecs.deadlineNSecs() - current.deadlineNSecs()).to.equal(-1000);
      const addedNSecs = QDeadlineTimer.addNSecs(current, 1000);
      expect(addedNSecs.deadlineNSecs() - current.deadlineNSecs()).to.equal(1000);

      // Make sure the calculation goes as expected when we need to subtract nanoseconds
      // We make use of an additional timer to be certain that even when the environment is under
      // load we can track the time needed to do the calls
      const nsExpected = 1000 * 1000 * 1000 - 1000; // 1s - 1000ns, what we pass to setPreciseRemainingTime() later

      const callTimer = new QElapsedTimer();
      callTimer.start();

      deadline = QDeadlineTimer.current(timerType);
      const nsDeadline = deadline.deadlineNSecs();
      // We adjust in relation to current() here, so we expect the difference to be a tad over the exact number.
      deadline.setPreciseRemainingTime(1, -1000, timerType);
      const difference = (deadline.deadlineNSecs() - nsDeadline) - nsExpected;
      expect(difference).to.be.at.least(0); // Should always be true, but just in case
      expect(difference).to.be.at.most(callTimer.nsecsElapsed()); // Ideally difference should be 0 exactly

      // Make sure setRemainingTime underflows gracefully
      deadline.setPreciseRemainingTime(Math.trunc(MIN / 10), 0, timerType);
      expect(deadline.isForever()).to.equal(false); // make sure we don't saturate to Forever
      expect(deadline.remainingTime()).to.equal(0);
      // If the timer is saturated we don't want to get a valid number of milliseconds
      expect(deadline.deadline()).to.equal(MIN);

      // Check that the conversion to milliseconds and nanoseconds underflows gracefully
      deadline.setPreciseDeadline(Math.trunc(MIN / 10), 0, timerType);
      expect(deadline.isForever()).to.equal(false); // make sure we don't saturate to Forever
      expect(deadline.deadline()).to.equal(MIN);
      expect(deadline.deadlineNSecs()).to.equal(MIN);
    });
  }

  for (const [row, timerType] of rows) {
    it(`expire(${row}): after sleeping past it the deadline has expired and its value is unchanged`, () => {
      const deadline = new QDeadlineTimer(minResolution, timerType);
      expect(deadline.hasExpired()).to.equal(false);
      expect(deadline.isForever()).to.equal(false);

      const previousDeadline = deadline.deadlineNSecs();

      qSleep(2 * minResolution);

      expect(deadline.remainingTime()).to.equal(0);
      expect(deadline.remainingTimeNSecs()).to.equal(0);
      expectFiniteNonZero(deadline);
      expect(deadline.deadlineNSecs()).to.equal(previousDeadline);
    });
  }
});
