import { expect } from 'chai';
import { QMetaEnum, Qt } from '../../src/core/index.js';
import { QUdpSocket } from '../../src/network/index.js';
import { coreHooks } from './helpers.js';

/** Qt's Qt::Alignment flags (part of them), to model a Q_FLAG whose enum has another name. */
const AlignmentFlag = { AlignLeft: 0x1, AlignLeading: 0x1, AlignRight: 0x2, AlignTop: 0x20, AlignBottom: 0x40 } as const;
/** Qt 5.15's Qt::HighDpiScaleFactorRoundingPolicy, an `enum class`. */
const HighDpiScaleFactorRoundingPolicy = { Unset: 0, Round: 1, Ceil: 2, RoundPreferFloor: 3, Floor: 4, PassThrough: 5 } as const;

describe('QMetaEnum', () => {
  coreHooks();

  describe('#enumName()/#scope()/#isScoped()', () => {
    it('default to the name, no scope and an unscoped enum', () => {
      const me = QMetaEnum.fromType(Qt.ConnectionType, 'ConnectionType');
      expect([me.name(), me.enumName(), me.scope(), me.isScoped(), me.isFlag()]).to.deep.equal(['ConnectionType', 'ConnectionType', '', false, false]);
      const anonymous = new QMetaEnum(Qt.TimerType);
      expect([anonymous.name(), anonymous.enumName(), anonymous.scope(), anonymous.isScoped()]).to.deep.equal(['', '', '', false]);
    });

    // PyQt5 5.15 (Qt 5.15.8), QAbstractSocket.staticMetaObject.enumerator(i) for each i: name,
    // enumName, scope, isScoped, isFlag, keyCount. tsqt derives each from the class's static enum
    // objects (the key, the registered class name, a name ending in Flag, the keys).
    const rows: [string, string, string, boolean, boolean, number][] = [
      ['SocketType', 'SocketType', 'QAbstractSocket', false, false, 4],
      ['NetworkLayerProtocol', 'NetworkLayerProtocol', 'QAbstractSocket', false, false, 4],
      ['SocketError', 'SocketError', 'QAbstractSocket', false, false, 24],
      ['SocketState', 'SocketState', 'QAbstractSocket', false, false, 7],
      ['SocketOption', 'SocketOption', 'QAbstractSocket', false, false, 8],
    ];
    for (const row of rows) {
      it(`QAbstractSocket::${row[0]} as the meta-object lists it`, () => {
        const mo = QUdpSocket.staticMetaObject;
        const me = mo.enumerator(mo.indexOfEnumerator(row[0]));
        expect([me.name(), me.enumName(), me.scope(), me.isScoped(), me.isFlag(), me.keyCount()]).to.deep.equal(row);
      });
    }
  });

  describe('keys qualified with the scope', () => {
    // Recorded with Qt 5.15.8: keyToValue("Qt::QueuedConnection") is 2 and
    // keyToValue("Qt::ConnectionType::QueuedConnection") is -1; for the enum class,
    // "Qt::Round" is 1 and "HighDpiScaleFactorRoundingPolicy::Round" is -1;
    // Alignment's keysToValue("Qt::AlignLeft|Qt::AlignTop") is 33.
    it('keyToValue() accepts Scope::Key for the enum\'s own scope only', () => {
      const me = QMetaEnum.fromType(Qt.ConnectionType, 'ConnectionType', false, { scope: 'Qt' });
      expect(me.keyToValue('Qt::QueuedConnection')).to.equal(2);
      expect(me.keyToValue('QueuedConnection')).to.equal(2);
      expect(me.keyToValue('Qt::ConnectionType::QueuedConnection')).to.equal(-1);
      expect(me.keyToValue('QObject::QueuedConnection')).to.equal(-1);
      const scoped = QMetaEnum.fromType(HighDpiScaleFactorRoundingPolicy, 'HighDpiScaleFactorRoundingPolicy', false, { scope: 'Qt', isScoped: true });
      expect([scoped.keyToValue('Round'), scoped.keyToValue('Qt::Round'), scoped.keyToValue('HighDpiScaleFactorRoundingPolicy::Round')]).to.deep.equal([1, 1, -1]);
    });

    it('keysToValue() accepts qualified keys, and -1 for a wrong scope', () => {
      const me = QMetaEnum.fromType(AlignmentFlag, 'Alignment', true, { scope: 'Qt', enumName: 'AlignmentFlag' });
      expect(me.keysToValue('Qt::AlignLeft|Qt::AlignTop')).to.equal(33);
      expect(me.keysToValue('AlignLeft | Qt::AlignBottom')).to.equal(0x41);
      expect(me.keysToValue('Qt::AlignLeft|QObject::AlignTop')).to.equal(-1);
    });

    it('without a scope, a qualified key matches nothing', () => {
      const me = QMetaEnum.fromType(Qt.ConnectionType);
      expect(me.keyToValue('Qt::QueuedConnection')).to.equal(-1);
      expect(me.keyToValue('::QueuedConnection')).to.equal(-1);
    });
  });

  describe('#valueToKeys()', () => {
    // Recorded with Qt 5.15.8: QMetaEnum::fromType<Qt::Alignment>().valueToKeys(0x21) is
    // "AlignLeading|AlignTop" (AlignLeft has the same value and is declared first).
    it('names a value shared by two keys once, by the later key (Qt 5.15)', () => {
      const me = QMetaEnum.fromType(AlignmentFlag, 'Alignment', true, { scope: 'Qt', enumName: 'AlignmentFlag' });
      expect(me.valueToKeys(0x21)).to.equal('AlignLeading|AlignTop');
      expect(me.valueToKeys(0x42)).to.equal('AlignRight|AlignBottom');
    });

    it('prefers a key made of several bits to its parts, and takes a zero key only for 0', () => {
      const me = QMetaEnum.fromType({ None: 0, Window: 0x1, Dialog: 0x2 | 0x1, Extra: 0x10 }, 'WindowFlags', true);
      expect(me.valueToKeys(0x13)).to.equal('Dialog|Extra');
      expect(me.valueToKeys(0x1)).to.equal('Window');
      expect(me.valueToKeys(0)).to.equal('None');
    });
  });

  describe('constructor', () => {
    it('refuses arguments of the wrong type', () => {
      expect(() => new QMetaEnum(null as never)).to.throw(TypeError, /QMetaEnum: enumObject/);
      expect(() => new QMetaEnum(Qt.TimerType, 5 as never)).to.throw(TypeError, /QMetaEnum: name/);
      expect(() => new QMetaEnum(Qt.TimerType, 'TimerType', 'yes' as never)).to.throw(TypeError, /QMetaEnum: isFlag/);
      expect(() => new QMetaEnum(Qt.TimerType, 'TimerType', false, 'Qt' as never)).to.throw(TypeError, /QMetaEnum: options/);
      expect(() => QMetaEnum.fromType(Qt.TimerType, 'TimerType', false, { scope: 1 as never })).to.throw(TypeError, /options\.scope/);
      expect(() => QMetaEnum.fromType(Qt.TimerType, 'TimerType', false, { enumName: null as never })).to.throw(TypeError, /options\.enumName/);
      expect(() => QMetaEnum.fromType(Qt.TimerType, 'TimerType', false, { isScoped: 1 as never })).to.throw(TypeError, /options\.isScoped/);
    });
  });
});
