import { expect } from 'chai';
import { QObject, QPointer } from '../../src/core/index.js';

describe('QPointer', () => {
  describe('#swap()', () => {
    it('exchanges the guarded objects, which stay guarded', () => {
      const a = new QObject();
      const b = new QObject();
      const pa = new QPointer(a);
      const pb = new QPointer(b);
      pa.swap(pb);
      expect(pa.data()).to.equal(b);
      expect(pb.data()).to.equal(a);
      b.dispose();
      expect(pa.isNull()).to.equal(true);
      expect(pb.data()).to.equal(a);
      a.dispose();
    });

    it('swaps with a null pointer', () => {
      const a = new QObject();
      const pa = new QPointer(a);
      const empty = new QPointer<QObject>();
      pa.swap(empty);
      expect([pa.data(), empty.data()]).to.deep.equal([null, a]);
      a.dispose();
    });

    it('refuses a non-pointer and changes nothing', () => {
      const a = new QObject();
      const pa = new QPointer(a);
      expect(() => pa.swap(a as unknown as QPointer<QObject>)).to.throw(TypeError, /QPointer\.swap: other must be a QPointer, got QObject/);
      expect(pa.data()).to.equal(a);
      a.dispose();
    });
  });
});
