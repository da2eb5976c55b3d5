// Twin of oracle/scenarios/timer_negative_interval.py: start(-1) warns, keeps interval -1 and (Qt 5 quirk)
// isActive() is true; setInterval(-5) is stored silently; singleShot(-10) warns and never fires;
// startTimer(-1) warns and returns 0; killTimer of an unknown id warns.
import { QObject, QTimer } from '../../../src/index.js';
import { app, done, ev, run as runLoop } from '../trace.js';

export default async function run(): Promise<unknown[]> {
  app();
  const t = new QTimer();
  t.timeout.connect(() => ev('t fired'));
  t.start(-1);
  ev('start(-1)', { isActive: t.isActive(), interval: t.interval() });
  const t2 = new QTimer();
  t2.setInterval(-5);
  ev('setInterval(-5)', t2.interval());
  QTimer.singleShot(-10, () => ev('singleShot(-10) fired'));
  const o = new QObject();
  ev('startTimer(-1) id', o.startTimer(-1));
  ev('startTimer(0) id positive', o.startTimer(0) > 0);
  const o2 = new QObject();
  ev('killTimer(12345) unknown id');
  o2.killTimer(12345);
  await runLoop(30);
  o.dispose(); // cleanup (not traced): o's repeating 0 ms timer would keep the process alive
  return done();
}
