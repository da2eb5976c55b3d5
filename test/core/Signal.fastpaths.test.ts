// Qt's emission rules on Signal's optimised paths: the one-slot fast path, the compiled
// ("baked") list of plain slots, and the tombstone list (drops during emissions, compaction).
// Each rule is checked before and after the list is compiled (EMITS emissions compile it).
import { expect } from 'chai';
import { Signal, QObject, Qt, QCoreApplication } from '../../src/core/index.js';
import { coreHooks, turns } from './helpers.js';

class E extends QObject {
  readonly sig = new Signal<[a?: number, b?: number, c?: number, d?: number, e?: number]>(this);
}

class R extends QObject {}

/** More emissions than the compile threshold (the list is compiled well before this). */
const EMITS = 200;

/** Connects `n` logging slots named s0..s(n-1). */
function logging(e: E, n: number, log: string[]): ((...a: unknown[]) => void)[] {
  const fns: ((...a: unknown[]) => void)[] = [];
  for (let i = 0; i < n; i++) {
    const f = (...a: unknown[]): void => void log.push(`s${i}:${a.length}`);
    fns.push(f);
    e.sig.connect(f);
  }
  return fns;
}

/** Emits `k` times with 2 arguments, then clears the log. */
function warm(e: E, log: string[], k = EMITS): void {
  for (let i = 0; i < k; i++) e.sig.emit(i, 1);
  log.length = 0;
}

for (const compiled of [false, true]) {
  describe(`Signal fast paths (${compiled ? 'after' : 'before'} ${EMITS} emissions)`, () => {
    const st = coreHooks();
    const prime = (e: E, log: string[]): void => {
      if (compiled) warm(e, log);
    };

    // tst_qobject::signalBlocking
    it('one slot: blockSignals before and after connecting silences it, unblocking restores it', () => {
      const e = new E();
      let n = 0;
      e.blockSignals(true);
      e.sig.connect(() => void n++);
      e.sig.emit(1, 2);
      expect(n).to.equal(0);
      e.blockSignals(false);
      for (let i = 0; i < (compiled ? EMITS : 1); i++) e.sig.emit(1, 2);
      expect(n).to.equal(compiled ? EMITS : 1);
      e.blockSignals(true);
      e.sig.emit(1, 2);
      expect(n).to.equal(compiled ? EMITS : 1);
      e.blockSignals(false);
      e.sig.emit(1, 2);
      expect(n).to.equal((compiled ? EMITS : 1) + 1);
    });

    it('many slots: blockSignals silences every slot', () => {
      const e = new E();
      const log: string[] = [];
      logging(e, 4, log);
      prime(e, log);
      e.blockSignals(true);
      e.sig.emit(1, 2);
      expect(log).to.deep.equal([]);
      e.blockSignals(false);
      e.sig.emit(1, 2);
      expect(log).to.deep.equal(['s0:2', 's1:2', 's2:2', 's3:2']);
    });

    it('passes exactly the emitted arguments, whatever their count', () => {
      for (const n of [1, 5]) {
        const e = new E();
        const log: string[] = [];
        logging(e, n, log);
        prime(e, log);
        e.sig.emit();
        e.sig.emit(1);
        e.sig.emit(1, 2, 3);
        e.sig.emit(1, 2, 3, 4, 5);
        const want: string[] = [];
        for (const c of [0, 1, 3, 5]) for (let i = 0; i < n; i++) want.push(`s${i}:${c}`);
        expect(log).to.deep.equal(want);
      }
    });

    it('a slot connected during the emission is not called by it, but by the next one', () => {
      for (const n of [1, 4]) {
        const e = new E();
        const log: string[] = [];
        logging(e, n, log);
        let once = true;
        e.sig.connect(() => {
          log.push('adder');
          if (once) e.sig.connect(() => void log.push('late'));
          once = false;
        });
        prime(e, log);
        once = true;
        e.sig.emit(1, 2);
        expect(log.filter((x) => x === 'late')).to.have.length(compiled ? 1 : 0);
        log.length = 0;
        e.sig.emit(1, 2);
        expect(log.filter((x) => x === 'late')).to.have.length(compiled ? 2 : 1);
      }
    });

    it('one slot that disconnects itself and reconnects is called once per emission', () => {
      const e = new E();
      let n = 0;
      const f = (): void => {
        n++;
        e.sig.disconnect(f);
        e.sig.connect(f);
      };
      e.sig.connect(f);
      for (let i = 0; i < (compiled ? EMITS : 3); i++) e.sig.emit(1, 2);
      expect(n).to.equal(compiled ? EMITS : 3);
      expect(e.receivers(e.sig)).to.equal(1);
    });

    it('a slot disconnected by an earlier slot of the same emission is not called', () => {
      const e = new E();
      const log: string[] = [];
      const c = [] as ReturnType<E['sig']['connect']>[];
      let armed = false;
      c.push(e.sig.connect(() => {
        log.push('a');
        if (armed) {
          e.sig.disconnect(c[2]!);
          e.sig.disconnect(c[3]!);
        }
      }));
      c.push(e.sig.connect(() => void log.push('b')));
      c.push(e.sig.connect(() => void log.push('c')));
      c.push(e.sig.connect(() => void log.push('d')));
      c.push(e.sig.connect(() => void log.push('e')));
      prime(e, log);
      armed = true;
      e.sig.emit(1, 2);
      expect(log).to.deep.equal(['a', 'b', 'e']);
      expect(c[2]!.isValid() || c[3]!.isValid()).to.equal(false);
      expect(e.receivers(e.sig)).to.equal(3);
      log.length = 0;
      armed = false;
      e.sig.emit(1, 2);
      expect(log).to.deep.equal(['a', 'b', 'e']);
    });

    it('disconnect() of everything inside a slot stops the emission; later connections work', () => {
      const e = new E();
      const log: string[] = [];
      let armed = false;
      e.sig.connect(() => {
        log.push('a');
        if (armed) e.sig.disconnect();
      });
      logging(e, 3, log);
      prime(e, log);
      armed = true;
      e.sig.emit(1, 2);
      expect(log).to.deep.equal(['a']);
      expect(e.receivers(e.sig)).to.equal(0);
      e.sig.connect(() => void log.push('new'));
      e.sig.emit(1, 2);
      expect(log).to.deep.equal(['a', 'new']);
    });

    it('deleting the sender inside a slot ends the emission', () => {
      const e = new E();
      const log: string[] = [];
      let armed = false;
      logging(e, 2, log);
      e.sig.connect(() => {
        log.push('killer');
        if (armed) e.dispose();
      });
      logging(e, 2, log);
      prime(e, log);
      armed = true;
      e.sig.emit(1, 2);
      expect(log).to.deep.equal(['s0:2', 's1:2', 'killer']);
    });

    it('a throwing slot is reported and the following slots still run, in order', () => {
      const e = new E();
      const log: string[] = [];
      const boom = new Error('boom');
      let armed = false;
      logging(e, 2, log);
      e.sig.connect(() => {
        log.push('thrower');
        if (armed) throw boom;
      });
      logging(e, 2, log);
      prime(e, log);
      armed = true;
      e.sig.emit(1, 2);
      expect(log).to.deep.equal(['s0:2', 's1:2', 'thrower', 's0:2', 's1:2']);
      expect(st.errors).to.deep.equal([boom]);
    });

    it('a throwing slot that also disconnects a later one: reported, the disconnected one skipped', () => {
      const e = new E();
      const log: string[] = [];
      const boom = new Error('boom');
      let armed = false;
      let later: ReturnType<E['sig']['connect']> | null = null;
      e.sig.connect(() => {
        log.push('x');
        if (armed) {
          e.sig.disconnect(later!);
          throw boom;
        }
      });
      later = e.sig.connect(() => void log.push('later'));
      e.sig.connect(() => void log.push('last'));
      prime(e, log);
      armed = true;
      e.sig.emit(1, 2);
      expect(log).to.deep.equal(['x', 'last']);
      expect(st.errors).to.deep.equal([boom]);
    });

    it('an async slot that rejects is reported', async () => {
      const e = new E();
      const log: string[] = [];
      const boom = new Error('async boom');
      let armed = false;
      logging(e, 2, log);
      e.sig.connect(async () => {
        if (armed) throw boom;
      });
      prime(e, log);
      await turns(1);
      armed = true;
      e.sig.emit(1, 2);
      await turns(1);
      expect(st.errors).to.deep.equal([boom]);
    });

    it('recursive emission sees the current list and the outer one keeps its own', () => {
      const e = new E();
      const log: string[] = [];
      let depth = 0;
      let armed = false;
      e.sig.connect((v) => {
        log.push(`r${v}`);
        if (armed && depth === 0) {
          depth++;
          e.sig.connect(() => void log.push('added'));
          e.sig.emit(0, 1);
          depth--;
        }
      });
      logging(e, 2, log);
      prime(e, log);
      armed = true;
      e.sig.emit(99, 1);
      expect(log).to.deep.equal(['r99', 'r0', 's0:2', 's1:2', 'added', 's0:2', 's1:2']);
    });

    it('an owner with connectNotify/disconnectNotify: hooks that connect and disconnect inside an emission keep the rules', () => {
      const log: string[] = [];
      let armed = false;
      class N extends E {
        protected override connectNotify(): void {
          log.push('c');
        }
        protected override disconnectNotify(): void {
          log.push('d');
          // Connects from the hook while the emission runs: not called by that emission.
          if (armed) this.sig.connect(() => void log.push('late'));
        }
      }
      const e = new N();
      e.sig.connect(() => {
        if (armed) e.sig.disconnect(fns[1]!);
      });
      const fns = logging(e, 2, log);
      expect(log).to.deep.equal(['c', 'c', 'c']);
      prime(e, log);
      log.length = 0;
      armed = true;
      e.sig.emit(1, 2);
      expect(log).to.deep.equal(['d', 'c', 's0:2']);
      armed = false;
      log.length = 0;
      e.sig.emit(1, 2);
      expect(log).to.deep.equal(['s0:2', 'late']);
    });

    it('context and queued connections mixed with plain ones keep their order and semantics', async () => {
      const e = new E();
      const r = new R();
      const log: string[] = [];
      logging(e, 2, log);
      e.sig.connect(r, function (this: R) {
        log.push(`ctx:${this === r}:${this.sender() === e}`);
      });
      e.sig.connect(() => void log.push('queued'), Qt.QueuedConnection);
      logging(e, 1, log);
      prime(e, log);
      await turns(2);
      log.length = 0;
      e.sig.emit(1, 2);
      expect(log).to.deep.equal(['s0:2', 's1:2', 'ctx:true:true', 's0:2']);
      await turns(2);
      expect(log).to.deep.equal(['s0:2', 's1:2', 'ctx:true:true', 's0:2', 'queued']);
      r.dispose();
      log.length = 0;
      e.sig.emit(1, 2);
      expect(log).to.deep.equal(['s0:2', 's1:2', 's0:2']);
      await turns(2);
      expect(log).to.deep.equal(['s0:2', 's1:2', 's0:2', 'queued']);
    });
  });
}

describe('Signal connection list (tombstones and compaction)', () => {
  coreHooks();

  it('a list compiled again inside a running compiled emission: drops still reach the outer one', () => {
    const e = new E();
    const log: string[] = [];
    let armed = false;
    let victim: ReturnType<E['sig']['connect']> | null = null;
    e.sig.connect((v) => {
      if (!armed || v !== 7) return;
      armed = false;
      log.push('outer');
      e.sig.connect(() => {}); // the list changes: it will be compiled again
      for (let i = 0; i < EMITS; i++) e.sig.emit(0, 0); // ...by these nested emissions
      e.sig.disconnect(victim!);
    });
    e.sig.connect(() => {});
    victim = e.sig.connect((v) => {
      if (v === 7) log.push('victim');
    });
    for (let i = 0; i < EMITS; i++) e.sig.emit(0, 0);
    armed = true;
    e.sig.emit(7, 0);
    expect(log).to.deep.equal(['outer']);
  });

  it('keeps order and counts through many disconnects in the middle', () => {
    const e = new E();
    const log: string[] = [];
    const cs = [];
    for (let i = 0; i < 20; i++) cs.push(e.sig.connect(() => void log.push(`s${i}`)));
    for (let i = 1; i < 20; i += 2) expect(e.sig.disconnect(cs[i]!)).to.equal(true);
    expect(e.receivers(e.sig)).to.equal(10);
    e.sig.emit();
    expect(log).to.deep.equal(['s0', 's2', 's4', 's6', 's8', 's10', 's12', 's14', 's16', 's18']);
    for (let i = 0; i < 20; i += 2) if (i !== 10) e.sig.disconnect(cs[i]!);
    log.length = 0;
    e.sig.emit();
    expect(log).to.deep.equal(['s10']);
    expect(e.receivers(e.sig)).to.equal(1);
    expect(e.sig.disconnect(cs[1]!)).to.equal(false);
  });

  it('disconnect(slot) removes the earliest live connection of that slot', () => {
    const e = new E();
    const log: string[] = [];
    const f = (): void => void log.push('f');
    const c1 = e.sig.connect(f);
    e.sig.connect(() => void log.push('g'));
    const c3 = e.sig.connect(f);
    expect(e.sig.disconnect(f)).to.equal(true);
    expect(c1.isValid()).to.equal(false);
    expect(c3.isValid()).to.equal(true);
    expect(e.sig.disconnect(f)).to.equal(true);
    expect(e.sig.disconnect(f)).to.equal(false);
    e.sig.emit();
    expect(log).to.deep.equal(['g']);
  });

  it('UniqueConnection ignores disconnected connections', () => {
    const e = new E();
    const f = (): void => {};
    const c = e.sig.connect(f, Qt.UniqueConnection);
    e.sig.connect(() => {});
    e.sig.connect(() => {});
    e.sig.disconnect(c);
    expect(e.sig.connect(f, Qt.UniqueConnection).isValid()).to.equal(true);
    expect(e.sig.connect(f, Qt.UniqueConnection).isValid()).to.equal(false);
  });

  it('the names of lazily created signals are still known (senderSignalIndex)', () => {
    const o = new QObject();
    const r = new R();
    let idx = -2;
    o.objectNameChanged.connect(r, function (this: R) {
      idx = this.senderSignalIndex();
    });
    o.setObjectName('x');
    expect(idx).to.equal(1);
    expect(QObject.disconnect(o, 'objectNameChanged', r, null)).to.equal(true);
    QCoreApplication.instance()?.dispose();
  });
});
