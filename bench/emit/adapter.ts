// The interface every emit implementation is measured through. It is the same
// interface as the peers' harness (../shared/bench-anchors, "Candidate
// interface"), so `tsqt-candidate.ts` plugs into both.

/** A listener only counts its calls; it must accept any argument shape. */
export type Listener = (...args: any[]) => void;

export interface EmitAdapter<E = any, T = any, O = any> {
  /** Label in the tables. */
  readonly name: string;
  /** A fresh signal/emitter with no listener. */
  create(): E;
  /** Connects `fn`; returns the token `disconnect` takes. */
  connect(e: E, fn: Listener): T;
  disconnect(e: E, token: T): void;
  emit0(e: E): void;
  emit2(e: E, a: number, b: number): void;
  /** Optional: an object that owns one signal (alloc figures). */
  createOwner?(): O;
  sigOf?(o: O): E;
}
