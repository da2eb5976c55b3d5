// Model-based property test of object trees (issue 5): random creation, parent/child moves,
// renames, deletions (direct, from `destroyed` slots, deleteLater + event passes) against a small
// model of QT_SEMANTICS OB-1, OB-4..OB-6, OB-9, EV-9. children() order, parent(), the order of
// `destroyed` and child events, findChild and findChildren must agree with the model.
import { expect } from 'chai';
import fc from 'fast-check';
import { QObject, QCoreApplication, QEvent, Qt, isDeleted, qInstallMessageHandler } from '../../src/core/index.js';
import type { QChildEvent, QtMessageHandler } from '../../src/core/index.js';
import { keepAliveState } from '../../src/core/private/dispatcher.js';

const SEED = Number(process.env.PROP_SEED ?? 20250502);
const RUNS = Number(process.env.PROP_RUNS ?? 400);
const MAX = 8; // objects per program
const NAMES = ['', 'x', 'y'] as const;
const DEFERRED_DELETE = 52;

type Op =
  | { op: 'create'; parent: number | null; name: number }
  | { op: 'setParent'; o: number; p: number | null }
  | { op: 'rename'; o: number; name: number }
  | { op: 'dispose'; o: number }
  | { op: 'deleteLater'; o: number }
  | { op: 'onDestroyedDispose'; o: number; target: number }
  | { op: 'process' }
  | { op: 'sendPostedDD' };

const idxA = fc.integer({ min: 0, max: MAX - 1 });
const nameA = fc.integer({ min: 0, max: NAMES.length - 1 });
const opA: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ op: fc.constant('create' as const), parent: fc.option(idxA, { nil: null, freq: 4 }), name: nameA }) },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('setParent' as const), o: idxA, p: fc.option(idxA, { nil: null, freq: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('rename' as const), o: idxA, name: nameA }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('dispose' as const), o: idxA }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('deleteLater' as const), o: idxA }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('onDestroyedDispose' as const), o: idxA, target: idxA }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('process' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('sendPostedDD' as const) }) },
);

// ------------------------------------------------------------------ real

/** ChildAdded reaches the parent inside the child's constructor, before the child's fields exist. */
let constructing = '';

class TNode extends QObject {
  readonly label: string;
  constructor(
    label: string,
    readonly log: string[],
    parent: QObject | null,
  ) {
    constructing = label;
    super(parent);
    this.label = label;
  }
  protected override childEvent(e: QChildEvent): void {
    const c = e.child() as TNode;
    this.log.push(`${this.label} ${e.type() === QEvent.ChildAdded ? 'ChildAdded' : 'ChildRemoved'} ${c.label ?? constructing}`);
  }
}

function outcome(f: () => void): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    if (e instanceof RangeError) return 'RangeError';
    return e instanceof Error && /has been deleted/.test(e.message) ? 'deleted' : `throw ${String(e)}`;
  }
}

class Real {
  readonly log: string[] = [];
  readonly objs: TNode[] = [];
  obj(i: number): TNode | null {
    return this.objs.length === 0 ? null : this.objs[i % this.objs.length]!;
  }
  run(op: Op): void {
    let r = 'skip';
    switch (op.op) {
      case 'create': {
        if (this.objs.length >= MAX) break;
        const p = op.parent === null ? null : this.obj(op.parent);
        const label = `n${this.objs.length}`;
        r = outcome(() => {
          const o = new TNode(label, this.log, p);
          o.setObjectName(NAMES[op.name]!);
          o.destroyed.connect(() => this.log.push(`destroyed ${label}`));
          this.objs.push(o);
        });
        if (r !== 'ok') {
          // keep indexes aligned with the model: a placeholder that is already deleted
          const dead = new TNode(label, [], null);
          dead.dispose();
          this.objs.push(dead);
        }
        break;
      }
      case 'setParent': {
        const o = this.obj(op.o);
        if (o === null) break;
        const p = op.p === null ? null : this.obj(op.p);
        r = outcome(() => o.setParent(p));
        break;
      }
      case 'rename': {
        const o = this.obj(op.o);
        if (o !== null) r = outcome(() => o.setObjectName(NAMES[op.name]!));
        break;
      }
      case 'dispose':
        if (this.obj(op.o) !== null) r = outcome(() => this.obj(op.o)!.dispose());
        break;
      case 'deleteLater':
        if (this.obj(op.o) !== null) r = outcome(() => this.obj(op.o)!.deleteLater());
        break;
      case 'onDestroyedDispose': {
        const o = this.obj(op.o);
        const t = this.obj(op.target);
        if (o !== null && t !== null) r = outcome(() => void o.destroyed.connect(() => t.dispose()));
        break;
      }
      case 'process':
        QCoreApplication.processEvents();
        r = 'ok';
        break;
      case 'sendPostedDD':
        QCoreApplication.sendPostedEvents(null, DEFERRED_DELETE);
        r = 'ok';
        break;
    }
    this.log.push(`${op.op} -> ${r}`);
  }

  state(): string[] {
    const out: string[] = [];
    for (const o of this.objs) {
      if (isDeleted(o)) {
        out.push(`${o.label} deleted`);
        continue;
      }
      const p = o.parent() as TNode | null;
      const l = (xs: QObject[]): string => xs.map((x) => (x as TNode).label).join(',');
      const fc1 = o.findChild(QObject, 'x') as TNode | null;
      out.push(
        `${o.label} name=${o.objectName()} parent=${p?.label ?? '-'} children=[${l(o.children())}] all=[${l(o.findChildren(QObject))}] ` +
          `x=[${l(o.findChildren(QObject, 'x'))}] direct-y=[${l(o.findChildren(QObject, 'y', Qt.FindDirectChildrenOnly))}] re=[${l(o.findChildren(QObject, /^[xy]$/))}] ` +
          `firstX=${fc1?.label ?? '-'}`,
      );
    }
    return out;
  }
}

// ------------------------------------------------------------------ model

interface MNode {
  label: string;
  name: string;
  parent: number | null;
  children: (number | null)[];
  destroying: boolean;
  deleted: boolean;
  deletingChildren: boolean;
  dlCalled: boolean;
  onDestroyed: number[];
}

class Model {
  readonly log: string[] = [];
  readonly objs: MNode[] = [];
  pendingDD: number[] = [];

  idx(i: number): number | null {
    return this.objs.length === 0 ? null : i % this.objs.length;
  }
  gone(i: number): boolean {
    return this.objs[i]!.destroying || this.objs[i]!.deleted;
  }
  live(i: number): number[] {
    return this.objs[i]!.children.filter((c): c is number => c !== null);
  }
  childEvent(p: number, kind: string, c: number): void {
    this.log.push(`${this.objs[p]!.label} ${kind} ${this.objs[c]!.label}`);
  }
  attach(c: number, p: number): void {
    this.objs[c]!.parent = p;
    this.objs[p]!.children.push(c);
    this.childEvent(p, 'ChildAdded', c);
  }
  detach(c: number): void {
    const p = this.objs[c]!.parent!;
    const px = this.objs[p]!;
    this.objs[c]!.parent = null;
    const i = px.children.lastIndexOf(c);
    if (px.deletingChildren) px.children[i] = null;
    else px.children.splice(i, 1);
    if (!px.deletingChildren && !px.deleted) this.childEvent(p, 'ChildRemoved', c);
  }

  run(op: Op): void {
    let r = 'skip';
    switch (op.op) {
      case 'create': {
        if (this.objs.length >= MAX) break;
        const p = op.parent === null ? null : this.idx(op.parent);
        const label = `n${this.objs.length}`;
        const n: MNode = { label, name: '', parent: null, children: [], destroying: false, deleted: false, deletingChildren: false, dlCalled: false, onDestroyed: [] };
        this.objs.push(n);
        if (p !== null && this.objs[p]!.deleted) {
          n.deleted = true;
          r = 'deleted';
          break;
        }
        if (p !== null) this.attach(this.objs.length - 1, p);
        n.name = NAMES[op.name]!;
        r = 'ok';
        break;
      }
      case 'setParent': {
        const o = this.idx(op.o);
        if (o === null) break;
        const p = op.p === null ? null : this.idx(op.p)!;
        if (this.objs[o]!.deleted || (p !== null && this.objs[p]!.deleted)) {
          r = 'deleted';
          break;
        }
        let cycle = false;
        for (let a = p; a !== null; a = this.objs[a]!.parent) if (a === o) cycle = true;
        if (cycle) {
          r = 'RangeError';
          break;
        }
        r = 'ok';
        if (this.objs[o]!.parent === p) break;
        if (this.objs[o]!.parent !== null) this.detach(o);
        if (p !== null) this.attach(o, p);
        break;
      }
      case 'rename': {
        const o = this.idx(op.o);
        if (o === null) break;
        if (this.objs[o]!.deleted) r = 'deleted';
        else {
          this.objs[o]!.name = NAMES[op.name]!;
          r = 'ok';
        }
        break;
      }
      case 'dispose': {
        const o = this.idx(op.o);
        if (o === null) break;
        this.destroy(o);
        r = 'ok';
        break;
      }
      case 'deleteLater': {
        const o = this.idx(op.o);
        if (o === null) break;
        const x = this.objs[o]!;
        if (!x.deleted && !x.destroying && !x.dlCalled) {
          x.dlCalled = true;
          this.pendingDD.push(o);
        }
        r = 'ok';
        break;
      }
      case 'onDestroyedDispose': {
        const o = this.idx(op.o);
        const t = this.idx(op.target);
        if (o === null || t === null) break;
        if (this.gone(o)) r = 'deleted';
        else {
          this.objs[o]!.onDestroyed.push(t);
          r = 'ok';
        }
        break;
      }
      case 'process':
        // deleteLater() called outside any loop and any event delivery: a pass does not delete (EV-9)
        r = 'ok';
        break;
      case 'sendPostedDD': {
        const dd = this.pendingDD;
        this.pendingDD = [];
        for (const o of dd) if (!this.gone(o)) this.destroy(o);
        r = 'ok';
        break;
      }
    }
    this.log.push(`${op.op} -> ${r}`);
  }

  /** OB-4: destroyed, then children in order (each recursively), then leave the parent. */
  destroy(o: number): void {
    const x = this.objs[o]!;
    if (x.destroying || x.deleted) return;
    x.destroying = true;
    this.log.push(`destroyed ${x.label}`);
    for (const t of x.onDestroyed) this.destroy(t);
    x.deletingChildren = true;
    for (let i = 0; i < x.children.length; i++) {
      const c = x.children[i];
      if (c === null || c === undefined) continue;
      this.destroy(c);
      this.objs[c]!.parent = null;
    }
    x.children = [];
    x.deletingChildren = false;
    if (x.parent !== null) this.detach(o);
    x.deleted = true;
  }

  findChildren(o: number, pred: (n: MNode) => boolean, recursive = true): string[] {
    const out: string[] = [];
    const walk = (i: number): void => {
      for (const c of this.live(i)) {
        if (pred(this.objs[c]!)) out.push(this.objs[c]!.label);
        if (recursive) walk(c);
      }
    };
    walk(o);
    return out;
  }

  findChild(o: number, name: string): string {
    const ch = this.live(o);
    for (const c of ch) if (this.objs[c]!.name === name) return this.objs[c]!.label;
    for (const c of ch) {
      const r = this.findChild(c, name);
      if (r !== '-') return r;
    }
    return '-';
  }

  state(): string[] {
    const out: string[] = [];
    this.objs.forEach((x, i) => {
      if (x.deleted || x.destroying) {
        out.push(`${x.label} deleted`);
        return;
      }
      const lab = (c: number): string => this.objs[c]!.label;
      out.push(
        `${x.label} name=${x.name} parent=${x.parent === null ? '-' : lab(x.parent)} children=[${this.live(i).map(lab).join(',')}] ` +
          `all=[${this.findChildren(i, () => true).join(',')}] x=[${this.findChildren(i, (n) => n.name === 'x').join(',')}] ` +
          `direct-y=[${this.findChildren(i, (n) => n.name === 'y', false).join(',')}] re=[${this.findChildren(i, (n) => n.name === 'x' || n.name === 'y').join(',')}] ` +
          `firstX=${this.findChild(i, 'x')}`,
      );
    });
    return out;
  }
}

function same(what: string, real: string[], model: string[]): void {
  const n = Math.max(real.length, model.length);
  for (let i = 0; i < n; i++) {
    if (real[i] !== model[i]) {
      const from = Math.max(0, i - 6);
      throw new Error(`${what}: line ${i} differs\n--- real\n${real.slice(from, i + 3).join('\n')}\n--- model\n${model.slice(from, i + 3).join('\n')}`);
    }
  }
}

describe('property: object trees against a reference model', function () {
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
    expect(keepAliveState()).to.deep.equal({ timers: 0, keepAlive: 0, loops: 0, refd: false });
  });

  it(`children(), parent(), destroyed/child events and findChild(ren) agree with the model on ${RUNS} programs (seed ${SEED})`, () => {
    let longest = 0;
    let deletions = 0;
    fc.assert(
      fc.property(fc.array(opA, { minLength: 1, maxLength: 50, size: 'max' }), (ops) => {
        errors.length = 0;
        messages.length = 0;
        longest = Math.max(longest, ops.length);
        const real = new Real();
        const model = new Model();
        try {
          for (const op of ops) {
            real.run(op);
            model.run(op);
            same(`log after ${op.op}`, real.log, model.log);
            same(`tree after ${op.op}`, real.state(), model.state());
          }
          deletions += real.log.filter((l) => l.startsWith('destroyed')).length;
          expect(errors).to.deep.equal([]);
          expect(messages).to.deep.equal([]);
        } finally {
          for (const o of real.objs) o.dispose();
          QCoreApplication.removePostedEvents(null);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.log(`      object trees: ${RUNS} runs, longest program ${longest} ops, ${deletions} deletions checked (seed ${SEED})`);
  });
});
