// Twin of oracle/scenarios/env_info.py: facts about the machine. There is no Qt, no PyQt and no Qt event
// dispatcher class under tsqt: those three entries are recorded as null and listed as 'machine' deviations.
// The loopback interface is read through tsqt's QNetworkInterface, as the scenario does.
import { QNetworkInterface } from '../../../src/index.js';
import { done, enumName, ev, flagsName } from '../trace.js';

export default async function run(): Promise<unknown[]> {
  ev('qtVersion', null);
  ev('pyqtVersion', null);
  ev('eventDispatcher', null);
  const lo = QNetworkInterface.interfaceFromName('lo');
  ev('lo', {
    isValid: lo.isValid(),
    index: lo.index(),
    flags: flagsName(QNetworkInterface.InterfaceFlag, lo.flags(), [
      'IsUp',
      'IsRunning',
      'CanBroadcast',
      'IsLoopBack',
      'IsPointToPoint',
      'CanMulticast',
    ]),
    type: enumName(QNetworkInterface.InterfaceType, lo.type()),
    addresses: lo
      .addressEntries()
      .map((e) => e.ip().toString())
      .sort(),
  });
  return done();
}
