// Twin of oracle/scenarios/timer_timerevent.py: startTimer ids are positive and distinct; two 20 ms timers
// deliver timerEvent in start order each period; killTimer inside timerEvent stops it.
import { QObject, QTimerEvent } from '../../../src/index.js';
import { app, done, ev, run as runLoop } from '../trace.js';

class O extends QObject {
  readonly ids = new Map<number, string>();
  readonly count = new Map<string, number>();

  override timerEvent(e: QTimerEvent): void {
    const name = this.ids.get(e.timerId()) ?? '?';
    this.count.set(name, (this.count.get(name) ?? 0) + 1);
    ev('timerEvent', name, this.count.get(name));
    if (this.count.get(name) === 2) {
      this.killTimer(e.timerId());
      ev('killed', name);
    }
  }
}

export default async function run(): Promise<unknown[]> {
  app();
  const o = new O();
  const a = o.startTimer(20);
  const b = o.startTimer(20);
  o.ids.set(a, 'a');
  o.ids.set(b, 'b');
  ev('ids positive and distinct', a > 0 && b > 0 && a !== b);
  await runLoop(100);
  return done();
}
