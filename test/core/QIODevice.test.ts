// SPDX-License-Identifier: MIT
// QIODevice over two small subclasses: a sequential pipe and a random-access memory file.
import { expect } from 'chai';
import { QIODevice, qInstallMessageHandler } from '../../src/index.js';

/** A sequential device: bytes written come back when read (a pipe). */
class Pipe extends QIODevice {
  data: Buffer = Buffer.alloc(0);
  reads: number[] = [];
  override isSequential(): boolean {
    return true;
  }
  override bytesAvailable(): number {
    return super.bytesAvailable() + this.data.length;
  }
  /** Makes bytes available for reading. */
  feed(s: string): void {
    this.data = Buffer.concat([this.data, Buffer.from(s, 'latin1')]);
  }
  fail(msg: string): void {
    this.setErrorString(msg);
  }
  protected override readData(maxSize: number): Buffer | null {
    this.reads.push(maxSize);
    const out = this.data.subarray(0, maxSize);
    this.data = this.data.subarray(out.length);
    return Buffer.from(out);
  }
  protected override writeData(data: Buffer): number {
    this.feed(data.toString('latin1'));
    return data.length;
  }
}

/** A random-access device over a Buffer. */
class MemFile extends QIODevice {
  store: Buffer;
  constructor(s: string) {
    super();
    this.store = Buffer.from(s, 'latin1');
  }
  override size(): number {
    return this.store.length;
  }
  protected override readData(maxSize: number): Buffer | null {
    const p = this.pos();
    return Buffer.from(this.store.subarray(p, p + maxSize));
  }
  protected override writeData(data: Buffer): number {
    const p = this.pos();
    const grown = Buffer.alloc(Math.max(this.store.length, p + data.length));
    this.store.copy(grown);
    data.copy(grown, p);
    this.store = grown;
    return data.length;
  }
}

function withWarnings<T>(fn: () => T): [T, string[]] {
  const msgs: string[] = [];
  const prev = qInstallMessageHandler((_t, _c, m) => {
    msgs.push(m);
  });
  try {
    return [fn(), msgs];
  } finally {
    qInstallMessageHandler(prev);
  }
}

describe('QIODevice', function () {
  it('has Qt\'s OpenModeFlag values, scoped and unscoped', function () {
    const v = { NotOpen: 0, ReadOnly: 1, WriteOnly: 2, ReadWrite: 3, Append: 4, Truncate: 8, Text: 16, Unbuffered: 32, NewOnly: 64, ExistingOnly: 128 }; // PyQt5 5.15: int(QIODevice.NewOnly) == 64
    expect(QIODevice.OpenModeFlag).to.deep.equal(v);
    for (const [k, n] of Object.entries(v)) expect((QIODevice as unknown as Record<string, number>)[k]).to.equal(n);
  });

  describe('#open() / #close()', function () {
    it('tracks the open mode and emits aboutToClose only when open (IO-9)', function () {
      const d = new Pipe();
      let about = 0;
      d.aboutToClose.connect(() => about++);
      expect(d.isOpen()).to.equal(false);
      d.close();
      expect(about).to.equal(0);
      expect(d.open(QIODevice.ReadOnly)).to.equal(true);
      expect(d.isOpen()).to.equal(true);
      expect(d.isReadable()).to.equal(true);
      expect(d.isWritable()).to.equal(false);
      expect(d.openMode()).to.equal(QIODevice.ReadOnly);
      expect(d.readChannelCount()).to.equal(1);
      expect(d.writeChannelCount()).to.equal(0);
      d.close();
      expect(about).to.equal(1);
      expect(d.isOpen()).to.equal(false);
      expect(d.openMode()).to.equal(QIODevice.NotOpen);
      d.dispose();
    });

    it('open() clears the error string', function () {
      const d = new Pipe();
      expect(d.errorString()).to.equal('Unknown error');
      d.fail('broken');
      expect(d.errorString()).to.equal('broken');
      d.open(QIODevice.ReadWrite);
      expect(d.errorString()).to.equal('Unknown error');
      d.dispose();
    });

    it('rejects a bad mode', function () {
      const d = new Pipe();
      expect(() => d.open(-1)).to.throw(TypeError, /Pipe\.open: mode/);
      d.dispose();
    });
  });

  // PyQt5 5.15 (QBuffer): setTextModeEnabled takes a bool or an int (by truth value: 2 and -1 set
  // Text) and raises TypeError for a str, None or float; setCurrentReadChannel raises TypeError
  // for a str or None.
  it('checks the types of setTextModeEnabled and the channel setters as PyQt5 does, changing nothing', function () {
    const d = new Pipe();
    d.open(QIODevice.ReadOnly);
    d.setTextModeEnabled(2 as never);
    expect(d.isTextModeEnabled()).to.equal(true);
    d.setTextModeEnabled(0 as never);
    expect(d.isTextModeEnabled()).to.equal(false);
    for (const bad of ['abc', null, 1.5, {}]) {
      expect(() => d.setTextModeEnabled(bad as never)).to.throw(TypeError, /Pipe\.setTextModeEnabled: enabled must be a boolean/);
    }
    expect(d.openMode()).to.equal(QIODevice.ReadOnly);
    expect(() => d.setCurrentReadChannel('a' as never)).to.throw(TypeError, /setCurrentReadChannel: channel must be 0, got "a"/);
    expect(() => d.setCurrentWriteChannel(Symbol('x') as never)).to.throw(TypeError, /setCurrentWriteChannel: channel must be 0, got symbol/);
    expect(() => d.setCurrentReadChannel(1)).to.throw(RangeError);
    expect(() => d.read(2 ** 60)).to.throw(RangeError, /Pipe\.read: maxSize must be a non-negative integer, got 1152921504606847000/);
  });

  describe('misuse warnings', function () {
    it('reading or writing a closed device warns with Qt\'s text', function () {
      const d = new Pipe();
      const [r, msgs] = withWarnings(() => [d.read(1), d.readAll().length, d.peek(1).length, d.write('x')]);
      expect(r).to.deep.equal([null, 0, 0, -1]);
      expect(msgs).to.deep.equal([
        'QIODevice::read (Pipe): device not open',
        'QIODevice::read (Pipe): device not open',
        'QIODevice::peek (Pipe): device not open',
        'QIODevice::write (Pipe): device not open',
      ]);
      d.dispose();
    });

    it('names the object when it has a name, and the wrong direction', function () {
      const d = new Pipe();
      d.setObjectName('pipe1');
      d.open(QIODevice.ReadOnly);
      const [, msgs] = withWarnings(() => d.write('x'));
      expect(msgs).to.deep.equal(['QIODevice::write (Pipe, "pipe1"): ReadOnly device']);
      d.close();
      d.open(QIODevice.WriteOnly);
      const [, msgs2] = withWarnings(() => d.read(3));
      expect(msgs2).to.deep.equal(['QIODevice::read (Pipe, "pipe1"): WriteOnly device']);
      d.dispose();
    });

    it('seek() on a sequential device warns and fails', function () {
      const d = new Pipe();
      d.open(QIODevice.ReadOnly);
      const [r, msgs] = withWarnings(() => d.seek(1));
      expect(r).to.equal(false);
      expect(msgs).to.deep.equal(['QIODevice::seek (Pipe): Cannot call seek on a sequential device']);
      d.dispose();
    });

    it('bad sizes throw RangeError / TypeError', function () {
      const d = new Pipe();
      d.open(QIODevice.ReadOnly);
      expect(() => d.read(-1)).to.throw(RangeError, /Pipe\.read: maxSize/);
      // PyQt5 5.15: QBuffer().peek(1.5) raises TypeError (a fraction is no qint64)
      expect(() => d.peek(0.5)).to.throw(TypeError, /Pipe\.peek: maxSize/);
      expect(() => d.read('3' as unknown as number)).to.throw(TypeError, /maxSize/);
      expect(() => d.write(3 as unknown as string)).to.throw(TypeError, /Pipe\.write: data/);
      d.dispose();
    });
  });

  describe('reading a sequential device', function () {
    let d: Pipe;
    beforeEach(function () {
      d = new Pipe();
      d.open(QIODevice.ReadWrite);
    });
    afterEach(function () {
      d.dispose();
    });

    it('read(), readAll(), bytesAvailable(), atEnd()', function () {
      d.feed('hello world');
      expect(d.bytesAvailable()).to.equal(11);
      expect(d.atEnd()).to.equal(false);
      expect(d.read(5)!.toString()).to.equal('hello');
      expect(d.readAll().toString()).to.equal(' world');
      expect(d.atEnd()).to.equal(true);
      expect(d.read(5)!.length).to.equal(0);
      expect(d.pos()).to.equal(0);
    });

    it('buffered reads fill the internal buffer in 16 KiB chunks', function () {
      d.feed('abcdef');
      expect(d.read(2)!.toString()).to.equal('ab');
      expect(d.reads[0]).to.equal(16384);
      expect(d.bytesAvailable()).to.equal(4);
      expect(d.read(10)!.toString()).to.equal('cdef');
    });

    it('peek() does not consume', function () {
      d.feed('abc');
      expect(d.peek(2).toString()).to.equal('ab');
      expect(d.peek(5).toString()).to.equal('abc');
      expect(d.read(5)!.toString()).to.equal('abc');
    });

    it('readLine() and canReadLine()', function () {
      d.feed('one\ntwo\nthree');
      expect(d.canReadLine()).to.equal(false); // nothing buffered yet
      d.peek(1);
      expect(d.canReadLine()).to.equal(true);
      expect(d.readLine()!.toString()).to.equal('one\n');
      expect(d.readLine(3)!.toString()).to.equal('tw'); // maxSize counts the terminator, as in Qt
      expect(d.readLine()!.toString()).to.equal('o\n');
      expect(d.readLine()!.toString()).to.equal('three');
      expect(d.readLine()!.length).to.equal(0);
      const [r, msgs] = withWarnings(() => d.readLine(1));
      expect(r).to.equal(null);
      expect(msgs).to.deep.equal(['QIODevice::readLine (Pipe): Called with maxSize < 2']);
    });

    it('getChar(), ungetChar(), putChar(), skip()', function () {
      d.feed('xy');
      expect(d.getChar()).to.deep.equal([true, Buffer.from('x')]);
      d.ungetChar('q');
      d.ungetChar(0x70);
      expect(d.read(3)!.toString()).to.equal('pqy');
      expect(d.getChar()[0]).to.equal(false);
      expect(d.putChar('z')).to.equal(true);
      expect(d.putChar(0x41)).to.equal(true);
      expect(d.skip(1)).to.equal(1);
      expect(d.read(5)!.toString()).to.equal('A');
      expect(() => d.putChar('ab')).to.throw(RangeError, /one byte/);
      expect(() => d.ungetChar(300)).to.throw(RangeError, /0\.\.255/);
    });

    it('transactions keep the data until commit, or replay it after rollback', function () {
      d.feed('abcdef');
      d.startTransaction();
      expect(d.isTransactionStarted()).to.equal(true);
      expect(d.read(3)!.toString()).to.equal('abc');
      d.rollbackTransaction();
      expect(d.read(2)!.toString()).to.equal('ab');
      d.startTransaction();
      expect(d.read(2)!.toString()).to.equal('cd');
      d.commitTransaction();
      expect(d.readAll().toString()).to.equal('ef');
      const [, msgs] = withWarnings(() => d.commitTransaction());
      expect(msgs).to.deep.equal(['QIODevice::commitTransaction (Pipe): Called while no transaction in progress']);
    });

    it('Text mode reads \\r\\n as \\n', function () {
      d.setTextModeEnabled(true);
      expect(d.isTextModeEnabled()).to.equal(true);
      d.feed('a\r\nb\r\n');
      expect(d.readAll().toString()).to.equal('a\nb\n');
      d.feed('line\r\nrest');
      expect(d.readLine()!.toString()).to.equal('line\n');
    });

    it('readData(0) is called after the buffer is drained (the re-arm hint sockets use)', function () {
      d.feed('ab');
      d.peek(1);
      d.reads.length = 0;
      d.read(2);
      expect(d.reads).to.include(0);
    });

    it('waitFor...() of the base class return false', function () {
      expect(d.waitForReadyRead(1)).to.equal(false);
      expect(d.waitForBytesWritten(1)).to.equal(false);
      expect(d.bytesToWrite()).to.equal(0);
    });
  });

  describe('a random-access device', function () {
    it('reads, seeks, writes and reports atEnd()', function () {
      const f = new MemFile('0123456789');
      f.open(QIODevice.ReadWrite);
      expect(f.isSequential()).to.equal(false);
      expect(f.read(3)!.toString()).to.equal('012');
      expect(f.pos()).to.equal(3);
      expect(f.seek(7)).to.equal(true);
      expect(f.readAll().toString()).to.equal('789');
      expect(f.atEnd()).to.equal(true);
      expect(f.reset()).to.equal(true);
      expect(f.write('ab')).to.equal(2);
      expect(f.pos()).to.equal(2);
      expect(f.readAll().toString()).to.equal('23456789');
      f.seek(0);
      expect(f.peek(4).toString()).to.equal('ab23');
      expect(f.pos()).to.equal(0);
      const [r, msgs] = withWarnings(() => f.seek(-1));
      expect(r).to.equal(false);
      expect(msgs).to.deep.equal(['QIODevice::seek: Invalid pos: -1']);
      f.dispose();
    });
  });
});
