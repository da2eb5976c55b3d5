// Model-based property test of signals and slots (issue 5): random programs of connect (every form
// and type), disconnect (every form), emit, nested emits and deletions from inside slots,
// blockSignals, deleteLater and event-loop passes run against the real Signal/QObject/dispatcher
// and against a small reference model of Qt's rules (QT_SEMANTICS SG-*, EV-3/4/9, OB-4). Both must
// produce the same log of slot calls (who, with which `this`, `sender()` and argument, in which
// order), the same return values, and the same connection counts; no connection may outlive its
// sender or its context.
//
// PROP_SEED / PROP_RUNS override the seed and the number of runs; PROP_DUMP=1 prints every log;
// PROP_TRACE=file writes the program being run (to find one that never ends).
import { expect } from 'chai';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { Signal, QObject, Connection, QCoreApplication, qInstallMessageHandler, isDeleted } from '../../src/core/index.js';
import type { QtMessageHandler } from '../../src/core/index.js';
import { keepAliveState } from '../../src/core/private/dispatcher.js';

const SEED = Number(process.env.PROP_SEED ?? 20250501);
const RUNS = Number(process.env.PROP_RUNS ?? 1500);
const N = 3; // objects per program
const MAX_DEPTH = 2; // slot actions run only below this nesting depth
const DEFERRED_DELETE = 52;
const CALL_BUDGET = 300; // slot calls per program that may still run their actions

// ------------------------------------------------------------------ the program

type SigName = 'a' | 'b' | 'destroyed';
interface SigRef {
  o: number;
  s: SigName;
}
type SlotSpec =
  | { k: 'fn'; f: number; ctx: number | null }
  | { k: 'method'; m: number; ctx: number }
  | { k: 'sig'; t: SigRef; ctx: number | null };
interface ConnectOp {
  op: 'connect';
  src: SigRef;
  slot: SlotSpec;
  type: number;
  /** Use the static string-based QObject.connect (where the form allows it). */
  viaStatic: boolean;
}
type Op =
  | ConnectOp
  | { op: 'disconnectAll'; src: SigRef }
  | { op: 'disconnectHandle'; h: number; src: SigRef | null }
  | { op: 'disconnectSlot'; src: SigRef; slot: { k: 'fn'; f: number } | { k: 'sig'; t: SigRef } }
  | { op: 'disconnectCtx'; src: SigRef; ctx: number; slot: null | { k: 'fn'; f: number } | { k: 'method'; m: number } | { k: 'sig'; t: SigRef } }
  | { op: 'staticDisconnect'; o: number; s: SigName | null; recv: number | null; slot: null | { k: 'fn'; f: number } | { k: 'name'; n: string } }
  | { op: 'emit'; src: SigRef; v: number }
  | { op: 'block'; o: number; b: boolean }
  | { op: 'dispose'; o: number }
  | { op: 'deleteLater'; o: number }
  | { op: 'process' }
  | { op: 'sendPosted'; dd: boolean };

interface Program {
  ops: Op[];
  /** Actions of the slot functions f0..f2 and of the methods m0, m1 (keys 'f0'.., 'm0'..). */
  actions: Record<string, Op[]>;
}

const FNS = 3;
const METHODS = 2;

const objA = fc.integer({ min: 0, max: N - 1 });
const emitSigA = fc.record({ o: objA, s: fc.constantFrom<SigName>('a', 'b') });
const srcSigA = fc.record({ o: objA, s: fc.oneof({ weight: 5, arbitrary: fc.constantFrom<SigName>('a', 'b') }, { weight: 1, arbitrary: fc.constant<SigName>('destroyed') }) });
const typeA = fc
  .tuple(
    fc.constantFrom(0, 0, 1, 2, 2),
    fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  )
  .map(([b, u, s]) => b | (u ? 0x80 : 0) | (s ? 0x100 : 0));
const fnA = fc.integer({ min: 0, max: FNS - 1 });
const methodA = fc.integer({ min: 0, max: METHODS - 1 });
const slotA: fc.Arbitrary<SlotSpec> = fc.oneof(
  fc.record({ k: fc.constant('fn' as const), f: fnA, ctx: fc.option(objA, { nil: null }) }),
  fc.record({ k: fc.constant('method' as const), m: methodA, ctx: objA }),
  fc.record({ k: fc.constant('sig' as const), t: emitSigA, ctx: fc.option(objA, { nil: null, freq: 2 }) }),
);
const connectA: fc.Arbitrary<ConnectOp> = fc.record({
  op: fc.constant('connect' as const),
  src: srcSigA,
  slot: slotA,
  type: typeA,
  viaStatic: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

const opA: fc.Arbitrary<Op> = fc.oneof(
  { weight: 16, arbitrary: connectA },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('disconnectAll' as const), src: srcSigA }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('disconnectHandle' as const), h: fc.nat(40), src: fc.option(srcSigA, { nil: null }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('disconnectSlot' as const),
      src: srcSigA,
      slot: fc.oneof(fc.record({ k: fc.constant('fn' as const), f: fnA }), fc.record({ k: fc.constant('sig' as const), t: emitSigA })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('disconnectCtx' as const),
      src: srcSigA,
      ctx: objA,
      slot: fc.option(
        fc.oneof(
          fc.record({ k: fc.constant('fn' as const), f: fnA }),
          fc.record({ k: fc.constant('method' as const), m: methodA }),
          fc.record({ k: fc.constant('sig' as const), t: emitSigA }),
        ),
        { nil: null },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        op: fc.constant('staticDisconnect' as const),
        o: objA,
        s: fc.option(fc.constantFrom<SigName>('a', 'b', 'destroyed'), { nil: null }),
        recv: fc.option(objA, { nil: null }),
        slot: fc.option(fc.oneof(fc.record({ k: fc.constant('fn' as const), f: fnA }), fc.record({ k: fc.constant('name' as const), n: fc.constantFrom('m0', 'm1', 'a', 'b') })), { nil: null }),
      })
      // Qt: a slot may be named only together with a receiver
      .map((o) => (o.recv === null ? { ...o, slot: null } : o)),
  },
  { weight: 14, arbitrary: fc.record({ op: fc.constant('emit' as const), src: emitSigA, v: fc.integer({ min: 0, max: 99 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('block' as const), o: objA, b: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dispose' as const), o: objA }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteLater' as const), o: objA }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('process' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('sendPosted' as const), dd: fc.boolean() }) },
);

const actionsA = fc.array(opA, { maxLength: 2, size: 'max' });
const programA: fc.Arbitrary<Program> = fc.record({
  ops: fc.array(opA, { minLength: 1, maxLength: 40, size: 'max' }),
  actions: fc.record({ f0: actionsA, f1: actionsA, f2: actionsA, m0: actionsA, m1: actionsA }),
});

/** Signal-to-signal connections only go "up" this order (no cycles); destroyed may feed anything. */
function ord(r: SigRef): number {
  return r.o * 2 + (r.s === 'b' ? 1 : 0);
}
function acyclic(op: ConnectOp): boolean {
  return op.slot.k !== 'sig' || op.src.s === 'destroyed' || ord(op.slot.t) > ord(op.src);
}
function sigKey(r: SigRef): string {
  return `o${r.o}.${r.s}`;
}

// ------------------------------------------------------------------ the common interpreter

/** What both worlds do; each logs what it observed. */
abstract class World {
  readonly log: string[] = [];
  depth = 0;
  calls = 0;
  constructor(readonly prog: Program) {}

  abstract connect(op: ConnectOp): string;
  abstract disconnectAll(src: SigRef): string;
  abstract disconnectHandle(h: number, src: SigRef | null): string;
  abstract disconnectSlot(op: Extract<Op, { op: 'disconnectSlot' }>): string;
  abstract disconnectCtx(op: Extract<Op, { op: 'disconnectCtx' }>): string;
  abstract staticDisconnect(op: Extract<Op, { op: 'staticDisconnect' }>): string;
  abstract emit(src: SigRef, v: number): string;
  abstract block(o: number, b: boolean): string;
  abstract dispose(o: number): string;
  abstract deleteLater(o: number): string;
  abstract process(): string;
  abstract sendPosted(dd: boolean): string;

  run(op: Op): void {
    let r: string;
    switch (op.op) {
      case 'connect':
        r = acyclic(op) ? this.connect(op) : 'skip';
        break;
      case 'disconnectAll':
        r = this.disconnectAll(op.src);
        break;
      case 'disconnectHandle':
        r = this.disconnectHandle(op.h, op.src);
        break;
      case 'disconnectSlot':
        r = this.disconnectSlot(op);
        break;
      case 'disconnectCtx':
        r = this.disconnectCtx(op);
        break;
      case 'staticDisconnect':
        r = this.staticDisconnect(op);
        break;
      case 'emit':
        r = this.emit(op.src, op.v);
        break;
      case 'block':
        r = this.block(op.o, op.b);
        break;
      case 'dispose':
        r = this.dispose(op.o);
        break;
      case 'deleteLater':
        r = this.deleteLater(op.o);
        break;
      case 'process':
        r = this.process();
        break;
      case 'sendPosted':
        r = this.sendPosted(op.dd);
        break;
    }
    this.log.push(`${'  '.repeat(this.depth)}${op.op} -> ${r}`);
  }

  /** A slot ran: log it, then run its actions (bounded nesting). */
  slotCalled(key: string, self: string, sender: string, v: string): void {
    this.log.push(`${'  '.repeat(this.depth)}call ${key} this=${self} sender=${sender} v=${v}`);
    // slots that connect and emit can grow the work exponentially: actions stop after a budget
    if (this.depth >= MAX_DEPTH || ++this.calls > CALL_BUDGET) return;
    this.depth++;
    try {
      for (const a of this.prog.actions[key] ?? []) this.run(a);
    } finally {
      this.depth--;
    }
  }
}

// ------------------------------------------------------------------ the real world

class Node extends QObject {
  readonly a = new Signal<[v: number]>(this);
  readonly b = new Signal<[v: number]>(this);
  world: RealWorld | null = null;
  label = '';
  m0(v: unknown): void {
    this.world!.slotFromReal('m0', this, v);
  }
  m1(v: unknown): void {
    this.world!.slotFromReal('m1', this, v);
  }
}

function guard(f: () => string): string {
  try {
    return f();
  } catch (e) {
    return e instanceof Error && /deleted/.test(e.message) ? 'throw-deleted' : `throw ${String(e)}`;
  }
}

class RealWorld extends World {
  readonly objs: Node[] = [];
  readonly fns: ((this: unknown, v: unknown) => void)[] = [];
  readonly handles: Connection[] = [];
  constructor(prog: Program) {
    super(prog);
    for (let i = 0; i < N; i++) {
      const o = new Node();
      o.world = this;
      o.label = `o${i}`;
      this.objs.push(o);
    }
    for (let f = 0; f < FNS; f++) {
      const world = this;
      this.fns.push(function (this: unknown, v: unknown) {
        world.slotFromReal(`f${f}`, this, v);
      });
    }
  }

  name(v: unknown): string {
    if (v instanceof Node) return v.label;
    if (v === undefined || v === null) return '-';
    return String(v);
  }

  slotFromReal(key: string, self: unknown, v: unknown): void {
    const sender = self instanceof QObject ? this.name(self.sender()) : '-';
    this.slotCalled(key, this.name(self), sender, this.name(v));
  }

  sig(r: SigRef): Signal<any> {
    return this.objs[r.o]![r.s];
  }

  connect(op: ConnectOp): string {
    const src = this.sig(op.src);
    const sl = op.slot;
    const o = this.objs[op.src.o]!;
    let c: Connection;
    try {
      if (sl.k === 'fn') {
        const fn = this.fns[sl.f]!;
        if (op.viaStatic) c = sl.ctx === null ? QObject.connect(o, op.src.s, fn, op.type) : QObject.connect(o, op.src.s, this.objs[sl.ctx]!, fn, op.type);
        else c = sl.ctx === null ? src.connect(fn, op.type) : src.connect(this.objs[sl.ctx]!, fn, op.type);
      } else if (sl.k === 'method') {
        const name = `m${sl.m}` as 'm0';
        c = op.viaStatic ? QObject.connect(o, op.src.s, this.objs[sl.ctx]!, name, op.type) : src.connect(this.objs[sl.ctx]!, name, op.type);
      } else {
        const t = this.sig(sl.t);
        if (op.viaStatic) c = QObject.connect(o, op.src.s, this.objs[sl.t.o]!, sl.t.s, op.type);
        else c = sl.ctx === null ? src.connect(t, op.type) : src.connect(this.objs[sl.ctx]!, t, op.type);
      }
    } catch (e) {
      this.handles.push(new Connection());
      return guard(() => {
        throw e;
      });
    }
    this.handles.push(c);
    return c.isValid() ? 'valid' : 'invalid';
  }

  disconnectAll(src: SigRef): string {
    return guard(() => String(this.sig(src).disconnect()));
  }

  disconnectHandle(h: number, src: SigRef | null): string {
    if (this.handles.length === 0) return 'none';
    const c = this.handles[h % this.handles.length]!;
    return guard(() => String(src === null ? QObject.disconnect(c) : this.sig(src).disconnect(c)));
  }

  disconnectSlot(op: Extract<Op, { op: 'disconnectSlot' }>): string {
    const s = this.sig(op.src);
    return guard(() => String(op.slot.k === 'fn' ? s.disconnect(this.fns[op.slot.f]!) : s.disconnect(this.sig(op.slot.t))));
  }

  disconnectCtx(op: Extract<Op, { op: 'disconnectCtx' }>): string {
    const s = this.sig(op.src);
    const ctx = this.objs[op.ctx]!;
    const sl = op.slot;
    return guard(() => {
      if (sl === null) return String(s.disconnect(ctx));
      if (sl.k === 'fn') return String(s.disconnect(ctx, this.fns[sl.f]!));
      if (sl.k === 'method') return String(s.disconnect(ctx, `m${sl.m}` as 'm0'));
      return String(s.disconnect(ctx, this.sig(sl.t)));
    });
  }

  staticDisconnect(op: Extract<Op, { op: 'staticDisconnect' }>): string {
    return guard(() => {
      const slot = op.slot === null ? null : op.slot.k === 'fn' ? this.fns[op.slot.f]! : op.slot.n;
      return String(QObject.disconnect(this.objs[op.o]!, op.s, op.recv === null ? null : this.objs[op.recv]!, slot as never));
    });
  }

  emit(src: SigRef, v: number): string {
    return guard(() => {
      this.sig(src).emit(v);
      return 'done';
    });
  }

  block(o: number, b: boolean): string {
    return guard(() => String(this.objs[o]!.blockSignals(b)));
  }

  dispose(o: number): string {
    this.objs[o]!.dispose();
    return 'done';
  }

  deleteLater(o: number): string {
    this.objs[o]!.deleteLater();
    return 'done';
  }

  process(): string {
    QCoreApplication.processEvents();
    return 'done';
  }

  sendPosted(dd: boolean): string {
    if (dd) QCoreApplication.sendPostedEvents(null, DEFERRED_DELETE);
    else QCoreApplication.sendPostedEvents();
    return 'done';
  }

  /** Connection counts per signal, validity of every handle, and the leak checks. */
  state(): string[] {
    const out: string[] = [];
    for (const o of this.objs) {
      for (const s of ['a', 'b', 'destroyed'] as const) {
        const sig = o[s];
        const n = isDeleted(o) ? sig._count() : o.receivers(sig);
        out.push(`${o.label}.${s}=${n}`);
        // no live connection may name a deleted receiver (context)
        for (const c of sig._connections()) {
          if (c._receiver !== null && isDeleted(c._receiver)) out.push(`LEAK ${o.label}.${s} -> deleted receiver`);
        }
      }
      out.push(`${o.label}:${isDeleted(o) ? 'deleted' : 'alive'}`);
    }
    out.push(`handles=${this.handles.map((h) => (h.isValid() ? '1' : '0')).join('')}`);
    return out;
  }
}

// ------------------------------------------------------------------ the model

interface MConn {
  src: SigRef | null;
  slot: SlotSpec;
  /** Context: the object whose deletion ends the connection and that sender() answers for. */
  recv: number | null;
  queued: boolean;
  single: boolean;
  removed: boolean;
}
interface MObj {
  destroying: boolean;
  deleted: boolean;
  blocked: boolean;
  deleteLaterCalled: boolean;
  sigs: Record<SigName, MConn[]>;
}
type MEvent =
  | { kind: 'call'; recv: number | null; conn: MConn; sender: number; v: string }
  | { kind: 'dd'; recv: number; level: number };

class ModelWorld extends World {
  readonly objs: MObj[] = [];
  readonly handles: MConn[] = [];
  /** The posted-event queue (priority 0 only: FIFO), with the shared read position. */
  queue: (MEvent | null)[] = [];
  head = 0;
  /** Nested event deliveries on the stack (Qt's scopeLevel; no exec() runs here). */
  scope = 0;

  constructor(prog: Program) {
    super(prog);
    for (let i = 0; i < N; i++) this.objs.push({ destroying: false, deleted: false, blocked: false, deleteLaterCalled: false, sigs: { a: [], b: [], destroyed: [] } });
  }

  gone(o: number): boolean {
    const x = this.objs[o]!;
    return x.destroying || x.deleted;
  }

  list(r: SigRef): MConn[] {
    return this.objs[r.o]!.sigs[r.s];
  }

  remove(c: MConn): void {
    if (c.removed || c.src === null) return;
    c.removed = true;
    const l = this.list(c.src);
    l.splice(l.indexOf(c), 1);
  }

  dead(): MConn {
    const c: MConn = { src: null, slot: { k: 'fn', f: 0, ctx: null }, recv: null, queued: false, single: false, removed: true };
    this.handles.push(c);
    return c;
  }

  connect(op: ConnectOp): string {
    const sl = op.slot;
    let ctx: number | null = sl.ctx;
    if (op.viaStatic && sl.k === 'sig') ctx = sl.t.o;
    // the receiver: the context; for a signal without one, the target's owner
    const recv = ctx ?? (sl.k === 'sig' ? sl.t.o : null);
    if (this.gone(op.src.o) || (recv !== null && this.gone(recv))) {
      this.dead();
      return 'throw-deleted';
    }
    const slot: SlotSpec = sl.k === 'sig' ? { k: 'sig', t: sl.t, ctx } : sl;
    if (op.type & 0x80) {
      for (const x of this.list(op.src)) if (x.recv === recv && sameSlot(x.slot, slot)) {
        this.dead();
        return 'invalid';
      }
    }
    const c: MConn = { src: op.src, slot, recv, queued: (op.type & 0x7f) === 2, single: (op.type & 0x100) !== 0, removed: false };
    this.list(op.src).push(c);
    this.handles.push(c);
    return 'valid';
  }

  disconnectAll(src: SigRef): string {
    // a method of a deleted object's signal throws once deletion has finished
    if (this.objs[src.o]!.deleted) return 'throw-deleted';
    const l = [...this.list(src)];
    for (const c of l) this.remove(c);
    return String(l.length > 0);
  }

  disconnectHandle(h: number, src: SigRef | null): string {
    if (this.handles.length === 0) return 'none';
    const c = this.handles[h % this.handles.length]!;
    if (src !== null && this.objs[src.o]!.deleted) return 'throw-deleted';
    if (c.removed || (src !== null && sigKey(src) !== sigKey(c.src!))) return 'false';
    this.remove(c);
    return 'true';
  }

  disconnectSlot(op: Extract<Op, { op: 'disconnectSlot' }>): string {
    if (this.objs[op.src.o]!.deleted) return 'throw-deleted';
    // the earliest connection to that function or signal, whatever its context (PyQt)
    for (const c of this.list(op.src)) {
      const hit = op.slot.k === 'fn' ? c.slot.k === 'fn' && c.slot.f === op.slot.f : c.slot.k === 'sig' && sigKey(c.slot.t) === sigKey(op.slot.t);
      if (hit) {
        this.remove(c);
        return 'true';
      }
    }
    return 'false';
  }

  disconnectCtx(op: Extract<Op, { op: 'disconnectCtx' }>): string {
    if (this.objs[op.src.o]!.deleted) return 'throw-deleted';
    let any = false;
    for (const c of [...this.list(op.src)]) {
      if (c.recv !== op.ctx) continue;
      const sl = op.slot;
      if (sl !== null) {
        const s = c.slot;
        const hit =
          (sl.k === 'fn' && s.k === 'fn' && s.f === sl.f) ||
          (sl.k === 'method' && s.k === 'method' && s.m === sl.m) ||
          (sl.k === 'sig' && s.k === 'sig' && sigKey(s.t) === sigKey(sl.t));
        if (!hit) continue;
      }
      this.remove(c);
      any = true;
    }
    return String(any);
  }

  staticDisconnect(op: Extract<Op, { op: 'staticDisconnect' }>): string {
    if (this.objs[op.o]!.deleted) return 'throw-deleted';
    let any = false;
    for (const s of op.s === null ? (['a', 'b', 'destroyed'] as const) : [op.s]) {
      for (const c of [...this.list({ o: op.o, s })]) {
        if (op.recv !== null && c.recv !== op.recv) continue;
        const sl = op.slot;
        if (sl !== null) {
          const x = c.slot;
          const hit = sl.k === 'fn' ? x.k === 'fn' && x.f === sl.f : (x.k === 'method' && `m${x.m}` === sl.n) || (x.k === 'sig' && x.t.s === sl.n);
          if (!hit) continue;
        }
        this.remove(c);
        any = true;
      }
    }
    return String(any);
  }

  emit(src: SigRef, v: number): string {
    // emit() of a deleted object's signal is a no-op (nothing is connected any more)
    this.activate(src, String(v));
    return 'done';
  }

  /** QMetaObject::activate: a snapshot of the list, skipping what was removed meanwhile. */
  activate(src: SigRef, v: string): void {
    const owner = this.objs[src.o]!;
    if (owner.blocked) return;
    for (const c of [...this.list(src)]) {
      if (c.removed) continue;
      if (c.single) this.remove(c);
      if (c.queued) {
        this.post({ kind: 'call', recv: c.recv, conn: c, sender: src.o, v });
        continue;
      }
      this.invoke(c, src.o, v);
    }
  }

  invoke(c: MConn, sender: number, v: string): void {
    const sl = c.slot;
    if (sl.k === 'sig') {
      this.activate(sl.t, v);
      return;
    }
    // a slot named by method is not called once its object's destruction has begun (baseDestroyed)
    if (sl.k === 'method' && this.gone(sl.ctx)) return;
    const key = sl.k === 'fn' ? `f${sl.f}` : `m${sl.m}`;
    const self = sl.ctx;
    this.slotCalled(key, self === null ? '-' : `o${self}`, self === null ? '-' : this.senderFor(self, sender), v);
  }

  /** Qt's sender(): the emitter while it lives and still has a connection to the receiver. */
  senderFor(recv: number, sender: number): string {
    if (this.gone(sender)) return '-';
    for (const s of ['a', 'b', 'destroyed'] as const) {
      if (this.objs[sender]!.sigs[s].some((c) => c.recv === recv)) return `o${sender}`;
    }
    return '-';
  }

  block(o: number, b: boolean): string {
    const x = this.objs[o]!;
    if (x.deleted) return 'throw-deleted';
    const prev = x.blocked;
    x.blocked = b;
    return String(prev);
  }

  dispose(o: number): string {
    this.destroy(o);
    return 'done';
  }

  /** OB-4: destroyed (even if blocked), then every connection from and to the object goes. */
  destroy(o: number): void {
    const x = this.objs[o]!;
    if (x.destroying || x.deleted) return;
    x.destroying = true;
    x.blocked = false;
    this.activate({ o, s: 'destroyed' }, `o${o}`);
    for (const s of ['a', 'b', 'destroyed'] as const) for (const c of [...x.sigs[s]]) this.remove(c);
    for (const y of this.objs) for (const s of ['a', 'b', 'destroyed'] as const) for (const c of [...y.sigs[s]]) if (c.recv === o) this.remove(c);
    x.deleted = true;
  }

  deleteLater(o: number): string {
    const x = this.objs[o]!;
    if (x.destroying || x.deleted || x.deleteLaterCalled) return 'done';
    x.deleteLaterCalled = true;
    this.post({ kind: 'dd', recv: o, level: this.scope });
    return 'done';
  }

  post(e: MEvent): void {
    this.queue.push(e);
  }

  /** EV-9 with no loop running: loop level 0, so only the scope levels count. */
  allowed(e: { level: number }, explicit: boolean): boolean {
    return e.level > this.scope || (explicit && e.level === this.scope);
  }

  deliver(e: MEvent): void {
    this.scope++;
    try {
      if (e.kind === 'dd') this.destroy(e.recv);
      else {
        const sl = e.conn.slot;
        if (sl.k === 'sig') {
          // a queued signal-to-signal call emits the target now, as its owner would
          this.activate(sl.t, e.v);
        } else {
          const key = sl.k === 'fn' ? `f${sl.f}` : `m${sl.m}`;
          const self = sl.ctx;
          this.slotCalled(key, self === null ? '-' : `o${self}`, self === null ? '-' : this.senderFor(self, e.sender), e.v);
        }
      }
    } finally {
      this.scope--;
    }
  }

  receiverGone(e: MEvent): boolean {
    return e.recv !== null && this.gone(e.recv);
  }

  /** sendPostedEvents(null, 0): the events queued at the call, FIFO (EV-3, EV-4). */
  process(): string {
    const end = this.queue.length;
    while (this.head < end) {
      const e = this.queue[this.head];
      this.queue[this.head++] = null;
      if (e === null || e === undefined || this.receiverGone(e)) continue;
      if (e.kind === 'dd' && !this.allowed(e, false)) {
        this.queue.push(e); // re-posted, behind what is already queued
        continue;
      }
      this.deliver(e);
    }
    return 'done';
  }

  sendPosted(dd: boolean): string {
    if (!dd) return this.process();
    const end = this.queue.length;
    for (let i = this.head; i < end; i++) {
      const e = this.queue[i];
      if (e === null || e === undefined || e.kind !== 'dd') continue;
      if (this.receiverGone(e)) {
        this.queue[i] = null;
        continue;
      }
      if (!this.allowed(e, true)) continue; // stays where it is
      this.queue[i] = null;
      this.deliver(e);
    }
    return 'done';
  }

  state(): string[] {
    const out: string[] = [];
    for (let i = 0; i < N; i++) {
      const x = this.objs[i]!;
      for (const s of ['a', 'b', 'destroyed'] as const) out.push(`o${i}.${s}=${x.sigs[s].length}`);
      out.push(`o${i}:${x.deleted ? 'deleted' : 'alive'}`);
    }
    out.push(`handles=${this.handles.map((h) => (h.removed ? '0' : '1')).join('')}`);
    return out;
  }
}

function sameSlot(a: SlotSpec, b: SlotSpec): boolean {
  if (a.k === 'fn' && b.k === 'fn') return a.f === b.f;
  if (a.k === 'method' && b.k === 'method') return a.m === b.m;
  if (a.k === 'sig' && b.k === 'sig') return sigKey(a.t) === sigKey(b.t);
  return false;
}

// ------------------------------------------------------------------ the property

/** Compares two logs; the error shows the first difference with some context. */
function same(what: string, real: string[], model: string[]): void {
  const n = Math.max(real.length, model.length);
  for (let i = 0; i < n; i++) {
    if (real[i] !== model[i]) {
      const from = Math.max(0, i - 6);
      throw new Error(
        `${what}: line ${i} differs\n--- real\n${real.slice(from, i + 3).join('\n')}\n--- model\n${model.slice(from, i + 3).join('\n')}`,
      );
    }
  }
}

describe('property: signals and slots against a reference model', function () {
  this.timeout(60000);
  let prevHandler: ((e: unknown) => void) | null = null;
  let prevMsg: QtMessageHandler | null = null;
  const errors: unknown[] = [];
  const messages: string[] = [];

  before(() => {
    prevHandler = QCoreApplication.setExceptionHandler((e) => errors.push(e));
    prevMsg = qInstallMessageHandler((_t, _c, m) => messages.push(m));
  });
  after(async () => {
    QCoreApplication.setExceptionHandler(prevHandler);
    qInstallMessageHandler(prevMsg);
    await new Promise<void>((r) => setImmediate(r));
    await new Promise<void>((r) => setImmediate(r));
    expect(keepAliveState()).to.deep.equal({ timers: 0, keepAlive: 0, loops: 0, refd: false });
  });

  let longest = 0;
  let slotCalls = 0;
  it(`agrees with the model on ${RUNS} random programs (seed ${SEED})`, () => {
    fc.assert(
      fc.property(programA, (prog) => {
        errors.length = 0;
        messages.length = 0;
        if (process.env.PROP_TRACE) writeFileSync(process.env.PROP_TRACE, JSON.stringify(prog));
        longest = Math.max(longest, prog.ops.length);
        const real = new RealWorld(prog);
        const model = new ModelWorld(prog);
        try {
          for (const op of prog.ops) {
            real.run(op);
            model.run(op);
            same('slot calls and results', real.log, model.log);
            same(`connections after ${op.op}`, real.state(), model.state());
          }
          // tear down: delete everything, then let the queue drain (calls to gone receivers vanish)
          for (let i = 0; i < N; i++) {
            real.run({ op: 'dispose', o: i });
            model.run({ op: 'dispose', o: i });
          }
          real.run({ op: 'process' });
          model.run({ op: 'process' });
          same('slot calls during teardown', real.log, model.log);
          same('connections after teardown', real.state(), model.state());
          for (const o of real.objs) for (const s of ['a', 'b', 'destroyed'] as const) expect(o[s]._count(), 'no connection survives').to.equal(0);
          expect(errors, 'no exception reached the handler').to.deep.equal([]);
          expect(messages, 'no warning').to.deep.equal([]);
          if (process.env.PROP_DUMP) console.log(real.log.join('\n') + '\n=====');
          slotCalls += real.log.filter((l) => l.trimStart().startsWith('call')).length;
        } finally {
          QCoreApplication.removePostedEvents(null);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.log(`      signals model: ${RUNS} runs, longest program ${longest} ops, ${slotCalls} slot calls checked (seed ${SEED})`);
  });
});
