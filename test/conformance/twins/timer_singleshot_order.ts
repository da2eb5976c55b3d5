// Twin of oracle/scenarios/timer_singleshot_order.py: with every timer overdue when the loop starts,
// singleShot(0) calls run first in creation order, then timers by due time (equal due times in start
// order); 0 ms and 5 ms single-shots created inside a timeout fire after it returns, 0 ms first.
import { QTimer } from '../../../src/index.js';
import { app, blockMs, done, ev, run as runLoop } from '../trace.js';

export default async function run(): Promise<unknown[]> {
  app();
  for (let i = 0; i < 3; i++) QTimer.singleShot(20, () => ev('20ms', i));
  for (let i = 0; i < 3; i++) QTimer.singleShot(0, () => ev('0ms', i));
  QTimer.singleShot(10, () => ev('10ms'));
  const objs: QTimer[] = [];
  for (let i = 0; i < 3; i++) {
    const t = new QTimer();
    t.setSingleShot(true);
    t.setInterval(20);
    t.timeout.connect(() => ev('QTimer object 20ms', i));
    t.start();
    objs.push(t);
  }
  const nested = (): void => {
    ev('40ms: schedule 0ms and 5ms from inside a timeout');
    QTimer.singleShot(5, () => ev('nested 5ms'));
    QTimer.singleShot(0, () => ev('nested 0ms'));
    ev('40ms: returning');
  };
  QTimer.singleShot(40, nested);
  blockMs(30); // time.sleep(0.03): all 0/10/20 ms timers are overdue when the loop starts
  ev('exec (loop starts 30 ms after timers were created)');
  await runLoop(100);
  return done();
}
