/**
 * @packageDocumentation
 * @module network
 */
export {};
