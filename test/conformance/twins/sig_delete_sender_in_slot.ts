// Twin of oracle/scenarios/sig_delete_sender_in_slot.py: slot 1 calls deleteLater() on the sender (slots
// 2 and 3 still run; the object dies later in the loop); slot 1 deletes the sender immediately (destroyed
// inside that call, slots 2 and 3 not called, the emission returns normally).
import { QMetaObject, QObject, Qt, Signal } from '../../../src/index.js';
import { app, done, ev, run as runLoop } from '../trace.js';

class E extends QObject {
  readonly sig = new Signal<[]>(this);

  fire(): void {
    this.sig.emit();
    ev('fire: emit returned');
  }
}

export default async function run(): Promise<unknown[]> {
  app();
  const a = new E();
  a.destroyed.connect(() => ev('a destroyed'));
  a.sig.connect(() => {
    ev('a slot1: deleteLater(a)');
    a.deleteLater();
  });
  a.sig.connect(() => ev('a slot2'));
  a.sig.connect(() => ev('a slot3'));
  a.sig.emit();
  ev('a emit returned');
  await runLoop(20);

  const holder = new QObject();
  const b = new E(holder);
  b.destroyed.connect(() => ev('b destroyed'));
  const bSlot1 = (): void => {
    ev('b slot1: delete b now');
    b.dispose();
    ev('b slot1: delete returned');
  };
  b.sig.connect(bSlot1);
  b.sig.connect(() => ev('b slot2'));
  b.sig.connect(() => ev('b slot3'));
  QMetaObject.invokeMethod(b, 'fire', Qt.ConnectionType.QueuedConnection);
  await runLoop(20);
  ev('end');
  return done();
}
