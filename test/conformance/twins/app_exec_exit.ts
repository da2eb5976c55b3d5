// Twin of oracle/scenarios/app_exec_exit.py: exit() before exec() is ignored; code after exit() in the same
// slot still runs; aboutToQuit once per exec() before it returns; a singleShot(0) posted just before
// exit(3) is not delivered by the exiting loop but at the start of the next exec(); quit() -> 0,
// exit(-7) -> -7. PyQt's a.exit(n) / a.quit() / a.exec_() are Qt's static functions.
import { QCoreApplication, QTimer } from '../../../src/index.js';
import { app, done, ev } from '../trace.js';

export default async function run(): Promise<unknown[]> {
  const a = app();
  a.aboutToQuit.connect(() => ev('aboutToQuit'));
  ev('exit(5) before exec');
  QCoreApplication.exit(5);

  const first = (): void => {
    ev('slot: posting singleShot0, then exit(3)');
    QTimer.singleShot(0, () => ev('singleShot0 posted before exit(3)'));
    QCoreApplication.exit(3);
    ev('slot: code after exit(3) still runs');
  };

  QTimer.singleShot(20, first);
  QTimer.singleShot(300, () => ev('300ms timer (never: all loops end before)'));
  let rc = await QCoreApplication.exec();
  ev('exec#1 returned', rc);
  QTimer.singleShot(10, () => {
    ev('quit()');
    QCoreApplication.quit();
  });
  rc = await QCoreApplication.exec();
  ev('exec#2 returned', rc);
  QTimer.singleShot(10, () => {
    ev('exit(-7)');
    QCoreApplication.exit(-7);
  });
  rc = await QCoreApplication.exec();
  ev('exec#3 returned', rc);
  return done();
}
