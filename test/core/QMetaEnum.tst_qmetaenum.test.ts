// Ports of Qt 5.15's tests/auto/corelib/kernel/qmetaenum/tst_qmetaenum.cpp. Each `it` starts with
// Qt's test function name (and data row). tsqt has no moc: QMetaEnum.fromType() is given the
// enum object with its name, kind and scope, and a class's meta-object lists its static enum
// objects (an enum named ...Flag is a set of flags, under that name: there is no QFlags type
// name such as Qt's "Flags"). Qt's enclosingMetaObject() is tsqt's scope() (a class name).
// tsqt has no Qt::WindowType: valuesToKeys uses Qt 5.15.2's own declaration from qnamespace.h.
//
// Not ported: the Q_STATIC_ASSERTs on QtPrivate::IsQEnumHelper (C++ templates). fromType's
// names for flags ("Flags", enumName "Flag") are what moc records; tsqt takes them as given to
// QMetaEnum.fromType(), so only the meta-object's own listing (below) is checked.
import { expect } from 'chai';
import { QObject, QMetaEnum } from '../../src/core/index.js';
import { coreHooks } from './helpers.js';

class tst_QMetaEnum extends QObject {
  static readonly SuperEnum = { SuperValue1: 1, SuperValue2: 2 } as const;
  static readonly Flag = { Flag1: 1, Flag2: 2 } as const;
}

// Qt::WindowType as qnamespace.h (v5.15.2) declares it, in its order; moc stores the values as int
const WindowType = {
  Widget: 0x00000000,
  Window: 0x00000001,
  Dialog: 0x00000002 | 0x1,
  Sheet: 0x00000004 | 0x1,
  Drawer: 0x7,
  Popup: 0x00000008 | 0x1,
  Tool: 0xb,
  ToolTip: 0xd,
  SplashScreen: 0xf,
  Desktop: 0x00000010 | 0x1,
  SubWindow: 0x00000012,
  ForeignWindow: 0x00000020 | 0x1,
  CoverWindow: 0x00000040 | 0x1,
  WindowType_Mask: 0x000000ff,
  MSWindowsFixedSizeDialogHint: 0x00000100,
  MSWindowsOwnDC: 0x00000200,
  BypassWindowManagerHint: 0x00000400,
  X11BypassWindowManagerHint: 0x00000400,
  FramelessWindowHint: 0x00000800,
  WindowTitleHint: 0x00001000,
  WindowSystemMenuHint: 0x00002000,
  WindowMinimizeButtonHint: 0x00004000,
  WindowMaximizeButtonHint: 0x00008000,
  WindowMinMaxButtonsHint: 0x0000c000,
  WindowContextHelpButtonHint: 0x00010000,
  WindowShadeButtonHint: 0x00020000,
  WindowStaysOnTopHint: 0x00040000,
  WindowTransparentForInput: 0x00080000,
  WindowOverridesSystemGestures: 0x00100000,
  WindowDoesNotAcceptFocus: 0x00200000,
  MaximizeUsingFullscreenGeometryHint: 0x00400000,
  CustomizeWindowHint: 0x02000000,
  WindowStaysOnBottomHint: 0x04000000,
  WindowCloseButtonHint: 0x08000000,
  MacWindowToolBarButtonHint: 0x10000000,
  BypassGraphicsProxyWidget: 0x20000000,
  NoDropShadowWindowHint: 0x40000000,
  WindowFullscreenButtonHint: -0x80000000,
} as const;

describe('tst_qmetaenum ports', () => {
  coreHooks();

  it("fromType: SuperEnum and Flag of the class's meta-object", () => {
    const mo = tst_QMetaEnum.staticMetaObject;
    let meta = mo.enumerator(mo.indexOfEnumerator('SuperEnum'));
    expect(meta.isValid()).to.equal(true);
    expect(meta.isFlag()).to.equal(false);
    expect(meta.name()).to.equal('SuperEnum');
    expect(meta.enumName()).to.equal('SuperEnum');
    expect(meta.scope()).to.equal('tst_QMetaEnum'); // Qt: enclosingMetaObject() is the class's
    expect(meta.keyCount()).to.equal(2);

    // Qt's Q_FLAG(Flags) is named "Flags" with enumName "Flag"; tsqt sees only the enum, Flag
    meta = mo.enumerator(mo.indexOfEnumerator('Flag'));
    expect(meta.isValid()).to.equal(true);
    expect(meta.isFlag()).to.equal(true);
    expect(meta.name()).to.equal('Flag');
    expect(meta.enumName()).to.equal('Flag');
    expect(meta.scope()).to.equal('tst_QMetaEnum');
    expect(meta.keyCount()).to.equal(2);
  });

  describe('valuesToKeys', () => {
    const me = QMetaEnum.fromType(WindowType, 'WindowFlags', true, { scope: 'Qt', enumName: 'WindowType' });
    const rows: [string, number, string][] = [
      ['Window', WindowType.Window, 'Window'],
      // Qt::Dialog does not cause 'Window' to appear in the output
      ['Frameless_Dialog', WindowType.Dialog | WindowType.FramelessWindowHint, 'Dialog|FramelessWindowHint'],
      // WindowMinMaxButtonsHint does not show up as WindowMinimizeButtonHint|WindowMaximizeButtonHint
      ['Tool_MinMax_StaysOnTop', WindowType.Tool | WindowType.WindowMinMaxButtonsHint | WindowType.WindowStaysOnTopHint, 'Tool|WindowMinMaxButtonsHint|WindowStaysOnTopHint'],
    ];
    for (const [tag, windowFlags, expected] of rows) {
      it(`valuesToKeys(${tag}): "${expected}"`, () => {
        expect(me.valueToKeys(windowFlags)).to.equal(expected);
      });
    }
  });

  it('defaultConstructed: the QMetaEnum for an index out of range is invalid, unscoped, not a flag, unnamed', () => {
    // tsqt's QMetaEnum has no default constructor; QMetaObject.enumerator() gives Qt's QMetaEnum()
    // for an index out of range (PyQt5 5.15: QObject.staticMetaObject.enumerator(0).isValid() is False)
    const e = QObject.staticMetaObject.enumerator(0);
    expect(e.isValid()).to.equal(false);
    expect(e.isScoped()).to.equal(false);
    expect(e.isFlag()).to.equal(false);
    expect(e.name()).to.equal('');
  });
});
