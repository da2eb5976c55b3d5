import { expect } from 'chai';
import { QSignalSpy } from '../../src/testlib/index.js';
import { QObject, Signal, QTimer } from '../../src/core/index.js';
import { coreHooks } from '../core/helpers.js';

class E extends QObject {
  readonly sig = new Signal<[a: number, b: string]>(this);
}

describe('QSignalSpy', () => {
  const st = coreHooks();

  it('records emissions as argument arrays', () => {
    const e = new E();
    const spy = new QSignalSpy(e.sig);
    expect(spy.isValid()).to.equal(true);
    expect(spy.signal()).to.equal('sig');
    e.sig.emit(1, 'a');
    e.sig.emit(2, 'b');
    expect(spy.count()).to.equal(2);
    expect(spy.length).to.equal(2);
    expect(spy.at(0)).to.deep.equal([1, 'a']);
    expect(spy.at(-1)).to.deep.equal([2, 'b']);
    expect([...spy]).to.deep.equal([[1, 'a'], [2, 'b']]);
    expect(spy.takeFirst()).to.deep.equal([1, 'a']);
    expect(spy.count()).to.equal(1);
    expect(() => spy.at(5)).to.throw(RangeError);
    spy.clear();
    expect(spy.isEmpty()).to.equal(true);
  });

  it('spies by object and name; unknown names make an invalid spy with a warning', () => {
    const e = new E();
    const spy = new QSignalSpy(e, 'sig');
    e.sig.emit(3, 'c');
    expect(spy.count()).to.equal(1);
    const bad = new QSignalSpy(e, 'nope');
    expect(bad.isValid()).to.equal(false);
    expect(st.messages).to.deep.equal(["QSignalSpy: No such signal: 'nope'"]);
  });

  it('wait() resolves true on emission, false on timeout', async () => {
    const e = new E();
    const spy = new QSignalSpy(e.sig);
    QTimer.singleShot(2, () => e.sig.emit(1, 'x'));
    expect(await spy.wait(1000)).to.equal(true);
    expect(spy.count()).to.equal(1);
    expect(await spy.wait(5)).to.equal(false);
  });

  it('dispose() disconnects', () => {
    const e = new E();
    const spy = new QSignalSpy(e.sig);
    spy.dispose();
    e.sig.emit(1, 'a');
    expect(spy.count()).to.equal(0);
    expect(e.receivers('sig')).to.equal(0);
  });
});
