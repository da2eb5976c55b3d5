/**
 * @packageDocumentation
 * @module testlib
 */
export { QSignalSpy } from './QSignalSpy.js';
