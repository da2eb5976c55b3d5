// SPDX-License-Identifier: MIT
/**
 * QIODevice: the base class of tsqt's I/O devices (QAbstractSocket, QUdpSocket).
 *
 * @packageDocumentation
 */
import { Buffer } from 'node:buffer';
import { QObject } from './QObject.js';
import type { Signal } from './Signal.js';
import { qWarning } from './qlogging.js';
import { declareClass, lazySignal, peekSignal, qtClassName } from './private/internals.js';
import { describeQuoted as describe } from './private/describe.js';
import { checkBool, checkSize, isSize } from './private/args.js';

/**
 * Qt's `QIODevice::OpenModeFlag` values: how a device is opened. Flags combine with `|`.
 *
 * @see {@link https://doc.qt.io/qt-6/qiodevicebase.html#OpenModeFlag-enum | QIODeviceBase::OpenModeFlag in Qt 6}
 * @enum
 */
export const OpenModeFlag = {
  /** The device is not open. */
  NotOpen: 0x0000,
  /** The device is open for reading. */
  ReadOnly: 0x0001,
  /** The device is open for writing. */
  WriteOnly: 0x0002,
  /** The device is open for reading and writing (`ReadOnly | WriteOnly`). */
  ReadWrite: 0x0003,
  /** Writes append to the end of the device (files). */
  Append: 0x0004,
  /** The device is truncated when opened (files). */
  Truncate: 0x0008,
  /** Line ends are translated: `\r\n` is read as `\n`. */
  Text: 0x0010,
  /** Any buffering in the device is bypassed (sockets opened by connectToHost use it). */
  Unbuffered: 0x0020,
  /** Fail if the device already exists (files). */
  NewOnly: 0x0040,
  /** Fail if the device does not exist (files). */
  ExistingOnly: 0x0080,
} as const;

/** One of the {@link OpenModeFlag} values. */
export type OpenModeFlag = (typeof OpenModeFlag)[keyof typeof OpenModeFlag];

/** A combination of {@link OpenModeFlag} values (Qt's `QIODevice::OpenMode`). */
export type OpenMode = number;

/** Qt's QIODEVICE_BUFFERSIZE: the chunk size of buffered reads and of readAll(). */
const CHUNK = 16384;
const EMPTY = Buffer.alloc(0);

/** The read buffer: a queue of byte chunks (Qt's QRingBuffer, simplified). */
class ByteQueue {
  chunks: Buffer[] = [];
  /** Offset of the first unread byte in chunks[0]. */
  head = 0;
  size = 0;

  clear(): void {
    this.chunks.length = 0;
    this.head = 0;
    this.size = 0;
  }

  append(b: Buffer): void {
    if (b.length === 0) return;
    this.chunks.push(b);
    this.size += b.length;
  }

  /** Copies up to `n` bytes starting `offset` bytes in, without consuming. */
  peek(n: number, offset: number): Buffer {
    const want = Math.min(n, this.size - offset);
    if (want <= 0) return EMPTY;
    const out = Buffer.allocUnsafe(want);
    let skip = this.head + offset;
    let done = 0;
    for (const c of this.chunks) {
      if (skip >= c.length) {
        skip -= c.length;
        continue;
      }
      const take = Math.min(c.length - skip, want - done);
      c.copy(out, done, skip, skip + take);
      done += take;
      skip = 0;
      if (done === want) break;
    }
    return out;
  }

  /** Removes and returns up to `n` bytes. */
  read(n: number): Buffer {
    const out = this.peek(n, 0);
    this.free(out.length);
    return out;
  }

  /** Drops `n` bytes from the front. */
  free(n: number): void {
    let left = Math.min(n, this.size);
    this.size -= left;
    while (left > 0) {
      const c = this.chunks[0]!;
      const avail = c.length - this.head;
      if (left >= avail) {
        this.chunks.shift();
        this.head = 0;
        left -= avail;
      } else {
        this.head += left;
        left = 0;
      }
    }
  }

  /** Puts one byte back at the front. */
  ungetChar(c: number): void {
    if (this.head > 0 && this.chunks.length > 0) {
      // chunks may be shared with callers: never write into them
      const first = this.chunks[0]!;
      this.chunks[0] = Buffer.concat([Buffer.of(c), first.subarray(this.head)]);
      this.head = 0;
    } else {
      this.chunks.unshift(Buffer.of(c));
    }
    this.size += 1;
  }

  /** Index (from the front) of the first `byte` at or after `offset`, looking at most up to `maxLen`; -1 if none. */
  indexOf(byte: number, maxLen: number, offset: number): number {
    const end = Math.min(maxLen, this.size);
    let base = 0;
    let first = true;
    for (const c of this.chunks) {
      const start = first ? this.head : 0;
      const len = c.length - start;
      first = false;
      if (base + len <= offset) {
        base += len;
        continue;
      }
      const from = start + Math.max(0, offset - base);
      const to = start + Math.min(len, end - base);
      if (from < to) {
        const i = c.indexOf(byte, from);
        if (i >= 0 && i < to) return base + (i - start);
      }
      base += len;
      if (base >= end) break;
    }
    return -1;
  }
}

/**
 * Converts a data argument (`Uint8Array` or a string, sent as UTF-8) to a Buffer without copying bytes.
 * @internal
 */
export function toBytes(where: string, name: string, v: unknown): Buffer {
  if (v instanceof Buffer) return v;
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (typeof v === 'string') return Buffer.from(v, 'utf8');
  throw new TypeError(`${where}: ${name} must be a Uint8Array or a string, got ${describe(v)}`);
}

function toByte(where: string, c: unknown): number {
  if (typeof c === 'number') {
    if (!Number.isInteger(c) || c < 0 || c > 255) throw new RangeError(`${where}: c must be a byte value in 0..255, got ${c}`);
    return c;
  }
  if (typeof c === 'string' || c instanceof Uint8Array) {
    const b = toBytes(where, 'c', c);
    if (b.length !== 1) throw new RangeError(`${where}: c must be exactly one byte, got ${b.length}`);
    return b[0]!;
  }
  throw new TypeError(`${where}: c must be a byte (number, one-byte string or Uint8Array), got ${describe(c)}`);
}

/** Access to QIODevice's private error string for QAbstractSocket (same module family). @internal */
export let ioSetErrorString: (d: QIODevice, s: string) => void;
/** Clears QIODevice's read buffer (QAbstractSocket's teardown). @internal */
export let ioClearBuffer: (d: QIODevice) => void;
/** Sets the open mode without the checks and side effects of open()/close(). @internal */
export let ioSetOpenMode: (d: QIODevice, m: number) => void;

/**
 * The base class of I/O devices: a byte stream that can be opened for reading and/or writing,
 * with an internal read buffer, Qt's signals, and Qt's warnings for misuse.
 *
 * Subclasses implement {@link QIODevice.readData} and {@link QIODevice.writeData} (and usually
 * {@link QIODevice.isSequential}, {@link QIODevice.bytesAvailable}); everything else is built on
 * them, as in Qt.
 *
 * ```ts
 * class Echo extends QIODevice {
 *   #data: Buffer[] = [];
 *   override isSequential(): boolean { return true; }
 *   protected override readData(maxSize: number): Buffer | null { return this.#data.shift()?.subarray(0, maxSize) ?? Buffer.alloc(0); }
 *   protected override writeData(data: Buffer): number { this.#data.push(Buffer.from(data)); return data.length; }
 * }
 * ```
 *
 * #### Differences from Qt
 * - Reads return a `Buffer` (PyQt's `bytes`), or `null` where Qt returns -1 (PyQt's `None`);
 *   `readAll()` and `peek()` never return `null`.
 * - `readData(maxSize)` returns the bytes read (a `Buffer`, empty for none) or `null` for an error;
 *   `writeData(data)` receives a `Buffer`.
 * - `getChar()` returns PyQt's pair `[ok, byte]`.
 * - A negative or non-integer size throws a `RangeError` (Qt warns "Called with maxSize < 0").
 * - Multiple read/write channels exist only as Qt's channel-0 defaults (`currentReadChannel()` etc.).
 *
 * @category Core
 * @see {@link https://doc.qt.io/qt-6/qiodevice.html | QIODevice in Qt 6}
 */
export class QIODevice extends QObject {
  /**
   * Qt's `QIODevice::OpenModeFlag` values (the same object as the exported `OpenModeFlag`).
   * @see {@link https://doc.qt.io/qt-6/qiodevicebase.html#OpenModeFlag-enum | QIODeviceBase::OpenModeFlag in Qt 6}
   */
  static readonly OpenModeFlag = OpenModeFlag;
  /** {@inheritDoc OpenModeFlag.NotOpen} */
  static readonly NotOpen = OpenModeFlag.NotOpen;
  /** {@inheritDoc OpenModeFlag.ReadOnly} */
  static readonly ReadOnly = OpenModeFlag.ReadOnly;
  /** {@inheritDoc OpenModeFlag.WriteOnly} */
  static readonly WriteOnly = OpenModeFlag.WriteOnly;
  /** {@inheritDoc OpenModeFlag.ReadWrite} */
  static readonly ReadWrite = OpenModeFlag.ReadWrite;
  /** {@inheritDoc OpenModeFlag.Append} */
  static readonly Append = OpenModeFlag.Append;
  /** {@inheritDoc OpenModeFlag.Truncate} */
  static readonly Truncate = OpenModeFlag.Truncate;
  /** {@inheritDoc OpenModeFlag.Text} */
  static readonly Text = OpenModeFlag.Text;
  /** {@inheritDoc OpenModeFlag.Unbuffered} */
  static readonly Unbuffered = OpenModeFlag.Unbuffered;
  /** {@inheritDoc OpenModeFlag.NewOnly} */
  static readonly NewOnly = OpenModeFlag.NewOnly;
  /** {@inheritDoc OpenModeFlag.ExistingOnly} */
  static readonly ExistingOnly = OpenModeFlag.ExistingOnly;

  static {
    declareClass(QIODevice, {
      name: 'QIODevice',
      base: QObject,
      signals: [
        'readyRead()',
        'channelReadyRead(int channel)',
        'bytesWritten(qlonglong bytes)',
        'channelBytesWritten(int channel,qlonglong bytes)',
        'aboutToClose()',
        'readChannelFinished()',
      ],
      slots: [],
    });
    ioSetErrorString = (d, s) => {
      d.#errorString = s;
    };
    ioClearBuffer = (d) => {
      d.#buffer.clear();
      d.#transactionPos = 0;
    };
    ioSetOpenMode = (d, m) => {
      d.#openMode = m;
    };
  }

  #openMode: number = OpenModeFlag.NotOpen;
  #errorString = '';
  #buffer = new ByteQueue();
  #pos = 0;
  #devicePos = 0;
  #transactionStarted = false;
  #transactionPos = 0;
  #baseReadLineDataCalled = false;
  #readChannelCount = 0;
  #writeChannelCount = 0;

  /**
   * Creates a closed device.
   * @param parent - the QObject parent, or null
   */
  constructor(parent: QObject | null = null) {
    super(parent);
  }

  // ---- signals -------------------------------------------------------------------------------

  /**
   * Emitted once every time new data is available for reading. Not emitted recursively: while a
   * readyRead slot runs, new data does not emit it again for the same device.
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#readyRead | readyRead in Qt 6}
   */
  get readyRead(): Signal<[]> {
    return lazySignal<[]>(this, 'readyRead');
  }

  /**
   * Emitted when new data is available on read channel `channel` (may be emitted recursively).
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#channelReadyRead | channelReadyRead in Qt 6}
   */
  get channelReadyRead(): Signal<[channel: number]> {
    return lazySignal<[number]>(this, 'channelReadyRead');
  }

  /**
   * Emitted when a payload of data was written to the device; the argument is the byte count.
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#bytesWritten | bytesWritten in Qt 6}
   */
  get bytesWritten(): Signal<[bytes: number]> {
    return lazySignal<[number]>(this, 'bytesWritten');
  }

  /**
   * Emitted when data was written on write channel `channel`.
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#channelBytesWritten | channelBytesWritten in Qt 6}
   */
  get channelBytesWritten(): Signal<[channel: number, bytes: number]> {
    return lazySignal<[number, number]>(this, 'channelBytesWritten');
  }

  /**
   * Emitted by close() when the device is about to close (only if it was open).
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#aboutToClose | aboutToClose in Qt 6}
   */
  get aboutToClose(): Signal<[]> {
    return lazySignal<[]>(this, 'aboutToClose');
  }

  /**
   * Emitted when the input (read) stream of the device has been closed.
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#readChannelFinished | readChannelFinished in Qt 6}
   */
  get readChannelFinished(): Signal<[]> {
    return lazySignal<[]>(this, 'readChannelFinished');
  }

  // ---- opening and closing -----------------------------------------------------------------

  /**
   * Opens the device with `mode`, resetting the position, the buffer and the error string.
   * @param mode - a combination of {@link OpenModeFlag} values
   * @returns true
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#open | open in Qt 6}
   */
  open(mode: OpenMode): boolean {
    if (typeof mode !== 'number' || !Number.isInteger(mode) || mode < 0 || mode > 0xff) {
      throw new TypeError(`${this.#cls()}.open: mode must be an OpenMode flag combination, got ${describe(mode)}`);
    }
    this.#openMode = mode;
    this.#pos = (mode & OpenModeFlag.Append) !== 0 ? this.size() : 0;
    this.#buffer.clear();
    this.#transactionStarted = false;
    this.#transactionPos = 0;
    this.#readChannelCount = (mode & OpenModeFlag.ReadOnly) !== 0 ? 1 : 0;
    this.#writeChannelCount = (mode & OpenModeFlag.WriteOnly) !== 0 ? 1 : 0;
    this.#errorString = '';
    return true;
  }

  /**
   * Emits aboutToClose() and closes the device (open mode NotOpen). Does nothing if not open.
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#close | close in Qt 6}
   */
  close(): void {
    if (this.#openMode === OpenModeFlag.NotOpen) return;
    peekSignal<[]>(this, 'aboutToClose')?.emit();
    this.#openMode = OpenModeFlag.NotOpen;
    this.#pos = 0;
    this.#transactionStarted = false;
    this.#transactionPos = 0;
    this.#readChannelCount = 0;
    this.#writeChannelCount = 0;
  }

  /**
   * @returns true if the device is open (open mode is not NotOpen)
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#isOpen | isOpen in Qt 6}
   */
  isOpen(): boolean {
    return this.#openMode !== OpenModeFlag.NotOpen;
  }

  /**
   * @returns the mode the device was opened with
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#openMode | openMode in Qt 6}
   */
  openMode(): OpenMode {
    return this.#openMode;
  }

  /**
   * Sets the open mode without opening or closing anything (for subclasses).
   * @param mode - the new mode
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#setOpenMode | setOpenMode in Qt 6}
   */
  protected setOpenMode(mode: OpenMode): void {
    this.#openMode = mode;
  }

  /**
   * @returns true if the device is open for reading
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#isReadable | isReadable in Qt 6}
   */
  isReadable(): boolean {
    return (this.#openMode & OpenModeFlag.ReadOnly) !== 0;
  }

  /**
   * @returns true if the device is open for writing
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#isWritable | isWritable in Qt 6}
   */
  isWritable(): boolean {
    return (this.#openMode & OpenModeFlag.WriteOnly) !== 0;
  }

  /**
   * @returns true for a sequential (stream) device; false (random access) by default
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#isSequential | isSequential in Qt 6}
   */
  isSequential(): boolean {
    return false;
  }

  /**
   * @returns true if the device is open in Text mode
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#isTextModeEnabled | isTextModeEnabled in Qt 6}
   */
  isTextModeEnabled(): boolean {
    return (this.#openMode & OpenModeFlag.Text) !== 0;
  }

  /**
   * Turns the Text flag on or off (the device must be open; Qt warns otherwise).
   * @param enabled - true to translate `\r\n` to `\n` on reads (an integer counts by its truth
   *   value, as PyQt5 takes it)
   * @throws TypeError when `enabled` is neither a boolean nor an integer (PyQt5: TypeError)
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#setTextModeEnabled | setTextModeEnabled in Qt 6}
   */
  setTextModeEnabled(enabled: boolean): void {
    const on = checkBool(`${this.#cls()}.setTextModeEnabled`, 'enabled', enabled);
    if (!this.isOpen()) {
      this.#warn('setTextModeEnabled', 'The device is not open');
      return;
    }
    if (on) this.#openMode |= OpenModeFlag.Text;
    else this.#openMode &= ~OpenModeFlag.Text;
  }

  // ---- errors --------------------------------------------------------------------------------

  /**
   * @returns a description of the last error, or "Unknown error"
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#errorString | errorString in Qt 6}
   */
  errorString(): string {
    return this.#errorString === '' ? 'Unknown error' : this.#errorString;
  }

  /**
   * Sets the text errorString() returns (for subclasses).
   * @param str - the description
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#setErrorString | setErrorString in Qt 6}
   */
  protected setErrorString(str: string): void {
    this.#errorString = String(str);
  }

  // ---- positions -----------------------------------------------------------------------------

  /**
   * @returns the read/write position (always 0 for sequential devices)
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#pos | pos in Qt 6}
   */
  pos(): number {
    return this.#pos;
  }

  /**
   * @returns the size of a random-access device; bytesAvailable() for a sequential one
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#size | size in Qt 6}
   */
  size(): number {
    return this.isSequential() ? this.bytesAvailable() : 0;
  }

  /**
   * Moves the position of a random-access device (subclasses call this first).
   * @param pos - the new position
   * @returns false for sequential or closed devices (with Qt's warning), true otherwise
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#seek | seek in Qt 6}
   */
  seek(pos: number): boolean {
    if (this.isSequential()) {
      this.#warn('seek', 'Cannot call seek on a sequential device');
      return false;
    }
    if (this.#openMode === OpenModeFlag.NotOpen) {
      this.#warn('seek', 'The device is not open');
      return false;
    }
    if (typeof pos !== 'number' || !Number.isInteger(pos) || pos < 0) {
      qWarning(`QIODevice::seek: Invalid pos: ${pos}`);
      return false;
    }
    this.#devicePos = pos;
    this.#seekBuffer(pos);
    return true;
  }

  #seekBuffer(newPos: number): void {
    const offset = newPos - this.#pos;
    this.#pos = newPos;
    if (offset < 0 || offset >= this.#buffer.size) this.#buffer.clear();
    else this.#buffer.free(offset);
  }

  /**
   * Seeks to the start (random-access devices).
   * @returns whether the seek succeeded
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#reset | reset in Qt 6}
   */
  reset(): boolean {
    return this.seek(0);
  }

  /**
   * @returns true when nothing more can be read now (closed, or buffer empty and bytesAvailable() 0)
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#atEnd | atEnd in Qt 6}
   */
  atEnd(): boolean {
    return this.#openMode === OpenModeFlag.NotOpen || (this.#bufferEmpty() && this.bytesAvailable() === 0);
  }

  #bufferEmpty(): boolean {
    return this.#buffer.size === 0 || (this.#transactionStarted && this.isSequential() && this.#transactionPos === this.#buffer.size);
  }

  /**
   * @returns the number of bytes that can be read without blocking (the internal buffer; subclasses add theirs)
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#bytesAvailable | bytesAvailable in Qt 6}
   */
  bytesAvailable(): number {
    if (!this.isSequential()) return Math.max(this.size() - this.#pos, 0);
    return this.#buffer.size - this.#transactionPos;
  }

  /**
   * @returns the number of bytes waiting to be written (0: tsqt devices write through)
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#bytesToWrite | bytesToWrite in Qt 6}
   */
  bytesToWrite(): number {
    return 0;
  }

  // ---- reading -------------------------------------------------------------------------------

  /**
   * Reads at most `maxSize` bytes.
   * @param maxSize - the maximum number of bytes to read
   * @returns the bytes read (empty when nothing is available), or null on error (Qt's -1; PyQt's None)
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#read | read in Qt 6}
   */
  read(maxSize: number): Buffer | null {
    if (!isSize(maxSize)) checkSize(`${this.#cls()}.read`, 'maxSize', maxSize);
    if (!this.#checkReadable('read')) return null;
    const sequential = this.isSequential();
    if (maxSize === 1 && !(sequential && this.#transactionStarted)) {
      // getChar() shortcut
      while (this.#buffer.size > 0) {
        const c = this.#buffer.read(1);
        if (!sequential) ++this.#pos;
        if (c[0] === 0x0d && (this.#openMode & OpenModeFlag.Text) !== 0) continue;
        if (this.#buffer.size === 0) this.readData(0);
        return c;
      }
    }
    return this.#read(maxSize, false);
  }

  /** Qt's QIODevicePrivate::read(): buffer first, then the device. */
  #read(maxSize: number, peeking: boolean): Buffer | null {
    const buffered = (this.#openMode & OpenModeFlag.Unbuffered) === 0;
    const sequential = this.isSequential();
    const keep = sequential ? peeking || this.#transactionStarted : peeking && buffered;
    const text = (this.#openMode & OpenModeFlag.Text) !== 0;
    const savedPos = this.#pos;
    let parts: Buffer[] | null = null;
    let single: Buffer = EMPTY;
    let readSoFar = 0;
    let madeBufferReadsOnly = true;
    let deviceAtEof = false;
    let bufferPos = sequential && this.#transactionStarted ? this.#transactionPos : 0;
    const add = (b: Buffer): void => {
      if (b.length === 0) return;
      if (text) {
        let stripped = 0;
        if (b.includes(0x0d)) {
          const kept = Buffer.from(b.filter((x) => x !== 0x0d));
          stripped = b.length - kept.length;
          b = kept;
        }
        maxSize += stripped;
      }
      if (b.length === 0) return;
      if (readSoFar === 0) single = b;
      else (parts ??= [single]).push(b);
      readSoFar += b.length;
    };
    for (;;) {
      const chunk = keep ? this.#buffer.peek(maxSize, bufferPos) : this.#buffer.read(maxSize);
      if (chunk.length > 0) {
        bufferPos += chunk.length;
        if (!sequential) this.#pos += chunk.length;
        maxSize -= chunk.length;
        add(chunk);
      }
      if (maxSize > 0 && !deviceAtEof) {
        let fromDevice = 0;
        if (sequential || this.#pos === this.#devicePos || this.seek(this.#pos)) {
          madeBufferReadsOnly = false;
          if ((!buffered || maxSize >= CHUNK) && !keep) {
            const d = this.readData(maxSize);
            fromDevice = d === null ? -1 : d.length;
            deviceAtEof = fromDevice !== maxSize;
            if (d !== null && d.length > 0) {
              maxSize -= d.length;
              if (!sequential) {
                this.#pos += d.length;
                this.#devicePos += d.length;
              }
              add(d);
            }
          } else {
            const toBuffer = !buffered && maxSize < CHUNK ? maxSize : CHUNK;
            const d = this.readData(toBuffer);
            fromDevice = d === null ? -1 : d.length;
            deviceAtEof = fromDevice !== toBuffer;
            if (d !== null && d.length > 0) {
              this.#buffer.append(d);
              if (!sequential) this.#devicePos += d.length;
              continue;
            }
          }
        } else {
          fromDevice = -1;
        }
        if (fromDevice < 0 && readSoFar === 0) return null;
        if (text && maxSize > 0 && fromDevice > 0 && !deviceAtEof) continue;
      }
      break;
    }
    if (keep) {
      if (peeking) this.#pos = savedPos;
      else this.#transactionPos = bufferPos;
    } else if (peeking) {
      this.#seekBuffer(savedPos);
    }
    if (madeBufferReadsOnly && this.#bufferEmpty()) this.readData(0);
    if (parts === null) return single;
    return Buffer.concat(parts, readSoFar);
  }

  /**
   * Reads everything available now (for a socket: datagram after datagram, in 16 KiB chunks).
   * @returns the bytes (empty when nothing is available or on error)
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#readAll | readAll in Qt 6}
   */
  readAll(): Buffer {
    if (!this.#checkReadable('read')) return EMPTY;
    const sequential = this.isSequential();
    const size = sequential ? 0 : this.size();
    if (size === 0) {
      const parts: Buffer[] = [];
      let total = 0;
      let chunk = Math.max(CHUNK, sequential ? this.#buffer.size - this.#transactionPos : this.#buffer.size);
      for (;;) {
        const r = this.#read(chunk, false);
        if (r === null || r.length === 0) break;
        parts.push(r);
        total += r.length;
        chunk = CHUNK;
      }
      return parts.length === 1 ? parts[0]! : Buffer.concat(parts, total);
    }
    const r = this.#read(Math.max(size - this.#pos, 0), false);
    return r ?? EMPTY;
  }

  /**
   * Reads one line (up to and including `\n`).
   * @param maxSize - 0 (default): no limit; otherwise Qt's buffer size, so at most `maxSize - 1`
   *   bytes are read (as PyQt's `readLine(maxlen)`), and it must be at least 2
   * @returns the line (empty when nothing is available); null on error when `maxSize` is given
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#readLine | readLine in Qt 6}
   */
  readLine(maxSize = 0): Buffer | null {
    if (!isSize(maxSize)) checkSize(`${this.#cls()}.readLine`, 'maxSize', maxSize);
    if (maxSize === 0) {
      const r = this.#readLine(0x7fffffff);
      return r ?? EMPTY;
    }
    if (maxSize < 2) {
      this.#warn('readLine', 'Called with maxSize < 2');
      return null;
    }
    return this.#readLine(maxSize - 1);
  }

  /** Qt's readLine(char*, maxSize) with the terminator's byte already removed from `maxSize`. */
  #readLine(maxSize: number): Buffer | null {
    const sequential = this.isSequential();
    const keep = sequential && this.#transactionStarted;
    let head: Buffer = EMPTY;
    if (keep) {
      if (this.#transactionPos < this.#buffer.size) {
        const i = this.#buffer.indexOf(0x0a, this.#transactionPos + maxSize, this.#transactionPos);
        head = this.#buffer.peek(i >= 0 ? i - this.#transactionPos + 1 : maxSize, this.#transactionPos);
        this.#transactionPos += head.length;
        if (this.#transactionPos === this.#buffer.size) this.readData(0);
      }
    } else if (this.#buffer.size > 0) {
      const i = this.#buffer.indexOf(0x0a, maxSize, 0);
      head = this.#buffer.read(i >= 0 ? i + 1 : maxSize);
      if (this.#buffer.size === 0) this.readData(0);
      if (!sequential) this.#pos += head.length;
    }
    if (head.length > 0 && head[head.length - 1] === 0x0a) return this.#textLine(head);
    if (this.#pos !== this.#devicePos && !sequential && !this.seek(this.#pos)) return null;
    this.#baseReadLineDataCalled = false;
    const rest = keep ? this.#baseReadLineData(maxSize - head.length) : this.readLineData(maxSize - head.length);
    if (rest === null) return head.length > 0 ? head : null;
    if (!this.#baseReadLineDataCalled && !sequential) {
      this.#pos += rest.length;
      this.#devicePos = -1;
    }
    return this.#textLine(head.length === 0 ? rest : Buffer.concat([head, rest]));
  }

  #textLine(line: Buffer): Buffer {
    const n = line.length;
    if ((this.#openMode & OpenModeFlag.Text) !== 0 && n >= 2 && line[n - 1] === 0x0a && line[n - 2] === 0x0d) {
      return Buffer.concat([line.subarray(0, n - 2), Buffer.of(0x0a)]);
    }
    return line;
  }

  /**
   * Reads up to `maxSize` bytes of a line; the default reads one byte at a time with read(1).
   * Subclasses may override it with something faster.
   * @param maxSize - the maximum number of bytes
   * @returns the bytes read, or null on error
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#readLineData | readLineData in Qt 6}
   */
  protected readLineData(maxSize: number): Buffer | null {
    return this.#baseReadLineData(maxSize);
  }

  #baseReadLineData(maxSize: number): Buffer | null {
    this.#baseReadLineDataCalled = true;
    const out: number[] = [];
    let last: Buffer | null = EMPTY;
    while (out.length < maxSize) {
      last = this.read(1);
      if (last === null || last.length !== 1) break;
      out.push(last[0]!);
      if (last[0] === 0x0a) break;
    }
    if ((last === null || last.length !== 1) && out.length === 0) {
      if (last === null) return null;
      return this.isSequential() ? EMPTY : null;
    }
    return Buffer.from(out);
  }

  /**
   * @returns true if a complete line is in the read buffer
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#canReadLine | canReadLine in Qt 6}
   */
  canReadLine(): boolean {
    return this.#buffer.indexOf(0x0a, this.#buffer.size, this.isSequential() ? this.#transactionPos : 0) >= 0;
  }

  /**
   * Reads at most `maxSize` bytes without consuming them: a later read() returns them again.
   * @param maxSize - the maximum number of bytes
   * @returns the bytes (empty when nothing is available or on error)
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#peek | peek in Qt 6}
   */
  peek(maxSize: number): Buffer {
    if (!isSize(maxSize)) checkSize(`${this.#cls()}.peek`, 'maxSize', maxSize);
    if (!this.#checkReadable('peek')) return EMPTY;
    return this.#read(maxSize, true) ?? EMPTY;
  }

  /**
   * Skips (reads and discards) up to `maxSize` bytes.
   * @param maxSize - the number of bytes to skip
   * @returns the number of bytes skipped, or -1 on error
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#skip | skip in Qt 6}
   */
  skip(maxSize: number): number {
    if (!isSize(maxSize)) checkSize(`${this.#cls()}.skip`, 'maxSize', maxSize);
    if (!this.#checkReadable('skip')) return -1;
    const r = this.#read(maxSize, false);
    return r === null ? -1 : r.length;
  }

  /**
   * Reads one byte.
   * @returns PyQt's pair: `[true, oneByteBuffer]`, or `[false, emptyBuffer]` when nothing could be read
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#getChar | getChar in Qt 6}
   */
  getChar(): [ok: boolean, c: Buffer] {
    const r = this.read(1);
    return r !== null && r.length === 1 ? [true, r] : [false, EMPTY];
  }

  /**
   * Puts one byte back into the read buffer, so that the next read returns it first.
   * @param c - the byte: a number 0..255, or a one-byte string or Uint8Array
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#ungetChar | ungetChar in Qt 6}
   */
  ungetChar(c: number | string | Uint8Array): void {
    const byte = toByte(`${this.#cls()}.ungetChar`, c);
    if (!this.#checkReadable('read')) return;
    if (this.#transactionStarted) {
      this.#warn('ungetChar', 'Called while transaction is in progress');
      return;
    }
    this.#buffer.ungetChar(byte);
    if (!this.isSequential()) --this.#pos;
  }

  // ---- transactions --------------------------------------------------------------------------

  /**
   * Starts a read transaction: data read from now on stays in the buffer until commit or rollback.
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#startTransaction | startTransaction in Qt 6}
   */
  startTransaction(): void {
    if (this.#transactionStarted) {
      this.#warn('startTransaction', 'Called while transaction already in progress');
      return;
    }
    this.#transactionPos = this.#pos;
    if (this.isSequential()) this.#transactionPos = 0;
    this.#transactionStarted = true;
  }

  /**
   * Ends the transaction, dropping the data read during it.
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#commitTransaction | commitTransaction in Qt 6}
   */
  commitTransaction(): void {
    if (!this.#transactionStarted) {
      this.#warn('commitTransaction', 'Called while no transaction in progress');
      return;
    }
    if (this.isSequential()) this.#buffer.free(this.#transactionPos);
    this.#transactionStarted = false;
    this.#transactionPos = 0;
  }

  /**
   * Ends the transaction; the data read during it will be read again.
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#rollbackTransaction | rollbackTransaction in Qt 6}
   */
  rollbackTransaction(): void {
    if (!this.#transactionStarted) {
      this.#warn('rollbackTransaction', 'Called while no transaction in progress');
      return;
    }
    if (!this.isSequential()) this.#seekBuffer(this.#transactionPos);
    this.#transactionStarted = false;
    this.#transactionPos = 0;
  }

  /**
   * @returns true while a read transaction is in progress
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#isTransactionStarted | isTransactionStarted in Qt 6}
   */
  isTransactionStarted(): boolean {
    return this.#transactionStarted;
  }

  // ---- writing -------------------------------------------------------------------------------

  /**
   * Writes `data` (a string is written as UTF-8).
   * @param data - the bytes
   * @returns the number of bytes written, or -1 on error
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#write | write in Qt 6}
   */
  write(data: Uint8Array | string): number {
    const bytes = toBytes(`${this.#cls()}.write`, 'data', data);
    if (!this.#checkWritable('write')) return -1;
    const sequential = this.isSequential();
    if (this.#pos !== this.#devicePos && !sequential && !this.seek(this.#pos)) return -1;
    const written = this.writeData(bytes);
    if (!sequential && written > 0) {
      this.#pos += written;
      this.#devicePos += written;
      this.#buffer.free(written);
    }
    return written;
  }

  /**
   * Writes one byte.
   * @param c - the byte: a number 0..255, or a one-byte string or Uint8Array
   * @returns true if it was written
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#putChar | putChar in Qt 6}
   */
  putChar(c: number | string | Uint8Array): boolean {
    const byte = toByte(`${this.#cls()}.putChar`, c);
    return this.write(Buffer.of(byte)) === 1;
  }

  // ---- blocking waits ------------------------------------------------------------------------

  /**
   * Blocks until data is available or `msecs` elapse; the base class has nothing to wait for.
   * @param msecs - the timeout in milliseconds (-1: none)
   * @returns false
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#waitForReadyRead | waitForReadyRead in Qt 6}
   */
  waitForReadyRead(msecs: number): boolean {
    void msecs;
    return false;
  }

  /**
   * Blocks until a payload was written or `msecs` elapse; the base class has nothing to wait for.
   * @param msecs - the timeout in milliseconds (-1: none)
   * @returns false
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#waitForBytesWritten | waitForBytesWritten in Qt 6}
   */
  waitForBytesWritten(msecs: number): boolean {
    void msecs;
    return false;
  }

  // ---- channels ------------------------------------------------------------------------------

  /**
   * @returns the number of read channels (1 when open for reading, else 0)
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#readChannelCount | readChannelCount in Qt 6}
   */
  readChannelCount(): number {
    return this.#readChannelCount;
  }

  /**
   * @returns the number of write channels (1 when open for writing, else 0)
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#writeChannelCount | writeChannelCount in Qt 6}
   */
  writeChannelCount(): number {
    return this.#writeChannelCount;
  }

  /**
   * @returns the current read channel (always 0)
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#currentReadChannel | currentReadChannel in Qt 6}
   */
  currentReadChannel(): number {
    return 0;
  }

  /**
   * Selects the read channel; tsqt devices have only channel 0.
   * @param channel - the channel (only 0 is accepted)
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#setCurrentReadChannel | setCurrentReadChannel in Qt 6}
   */
  setCurrentReadChannel(channel: number): void {
    if (typeof channel !== 'number') throw new TypeError(`${this.#cls()}.setCurrentReadChannel: channel must be 0, got ${describe(channel)}`);
    if (channel !== 0) throw new RangeError(`${this.#cls()}.setCurrentReadChannel: channel must be 0, got ${channel}`);
  }

  /**
   * @returns the current write channel (always 0)
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#currentWriteChannel | currentWriteChannel in Qt 6}
   */
  currentWriteChannel(): number {
    return 0;
  }

  /**
   * Selects the write channel; tsqt devices have only channel 0.
   * @param channel - the channel (only 0 is accepted)
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#setCurrentWriteChannel | setCurrentWriteChannel in Qt 6}
   */
  setCurrentWriteChannel(channel: number): void {
    if (typeof channel !== 'number') throw new TypeError(`${this.#cls()}.setCurrentWriteChannel: channel must be 0, got ${describe(channel)}`);
    if (channel !== 0) throw new RangeError(`${this.#cls()}.setCurrentWriteChannel: channel must be 0, got ${channel}`);
  }

  // ---- for subclasses ------------------------------------------------------------------------

  /**
   * Reads up to `maxSize` bytes from the device itself (subclasses implement it). Called with 0
   * after the buffer was drained (a hint that the device may re-arm its notifications).
   * @param maxSize - the maximum number of bytes
   * @returns the bytes read (empty for none), or null on error / end of stream (Qt's -1)
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#readData | readData in Qt 6}
   */
  protected readData(maxSize: number): Buffer | null {
    void maxSize;
    return null;
  }

  /**
   * Writes `data` to the device itself (subclasses implement it).
   * @param data - the bytes
   * @returns the number of bytes written, or -1 on error
   * @see {@link https://doc.qt.io/qt-6/qiodevice.html#writeData | writeData in Qt 6}
   */
  protected writeData(data: Buffer): number {
    void data;
    return -1;
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** The class name Qt's messages print (metaObject()->className()). */
  #cls(): string {
    return qtClassName(this.constructor);
  }

  /** Qt's checkWarnMessage(): `QIODevice::fn (Class[, "name"]): what`. */
  #warn(fn: string, what: string): void {
    const name = this.objectName();
    const cls = this.#cls();
    qWarning(`QIODevice::${fn} (${cls}${name !== '' ? `, "${name}"` : ''}): ${what}`);
  }

  #checkReadable(fn: string): boolean {
    if ((this.#openMode & OpenModeFlag.ReadOnly) !== 0) return true;
    this.#warn(fn, this.#openMode === OpenModeFlag.NotOpen ? 'device not open' : 'WriteOnly device');
    return false;
  }

  #checkWritable(fn: string): boolean {
    if ((this.#openMode & OpenModeFlag.WriteOnly) !== 0) return true;
    this.#warn(fn, this.#openMode === OpenModeFlag.NotOpen ? 'device not open' : 'ReadOnly device');
    return false;
  }
}
