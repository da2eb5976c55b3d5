/**
 * @packageDocumentation
 * @module core
 */
export {};
