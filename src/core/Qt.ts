// SPDX-License-Identifier: MIT
/**
 * How a signal reaches a slot: {@link Qt.ConnectionType}.
 * @enum
 */
const ConnectionType = {
  /** Direct when the receiver lives in the emitting thread, which is always the case in tsqt. */
  AutoConnection: 0,
  /** The slot runs synchronously inside `emit()`. */
  DirectConnection: 1,
  /**
   * The call is posted to the receiver (or to the sender when there is no receiver) as a posted
   * event and runs when control returns to the event loop (from a `setImmediate` pass), FIFO with
   * other posted events. Dropped if the receiver is deleted first.
   */
  QueuedConnection: 2,
  /** Flag: refuse (return an invalid Connection) when an identical connection exists. */
  UniqueConnection: 0x80,
  /** Flag (Qt 6): the connection is removed just before its slot is first called. */
  SingleShotConnection: 0x100,
} as const;

/**
 * Timer accuracy: {@link Qt.TimerType}. tsqt treats every type as precise.
 * @enum
 */
const TimerType = {
  /** Millisecond accuracy. */
  PreciseTimer: 0,
  /** Qt allows 5 % drift; tsqt fires at the requested time. The default. */
  CoarseTimer: 1,
  /** Qt rounds to whole seconds; tsqt fires at the requested time. */
  VeryCoarseTimer: 2,
} as const;

/**
 * How deep `findChild`/`findChildren` search: {@link Qt.FindChildOption}.
 * @enum
 */
const FindChildOption = {
  /** Only the direct children. */
  FindDirectChildrenOnly: 0,
  /** Children, grandchildren and so on (the default). */
  FindChildrenRecursively: 1,
} as const;

/**
 * Named priorities of posted events: {@link Qt.EventPriority}.
 * @enum
 */
const EventPriority = {
  /** Delivered before normal events. */
  HighEventPriority: 1,
  /** The default. */
  NormalEventPriority: 0,
  /** Delivered after normal events. */
  LowEventPriority: -1,
} as const;

/**
 * Application-wide switches read by {@link QCoreApplication.testAttribute} and set by
 * {@link QCoreApplication.setAttribute}: {@link Qt.ApplicationAttribute}, with Qt 5.15's names and
 * values (also the order of Qt's enum, so `AA_PluginApplication` names the value 5).
 *
 * Almost all of them configure QtGui or QtWidgets, which tsqt does not have: tsqt stores them and
 * answers `testAttribute()`, nothing else reads them (`AA_PluginApplication` aside).
 * @enum
 */
const ApplicationAttribute = {
  /** QtWidgets: create top-level widgets at once (no longer fully supported in Qt 5). Stored only. */
  AA_ImmediateWidgetCreation: 0,
  /** Windows, obsolete in Qt 5: no effect. Stored only. */
  AA_MSWindowsUseDirect3DByDefault: 1,
  /** QtWidgets: menus show no icons. Stored only. */
  AA_DontShowIconsInMenus: 2,
  /** QtWidgets: every widget gets a native window. Stored only. */
  AA_NativeWindows: 3,
  /** QtWidgets: native widgets keep their siblings alien. Stored only. */
  AA_DontCreateNativeWidgetSiblings: 4,
  /** The application is a plugin inside another program. Qt turns native event filters off with it, and so does tsqt: `installNativeEventFilter()` warns and stores nothing while it is set. Must be set before the application object exists (Qt warns otherwise). */
  AA_PluginApplication: 5,
  /** Qt 5's older name of `AA_PluginApplication` (same value). */
  AA_MacPluginApplication: 5,
  /** QtWidgets on macOS and some desktops: menu bars are not native. Stored only. */
  AA_DontUseNativeMenuBar: 6,
  /** macOS: keyboard modifiers keep their physical meaning. Stored only. */
  AA_MacDontSwapCtrlAndMeta: 7,
  /** QtGui: assume 96 DPI screens. Stored only. */
  AA_Use96Dpi: 8,
  /** QtGui on Windows: no on-screen keyboard. Stored only. */
  AA_DisableNativeVirtualKeyboard: 9,
  /** Obsolete in Qt 5 (no effect). Stored only. */
  AA_X11InitThreads: 10,
  /** QtGui: unhandled mouse events become touch events. Stored only. */
  AA_SynthesizeTouchForUnhandledMouseEvents: 11,
  /** QtGui: unhandled touch events become mouse events. Set by default, as in Qt. Stored only. */
  AA_SynthesizeMouseForUnhandledTouchEvents: 12,
  /** QtGui: high-DPI pixmaps for icons. Stored only. */
  AA_UseHighDpiPixmaps: 13,
  /** QtWidgets: raster widgets only. Stored only. */
  AA_ForceRasterWidgets: 14,
  /** QtGui: use desktop OpenGL. Must be set before the application object exists (Qt warns otherwise). Stored only. */
  AA_UseDesktopOpenGL: 15,
  /** QtGui: use OpenGL ES. Must be set before the application object exists (Qt warns otherwise). Stored only. */
  AA_UseOpenGLES: 16,
  /** QtGui: use software OpenGL. Must be set before the application object exists (Qt warns otherwise). Stored only. */
  AA_UseSoftwareOpenGL: 17,
  /** QtGui: share OpenGL contexts. Must be set before the application object exists (Qt warns otherwise). Stored only. */
  AA_ShareOpenGLContexts: 18,
  /** QtGui sets it when the application palette was set. Stored only. */
  AA_SetPalette: 19,
  /** QtGui: high-DPI scaling. Must be set before the application object exists (Qt warns otherwise). Stored only. */
  AA_EnableHighDpiScaling: 20,
  /** QtGui: no high-DPI scaling. Must be set before the application object exists (Qt warns otherwise). Stored only. */
  AA_DisableHighDpiScaling: 21,
  /** QtWidgets: style sheets propagate fonts and palettes. Stored only. */
  AA_UseStyleSheetPropagationInWidgetStyles: 22,
  /** QtWidgets: no native dialogs. Stored only. */
  AA_DontUseNativeDialogs: 23,
  /** QtGui: unhandled tablet events become mouse events. Set by default, as in Qt. Stored only. */
  AA_SynthesizeMouseForUnhandledTabletEvents: 24,
  /** QtGui: compress frequent input events. Stored only. */
  AA_CompressHighFrequencyEvents: 25,
  /** QtGui: skip the OpenGL context thread check. Stored only. */
  AA_DontCheckOpenGLContextThreadAffinity: 26,
  /** QtGui: no shader disk cache. Stored only. */
  AA_DisableShaderDiskCache: 27,
  /** QtWidgets: context menus show no shortcuts. Stored only. */
  AA_DontShowShortcutsInContextMenus: 28,
  /** QtGui: compress tablet events. Stored only. */
  AA_CompressTabletEvents: 29,
  /** QtWidgets on Windows: no context help button. Stored only. */
  AA_DisableWindowContextHelpButton: 30,
  /** QtGui: no session management. Stored only. */
  AA_DisableSessionManager: 31,
  /** Not an attribute: the number of attributes, the end of Qt's enum. `setAttribute()` and `testAttribute()` refuse it with a `RangeError`. */
  AA_AttributeCount: 32,
} as const;

/**
 * The `Qt` namespace: enums shared by many classes, scoped (`Qt.ConnectionType.QueuedConnection`)
 * and unscoped (`Qt.QueuedConnection`), with Qt's numeric values.
 *
 * @see {@link https://doc.qt.io/qt-6/qt.html | Qt namespace in Qt 6}
 */
export const Qt = {
  /** How a signal reaches a slot. */
  ConnectionType,
  /** Timer accuracy. */
  TimerType,
  /** Depth of `findChild`/`findChildren`. */
  FindChildOption,
  /** Named priorities of posted events. */
  EventPriority,
  /** Application-wide switches ({@link QCoreApplication.setAttribute}). */
  ApplicationAttribute,
  /** {@inheritDoc Qt.ConnectionType.AutoConnection} */
  AutoConnection: 0,
  /** {@inheritDoc Qt.ConnectionType.DirectConnection} */
  DirectConnection: 1,
  /** {@inheritDoc Qt.ConnectionType.QueuedConnection} */
  QueuedConnection: 2,
  /** {@inheritDoc Qt.ConnectionType.UniqueConnection} */
  UniqueConnection: 0x80,
  /** {@inheritDoc Qt.ConnectionType.SingleShotConnection} */
  SingleShotConnection: 0x100,
  /** {@inheritDoc Qt.TimerType.PreciseTimer} */
  PreciseTimer: 0,
  /** {@inheritDoc Qt.TimerType.CoarseTimer} */
  CoarseTimer: 1,
  /** {@inheritDoc Qt.TimerType.VeryCoarseTimer} */
  VeryCoarseTimer: 2,
  /** {@inheritDoc Qt.FindChildOption.FindDirectChildrenOnly} */
  FindDirectChildrenOnly: 0,
  /** {@inheritDoc Qt.FindChildOption.FindChildrenRecursively} */
  FindChildrenRecursively: 1,
  /** {@inheritDoc Qt.EventPriority.HighEventPriority} */
  HighEventPriority: 1,
  /** {@inheritDoc Qt.EventPriority.NormalEventPriority} */
  NormalEventPriority: 0,
  /** {@inheritDoc Qt.EventPriority.LowEventPriority} */
  LowEventPriority: -1,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_ImmediateWidgetCreation} */
  AA_ImmediateWidgetCreation: 0,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_MSWindowsUseDirect3DByDefault} */
  AA_MSWindowsUseDirect3DByDefault: 1,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_DontShowIconsInMenus} */
  AA_DontShowIconsInMenus: 2,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_NativeWindows} */
  AA_NativeWindows: 3,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_DontCreateNativeWidgetSiblings} */
  AA_DontCreateNativeWidgetSiblings: 4,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_PluginApplication} */
  AA_PluginApplication: 5,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_MacPluginApplication} */
  AA_MacPluginApplication: 5,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_DontUseNativeMenuBar} */
  AA_DontUseNativeMenuBar: 6,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_MacDontSwapCtrlAndMeta} */
  AA_MacDontSwapCtrlAndMeta: 7,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_Use96Dpi} */
  AA_Use96Dpi: 8,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_DisableNativeVirtualKeyboard} */
  AA_DisableNativeVirtualKeyboard: 9,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_X11InitThreads} */
  AA_X11InitThreads: 10,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_SynthesizeTouchForUnhandledMouseEvents} */
  AA_SynthesizeTouchForUnhandledMouseEvents: 11,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_SynthesizeMouseForUnhandledTouchEvents} */
  AA_SynthesizeMouseForUnhandledTouchEvents: 12,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_UseHighDpiPixmaps} */
  AA_UseHighDpiPixmaps: 13,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_ForceRasterWidgets} */
  AA_ForceRasterWidgets: 14,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_UseDesktopOpenGL} */
  AA_UseDesktopOpenGL: 15,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_UseOpenGLES} */
  AA_UseOpenGLES: 16,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_UseSoftwareOpenGL} */
  AA_UseSoftwareOpenGL: 17,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_ShareOpenGLContexts} */
  AA_ShareOpenGLContexts: 18,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_SetPalette} */
  AA_SetPalette: 19,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_EnableHighDpiScaling} */
  AA_EnableHighDpiScaling: 20,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_DisableHighDpiScaling} */
  AA_DisableHighDpiScaling: 21,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_UseStyleSheetPropagationInWidgetStyles} */
  AA_UseStyleSheetPropagationInWidgetStyles: 22,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_DontUseNativeDialogs} */
  AA_DontUseNativeDialogs: 23,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_SynthesizeMouseForUnhandledTabletEvents} */
  AA_SynthesizeMouseForUnhandledTabletEvents: 24,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_CompressHighFrequencyEvents} */
  AA_CompressHighFrequencyEvents: 25,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_DontCheckOpenGLContextThreadAffinity} */
  AA_DontCheckOpenGLContextThreadAffinity: 26,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_DisableShaderDiskCache} */
  AA_DisableShaderDiskCache: 27,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_DontShowShortcutsInContextMenus} */
  AA_DontShowShortcutsInContextMenus: 28,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_CompressTabletEvents} */
  AA_CompressTabletEvents: 29,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_DisableWindowContextHelpButton} */
  AA_DisableWindowContextHelpButton: 30,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_DisableSessionManager} */
  AA_DisableSessionManager: 31,
  /** {@inheritDoc Qt.ApplicationAttribute.AA_AttributeCount} */
  AA_AttributeCount: 32,
} as const;

/** Types named like the enums of the {@link Qt} namespace. */
export declare namespace Qt {
  /** A connection type value, possibly or-ed with `UniqueConnection`/`SingleShotConnection`. */
  type ConnectionType = number;
  /** A timer type value. */
  type TimerType = (typeof TimerType)[keyof typeof TimerType];
  /** A find-child option value. */
  type FindChildOption = (typeof FindChildOption)[keyof typeof FindChildOption];
  /** A posted-event priority (any integer is allowed). */
  type EventPriority = number;
  /** An application attribute value (`Qt.AA_*`). */
  type ApplicationAttribute = (typeof Qt.ApplicationAttribute)[keyof typeof Qt.ApplicationAttribute];
}
