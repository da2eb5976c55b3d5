// Ports of Qt 5.15's tests/auto/corelib/kernel/qsignalblocker/tst_qsignalblocker.cpp. Each `it`
// starts with Qt's test function name. JS has no destructors: Qt's end of a QSignalBlocker's scope
// (~QSignalBlocker restoring the previous state) is the end of a `using` block here, which calls
// [Symbol.dispose]() (the same as an explicit unblock()). A stack QObject is a `using` declaration.
//
// Not ported:
// - moveAssignment: C++ move-assignment (`b = QSignalBlocker(&o2)`, `b = std::move(inner)`) has no
//   TypeScript counterpart; QSignalBlocker is not assignable or movable here (and dismiss(), which
//   would transfer ownership, is Qt 6.7 API, absent by design).
import { expect } from 'chai';
import { QObject, QSignalBlocker, Signal } from '../../src/core/index.js';
import { coreHooks } from './helpers.js';

describe('tst_qsignalblocker ports', () => {
  coreHooks();

  it('signalBlocking: blocks for its scope, follows unblock()/reblock(), and restores the unblocked state at scope end', () => {
    class Emitter extends QObject {
      readonly sig = new Signal<[]>(this);
    }
    using o = new Emitter();
    let received = 0;
    o.sig.connect(() => received++);

    expect(o.signalsBlocked()).to.equal(false);

    {
      using blocker = new QSignalBlocker(o);
      expect(o.signalsBlocked()).to.equal(true);
      o.sig.emit(); // not in Qt's test: a blocked signal reaches no slot
      expect(received).to.equal(0);

      o.blockSignals(false);
      expect(o.signalsBlocked()).to.equal(false);

      o.blockSignals(true);
      expect(o.signalsBlocked()).to.equal(true);

      blocker.unblock();
      expect(o.signalsBlocked()).to.equal(false);

      blocker.reblock();
      expect(o.signalsBlocked()).to.equal(true);
    } // Qt: ~QSignalBlocker

    expect(o.signalsBlocked()).to.equal(false);
    o.sig.emit();
    expect(received).to.equal(1);
  });
});
