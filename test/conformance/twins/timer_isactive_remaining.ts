// Twin of oracle/scenarios/timer_isactive_remaining.py: isActive/remainingTime/interval/timerId before
// start, after start, inside timeouts (single-shot vs repeating), after stop; a started 0 ms timer;
// start() on an active timer restarts the full interval. Times are recorded as range checks.
import { QTimer, Qt } from '../../../src/index.js';
import { app, done, enumName, ev, run as runLoop } from '../trace.js';

export default async function run(): Promise<unknown[]> {
  app();
  const s = new QTimer();
  s.setSingleShot(true);
  ev('before start', {
    isActive: s.isActive(),
    remainingTime: s.remainingTime(),
    interval: s.interval(),
    timerId: s.timerId(),
    isSingleShot: s.isSingleShot(),
    timerType: enumName(Qt.TimerType, s.timerType()),
  });
  s.start(200);
  const rt = s.remainingTime();
  ev('after start(200)', {
    isActive: s.isActive(),
    'remainingTimeWithin5pct(190..210)': 190 <= rt && rt <= 210,
    interval: s.interval(),
    timerIdPositive: s.timerId() > 0,
  });
  const pt = new QTimer();
  pt.setTimerType(Qt.TimerType.PreciseTimer);
  pt.start(200);
  ev('PreciseTimer start(200)', { remainingTime199or200: [199, 200].includes(pt.remainingTime()) });
  pt.stop();
  s.timeout.connect(() =>
    ev('single-shot timeout', { isActive: s.isActive(), remainingTime: s.remainingTime(), timerId: s.timerId() }),
  );
  const r = new QTimer();
  const n = [0];
  const rep = (): void => {
    n[0]! += 1;
    const rt2 = r.remainingTime();
    ev('repeating timeout', n[0], { isActive: r.isActive(), remainingTimeIn48to66: 48 <= rt2 && rt2 <= 66 });
    if (n[0] === 2) {
      r.stop();
      ev('after stop', { isActive: r.isActive(), remainingTime: r.remainingTime(), timerId: r.timerId() });
    }
  };
  r.timeout.connect(rep);
  r.start(60);
  const z = new QTimer();
  z.setSingleShot(true);
  z.start(0);
  ev('zero-interval timer', { isActive: z.isActive(), remainingTime: z.remainingTime() });
  z.timeout.connect(() => ev('zero timer fired'));
  const a = new QTimer();
  a.setSingleShot(true);
  a.timeout.connect(() => ev('restarted timer fired'));
  a.start(30);
  QTimer.singleShot(20, () => {
    ev('restart a with start() at 20ms');
    a.start();
  });
  // a would have fired at 30 ms; restarted at 20 ms it fires at ~50 ms; the marker at 40 ms proves the restart
  QTimer.singleShot(40, () => ev('40ms marker'));
  await runLoop(300);
  return done();
}
