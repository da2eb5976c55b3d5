// SPDX-License-Identifier: MIT
import { QMessageLogContext } from './QMessageLogContext.js';
import { format } from 'node:util';

/**
 * Kinds of messages, with Qt's numeric values.
 * @enum
 * @see {@link https://doc.qt.io/qt-6/qtlogging.html#QtMsgType-enum | QtMsgType in Qt 6}
 */
export const QtMsgType = {
  /** A debug message (`qDebug`). */
  QtDebugMsg: 0,
  /** A warning (`qWarning`); Qt's own warnings use it. */
  QtWarningMsg: 1,
  /** A critical error (`qCritical`). */
  QtCriticalMsg: 2,
  /** A fatal error (`qFatal`). */
  QtFatalMsg: 3,
  /** An informational message (`qInfo`). */
  QtInfoMsg: 4,
  /** Alias of QtCriticalMsg. */
  QtSystemMsg: 2,
} as const;
/** A {@link QtMsgType} value. */
export type QtMsgType = (typeof QtMsgType)[keyof typeof QtMsgType];

export { QMessageLogContext };

/** A message handler as installed by {@link qInstallMessageHandler}. */
export type QtMessageHandler = (type: QtMsgType, context: QMessageLogContext, message: string) => void;

const defaultContext = new QMessageLogContext();
const prefixes = ['Debug', 'Warning', 'Critical', 'Fatal', 'Info'];

function defaultHandler(type: QtMsgType, _context: QMessageLogContext, message: string): void {
  void prefixes[type];
  process.stderr.write(message + '\n');
}

let handler: QtMessageHandler | null = null;

/**
 * Installs a handler for every message (Qt's own warnings included) and returns the previous
 * one; `null` restores the default, which writes the message to stderr.
 * @param h - the new handler, or null for the default
 * @returns the previous handler (null if it was the default)
 * @see {@link https://doc.qt.io/qt-6/qtlogging.html#qInstallMessageHandler | qInstallMessageHandler in Qt 6}
 */
export function qInstallMessageHandler(h: QtMessageHandler | null): QtMessageHandler | null {
  const prev = handler;
  handler = h;
  return prev;
}

function emitMessage(type: QtMsgType, args: unknown[]): void {
  const message = args.length === 1 && typeof args[0] === 'string' ? args[0] : format(...args);
  (handler ?? defaultHandler)(type, defaultContext, message);
}

/**
 * Sends a debug message to the message handler (arguments joined as by `util.format`).
 * @param args - message parts
 * @see {@link https://doc.qt.io/qt-6/qtlogging.html#qDebug | qDebug in Qt 6}
 */
export function qDebug(...args: unknown[]): void {
  emitMessage(QtMsgType.QtDebugMsg, args);
}

/**
 * Sends an informational message to the message handler.
 * @param args - message parts
 * @see {@link https://doc.qt.io/qt-6/qtlogging.html#qInfo | qInfo in Qt 6}
 */
export function qInfo(...args: unknown[]): void {
  emitMessage(QtMsgType.QtInfoMsg, args);
}

/**
 * Sends a warning to the message handler; tsqt's own warnings use Qt's texts.
 * @param args - message parts
 * @see {@link https://doc.qt.io/qt-6/qtlogging.html#qWarning | qWarning in Qt 6}
 */
export function qWarning(...args: unknown[]): void {
  emitMessage(QtMsgType.QtWarningMsg, args);
}

/**
 * Sends a critical message to the message handler.
 * @param args - message parts
 * @see {@link https://doc.qt.io/qt-6/qtlogging.html#qCritical | qCritical in Qt 6}
 */
export function qCritical(...args: unknown[]): void {
  emitMessage(QtMsgType.QtCriticalMsg, args);
}

/**
 * Sends a fatal message to the message handler, then throws an Error with the message.
 * @remarks Differences from Qt: Qt aborts the process; tsqt throws instead.
 * @param args - message parts
 * @see {@link https://doc.qt.io/qt-6/qtlogging.html#qFatal | qFatal in Qt 6}
 */
export function qFatal(...args: unknown[]): never {
  emitMessage(QtMsgType.QtFatalMsg, args);
  throw new Error(args.length === 1 && typeof args[0] === 'string' ? args[0] : format(...args));
}
