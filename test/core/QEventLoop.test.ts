// QEventLoop's argument checks (the tst_qeventloop ports are in QEventLoop.tst_qeventloop.test.ts).
import { expect } from 'chai';
import { QCoreApplication, QEvent, QEventLoop, QObject, QTimer } from '../../src/core/index.js';
import { coreHooks } from './helpers.js';

class Counter extends QObject {
  count = 0;
  override event(e: QEvent): boolean {
    if (e.type() !== QEvent.User) return super.event(e);
    this.count++;
    return true;
  }
}

describe('QEventLoop', () => {
  coreHooks();

  describe('#exit()', () => {
    // PyQt5 5.15: loop.exit('abc'), exit(1.5) and exit(None) raise TypeError, exit(2**31) and
    // exit(-2**31 - 1) OverflowError; exit(-2**31) is accepted.
    it('refuses a returnCode that is not a C int; the loop keeps running and a later exit() decides', async () => {
      const loop = new QEventLoop();
      const refused: [string, string][] = [];
      let running: boolean | null = null;
      QTimer.singleShot(0, () => {
        for (const v of ['abc', 1.5, null, 10n, Symbol('s'), {}, 2 ** 31, -(2 ** 31) - 1]) {
          try {
            loop.exit(v as never);
          } catch (e) {
            refused.push([(e as Error).constructor.name, (e as Error).message]);
          }
        }
        QTimer.singleShot(0, () => {
          running = loop.isRunning();
          loop.exit(-(2 ** 31));
        });
      });
      expect(await loop.exec()).to.equal(-(2 ** 31));
      expect(running).to.equal(true);
      expect(refused).to.deep.equal([
        ['TypeError', 'QEventLoop.exit: returnCode must be an integer, got string abc'],
        ['TypeError', 'QEventLoop.exit: returnCode must be an integer, got number 1.5'],
        ['TypeError', 'QEventLoop.exit: returnCode must be an integer, got null'],
        ['TypeError', 'QEventLoop.exit: returnCode must be an integer, got bigint 10'],
        ['TypeError', 'QEventLoop.exit: returnCode must be an integer, got symbol Symbol(s)'],
        ['TypeError', 'QEventLoop.exit: returnCode must be an integer, got Object'],
        ['RangeError', 'QEventLoop.exit: returnCode must be from -2147483648 to 2147483647, got 2147483648'],
        ['RangeError', 'QEventLoop.exit: returnCode must be from -2147483648 to 2147483647, got -2147483649'],
      ]);
      loop.dispose();
    });

    it('refuses a bad returnCode on a loop that is not running too', () => {
      const loop = new QEventLoop();
      expect(() => loop.exit('abc' as never)).to.throw(TypeError, 'QEventLoop.exit: returnCode must be an integer, got string abc');
      expect(() => loop.quit()).to.not.throw();
      loop.dispose();
    });
  });

  describe('#exec()', () => {
    // PyQt5 5.15: loop.exec_('abc'), (1.5), (None) and (True) raise TypeError.
    it('refuses flags that are not ProcessEventsFlag bits, without starting', () => {
      const loop = new QEventLoop();
      expect(() => loop.exec('abc' as never)).to.throw(TypeError, 'QEventLoop.exec: flags must be QEventLoop.ProcessEventsFlag values, got string abc');
      expect(() => loop.exec(10n as never)).to.throw(TypeError, /QEventLoop\.exec: flags .* got bigint 10/);
      expect(() => loop.exec(Symbol() as never)).to.throw(TypeError, /QEventLoop\.exec: flags .* got symbol Symbol\(\)/);
      expect(() => loop.exec(true as never)).to.throw(TypeError, /QEventLoop\.exec: flags .* got boolean true/);
      expect(() => loop.exec(null as never)).to.throw(TypeError, /QEventLoop\.exec: flags .* got null/);
      expect(() => loop.exec(1.5)).to.throw(TypeError, /QEventLoop\.exec: flags .* got number 1\.5/);
      expect(() => loop.exec(-1)).to.throw(RangeError, 'QEventLoop.exec: flags must be a combination of QEventLoop.ProcessEventsFlag values (bits 0xef), got -1');
      expect(() => loop.exec(0x10)).to.throw(RangeError, /QEventLoop\.exec: flags .* got 16/);
      expect(() => loop.exec(0x100)).to.throw(RangeError, /QEventLoop\.exec: flags .* got 256/);
      expect(loop.isRunning()).to.equal(false);
      loop.dispose();
    });

    it('runs with any combination of ProcessEventsFlag values', async () => {
      const loop = new QEventLoop();
      QTimer.singleShot(0, () => loop.exit(3));
      expect(await loop.exec(QEventLoop.ExcludeSocketNotifiers | QEventLoop.WaitForMoreEvents | QEventLoop.EventLoopExec | QEventLoop.DialogExec)).to.equal(3);
      loop.dispose();
    });
  });

  describe('#processEvents()', () => {
    // PyQt5 5.15: loop.processEvents('abc'), (1.5), (None) and (True) raise TypeError, and so does
    // a maxTime of 'abc', 1.5 or None; a maxTime of 2**31 raises OverflowError; a negative maxTime
    // is accepted (one pass, as in Qt 5.15).
    it('refuses flags that are not ProcessEventsFlag bits and a maxTime that is not a C int, processing nothing', () => {
      const loop = new QEventLoop();
      const c = new Counter();
      QCoreApplication.postEvent(c, new QEvent(QEvent.User));
      const bad: [unknown, unknown, typeof TypeError, string | RegExp][] = [
        ['abc', undefined, TypeError, 'QEventLoop.processEvents: flags must be QEventLoop.ProcessEventsFlag values, got string abc'],
        [10n, undefined, TypeError, /flags .* got bigint 10$/],
        [Symbol(), undefined, TypeError, /flags .* got symbol Symbol\(\)$/],
        [true, undefined, TypeError, /flags .* got boolean true$/],
        [1.5, undefined, TypeError, /flags .* got number 1\.5$/],
        [-1, undefined, RangeError, 'QEventLoop.processEvents: flags must be a combination of QEventLoop.ProcessEventsFlag values (bits 0xef), got -1'],
        [0x10, undefined, RangeError, /got 16$/],
        [0, 'abc', TypeError, 'QEventLoop.processEvents: maxTime must be an integer, got string abc'],
        [0, 10n, TypeError, /maxTime must be an integer, got bigint 10$/],
        [0, Symbol(), TypeError, /maxTime must be an integer, got symbol Symbol\(\)$/],
        [0, null, TypeError, /maxTime must be an integer, got null$/],
        [0, 0.5, TypeError, /maxTime must be an integer, got number 0\.5$/],
        [0, -(2 ** 31) - 1, RangeError, 'QEventLoop.processEvents: maxTime must be from -2147483648 to 2147483647, got -2147483649'],
      ];
      for (const [flags, maxTime, E, msg] of bad) {
        expect(() => loop.processEvents(flags as never, maxTime as never), `${String(flags)}, ${String(maxTime)}`).to.throw(E, msg);
      }
      expect(c.count).to.equal(0);
      expect(QCoreApplication.hasPendingEvents()).to.equal(true);
      expect(loop.processEvents(QEventLoop.X11ExcludeTimers, -5)).to.equal(true);
      expect(c.count).to.equal(1);
      loop.dispose();
    });
  });
});
