// Property test of dynamic properties (issue 5, security): any string is a plain dynamic property
// name (`__proto__`, `constructor`, `prototype`, `toString`, `hasOwnProperty` included); reading and
// writing them agrees with a Map, sends DynamicPropertyChange as OB-10 says, and never reaches
// Object.prototype or the object's own fields.
import { expect } from 'chai';
import fc from 'fast-check';
import { QObject, QEvent } from '../../src/core/index.js';
import type { QDynamicPropertyChangeEvent } from '../../src/core/index.js';

const SEED = Number(process.env.PROP_SEED ?? 20250504);
const RUNS = Number(process.env.PROP_RUNS ?? 300);
const HOSTILE = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf', 'then', 'event', 'dispose', ''];

class Spy extends QObject {
  readonly changes: string[] = [];
  override event(e: QEvent): boolean {
    if (e.type() === QEvent.DynamicPropertyChange) this.changes.push((e as QDynamicPropertyChangeEvent).propertyName());
    return super.event(e);
  }
}

const nameA = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
const valueA = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 0, max: 3 }),
  fc.constantFrom<unknown>(null, 'x', true, { polluted: 1 }, () => 'fn'),
);
const opA = fc.tuple(nameA, valueA);

function snapshotPrototype(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

describe('property: dynamic properties are plain data', function () {
  this.timeout(30000);

  it(`setProperty/property/dynamicPropertyNames agree with a Map and pollute nothing (${RUNS} runs, seed ${SEED})`, () => {
    const protoBefore = snapshotPrototype();
    const qobjectProtoBefore = Object.getOwnPropertyNames(QObject.prototype).sort();
    let longest = 0;
    fc.assert(
      fc.property(fc.array(opA, { maxLength: 30, size: 'max' }), (ops) => {
        longest = Math.max(longest, ops.length);
        const o = new Spy();
        const keysBefore = Object.keys(o).sort();
        const model = new Map<string, unknown>();
        const events: string[] = [];
        for (const [name, value] of ops) {
          const had = model.has(name);
          const changes = value === undefined ? had : !had || !Object.is(model.get(name), value);
          if (value === undefined) model.delete(name);
          else model.set(name, value);
          if (changes) events.push(name);
          expect(o.setProperty(name, value), name).to.equal(false);
          expect(o.property(name), name).to.equal(model.get(name));
        }
        expect(o.dynamicPropertyNames()).to.deep.equal([...model.keys()]);
        expect(o.changes).to.deep.equal(events);
        for (const n of HOSTILE) expect(o.property(n), n).to.equal(model.get(n));
        // nothing reached the object itself, its class or Object.prototype
        expect(Object.keys(o).sort()).to.deep.equal(keysBefore);
        expect(Object.getPrototypeOf(o)).to.equal(Spy.prototype);
        expect(typeof o.event).to.equal('function');
        expect(o.objectName()).to.equal('');
        expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
        expect(typeof {}.toString).to.equal('function');
        expect(snapshotPrototype()).to.deep.equal(protoBefore);
        expect(Object.getOwnPropertyNames(QObject.prototype).sort()).to.deep.equal(qobjectProtoBefore);
        o.dispose();
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.log(`      dynamic properties: ${RUNS} runs, longest sequence ${longest} (seed ${SEED})`);
  });

  it('the declared property objectName is not shadowed by a dynamic one', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5 }), (v) => {
        const o = new QObject();
        expect(o.setProperty('objectName', v)).to.equal(true);
        expect(o.objectName()).to.equal(v);
        expect(o.dynamicPropertyNames()).to.deep.equal([]);
        o.dispose();
      }),
      { seed: SEED, numRuns: 50 },
    );
  });
});
