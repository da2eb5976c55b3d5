/**
 * @packageDocumentation
 * @module testlib
 */
export {};
