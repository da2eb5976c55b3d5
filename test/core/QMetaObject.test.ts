import { expect } from 'chai';
import sinon from 'sinon';
import {
  QObject, QTimer, QCoreApplication, QEventLoop, QSocketNotifier, QIODevice, QMetaObject, QMetaMethod, QMetaProperty, QMetaEnum, QEvent,
  Signal, Qt, isDeleted,
} from '../../src/core/index.js';
import { QAbstractSocket, QHostAddress, QUdpSocket } from '../../src/network/index.js';
import { coreHooks, turns } from './helpers.js';

class Counter extends QObject {
  readonly valueChanged = new Signal<[value: number]>(this);
  readonly reset = new Signal(this);
  got: unknown[] = [];
  setValue(v: number): void {
    this.got.push(v);
  }
  add(a: number, b = 1): number {
    return a + b;
  }
  _helper(): void {}
  protected override timerEvent(): void {}
  get answer(): number {
    return 42;
  }
}

function signatures(mo: QMetaObject, from = mo.methodOffset()): string[] {
  const out: string[] = [];
  for (let i = from; i < mo.methodCount(); i++) out.push(mo.method(i).methodSignature());
  return out;
}

describe('QMetaObject', () => {
  const st = coreHooks();

  describe('.staticMetaObject', () => {
    it('is the meta-object of the class it is read on', () => {
      expect(QObject.staticMetaObject.className()).to.equal('QObject');
      expect(QTimer.staticMetaObject.className()).to.equal('QTimer');
      expect(QUdpSocket.staticMetaObject.className()).to.equal('QUdpSocket');
      expect(QUdpSocket.staticMetaObject.superClass()?.className()).to.equal('QAbstractSocket');
      expect(QTimer.staticMetaObject.inherits(QObject.staticMetaObject)).to.equal(true);
      expect(QObject.staticMetaObject.superClass()).to.equal(null);
    });
  });

  describe('library classes are known by their constructor, not by their name', () => {
    /** Runs `body` with the library classes renamed, as a minifying bundler renames them. */
    function minified(body: () => void): void {
      const classes: Function[] = [QObject, QTimer, QCoreApplication, QEventLoop, QAbstractSocket, QUdpSocket];
      const saved = classes.map((c) => Object.getOwnPropertyDescriptor(c, 'name')!);
      try {
        classes.forEach((c, i) => Object.defineProperty(c, 'name', { value: String.fromCharCode(97 + i), configurable: true }));
        expect(QTimer.name).to.equal('b');
        body();
      } finally {
        classes.forEach((c, i) => Object.defineProperty(c, 'name', saved[i]!));
      }
    }

    it("keeps Qt's class names, signals, slots, properties and enum scopes when the constructors are renamed", () => {
      minified(() => {
        const t = new QTimer();
        try {
          const mo = t.metaObject();
          expect(mo.className()).to.equal('QTimer');
          expect(mo.superClass()?.className()).to.equal('QObject');
          expect(signatures(mo)).to.deep.equal(['timeout()', 'start(int)', 'stop()']);
          expect(mo.method(mo.indexOfSlot('start')).parameterNames()).to.deep.equal(['msec']);
          expect(signatures(mo, 0).slice(0, 2)).to.deep.equal(['destroyed(QObject*)', 'objectNameChanged(QString)']);
          const props: string[] = [];
          for (let i = 0; i < mo.propertyCount(); i++) props.push(`${mo.property(i).typeName()} ${mo.property(i).name()}`);
          expect(props).to.deep.equal(['QString objectName', 'bool singleShot', 'int interval', 'int remainingTime', 'Qt::TimerType timerType', 'bool active']);
          expect(t.inherits('QTimer') && t.inherits('QObject')).to.equal(true);
          expect(QMetaObject.invokeMethod(t, 'nope')).to.equal(false);
          expect(st.messages).to.deep.equal(['QMetaObject::invokeMethod: No such method QTimer::nope()']);
          expect(() => QMetaObject.checkConnectArgs(t as never, 'a()')).to.throw(TypeError, /got QTimer and string a\(\)$/);
        } finally {
          t.dispose();
        }
        const umo = QUdpSocket.staticMetaObject;
        expect(umo.className()).to.equal('QUdpSocket');
        expect(umo.superClass()?.className()).to.equal('QAbstractSocket');
        expect(umo.method(umo.indexOfSignal('stateChanged')).methodSignature()).to.equal('stateChanged(QAbstractSocket::SocketState)');
        expect(umo.enumerator(umo.indexOfEnumerator('SocketState')).scope()).to.equal('QAbstractSocket');
        expect(QEventLoop.staticMetaObject.indexOfSlot('quit')).to.be.greaterThan(-1);
        expect(QCoreApplication.staticMetaObject.indexOfSignal('aboutToQuit')).to.be.greaterThan(-1);
      });
    });

    it("does not give a user class named like a library class the library's entry", () => {
      const named = {
        QTimer: class extends QObject {
          start(msec: number): void {
            void msec;
          }
        },
      };
      const NamedLikeQTimer = named.QTimer;
      expect(NamedLikeQTimer.name).to.equal('QTimer');
      const o = new NamedLikeQTimer();
      try {
        const mo = o.metaObject();
        expect(mo.className()).to.equal('QTimer');
        expect(signatures(mo)).to.deep.equal(['start(QVariant)']);
        expect(mo.propertyCount()).to.equal(1);
        expect(mo.indexOfSignal('timeout')).to.equal(-1);
      } finally {
        o.dispose();
      }
    });
  });

  describe('argument checks', () => {
    // PyQt5 5.15: metaObject().inherits(5) raises TypeError
    it('of(), inherits() and the constructor refuse what is not a QObject, a QMetaObject, a class', () => {
      expect(() => QMetaObject.of(null as never)).to.throw(TypeError, /^QMetaObject\.of: obj must be a QObject, got null$/);
      expect(() => QMetaObject.of('abc' as never)).to.throw(TypeError, /^QMetaObject\.of: obj must be a QObject, got string abc$/);
      expect(() => QMetaObject.of({} as never)).to.throw(TypeError, /got Object$/);
      expect(QMetaObject.of(new QTimer()).className()).to.equal('QTimer');
      const mo = QTimer.staticMetaObject;
      expect(() => mo.inherits(5 as never)).to.throw(TypeError, /^QMetaObject\.inherits: other must be a QMetaObject, got number 5$/);
      expect(() => mo.inherits(null as never)).to.throw(TypeError, /got null$/);
      expect(() => mo.inherits(QObject as never)).to.throw(TypeError, /got Function$/);
      expect(() => new QMetaObject((() => 0) as never)).to.throw(TypeError, /^QMetaObject: cls must be a class, got function \(anonymous\) \(no prototype\)$/);
      const arrow = (): number => 0;
      expect(() => new QMetaObject(arrow as never)).to.throw(TypeError, /got function arrow \(no prototype\)$/);
      expect(() => new QMetaObject(5 as never)).to.throw(TypeError, /^QMetaObject: cls must be a class, got number 5$/);
      expect(new QMetaObject(Counter).className()).to.equal('Counter');
    });

    it('invokeMethod() refuses a type other than Auto, Direct or Queued, calling nothing', async () => {
      const c = new Counter();
      for (const t of [NaN, Infinity, 1.5, 2.9, '1', null, Object.create(null)]) {
        expect(() => QMetaObject.invokeMethod(c, 'setValue', t as never, 1), typeof t).to.throw(TypeError, /^QMetaObject\.invokeMethod: type must be a Qt\.ConnectionType, got /);
      }
      expect(() => QMetaObject.invokeMethod(c, 'setValue', Object.create(null) as never, 1)).to.throw(TypeError, /got object$/);
      expect(() => QMetaObject.invokeMethod(c, 'setValue', 2.9, 1)).to.throw(TypeError, /got number 2\.9$/);
      // Qt 5.15 takes every other value for BlockingQueuedConnection (a deadlock in one thread)
      for (const t of [2 ** 53, 2 ** 32 + 2, -1, 4, Qt.UniqueConnection, Qt.QueuedConnection | Qt.UniqueConnection, Qt.SingleShotConnection]) {
        expect(() => QMetaObject.invokeMethod(c, 'setValue', t, 1), String(t)).to.throw(RangeError, /^QMetaObject\.invokeMethod: type must be Qt\.AutoConnection, DirectConnection or QueuedConnection, got /);
      }
      expect(() => QMetaObject.invokeMethod(c, 'setValue', 3, 1)).to.throw(RangeError, /BlockingQueuedConnection/);
      await turns(2);
      expect(c.got).to.deep.equal([]);
      expect(QMetaObject.invokeMethod(c, 'setValue', Qt.AutoConnection, 1)).to.equal(true);
      expect(QMetaObject.invokeMethod(c, 'setValue', Qt.DirectConnection, 2)).to.equal(true);
      expect(QMetaObject.invokeMethod(c, 'setValue', Qt.QueuedConnection, 3)).to.equal(true);
      expect(QMetaObject.invokeMethod(c, 'setValue', undefined, 4)).to.equal(true);
      await turns(2);
      expect(c.got).to.deep.equal([1, 2, 4, 3]);
    });
  });

  describe('#method() / methodCount() / methodOffset()', () => {
    it('gives every meta-object of a class the same table, before and after an object of it is seen', () => {
      class Base extends QObject {
        readonly baseField = new Signal(this);
        #viaGetter = new Signal(this);
        get viaGetter(): Signal {
          return this.#viaGetter;
        }
      }
      class Derived extends Base {
        readonly derivedField = new Signal(this);
      }
      const qobject = ['destroyed(QObject*)', 'objectNameChanged(QString)'];
      // nothing seen yet: no signal of a user class is known, whoever asks
      expect(signatures(Derived.staticMetaObject, 0)).to.deep.equal(qobject);
      expect(signatures(Derived.staticMetaObject.superClass()!, 0)).to.deep.equal(qobject);
      expect(signatures(Base.staticMetaObject, 0)).to.deep.equal(qobject);
      const d = new Derived();
      const b = new Base();
      try {
        const mo = d.metaObject();
        // the class's static meta-object asked first, then the object's: the same table
        const derived = [...qobject, 'viaGetter()', 'baseField()', 'derivedField()'];
        expect(signatures(Derived.staticMetaObject, 0)).to.deep.equal(derived);
        expect(signatures(mo, 0)).to.deep.equal(derived);
        expect(mo.methodOffset()).to.equal(3);
        // the getter is Base's, so Base's table lists it too, whichever way Base is reached
        expect(signatures(mo.superClass()!, 0)).to.deep.equal([...qobject, 'viaGetter()']);
        expect(signatures(Base.staticMetaObject, 0)).to.deep.equal([...qobject, 'viaGetter()']);
        // a Base object tells Base's own fields
        expect(signatures(b.metaObject(), 0)).to.deep.equal([...qobject, 'viaGetter()', 'baseField()']);
        expect(signatures(Derived.staticMetaObject.superClass()!, 0)).to.deep.equal([...qobject, 'viaGetter()', 'baseField()']);
        expect(signatures(Derived.staticMetaObject, 0)).to.deep.equal(derived);
      } finally {
        d.dispose();
        b.dispose();
      }
    });

    it("reads an object when a table needs it: a base class's constructor calling tr() and invokeMethod() hides no signal of the subclass", () => {
      class Base extends QObject {
        readonly title: string;
        inited = false;
        constructor() {
          super();
          this.title = this.tr('Hello');
          QMetaObject.invokeMethod(this, 'init', Qt.DirectConnection);
        }
        init(): void {
          this.inited = true;
        }
      }
      class Derived extends Base {
        #viaGetter = new Signal(this);
        get viaGetter(): Signal {
          return this.#viaGetter;
        }
        readonly field = new Signal(this);
      }
      const d = new Derived();
      try {
        expect(d.inited).to.equal(true);
        expect(signatures(d.metaObject(), 0)).to.deep.equal(['destroyed(QObject*)', 'objectNameChanged(QString)', 'init()', 'viaGetter()', 'field()']);
      } finally {
        d.dispose();
      }
    });

    it('keeps the signal fields of a class whose only object seen was collected before any table was built', async function () {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (gc === undefined) this.skip(); // mocha runs with --expose-gc (.mocharc)
      class SeenOnce extends QObject {
        readonly went = new Signal(this);
      }
      let ref: WeakRef<SeenOnce> | null = null;
      (() => {
        const o = new SeenOnce();
        ref = new WeakRef(o);
        o.metaObject();
        o.dispose();
      })();
      for (let i = 0; i < 5 && ref!.deref() !== undefined; i++) {
        await turns(1);
        gc!();
      }
      expect(ref!.deref()).to.equal(undefined);
      expect(signatures(SeenOnce.staticMetaObject)).to.deep.equal(['went()']);
    });

    it("lists QObject's signals first, then each class's signals and slots", () => {
      expect(signatures(QObject.staticMetaObject)).to.deep.equal(['destroyed(QObject*)', 'objectNameChanged(QString)']);
      const mo = QTimer.staticMetaObject;
      expect(mo.methodOffset()).to.equal(2);
      expect(signatures(mo)).to.deep.equal(['timeout()', 'start(int)', 'stop()']);
      expect(signatures(QCoreApplication.staticMetaObject)).to.deep.equal([
        'aboutToQuit()', 'organizationNameChanged()', 'organizationDomainChanged()', 'applicationNameChanged()', 'applicationVersionChanged()', 'quit()',
      ]);
      expect(signatures(QEventLoop.staticMetaObject)).to.deep.equal(['quit()']);
      expect(signatures(QAbstractSocket.staticMetaObject)).to.include('stateChanged(QAbstractSocket::SocketState)');
      expect(QUdpSocket.staticMetaObject.methodOffset()).to.equal(QUdpSocket.staticMetaObject.methodCount());
    });

    it("describes kind, parameters and return type as Qt's moc does for library members", () => {
      const mo = QTimer.staticMetaObject;
      const timeout = mo.method(mo.indexOfSignal('timeout'));
      expect(timeout.methodType()).to.equal(QMetaMethod.Signal);
      expect(timeout.access()).to.equal(QMetaMethod.Access.Public);
      expect(timeout.typeName()).to.equal('void');
      expect(timeout.returnType()).to.equal(43);
      const start = mo.method(mo.indexOfSlot('start'));
      expect(start.methodType()).to.equal(QMetaMethod.MethodType.Slot);
      expect(start.parameterCount()).to.equal(1);
      expect(start.parameterNames()).to.deep.equal(['msec']);
      expect(start.parameterTypes()).to.deep.equal(['int']);
      expect(start.parameterType(0)).to.equal(2);
      expect(start.name()).to.equal('start');
      expect(start.methodIndex()).to.equal(mo.indexOfSlot('start()'));
      expect(start.enclosingMetaObject()?.className()).to.equal('QTimer');
      const onc = mo.method(1);
      expect(onc.methodSignature()).to.equal('objectNameChanged(QString)');
      expect(onc.parameterNames()).to.deep.equal(['objectName']);
      expect(onc.enclosingMetaObject()?.className()).to.equal('QObject');
    });

    it("lists a user class's signal fields and prototype methods, base class first", () => {
      // classes of this test only: no instance of Counter2 is ever seen, so its fields are unknown
      class Counter2 extends Counter {}
      class SubCounter2 extends Counter2 {
        readonly extra = new Signal<[s: string]>(this);
        override setValue(v: number): void {
          super.setValue(v * 2);
        }
        twice(): void {}
      }
      const c = new SubCounter2();
      const base = Counter2.staticMetaObject;
      expect(signatures(base, 2)).to.deep.equal(['setValue(QVariant)', 'add(QVariant)']);
      expect(base.methodOffset()).to.equal(4);
      const mo = c.metaObject();
      expect(mo.methodOffset()).to.equal(base.methodCount());
      // the fields are listed with the instance's class; setValue keeps its base row
      expect(signatures(mo)).to.deep.equal(['valueChanged()', 'reset()', 'extra()', 'twice()']);
      expect(mo.method(mo.indexOfSignal('valueChanged')).enclosingMetaObject()?.className()).to.equal('SubCounter2');
      expect(mo.method(mo.indexOfMethod('setValue')).enclosingMetaObject()?.className()).to.equal('Counter');
      // _helper, the timerEvent override, the getter and the constructor are not methods
      for (const n of ['_helper', 'timerEvent', 'answer', 'constructor']) expect(mo.indexOfMethod(n), n).to.equal(-1);
      // once an instance was seen, the static meta-object knows its fields
      expect(SubCounter2.staticMetaObject.methodCount()).to.equal(mo.methodCount());
    });

    it('gives an invalid QMetaMethod out of range, and refuses a non-integer index', () => {
      const m = QTimer.staticMetaObject.method(100);
      expect(m.isValid()).to.equal(false);
      expect(m.methodType()).to.equal(QMetaMethod.Method);
      expect(m.access()).to.equal(QMetaMethod.Private);
      expect(m.methodIndex()).to.equal(-1);
      expect(m.methodSignature()).to.equal('');
      expect(m.enclosingMetaObject()).to.equal(null);
      expect(QTimer.staticMetaObject.method(-1).isValid()).to.equal(false);
      expect(() => QTimer.staticMetaObject.method(1.5)).to.throw(TypeError, /QMetaObject\.method: index/);
      expect(() => QTimer.staticMetaObject.method('1' as never)).to.throw(TypeError);
    });
  });

  describe('#indexOfSignal() / indexOfSlot() / indexOfMethod()', () => {
    it('match by name, ignoring parameters, and agree with the method table', () => {
      const mo = QTimer.staticMetaObject;
      expect(mo.indexOfSignal('timeout()')).to.equal(2);
      expect(mo.indexOfSignal('timeout')).to.equal(2);
      expect(mo.indexOfSignal('destroyed(QObject*)')).to.equal(0);
      expect(mo.indexOfSignal('start')).to.equal(-1);
      expect(mo.indexOfSlot('start(int)')).to.equal(3);
      expect(mo.indexOfSlot('timeout')).to.equal(-1);
      expect(mo.indexOfMethod('stop()')).to.equal(4);
      expect(mo.indexOfMethod('nope')).to.equal(-1);
      expect(mo.method(mo.indexOfSignal('objectNameChanged')).name()).to.equal('objectNameChanged');
      expect(() => mo.indexOfSignal(3 as never)).to.throw(TypeError, /indexOfSignal: signal must be a string/);
    });

    it("senderSignalIndex() is the signal's method index", () => {
      const t = new QTimer();
      const r = new QObject();
      let idx = -2;
      t.timeout.connect(r, () => (idx = r.senderSignalIndex()));
      t.timeout.emit();
      expect(idx).to.equal(QTimer.staticMetaObject.indexOfSignal('timeout'));
      t.dispose();
      r.dispose();
    });
  });

  describe('#property() / propertyCount() / indexOfProperty()', () => {
    it("reflects objectName and its notify signal", () => {
      const mo = QObject.staticMetaObject;
      expect(mo.propertyCount()).to.equal(1);
      const p = mo.property(0);
      expect(p.name()).to.equal('objectName');
      expect(p.typeName()).to.equal('QString');
      expect(p.isReadable()).to.equal(true);
      expect(p.isWritable()).to.equal(true);
      expect(p.isResettable()).to.equal(false);
      expect(p.hasNotifySignal()).to.equal(true);
      expect(p.notifySignalIndex()).to.equal(1);
      expect(p.notifySignal().methodSignature()).to.equal('objectNameChanged(QString)');
      expect(p.propertyIndex()).to.equal(0);
      const o = new QObject();
      const seen: string[] = [];
      o.objectNameChanged.connect((n) => seen.push(n));
      expect(p.write(o, 'main')).to.equal(true);
      expect(p.read(o)).to.equal('main');
      expect(seen).to.deep.equal(['main']);
      expect(p.write(o, undefined)).to.equal(false);
      expect(() => p.read({} as never)).to.throw(TypeError, /QMetaProperty\.read: object/);
      o.dispose();
    });

    it("reflects QTimer's and QCoreApplication's properties", () => {
      const mo = QTimer.staticMetaObject;
      expect(mo.propertyOffset()).to.equal(1);
      const names = [];
      for (let i = mo.propertyOffset(); i < mo.propertyCount(); i++) names.push(mo.property(i).name());
      expect(names).to.deep.equal(['singleShot', 'interval', 'remainingTime', 'timerType', 'active']);
      const active = mo.property(mo.indexOfProperty('active'));
      expect(active.isWritable()).to.equal(false);
      expect(active.hasNotifySignal()).to.equal(false);
      expect(active.notifySignal().isValid()).to.equal(false);
      expect(mo.property(mo.indexOfProperty('timerType')).isEnumType()).to.equal(true);
      const t = new QTimer();
      const interval = mo.property(mo.indexOfProperty('interval'));
      expect(interval.write(t, 250)).to.equal(true);
      expect(interval.read(t)).to.equal(250);
      expect(active.write(t, true)).to.equal(false);
      expect(QObject.staticMetaObject.property(0).read(t)).to.equal('');
      // a property of another class is not read from an object that lacks it
      expect(interval.read(new QObject())).to.equal(undefined);
      t.dispose();

      const app = new QCoreApplication([]);
      const amo = app.metaObject();
      const an = amo.property(amo.indexOfProperty('applicationName'));
      expect(an.write(app, 'tsqt-test')).to.equal(true);
      expect(an.read(app)).to.equal('tsqt-test');
      expect(an.notifySignal().name()).to.equal('applicationNameChanged');
      expect(amo.indexOfProperty('nope')).to.equal(-1);
      expect(amo.property(99).isValid()).to.equal(false);
      expect(new QMetaProperty().name()).to.equal('');
    });
  });

  describe('#enumerator() / enumeratorCount()', () => {
    it("lists a class's static enum objects, scoped to the class", () => {
      expect(QTimer.staticMetaObject.enumeratorCount()).to.equal(0);
      expect(QObject.staticMetaObject.enumeratorCount()).to.equal(0);
      const mo = QAbstractSocket.staticMetaObject;
      const i = mo.indexOfEnumerator('SocketState');
      expect(i).to.be.at.least(mo.enumeratorOffset());
      const e = mo.enumerator(i);
      expect(e).to.be.instanceOf(QMetaEnum);
      expect(e.scope()).to.equal('QAbstractSocket');
      expect(e.valueToKey(QAbstractSocket.BoundState)).to.equal('BoundState');
      expect(QUdpSocket.staticMetaObject.enumeratorOffset()).to.equal(mo.enumeratorCount());
      expect(mo.indexOfEnumerator('Nope')).to.equal(-1);
    });

    it("lists, for a library class, the enums Qt registers, in Qt's order", () => {
      // PyQt5 5.15 (Qt 5.15.8): the meta-objects of QObject, QTimer, QCoreApplication, QEventLoop,
      // QSocketNotifier and QIODevice have no enumerator; QAbstractSocket's has 5 from offset 0,
      // QUdpSocket's the same 5 from offset 5 (isFlag false, key counts 4, 4, 24, 7, 8);
      // indexOfEnumerator('OpenModeFlag') and ('BindFlag') are -1 on both.
      for (const c of [QObject, QTimer, QCoreApplication, QEventLoop, QSocketNotifier, QIODevice]) {
        expect(c.staticMetaObject.enumeratorCount(), c.name).to.equal(0);
      }
      const list = (mo: QMetaObject): unknown[] => Array.from({ length: mo.enumeratorCount() }, (_, i) => {
        const en = mo.enumerator(i);
        return [en.scope(), en.name(), en.isFlag(), en.keyCount()];
      });
      const qt = [
        ['QAbstractSocket', 'SocketType', false, 4],
        ['QAbstractSocket', 'NetworkLayerProtocol', false, 4],
        ['QAbstractSocket', 'SocketError', false, 24],
        ['QAbstractSocket', 'SocketState', false, 7],
        ['QAbstractSocket', 'SocketOption', false, 8],
      ];
      for (const mo of [QAbstractSocket.staticMetaObject, QUdpSocket.staticMetaObject]) {
        expect(list(mo), mo.className()).to.deep.equal(qt);
        expect(mo.indexOfEnumerator('OpenModeFlag')).to.equal(-1);
        expect(mo.indexOfEnumerator('BindFlag')).to.equal(-1);
        expect(mo.indexOfEnumerator('PauseMode')).to.equal(-1);
        expect(mo.indexOfEnumerator('SocketState')).to.equal(3);
      }
      expect(QAbstractSocket.staticMetaObject.enumeratorOffset()).to.equal(0);
      expect(QUdpSocket.staticMetaObject.enumeratorOffset()).to.equal(5);
      // a user class's static enum objects follow those of its library bases
      class Sock extends QUdpSocket {
        static readonly Mode = { Plain: 0, Fancy: 1 } as const;
      }
      const smo = Sock.staticMetaObject;
      expect([smo.enumeratorOffset(), smo.enumeratorCount(), smo.enumerator(5).name(), smo.enumerator(5).scope()]).to.deep.equal([5, 6, 'Mode', 'Sock']);
    });
  });

  describe('class info and constructors', () => {
    it('are absent', () => {
      const mo = QTimer.staticMetaObject;
      expect(mo.classInfoCount()).to.equal(0);
      expect(mo.classInfoOffset()).to.equal(0);
      expect(mo.indexOfClassInfo('author')).to.equal(-1);
      expect(mo.constructorCount()).to.equal(0);
      expect(mo.indexOfConstructor('QTimer(QObject*)')).to.equal(-1);
      expect(mo.userProperty().isValid()).to.equal(false);
    });
  });

  describe('.normalizedSignature() / .normalizedType()', () => {
    // recorded with PyQt5 5.15 (Qt 5.15.8)
    const rows: [string, string][] = [
      [' foo ( const int & , char const * , unsigned int, QList<QList<int>> )', 'foo(int,const char*,uint,QList<QList<int> >)'],
      ['valueChanged( const QString & )', 'valueChanged(QString)'],
      ['f(void)', 'f()'],
      ['f(unsigned long long)', 'f(unsigned long long)'],
      ['f(unsigned long)', 'f(ulong)'],
      ['f(struct Foo*)', 'f(Foo*)'],
      ['f(char const * const)', 'f(char*const)'],
      ['f(const int * const &)', 'f(int*const)'],
      ['f(std::map<int, std::vector<int>>)', 'f(std::map<int,std::vector<int> >)'],
      ['f(QSharedPointer<const Foo>)', 'f(QSharedPointer<const Foo>)'],
      ['  sig  ()  ', 'sig()'],
      ['', ''],
    ];
    for (const [input, out] of rows) {
      it(`"${input}" -> "${out}"`, () => expect(QMetaObject.normalizedSignature(input)).to.equal(out));
    }
    it('normalizes a type alone', () => {
      expect(QMetaObject.normalizedType('const QString &')).to.equal('QString');
      expect(QMetaObject.normalizedType('char const *')).to.equal('const char*');
      expect(QMetaObject.normalizedType(' unsigned  int ')).to.equal('uint');
      expect(QMetaObject.normalizedType('QList<QList<int>>')).to.equal('QList<QList<int> >');
      expect(QMetaObject.normalizedType('')).to.equal('');
      expect(() => QMetaObject.normalizedType(null as never)).to.throw(TypeError, /normalizedType: type/);
    });
  });

  describe('.checkConnectArgs()', () => {
    it("applies Qt's prefix rule to signatures", () => {
      expect(QMetaObject.checkConnectArgs('a(int,int)', 'b(int)')).to.equal(true);
      expect(QMetaObject.checkConnectArgs('a(int)', 'b(int,int)')).to.equal(false);
      expect(QMetaObject.checkConnectArgs('a(int)', 'b()')).to.equal(true);
      expect(QMetaObject.checkConnectArgs('a(int,QString)', 'b(int,QStr)')).to.equal(false);
      expect(QMetaObject.checkConnectArgs('a(QString)', 'b(int)')).to.equal(false);
    });
    it('compares QMetaMethods by parameter count and, where known, type', () => {
      const t = QTimer.staticMetaObject;
      const timeout = t.method(t.indexOfSignal('timeout'));
      const start = t.method(t.indexOfSlot('start'));
      const stop = t.method(t.indexOfSlot('stop'));
      expect(QMetaObject.checkConnectArgs(timeout, stop)).to.equal(true);
      expect(QMetaObject.checkConnectArgs(timeout, start)).to.equal(false);
      expect(QMetaObject.checkConnectArgs(stop, stop)).to.equal(false); // not a signal
      const c = new Counter().metaObject();
      // a user signal's count is unknown: it suits any method
      expect(QMetaObject.checkConnectArgs(c.method(c.indexOfSignal('valueChanged')), start)).to.equal(true);
      expect(() => QMetaObject.checkConnectArgs('a()', stop as never)).to.throw(TypeError);
    });
  });

  describe('.invokeMethod() with the wrong number of arguments', () => {
    // PyQt5 5.15 (Qt 5.15.8), Obj with @pyqtSlot(int) slotInt: invokeMethod(o, 'slotInt',
    // Qt.DirectConnection) warns 'QMetaObject::invokeMethod: No such method Obj::slotInt()\nCandidates
    // are:\n    slotInt(int)' and fails (C++ returns false; PyQt raises RuntimeError); on a QTimer,
    // 'stop' with Q_ARG(int, 1) lists '    stop()', 'start' with two lists '    start(int)\n    start()',
    // 'start' with none starts it.
    it("a user method given fewer arguments than its Function.length is not called: Qt's warning with the candidates", async () => {
      const c = new Counter();
      try {
        expect(QMetaObject.invokeMethod(c, 'setValue', Qt.DirectConnection)).to.equal(false);
        expect(QMetaObject.invokeMethod(c, 'setValue', Qt.QueuedConnection)).to.equal(false);
        await turns(2);
        expect(c.got).to.deep.equal([]);
        const warning = 'QMetaObject::invokeMethod: No such method Counter::setValue()\nCandidates are:\n    setValue(QVariant)';
        expect(st.messages).to.deep.equal([warning, warning]);
        // more than Function.length: JavaScript's default values take them
        expect(QMetaObject.invokeMethod(c, 'setValue', Qt.DirectConnection, 1, 2)).to.equal(true);
        expect(c.got).to.deep.equal([1]);
        expect(QMetaObject.invokeMethod(c, 'nope', Qt.DirectConnection, 1, 2)).to.equal(false);
        expect(st.messages[2]).to.equal('QMetaObject::invokeMethod: No such method Counter::nope(...,...)');
      } finally {
        c.dispose();
      }
    });

    it("a library member takes the argument count of one of Qt's overloads, else Qt's warning lists them", () => {
      const t = new QTimer();
      const names: string[] = [];
      t.objectNameChanged.connect((n) => names.push(n));
      try {
        expect(QMetaObject.invokeMethod(t, 'start', Qt.DirectConnection)).to.equal(true);
        expect(t.isActive()).to.equal(true);
        expect(QMetaObject.invokeMethod(t, 'stop', Qt.DirectConnection, 1)).to.equal(false);
        expect(t.isActive()).to.equal(true);
        expect(QMetaObject.invokeMethod(t, 'start', Qt.DirectConnection, 1, 2)).to.equal(false);
        expect(t.interval()).to.equal(0);
        expect(QMetaObject.invokeMethod(t, 'objectNameChanged', Qt.DirectConnection)).to.equal(false);
        expect(QMetaObject.invokeMethod(t, 'destroyed', Qt.DirectConnection, 1, 2)).to.equal(false);
        expect(names).to.deep.equal([]);
        expect(st.messages).to.deep.equal([
          'QMetaObject::invokeMethod: No such method QTimer::stop(...)\nCandidates are:\n    stop()',
          'QMetaObject::invokeMethod: No such method QTimer::start(...,...)\nCandidates are:\n    start(int)\n    start()',
          'QMetaObject::invokeMethod: No such method QTimer::objectNameChanged()\nCandidates are:\n    objectNameChanged(QString)',
          'QMetaObject::invokeMethod: No such method QTimer::destroyed(...,...)\nCandidates are:\n    destroyed(QObject*)\n    destroyed()',
        ]);
        expect(QMetaObject.invokeMethod(t, 'start', Qt.DirectConnection, 25)).to.equal(true);
        expect(t.interval()).to.equal(25);
        expect(QMetaObject.invokeMethod(t, 'stop', Qt.DirectConnection)).to.equal(true);
        expect(t.isActive()).to.equal(false);
      } finally {
        t.dispose();
      }
    });
  });

  describe(".invokeMethod() and the library classes' members", () => {
    // PyQt5 5.15 (Qt 5.15.8): invokeMethod() finds only what the meta-object lists. On a QObject,
    // QTimer, QCoreApplication, QEventLoop, QSocketNotifier or QUdpSocket every row below warns
    // 'QMetaObject::invokeMethod: No such method <Class>::<name>()' and fails (C++ returns false;
    // PyQt raises RuntimeError 'QMetaObject.invokeMethod() call failed'), calling nothing; QTimer's
    // setInterval is no slot in Qt 5.15's qtimer.h either. Accepted: QObject's deleteLater() (a
    // slot; with Q_ARG(int, 1): 'No such method QObject::deleteLater(int)\nCandidates are:\n
    // deleteLater()'), quit() of QCoreApplication and QEventLoop, QSocketNotifier's
    // setEnabled(bool), QTimer's start()/start(int)/stop().
    const rows: [make: () => QObject, names: string[]][] = [
      [() => new QObject(), [
        'objectName', 'setObjectName', 'parent', 'setParent', 'children', 'findChild', 'findChildren', 'property',
        'setProperty', 'dynamicPropertyNames', 'blockSignals', 'signalsBlocked', 'sender', 'senderSignalIndex',
        'receivers', 'isSignalConnected', 'event', 'eventFilter', 'installEventFilter', 'removeEventFilter',
        'timerEvent', 'childEvent', 'customEvent', 'connectNotify', 'disconnectNotify', 'startTimer', 'killTimer',
        'metaObject', 'inherits', 'isWidgetType', 'isWindowType', 'tr', 'dumpObjectInfo', 'dumpObjectTree',
        'dispose', 'disconnect', 'toString', 'hasOwnProperty',
      ]],
      [() => new QTimer(), [
        'isActive', 'timerId', 'interval', 'setInterval', 'remainingTime', 'isSingleShot', 'setSingleShot',
        'timerType', 'setTimerType', 'callOnTimeout', 'timerEvent', 'objectName',
      ]],
      [() => new QCoreApplication([]), [
        'exec', 'exit', 'processEvents', 'installNativeEventFilter', 'removeNativeEventFilter', 'notify', 'event', 'dispose',
      ]],
      [() => new QEventLoop(), ['exec', 'exit', 'isRunning', 'processEvents', 'wakeUp', 'dispose']],
      [() => new QUdpSocket(), [
        'open', 'close', 'isOpen', 'openMode', 'readAll', 'write', 'bind', 'connectToHost', 'disconnectFromHost',
        'abort', 'state', 'flush', 'resume', 'hasPendingDatagrams', 'readDatagram', 'writeDatagram',
        'joinMulticastGroup', 'objectName',
      ]],
    ];

    /** The prototype of `o`'s chain that defines `name`. */
    function owner(o: object, name: string): Record<string, unknown> {
      let p = Object.getPrototypeOf(o) as object;
      while (!Object.prototype.hasOwnProperty.call(p, name)) p = Object.getPrototypeOf(p) as object;
      return p as Record<string, unknown>;
    }

    it("refuses a member that Qt lists as no signal or slot, with Qt's warning, calling nothing", async () => {
      for (const [make, names] of rows) {
        const o = make();
        const cls = o.metaObject().className();
        try {
          for (const name of names) {
            st.messages.length = 0;
            const proto = owner(o, name);
            // Object.prototype's own members stay as they are (sinon relies on them)
            const spy = proto === Object.prototype ? null : sinon.spy(proto as Record<string, () => unknown>, name as never);
            try {
              expect(QMetaObject.invokeMethod(o, name), `${cls}::${name}`).to.equal(false);
              expect(QMetaObject.invokeMethod(o, `${name}()`, Qt.QueuedConnection), `${cls}::${name} queued`).to.equal(false);
              await turns(1);
              if (spy !== null) expect(spy.callCount, `${cls}::${name} called`).to.equal(0);
            } finally {
              spy?.restore();
            }
            const warning = `QMetaObject::invokeMethod: No such method ${cls}::${name}()`;
            expect(st.messages).to.deep.equal([warning, warning]);
          }
        } finally {
          o.dispose();
        }
      }
      const u = new QUdpSocket();
      expect(u.bind(QHostAddress.LocalHost, 0)).to.equal(true);
      const n = new QSocketNotifier(u.socketDescriptor(), QSocketNotifier.Read);
      try {
        st.messages.length = 0;
        for (const name of ['socket', 'type', 'isEnabled', 'event', 'dispose']) expect(QMetaObject.invokeMethod(n, name), name).to.equal(false);
        expect(st.messages).to.deep.equal(['socket', 'type', 'isEnabled', 'event', 'dispose'].map((name) => `QMetaObject::invokeMethod: No such method QSocketNotifier::${name}()`));
      } finally {
        n.dispose();
        u.dispose();
      }
    });

    it('refuses such a member with arguments too: setInterval(int), blockSignals(bool) change nothing', async () => {
      const t = new QTimer();
      try {
        expect(QMetaObject.invokeMethod(t, 'setInterval', Qt.QueuedConnection, 7)).to.equal(false);
        expect(QMetaObject.invokeMethod(t, 'blockSignals', Qt.DirectConnection, true)).to.equal(false);
        await turns(2);
        expect(t.interval()).to.equal(0);
        expect(t.signalsBlocked()).to.equal(false);
        expect(st.messages).to.deep.equal([
          'QMetaObject::invokeMethod: No such method QTimer::setInterval(...)',
          'QMetaObject::invokeMethod: No such method QTimer::blockSignals(...)',
        ]);
      } finally {
        t.dispose();
      }
    });

    it("calls the members Qt lists as slots: deleteLater() (no arguments), quit(), setEnabled(bool)", async () => {
      const o = new QObject();
      expect(QMetaObject.invokeMethod(o, 'deleteLater', Qt.DirectConnection, 1)).to.equal(false);
      expect(st.messages).to.deep.equal(['QMetaObject::invokeMethod: No such method QObject::deleteLater(...)\nCandidates are:\n    deleteLater()']);
      await turns(2);
      expect(isDeleted(o)).to.equal(false);
      expect(QMetaObject.invokeMethod(o, 'deleteLater')).to.equal(true);
      QCoreApplication.sendPostedEvents(null, QEvent.DeferredDelete);
      expect(isDeleted(o)).to.equal(true);

      const loop = new QEventLoop();
      const app = new QCoreApplication([]);
      const quit = sinon.spy(app, 'quit');
      const loopQuit = sinon.spy(loop, 'quit');
      expect(QMetaObject.invokeMethod(app, 'quit')).to.equal(true);
      expect(QMetaObject.invokeMethod(loop, 'quit')).to.equal(true);
      expect([quit.callCount, loopQuit.callCount]).to.deep.equal([1, 1]);
      loop.dispose();

      const u = new QUdpSocket();
      expect(u.bind(QHostAddress.LocalHost, 0)).to.equal(true);
      const n = new QSocketNotifier(u.socketDescriptor(), QSocketNotifier.Read);
      try {
        expect(QMetaObject.invokeMethod(n, 'setEnabled', Qt.DirectConnection, false)).to.equal(true);
        expect(n.isEnabled()).to.equal(false);
        expect(QMetaObject.invokeMethod(n, 'setEnabled')).to.equal(false);
        expect(st.messages[1]).to.equal('QMetaObject::invokeMethod: No such method QSocketNotifier::setEnabled()\nCandidates are:\n    setEnabled(bool)');
        expect(st.messages).to.have.length(2);
      } finally {
        n.dispose();
        u.dispose();
      }
    });

    it("a user class's override of such a member is no slot (PyQt5 refuses an undecorated one); of a slot, it is called", async () => {
      // PyQt5 5.15: class T(QTimer) overriding isActive, setInterval, event: invokeMethod(T(),
      // 'isActive') warns 'No such method T::isActive()'; T's override of the slot stop() is
      // called; deleteLater() works on any subclass.
      const calls: string[] = [];
      class Sub extends QTimer {
        override isActive(): boolean {
          calls.push('isActive');
          return true;
        }
        override event(e: QEvent): boolean {
          calls.push('event');
          return super.event(e);
        }
        override stop(): void {
          calls.push('stop');
          super.stop();
        }
        other(): void {
          calls.push('other');
        }
      }
      const t = new Sub();
      expect(QMetaObject.invokeMethod(t, 'isActive')).to.equal(false);
      expect(QMetaObject.invokeMethod(t, 'event', Qt.DirectConnection, new QEvent(QEvent.User))).to.equal(false);
      expect(st.messages).to.deep.equal([
        'QMetaObject::invokeMethod: No such method Sub::isActive()',
        'QMetaObject::invokeMethod: No such method Sub::event(...)',
      ]);
      expect(QMetaObject.invokeMethod(t, 'stop')).to.equal(true);
      // tsqt's own rule: every other method of a user class is a slot
      expect(QMetaObject.invokeMethod(t, 'other')).to.equal(true);
      expect(calls).to.deep.equal(['stop', 'other']);
      expect(QMetaObject.invokeMethod(t, 'deleteLater')).to.equal(true);
      QCoreApplication.sendPostedEvents(null, QEvent.DeferredDelete);
      expect(isDeleted(t)).to.equal(true);
      expect(st.messages).to.have.length(2);
    });
  });

  describe('QMetaMethod', () => {
    it('#invoke() checks the connection type as invokeMethod() does: TypeError for a string (PyQt5), RangeError for another integer', () => {
      // PyQt5 5.15: QMetaMethod.invoke(obj, 'x') and QMetaObject.invokeMethod(obj, 'slot0', 'x')
      // both raise TypeError ("argument 2 has unexpected type 'str'", "argument 3 ...")
      const c = new Counter();
      const setValue = c.metaObject().method(c.metaObject().indexOfSlot('setValue'));
      try {
        for (const t of ['x', '1', 1.5, NaN, null]) {
          expect(() => setValue.invoke(c, t as never, 1), String(t)).to.throw(TypeError, /^QMetaMethod\.invoke: type must be a Qt\.ConnectionType, got /);
        }
        for (const t of [Qt.UniqueConnection, Qt.DirectConnection | Qt.UniqueConnection, 4, -1]) {
          expect(() => setValue.invoke(c, t, 1), String(t)).to.throw(RangeError, /^QMetaMethod\.invoke: type must be Qt\.AutoConnection, DirectConnection or QueuedConnection, got /);
        }
        expect(() => setValue.invoke(c, 3, 1)).to.throw(RangeError, /^QMetaMethod\.invoke: type 3 is Qt's BlockingQueuedConnection/);
        expect(c.got).to.deep.equal([]);
      } finally {
        c.dispose();
      }
    });

    it('#invoke() with too few arguments returns false without a warning; a library member gets only its parameters', () => {
      // PyQt5 5.15: for @pyqtSlot(int) slotInt, mi.invoke(o, Qt.DirectConnection) fails (RuntimeError,
      // no warning) and mi.invoke(o, Qt.DirectConnection, Q_ARG(int, 1), Q_ARG(int, 2)) calls slotInt(1)
      const c = new Counter();
      const t = new QTimer();
      const names: unknown[][] = [];
      t.objectNameChanged.connect((...a: unknown[]) => names.push(a));
      try {
        const setValue = c.metaObject().method(c.metaObject().indexOfSlot('setValue'));
        expect(setValue.invoke(c, Qt.DirectConnection)).to.equal(false);
        expect(c.got).to.deep.equal([]);
        const mo = t.metaObject();
        expect(mo.method(mo.indexOfSlot('start')).invoke(t, Qt.DirectConnection)).to.equal(false);
        expect(t.isActive()).to.equal(false);
        expect(st.messages).to.deep.equal([]);
        expect(mo.method(mo.indexOfSignal('objectNameChanged')).invoke(t, Qt.DirectConnection, 'a', 'b')).to.equal(true);
        expect(names).to.deep.equal([['a']]);
        expect(setValue.invoke(c, Qt.DirectConnection, 1, 2)).to.equal(true);
        expect(c.got).to.deep.equal([1]);
      } finally {
        c.dispose();
        t.dispose();
      }
    });

    it('#invoke() calls a slot or emits a signal through invokeMethod', async () => {

      const c = new Counter();
      const mo = c.metaObject();
      const setValue = mo.method(mo.indexOfSlot('setValue'));
      expect(setValue.invoke(c, Qt.DirectConnection, 5)).to.equal(true);
      expect(c.got).to.deep.equal([5]);
      expect(setValue.invoke(c, Qt.QueuedConnection, 6)).to.equal(true);
      expect(c.got).to.deep.equal([5]);
      await turns(2);
      expect(c.got).to.deep.equal([5, 6]);
      const seen: number[] = [];
      c.valueChanged.connect((v) => seen.push(v));
      expect(mo.method(mo.indexOfSignal('valueChanged')).invoke(c, Qt.AutoConnection, 7)).to.equal(true);
      expect(seen).to.deep.equal([7]);
      expect(new QMetaMethod().invoke(c)).to.equal(false);
      expect(setValue.invoke(new QObject())).to.equal(false);
      expect(() => setValue.invoke(null as never)).to.throw(TypeError, /QMetaMethod\.invoke: object/);
      expect(() => setValue.invoke(c, 9)).to.throw(RangeError);
      c.dispose();
    });

    it('.fromSignal() and #equals() identify a signal', () => {
      const c = new Counter();
      const m = QMetaMethod.fromSignal(c.valueChanged);
      expect(m.isValid()).to.equal(true);
      expect(m.methodIndex()).to.equal(c.metaObject().indexOfSignal('valueChanged'));
      expect(m.equals(c.metaObject().method(m.methodIndex()))).to.equal(true);
      expect(m.equals(QMetaMethod.fromSignal(c.reset))).to.equal(false);
      expect(QMetaMethod.fromSignal(new Counter().valueChanged).equals(m)).to.equal(true);
      expect(QMetaMethod.fromSignal(c.destroyed).equals(QObject.staticMetaObject.method(0))).to.equal(true);
      expect(new QMetaMethod().equals(new QMetaMethod())).to.equal(true);
      expect(QMetaMethod.fromSignal(new Signal()).isValid()).to.equal(false);
      expect(() => QMetaMethod.fromSignal({} as never)).to.throw(TypeError);
      c.dispose();
    });

    it('QObject#isSignalConnected() takes a QMetaMethod', () => {
      const c = new Counter();
      const m = QMetaMethod.fromSignal(c.valueChanged);
      expect(c.isSignalConnected(m)).to.equal(false);
      c.valueChanged.connect(() => {});
      expect(c.isSignalConnected(m)).to.equal(true);
      expect(c.isSignalConnected(c.metaObject().method(c.metaObject().indexOfSlot('setValue')))).to.equal(false);
      c.dispose();
    });
  });

  describe('.connectSlotsByName()', () => {
    class AutoConnectSender extends QObject {
      readonly signalNoParams = new Signal(this);
      readonly signalWithParams = new Signal<[i: number]>(this);
      readonly signalManyParams2 = new Signal<[number, number, number, string, boolean]>(this);
      readonly signalLoopBack = new Signal(this);
    }

    class AutoConnectReceiver extends QObject {
      calledSlots: number[] = [];
      readonly on_Sender_signalLoopBack = new Signal(this);
      readonly signalNoParams = new Signal(this);
      readonly signal_with_underscore = new Signal(this);
      constructor() {
        super();
        this.on_Sender_signalLoopBack.connect(this, 'slotLoopBack');
      }
      on_Sender_signalNoParams(): void {
        this.calledSlots.push(1);
      }
      on_Sender_signalWithParams(i = 0): void {
        void i;
        this.calledSlots.push(2);
      }
      on_Sender_signalManyParams2(i1: number, i2: number, i3: number, s: string, onoff: boolean): void {
        void [i1, i2, i3, s, onoff];
        this.calledSlots.push(7);
      }
      slotLoopBack(): void {
        this.calledSlots.push(8);
      }
      on_Receiver_signalNoParams(): void {
        this.calledSlots.push(9);
      }
      on_Receiver_signal_with_underscore(): void {
        this.calledSlots.push(10);
      }
      o(): void {
        this.calledSlots.push(-1);
      }
      on(): void {
        this.calledSlots.push(-1);
      }
      on_(): void {
        this.calledSlots.push(-1);
      }
      on_something(): void {
        this.calledSlots.push(-1);
      }
      on_child_signal(): void {
        this.calledSlots.push(-1);
      }
    }

    it('connectSlotsByName: connects on_<name>_<signal> methods to children and to the object itself, with Qt\'s warning for the rest', () => {
      const receiver = new AutoConnectReceiver();
      receiver.setObjectName('Receiver');
      const sender = new AutoConnectSender(receiver);
      sender.setObjectName('Sender');
      QMetaObject.connectSlotsByName(receiver);
      expect(st.messages).to.deep.equal(['QMetaObject::connectSlotsByName: No matching signal for on_child_signal()']);

      const rows: [string, () => void, number[]][] = [
        ['signalNoParams', () => sender.signalNoParams.emit(), [1]],
        ['signalWithParams', () => sender.signalWithParams.emit(0), [2]],
        ['signalManyParams2', () => sender.signalManyParams2.emit(1, 2, 3, 'string', true), [7]],
        ['signalLoopBack (a signal connected to a signal)', () => sender.signalLoopBack.emit(), [8]],
        ['the object itself', () => receiver.signalNoParams.emit(), [9]],
        ['a signal name with underscores', () => receiver.signal_with_underscore.emit(), [10]],
      ];
      for (const [name, emit, expected] of rows) {
        receiver.calledSlots = [];
        emit();
        expect(receiver.calledSlots, name).to.deep.equal(expected);
      }
      receiver.dispose();
    });

    it('connectSlotsByName: a method taking more arguments than the signal sends is not connected (library signal)', () => {
      class R extends QObject {
        got = 0;
        on_t_timeout(x: number): void {
          void x;
          this.got++;
        }
        on_t_objectNameChanged(name: string): void {
          void name;
          this.got += 10;
        }
      }
      const r = new R();
      const t = new QTimer(r);
      t.setObjectName('t');
      QMetaObject.connectSlotsByName(r);
      expect(st.messages).to.deep.equal(['QMetaObject::connectSlotsByName: No matching signal for on_t_timeout(QVariant)']);
      t.timeout.emit();
      t.setObjectName('t');
      t.objectNameChanged.emit('x');
      expect(r.got).to.equal(10);
      r.dispose();
    });

    it('connectSlotsByName: a method taking fewer arguments than a library signal sends, or a signal, is connected', () => {
      class R extends QObject {
        got: string[] = [];
        readonly on_u_objectNameChanged = new Signal<[name: string]>(this);
        on_t_objectNameChanged(): void {
          this.got.push('slot');
        }
      }
      const r = new R();
      const t = new QTimer(r);
      const u = new QTimer(r);
      t.setObjectName('t');
      u.setObjectName('u');
      QMetaObject.connectSlotsByName(r);
      expect(st.messages).to.deep.equal([]);
      r.on_u_objectNameChanged.connect((name) => r.got.push(`signal ${name}`));
      t.setObjectName('t2');
      u.setObjectName('u2');
      expect(r.got).to.deep.equal(['slot', 'signal u2']);
      r.dispose();
    });

    it('connectSlotsByName: refuses what is not a QObject', () => {
      expect(() => QMetaObject.connectSlotsByName({} as never)).to.throw(TypeError, /connectSlotsByName: object/);
    });

    it('connectNotify_connectSlotsByName: each sender gets one connectNotify, for its signal', () => {
      class ConnectByNameNotifySenderObject extends QObject {
        readonly signal1 = new Signal(this);
        connected: Signal<any>[] = [];
        disconnected: (Signal<any> | null)[] = [];
        protected override connectNotify(signal: Signal<any>): void {
          this.connected.push(signal);
        }
        protected override disconnectNotify(signal: Signal<any> | null): void {
          this.disconnected.push(signal);
        }
      }
      class ConnectByNameNotifyReceiverObject extends QObject {
        constructor() {
          super();
          for (const name of ['foo', 'bar', 'baz']) new ConnectByNameNotifySenderObject(this).setObjectName(name);
        }
        on_foo_signal1(): void {}
        on_bar_signal1(): void {}
        on_baz_signal1(): void {}
      }
      const testObject = new ConnectByNameNotifyReceiverObject();
      const senders = testObject.findChildren(ConnectByNameNotifySenderObject);
      expect(senders).to.have.length(3);
      for (const o of senders) {
        expect(o.connected).to.deep.equal([]);
        expect(o.disconnected).to.deep.equal([]);
      }
      QMetaObject.connectSlotsByName(testObject);
      for (const o of senders) {
        expect(o.connected).to.have.length(1);
        expect(QMetaMethod.fromSignal(o.connected[0]!).equals(QMetaMethod.fromSignal(o.signal1))).to.equal(true);
        expect(o.disconnected).to.deep.equal([]);
      }
      expect(st.messages).to.deep.equal([]);
      testObject.dispose();
    });
  });
});
