/**
 * The one list of places where tsqt's trace differs from real Qt's recorded trace
 * (`test/conformance/traces/<scenario>.json`), on purpose.
 *
 * Before comparing, conformance.test.ts applies every entry of a scenario to Qt's trace: at `index`
 * (an index into Qt's recorded trace), Qt's entry must deep-equal `qt` (else the deviation is stale and the
 * test fails), and is replaced by `tsqt`. The whole result must then deep-equal the twin's trace, so a
 * deviation that no longer applies (tsqt now does what Qt does) fails too.
 *
 * An entry that exists on one side only uses {@link ABSENT}: `tsqt: ABSENT` removes Qt's entry at
 * `index`; `qt: ABSENT` inserts `tsqt` before Qt's entry at `index` (or at the end when `index` equals
 * the trace length). Several entries at the same index apply in list order.
 *
 * Only three kinds are allowed (DESIGN.md, "Quality bars"):
 * - `pyqt-binding`: a property of PyQt5's Python binding that means nothing in TypeScript;
 * - `deliberate`: a difference DESIGN.md names;
 * - `machine`: what depends on the machine (versions, dispatcher, interfaces, kernel).
 * A tsqt bug is never a deviation: it is a failing test and a bug report.
 */

/** Marks an entry that exists on one side only (see the module comment). */
export const ABSENT = '<absent>';

/** One listed difference between Qt's recorded trace and tsqt's. */
export interface Deviation {
  /** Scenario name (the trace file's base name). */
  scenario: string;
  /** Index into Qt's recorded trace. */
  index: number;
  /** Qt's entry at that index (checked), or {@link ABSENT} for an entry only tsqt records. */
  qt: unknown;
  /** tsqt's entry that replaces it, or {@link ABSENT} for an entry only Qt records. */
  tsqt: unknown;
  /** Why it may differ. */
  kind: 'pyqt-binding' | 'deliberate' | 'machine';
  /** A precise reason, naming the rule or DESIGN.md passage. */
  why: string;
}

/** Every listed deviation, grouped by scenario. */
export const deviations: Deviation[] = [
  // ---- sig_disconnect_return: PyQt5 returns None or raises TypeError; tsqt returns Qt's bool ----------
  ...((): Deviation[] => {
    const scenario = 'sig_disconnect_return';
    const kind = 'pyqt-binding';
    const why =
      "PyQt5's pyqtBoundSignal.disconnect() returns None, or raises TypeError when nothing matches; " +
      "tsqt's signal.disconnect() returns Qt's boolean instead (DESIGN.md, Signals: 'Where PyQt raises " +
      "(disconnecting what is not connected ...), tsqt returns Qt's false')";
    const notConnected = "'function' object is not connected";
    return [
      { scenario, index: 0, kind, why,
        qt: ['disconnect(f) never connected', 'raised', 'TypeError', notConnected],
        tsqt: ['disconnect(f) never connected', 'returned', false] },
      { scenario, index: 3, kind, why,
        qt: ['disconnect(f) #1', 'returned', null], tsqt: ['disconnect(f) #1', 'returned', true] },
      { scenario, index: 6, kind, why,
        qt: ['disconnect(f) #2', 'returned', null], tsqt: ['disconnect(f) #2', 'returned', true] },
      { scenario, index: 7, kind, why,
        qt: ['disconnect(f) #3', 'raised', 'TypeError', notConnected], tsqt: ['disconnect(f) #3', 'returned', false] },
      { scenario, index: 10, kind, why,
        qt: ['disconnect() all', 'returned', null], tsqt: ['disconnect() all', 'returned', true] },
      { scenario, index: 12, kind, why,
        qt: ['disconnect() all again', 'raised', 'TypeError', "disconnect() failed between 'sig' and all its connections"],
        tsqt: ['disconnect() all again', 'returned', false] },
    ];
  })(),

  // ---- sig_unique: PyQt5 raises TypeError for a refused UniqueConnection; tsqt returns an invalid one --
  ...((): Deviation[] => {
    const why =
      'PyQt5 raises TypeError when a Qt.UniqueConnection would duplicate an existing connection; tsqt returns ' +
      "Qt's invalid QMetaObject.Connection (isValid() false) instead (DESIGN.md, Signals: 'a " +
      "Qt.UniqueConnection that would duplicate returns an invalid one')";
    const refused = (index: number, label: string, text: string): Deviation => ({
      scenario: 'sig_unique', index, qt: [label, 'raised', 'TypeError', text], tsqt: [label, 'returned', 'Connection', false], kind: 'pyqt-binding', why,
    });
    return [
      refused(1, 'connect(decorated, Unique) #2', 'connect() failed between E.sig[] and decorated()'),
      refused(7, 'connect(plain, Unique) #2', 'connection is not unique'),
      refused(11, 'connect(lambda, Unique) #2', 'connection is not unique'),
    ];
  })(),
  {
    scenario: 'sig_unique',
    index: 13,
    qt: ['Qt.SingleShotConnection exists (Qt 6 only)', false],
    tsqt: ['Qt.SingleShotConnection exists (Qt 6 only)', true],
    kind: 'deliberate',
    why: 'tsqt offers the Qt 6 flag Qt.SingleShotConnection on top of the Qt 5.15 API (DESIGN.md, Signals: connection types)',
  },

  // ---- qo_children_order: tsqt refuses a parent cycle; Qt 5.15 accepts it (undefined behaviour) -----
  ...((): Deviation[] => {
    const scenario = 'qo_children_order';
    const kind = 'deliberate';
    const why =
      "Qt 5.15 silently accepts setParent(self) and a parent cycle (undefined behaviour; oracle README: 'the port " +
      "need not copy this'); tsqt's QObject.setParent throws a RangeError and changes nothing (documented under " +
      "'Differences from Qt' on QObject)";
    return [
      { scenario, index: 6, kind, why,
        qt: ['d.setParent(d)', 'no exception', 'parent is d', true], tsqt: ['d.setParent(d)', 'RangeError'] },
      { scenario, index: 7, kind, why, qt: ABSENT, tsqt: ['d.setParent(r)', 'RangeError'] },
      { scenario, index: 7, kind, why,
        qt: ['cycle attempt d.setParent(r) where r is child of d', 'd.parent', 'r'],
        tsqt: ['cycle attempt d.setParent(r) where r is child of d', 'd.parent', 'p'] },
    ];
  })(),

  // ---- app_no_instance: tsqt's implicit dispatcher delivers sendEvent without a QCoreApplication ------
  {
    scenario: 'app_no_instance',
    index: 1,
    qt: ABSENT,
    tsqt: ['R.event', 'User+0'],
    kind: 'deliberate',
    why:
      "Without a QCoreApplication Qt's sendEvent delivers nothing; tsqt's implicit dispatcher delivers it " +
      "(DESIGN.md, 'How the dispatcher meets Node's loop': sendEvent() delivers with no instance, a deliberate difference)",
  },
  {
    scenario: 'app_no_instance',
    index: 1,
    qt: ['sendEvent without app returns', false],
    tsqt: ['sendEvent without app returns', true],
    kind: 'deliberate',
    why:
      "Without a QCoreApplication Qt's sendEvent returns false; tsqt's implicit dispatcher delivers the event and " +
      "returns event()'s result (DESIGN.md, 'How the dispatcher meets Node's loop')",
  },

  // ---- env_info: there is no Qt, PyQt or Qt event dispatcher under tsqt -----------------------------
  {
    scenario: 'env_info',
    index: 0,
    qt: ['qtVersion', '5.15.8'],
    tsqt: ['qtVersion', null],
    kind: 'machine',
    why: 'The Qt version of the machine that recorded the traces; tsqt runs no Qt library (it reproduces Qt 5.15 semantics)',
  },
  {
    scenario: 'env_info',
    index: 1,
    qt: ['pyqtVersion', '5.15.9'],
    tsqt: ['pyqtVersion', null],
    kind: 'machine',
    why: 'The PyQt5 version of the machine that recorded the traces; tsqt has no Python binding',
  },
  {
    scenario: 'env_info',
    index: 2,
    qt: ['eventDispatcher', 'QEventDispatcherGlib'],
    tsqt: ['eventDispatcher', null],
    kind: 'machine',
    why: "Qt's event dispatcher class on the recording machine (glib); tsqt has one dispatcher of its own over Node's libuv loop",
  },
];

// ==== Network twins (udp_*, mc_*) — block maintained by the network conformance engineer ====
// Append-only block; the core twins' entries are in the array above.
deviations.push(
  // udp_bind_invalid_address: the scenario binds QHostAddress('999.1.1.1') (a null address, so Qt binds
  // 0.0.0.0). The twin passes the string itself, as tsqt's address arguments allow, and tsqt rejects it.
  {
    scenario: 'udp_bind_invalid_address', index: 6,
    qt: ['unparseable "999.1.1.1":stateChanged', 'BoundState'], tsqt: ABSENT,
    kind: 'deliberate',
    why: 'DESIGN.md "Details pinned" (QHostAddress): a string address argument must parse as an IP literal or a ' +
      'TypeError is thrown, where Qt binds to Any; so bind("999.1.1.1") binds nothing and emits no stateChanged',
  },
  {
    scenario: 'udp_bind_invalid_address', index: 7,
    qt: ['unparseable "999.1.1.1"', {
      error: 'UnknownSocketError', errorString: 'Unknown error', isValid: true, localAddress: '0.0.0.0',
      localPortNonZero: true, ok: true, state: 'BoundState',
    }],
    tsqt: ['unparseable "999.1.1.1"', {
      error: 'UnknownSocketError', errorString: 'Unknown error', isValid: false, localAddress: '',
      localPortNonZero: false, ok: 'threw TypeError', state: 'UnconnectedState',
    }],
    kind: 'deliberate',
    why: 'DESIGN.md "Details pinned" (QHostAddress): bind("999.1.1.1") throws a TypeError instead of binding Any, ' +
      'and bad input changes nothing (no socket: isValid false, no local address, error untouched); the literal ' +
      'translation bind(new QHostAddress("999.1.1.1"), 0) binds 0.0.0.0 exactly as Qt does (null address)',
  },
  {
    scenario: 'udp_bind_invalid_address', index: 8,
    qt: ['unparseable "999.1.1.1":stateChanged', 'ClosingState'], tsqt: ABSENT,
    kind: 'deliberate',
    why: 'DESIGN.md "Details pinned" (QHostAddress): after the rejected bind("999.1.1.1") the socket was never ' +
      'bound, so close() has nothing to tear down and emits no ClosingState',
  },
  {
    scenario: 'udp_bind_invalid_address', index: 9,
    qt: ['unparseable "999.1.1.1":stateChanged', 'UnconnectedState'], tsqt: ABSENT,
    kind: 'deliberate',
    why: 'DESIGN.md "Details pinned" (QHostAddress): after the rejected bind("999.1.1.1") the socket was never ' +
      'bound, so close() emits no UnconnectedState (as close() on a fresh socket, trace udp_close_sequences)',
  },
);
