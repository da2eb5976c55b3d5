/**
 * @packageDocumentation
 * @module core
 */
export { Qt } from './Qt.js';
export { Signal } from './Signal.js';
export type { Slot, SignalOptions, SignalWaitOptions } from './Signal.js';
export { Connection } from './Connection.js';
export { QObject, isDeleted } from './QObject.js';
export type { QObjectClass, SignalNames, MethodNames } from './QObject.js';
export { QEvent } from './QEvent.js';
export { QTimerEvent } from './QTimerEvent.js';
export { QChildEvent } from './QChildEvent.js';
export { QDeferredDeleteEvent } from './QDeferredDeleteEvent.js';
export { QDynamicPropertyChangeEvent } from './QDynamicPropertyChangeEvent.js';
export { QtMsgType, QMessageLogContext, qInstallMessageHandler, qDebug, qInfo, qWarning, qCritical, qFatal } from './qlogging.js';
export type { QtMessageHandler } from './qlogging.js';
export { QIODevice, OpenModeFlag, type OpenMode } from './QIODevice.js';
export { QCoreApplication } from './QCoreApplication.js';
export type { ExceptionHandler } from './QCoreApplication.js';
export { QEventLoop } from './QEventLoop.js';
export { QTimer } from './QTimer.js';
export { QElapsedTimer } from './QElapsedTimer.js';
export { QDeadlineTimer } from './QDeadlineTimer.js';
export { QSocketNotifier } from './QSocketNotifier.js';
export { QMetaObject } from './QMetaObject.js';
export { QMetaEnum } from './QMetaEnum.js';
export { QPointer } from './QPointer.js';
export { QSignalBlocker } from './QSignalBlocker.js';
export { SIGNAL, SLOT } from './macros.js';
export type { SignalSignature, SlotSignature } from './macros.js';
export { QMetaMethod } from './QMetaMethod.js';
export { QMetaProperty } from './QMetaProperty.js';
