/**
 * tsqt: Qt's object model (QtCore) and UDP networking (QtNetwork) for TypeScript on Node.js.
 *
 * @packageDocumentation
 * @module tsqt
 */
export * from './core/index.js';
export * from './network/index.js';
export * from './testlib/index.js';
