import { expect } from 'chai';
import { QTimer, QObject, Qt, Signal } from '../../src/core/index.js';
import { coreHooks, sleep, turns } from './helpers.js';

describe('QTimer', () => {
  const st = coreHooks();

  it('has Qt defaults (QT-1)', () => {
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
