import { expect } from 'chai';
import { QTimer, QObject, Qt, Signal, QCoreApplication, QEvent } from '../../src/core/index.js';
import { coreHooks, sleep, turns } from './helpers.js';

describe('QTimer', () => {
  const st = coreHooks();

  it('has Qt defaults (QT-1; QT-5: remainingTime() -1 when inactive)', () => {
    const t = new QTimer();
    expect([t.isActive(), t.interval(), t.timerId(), t.remainingTime(), t.isSingleShot(), t.timerType()]).to.deep.equal([
      false, 0, -1, -1, false, Qt.CoarseTimer,
    ]);
  });

  it('a single-shot timer is inactive inside its timeout; start() there re-arms it (QT-3)', async () => {
    const t = new QTimer();
    t.setSingleShot(true);
    const seen: unknown[] = [];
    t.timeout.connect(() => {
      seen.push([t.isActive(), t.remainingTime(), t.timerId()]);
      if (seen.length === 1) t.start();
    });
    t.start(2);
    await sleep(30);
    expect(seen).to.deep.equal([
      [false, -1, -1],
      [false, -1, -1],
    ]);
  });

  it('a repeating timer is active inside its timeout with about one interval left', async () => {
    const t = new QTimer();
    const seen: unknown[] = [];
    t.timeout.connect(() => {
      seen.push([t.isActive(), t.remainingTime() > 0 && t.remainingTime() <= 20]);
      if (seen.length === 2) t.stop();
    });
    t.start(20);
    await sleep(80);
    expect(seen).to.deep.equal([
      [true, true],
      [true, true],
    ]);
    expect(t.isActive()).to.equal(false);
  });

  it('start(ms) restarts with a new id; setInterval restarts a running timer (QT-2, QT-4)', () => {
    const t = new QTimer();
    t.start(1000);
    const id1 = t.timerId();
    t.start(1000);
    expect(t.timerId()).to.not.equal(id1);
    const id2 = t.timerId();
    t.setInterval(2000);
    expect(t.timerId()).to.not.equal(id2);
    expect(t.interval()).to.equal(2000);
    expect(t.remainingTime()).to.be.within(1900, 2000);
    t.stop();
    t.stop();
    expect(t.isActive()).to.equal(false);
  });

  it('keeps Qt 5.15\'s negative interval quirk (QT-6, timer_negative_interval)', async () => {
    const t = new QTimer();
    let fired = false;
    t.timeout.connect(() => (fired = true));
    t.start(-1);
    expect(st.messages).to.deep.equal(['QObject::startTimer: Timers cannot have negative intervals']);
    expect([t.isActive(), t.timerId(), t.interval()]).to.deep.equal([true, 0, -1]);
    t.setInterval(-5);
    expect(t.interval()).to.equal(-5);
    await sleep(5);
    expect(fired).to.equal(false);
    t.stop();
    expect(() => t.start(1.5)).to.throw(TypeError, 'QTimer.start: msec must be an integer, got number 1.5');
  });

  // PyQt5 5.15: QTimer().start(-2**31 - 1) and setInterval(2**31) raise OverflowError;
  // setSingleShot(1.5), setSingleShot('x'), setTimerType(1.5), setTimerType('1') and
  // QTimer.singleShot(10, 1.5, f) raise TypeError
  it('refuses an msec outside a C int, a singleShot that is no bool and a timer type that is no integer, changing nothing', () => {
    const t = new QTimer();
    t.setInterval(7);
    t.setSingleShot(2 as never);
    expect(t.isSingleShot(), 'an integer counts by its truth value').to.equal(true);
    t.setSingleShot(0 as never);
    expect(() => t.start(-(2 ** 31) - 1)).to.throw(RangeError, 'QTimer.start: msec must be from -2147483648 to 2147483647, got -2147483649');
    expect(() => t.setInterval(2 ** 31)).to.throw(RangeError, 'QTimer.setInterval: msec must be from -2147483648 to 2147483647, got 2147483648');
    expect(() => QTimer.singleShot(-(2 ** 31) - 1, () => {})).to.throw(RangeError, /^QTimer\.singleShot: msec must be from -2147483648/);
    for (const bad of [1.5, NaN, 'yes', null, undefined, {}]) {
      expect(() => t.setSingleShot(bad as never), String(bad)).to.throw(TypeError, /^QTimer\.setSingleShot: singleShot must be a boolean, got /);
    }
    for (const bad of [1.5, NaN, '1', null, true]) {
      expect(() => t.setTimerType(bad as never), String(bad)).to.throw(TypeError, /^QTimer\.setTimerType: type must be a Qt\.TimerType, got /);
    }
    expect(() => t.setTimerType(5 as never)).to.throw(RangeError, 'QTimer.setTimerType: type must be a Qt.TimerType, got 5');
    expect(() => QTimer.singleShot(10, 1.5 as never, () => {})).to.throw(TypeError, 'QTimer.singleShot: timerType must be a Qt.TimerType, got number 1.5');
    expect([t.isActive(), t.interval(), t.isSingleShot(), t.timerType()]).to.deep.equal([false, 7, false, Qt.CoarseTimer]);
    expect(st.messages).to.deep.equal([]);
    t.dispose();
  });

  it('singleShot: negative warns and never fires; context deletion cancels (QT-8)', async () => {
    const log: string[] = [];
    QTimer.singleShot(-10, () => log.push('neg'));
    const ctx = new QObject();
    QTimer.singleShot(3, ctx, () => log.push('ctx3'));
    QTimer.singleShot(0, ctx, () => log.push('ctx0'));
    QTimer.singleShot(3, () => log.push('free'));
    ctx.dispose();
    await sleep(20);
    expect(log).to.deep.equal(['free']);
    expect(st.messages).to.deep.equal(['QTimer::singleShot: Timers cannot have negative timeouts']);
  });

  it('singleShot calls a method by name with this = context, or emits a signal', async () => {
    class C extends QObject {
      n = 0;
      readonly sig = new Signal<[]>(this);
      bump(): void {
        this.n++;
      }
    }
    const c = new C();
    let emitted = 0;
    c.sig.connect(() => emitted++);
    QTimer.singleShot(1, c, 'bump');
    QTimer.singleShot(0, c, c.sig);
    QTimer.singleShot(1, Qt.PreciseTimer, c, 'bump');
    await sleep(15);
    expect([c.n, emitted]).to.deep.equal([2, 1]);
    expect(() => QTimer.singleShot(1, c, 'nope' as never)).to.throw(TypeError);
  });

  it('fires due timers by expiry then start order (TM-4, timer_singleshot_order)', async () => {
    const log: string[] = [];
    QTimer.singleShot(10, () => log.push('10a'));
    QTimer.singleShot(5, () => log.push('5'));
    QTimer.singleShot(10, () => log.push('10b'));
    QTimer.singleShot(0, () => log.push('0'));
    const end = performance.now() + 15;
    while (performance.now() < end);
    await turns(2);
    expect(log).to.deep.equal(['0', '5', '10a', '10b']);
  });

  // PyQt5 5.15 (QT_NO_GLIB=1): a 0 ms single-shot QTimer started from another one's timeout fires
  // in the next processEvents(), not in the pass that started it.
  it('a timer started by a timer handler waits for the next pass (TM-5)', () => {
    const log: string[] = [];
    const a = new QTimer();
    const b = new QTimer();
    a.setSingleShot(true);
    b.setSingleShot(true);
    b.timeout.connect(() => log.push('b'));
    a.timeout.connect(() => {
      log.push('a');
      b.start(0);
    });
    a.start(0);
    QCoreApplication.processEvents();
    expect(log).to.deep.equal(['a']);
    QCoreApplication.processEvents();
    expect(log).to.deep.equal(['a', 'b']);
  });

  // PyQt5 5.15: a repeating QTimer(0) and an event that reposts itself each advance by exactly one
  // per processEvents() pass (t = p = 1, 2, 3, 4, 5): neither starves the other.
  it('a repeating 0 ms timer fires once per pass, after posted events, and does not starve them (TM-5, TM-8)', () => {
    const log: string[] = [];
    const p = new (class extends QObject {
      override event(e: QEvent): boolean {
        if (e.type() !== QEvent.User) return super.event(e);
        log.push('posted');
        QCoreApplication.postEvent(this, new QEvent(QEvent.User));
        return true;
      }
    })();
    const t = new QTimer();
    t.timeout.connect(() => log.push('timer'));
    t.start(0);
    QCoreApplication.postEvent(p, new QEvent(QEvent.User));
    for (let i = 0; i < 4; i++) QCoreApplication.processEvents();
    t.stop();
    QCoreApplication.removePostedEvents(p);
    expect(log).to.deep.equal(['posted', 'timer', 'posted', 'timer', 'posted', 'timer', 'posted', 'timer']);
  });

  // PyQt5 5.15 (unix and glib): a repeating QTimer(0) whose slot calls processEvents() fires 3 times
  // in 3 outer passes, never nested (depth 1): Qt's activateRef guard.
  it('a timer whose handler is still running is not fired again by a nested processEvents() (TM-6)', () => {
    let n = 0;
    let depth = 0;
    let maxDepth = 0;
    const t = new QTimer();
    t.setInterval(0);
    t.timeout.connect(() => {
      n++;
      depth++;
      maxDepth = Math.max(maxDepth, depth);
      if (n < 5) QCoreApplication.processEvents();
      depth--;
    });
    t.start();
    for (let i = 0; i < 3; i++) QCoreApplication.processEvents();
    t.stop();
    expect([n, maxDepth]).to.deep.equal([3, 1]);
  });

  // PyQt5 5.15: a 20 ms PreciseTimer whose first slot blocks 110 ms fires once at once and then
  // every ~20 ms again (gaps 110, 20, 22, 20): no burst of the missed expiries.
  it('an overdue repeating timer fires once and reschedules from now, without catching up (TM-6)', () => {
    const fires: number[] = [];
    const t = new QTimer();
    t.setTimerType(Qt.PreciseTimer);
    t.setInterval(20);
    t.timeout.connect(() => {
      fires.push(performance.now());
      if (fires.length === 1) {
        const end = performance.now() + 110;
        while (performance.now() < end);
      }
    });
    t.start();
    const end = performance.now() + 250;
    while (performance.now() < end && fires.length < 4) QCoreApplication.processEvents();
    t.stop();
    expect(fires.length).to.equal(4);
    expect(fires[1]! - fires[0]!).to.be.at.least(110);
    // the missed expiries (40, 60, 80, 100 ms) are not delivered (they would come in consecutive
    // passes, well under a millisecond apart): the next one is an interval after the pass that
    // fired the late one began, as in Qt, which a loaded machine can shorten by the few ms it
    // takes from that pass's start to the slot
    expect(fires[2]! - fires[1]!).to.be.at.least(10);
    expect(fires[3]! - fires[2]!).to.be.at.least(10);
  });

  // PyQt5 5.15: Qt.PreciseTimer/CoarseTimer/VeryCoarseTimer are 0/1/2, and a 0 ms timer of each type
  // fires in the first processEvents().
  it('has Qt\'s timer types; a 0 ms timer of any type fires in the next pass (TM-7)', () => {
    expect([Qt.PreciseTimer, Qt.CoarseTimer, Qt.VeryCoarseTimer]).to.deep.equal([0, 1, 2]);
    expect([Qt.TimerType.PreciseTimer, Qt.TimerType.CoarseTimer, Qt.TimerType.VeryCoarseTimer]).to.deep.equal([0, 1, 2]);
    const fired: number[] = [];
    for (const type of [Qt.PreciseTimer, Qt.CoarseTimer, Qt.VeryCoarseTimer]) {
      const t = new QTimer();
      t.setTimerType(type);
      expect(t.timerType()).to.equal(type);
      t.setSingleShot(true);
      t.timeout.connect(() => fired.push(type));
      t.start(0);
    }
    QCoreApplication.processEvents();
    expect(fired).to.deep.equal([0, 1, 2]);
  });

  // PyQt5 5.15: a PreciseTimer started at 1000 ms reads 1000 at once and after 0.5 ms (rounded up);
  // one 15 ms overdue and not yet delivered reads 0 while active; a stopped one -1.
  it('remainingTime() rounds up, reads 0 when overdue, -1 once stopped (QT-5)', () => {
    const t = new QTimer();
    t.setTimerType(Qt.PreciseTimer);
    const t0 = performance.now();
    t.start(1000);
    const left = t.remainingTime();
    // rounded up: 1000 while less than a whole ms has passed (a loaded machine may take longer)
    if (performance.now() - t0 < 0.9) expect(left).to.equal(1000);
    else expect(left).to.be.within(990, 1000);
    t.start(5);
    const end = performance.now() + 15;
    while (performance.now() < end);
    expect([t.isActive(), t.remainingTime()]).to.deep.equal([true, 0]);
    t.stop();
    expect(t.remainingTime()).to.equal(-1);
  });

  it('a timer whose parent is deleted never fires (QT-9)', async () => {
    const p = new QObject();
    const t = new QTimer(p);
    let fired = false;
    t.timeout.connect(() => (fired = true));
    t.start(1);
    p.dispose();
    await sleep(10);
    expect(fired).to.equal(false);
    expect(() => t.start()).to.throw(Error, 'QTimer.start: the QTimer has been deleted');
  });

  it('exposes its Qt properties through property()', () => {
    const t = new QTimer();
    expect(t.setProperty('interval', 50)).to.equal(true);
    expect(t.property('interval')).to.equal(50);
    expect(t.property('singleShot')).to.equal(false);
    expect(t.setProperty('active', true)).to.equal(false);
  });

  it('callOnTimeout connects to timeout', async () => {
    const t = new QTimer();
    t.setSingleShot(true);
    let n = 0;
    expect(t.callOnTimeout(() => n++).isValid()).to.equal(true);
    t.start(1);
    await sleep(10);
    expect(n).to.equal(1);
  });

  it('callOnTimeout refuses a bad connection type or slot naming itself, connecting nothing', () => {
    const t = new QTimer();
    const ctx = new QObject();
    for (const ty of [2 ** 32 + 2, 2 ** 53, 1e300, -1, 4]) {
      expect(() => t.callOnTimeout(() => {}, ty), String(ty)).to.throw(RangeError, /^QTimer\.callOnTimeout: type must be a Qt\.ConnectionType, got /);
      expect(() => t.callOnTimeout(ctx, () => {}, ty), String(ty)).to.throw(RangeError, /^QTimer\.callOnTimeout: type must be a Qt\.ConnectionType, got /);
    }
    expect(() => t.callOnTimeout(() => {}, NaN)).to.throw(TypeError, /^QTimer\.callOnTimeout: type must be a Qt\.ConnectionType, got number NaN$/);
    expect(() => t.callOnTimeout(5 as never)).to.throw(TypeError, /^QTimer\.callOnTimeout: slot must be a function, a Signal or a QObject context, got number 5$/);
    expect(() => t.callOnTimeout(ctx, 5 as never)).to.throw(TypeError, /^QTimer\.callOnTimeout: slot must be a function, a method name or a Signal, got number 5$/);
    expect(t.receivers('timeout')).to.equal(0);
    expect(t.callOnTimeout(() => {}, Qt.QueuedConnection | Qt.UniqueConnection).isValid()).to.equal(true);
    t.dispose();
    ctx.dispose();
  });

  it('handles many timers started, fired and stopped', async function () {
    this.timeout(20000);
    let fired = 0;
    const timers: QTimer[] = [];
    for (let i = 0; i < 20000; i++) {
      const t = new QTimer();
      t.setSingleShot(true);
      t.timeout.connect(() => fired++);
      t.start(i % 3);
      timers.push(t);
    }
    for (let i = 0; i < timers.length; i += 2) timers[i]!.stop();
    await sleep(20);
    expect(fired).to.equal(10000);
  });
});
