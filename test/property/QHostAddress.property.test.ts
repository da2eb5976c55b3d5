// Property tests of QHostAddress parsing and printing (issue 5): random numbers, byte patterns and
// strings, cross-checked with Node's `net` module and WHATWG URL (independent IPv6 printers), with an
// independent inet_aton reference for IPv4 (QT_SEMANTICS HA-2..HA-7, oracle ha_parse/ha_equality).
import { expect } from 'chai';
import fc from 'fast-check';
import net from 'node:net';
import { QHostAddress } from '../../src/network/QHostAddress.js';

const SEED = Number(process.env.PROP_SEED ?? 20250503);
const RUNS = Number(process.env.PROP_RUNS ?? 500);
const opts = { seed: SEED, numRuns: RUNS };
const IPV4 = 0;
const IPV6 = 1;
const UNKNOWN = -1;

/** Node/WHATWG's canonical IPv6 text (RFC 5952 compression, always hex). */
function whatwg(s: string): string {
  return new URL(`http://[${s}]/`).hostname.slice(1, -1);
}

function bytesOf(a: QHostAddress): number[] {
  return [...a.toIPv6Address()];
}

/** Qt prints a dotted IPv4 tail for v4-mapped and for v4-compatible addresses whose 7th group is non-zero. */
function dottedTail(b: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (b[i] !== 0) return false;
  if (b[10] === 0xff && b[11] === 0xff) return true;
  return b[10] === 0 && b[11] === 0 && (b[12] !== 0 || b[13] !== 0);
}

/** An independent inet_aton for clean parts (decimal, 0-octal, 0x-hex), as HA-2 describes. */
function inetAton(s: string): number {
  const parts = s.split('.');
  if (parts.length < 1 || parts.length > 4) return -1;
  const vals: number[] = [];
  for (const p of parts) {
    let v: number;
    if (/^0[xX][0-9a-fA-F]+$/.test(p)) v = parseInt(p.slice(2), 16);
    else if (/^0[0-7]*$/.test(p)) v = parseInt(p, 8);
    else if (/^[1-9][0-9]*$/.test(p)) v = Number(p);
    else return -1;
    vals.push(v);
  }
  const last = vals.pop()!;
  for (const v of vals) if (v > 255) return -1;
  if (last >= 2 ** (8 * (4 - vals.length))) return -1;
  let a = 0;
  for (const v of vals) a = a * 256 + v;
  return a * 2 ** (8 * (4 - vals.length)) + last;
}

const u32 = fc.integer({ min: 0, max: 0xffffffff });
const bytes16 = fc.uint8Array({ minLength: 16, maxLength: 16 });
/** IPv6 byte patterns rich in zero runs and IPv4 tails (the printer's hard cases). */
const sparse16 = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }) }), { minLength: 8, maxLength: 8 })
  .chain((groups) =>
    fc.constantFrom('plain', 'mapped', 'compat').map((kind) => {
      const g = [...groups];
      if (kind !== 'plain') {
        for (let i = 0; i < 5; i++) g[i] = 0;
        g[5] = kind === 'mapped' ? 0xffff : 0;
      }
      const b = new Uint8Array(16);
      g.forEach((v, i) => {
        b[2 * i] = v >> 8;
        b[2 * i + 1] = v & 0xff;
      });
      return b;
    }),
  );

/** Strings built from the tokens IP literals are made of (and their usual mistakes). */
const ipish = fc
  .array(
    fc.oneof(
      fc.constantFrom(':', '::', '.', '%', ' ', '0', '00', '1', 'ff', 'FFFF', 'ffff', '12345', '0x', '0x7f', '255', '256', '010', '-1', '+1', '[', ']', 'g', 'lo', 'eth0', '\t', '\u00e9', '\u0661'),
      fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16)),
      fc.integer({ min: 0, max: 300 }).map(String),
    ),
    { maxLength: 14 },
  )
  .map((t) => t.join(''));

/** Clean inet_aton forms: 1-4 parts in decimal, octal or hex. */
const atonA = fc
  .array(
    fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom('dec', 'oct', 'hex', 'HEX')),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) =>
    parts
      .map(([v, base], i) => {
        const x = i === parts.length - 1 ? v : v % 300; // earlier parts sometimes out of range
        return base === 'dec' ? String(x) : base === 'oct' ? '0' + x.toString(8) : (base === 'hex' ? '0x' : '0X') + x.toString(16);
      })
      .join('.'),
  );

const ORACLE_PARSE: [string, string][] = [
  ['192.168.001.010', '192.168.1.8'],
  ['010.0.0.1', '8.0.0.1'],
  ['1.2.3', '1.2.0.3'],
  ['1.2', '1.0.0.2'],
  ['16909060', '1.2.3.4'],
  ['0x7f.1', '127.0.0.1'],
  ['256.0.0.1', ''],
  ['1.2.3.4.5', ''],
  ['localhost', ''],
  ['[::1]', ''],
  ['2001:db8::1::2', ''],
  ['1:2:3:4:5:6:7:8:9', ''],
  ['FE80::ABCD', 'fe80::abcd'],
  ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
  ['::ffff:7f00:1', '::ffff:127.0.0.1'],
  ['::127.0.0.1', '::127.0.0.1'],
  ['64:ff9b::1.2.3.4', '64:ff9b::102:304'],
  ['fe80::1%1', 'fe80::1%1'],
  ['fe80::1%lo', 'fe80::1%lo'],
  ['1080:0:0:0:8:0:0:0', '1080::8:0:0:0'],
  ['1080:0:0:8:800:0:0:0', '1080:0:0:8:800::'],
  ['1::FFFF:129.144.52.38', '1::ffff:8190:3426'],
];

describe('property: QHostAddress', function () {
  this.timeout(30000);

  it(`IPv4 numbers print as Node's dotted quad and parse back (${RUNS} runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(u32, (n) => {
        const a = new QHostAddress(n);
        const s = a.toString();
        expect(net.isIPv4(s)).to.equal(true);
        expect(s).to.equal([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'));
        const b = new QHostAddress(s);
        expect(b.protocol()).to.equal(IPV4);
        expect(b.toIPv4Address()).to.equal(n);
        expect(b.equals(a)).to.equal(true);
        // the IPv6 form is v4-mapped (all zeros for 0.0.0.0), and its text is dotted
        const m = new QHostAddress(a.toIPv6Address());
        expect(m.toString()).to.equal(n === 0 ? '::' : `::ffff:${s}`);
        expect(m.equals(a)).to.equal(false);
        expect(m.isEqual(a)).to.equal(true);
      }),
      opts,
    );
  });

  it(`IPv6 bytes print as RFC 5952 (checked against WHATWG URL) and round-trip (${2 * RUNS} runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.oneof(bytes16, sparse16), (b) => {
        const a = new QHostAddress(b);
        const s = a.toString();
        expect(a.protocol()).to.equal(IPV6);
        expect(net.isIPv6(s), s).to.equal(true);
        expect(s).to.equal(s.toLowerCase());
        if (!dottedTail(b)) expect(s).to.equal(whatwg(s === '::' ? '::' : s));
        expect(whatwg(s)).to.equal(whatwg(new URL(`http://[${[...Array(8)].map((_, i) => ((b[2 * i]! << 8) | b[2 * i + 1]!).toString(16)).join(':')}]/`).hostname.slice(1, -1)));
        const back = new QHostAddress(s);
        expect(bytesOf(back)).to.deep.equal([...b]);
        expect(back.toString()).to.equal(s);
        expect(back.equals(a)).to.equal(true);
        // a scope id survives the round trip and does not take part in ==
        const scoped = new QHostAddress(`${s}%eth0`);
        expect(scoped.scopeId()).to.equal('eth0');
        expect(scoped.toString()).to.equal(`${s}%eth0`);
        expect(scoped.equals(a)).to.equal(true);
      }),
      { ...opts, numRuns: 2 * RUNS },
    );
  });

  it(`inet_aton forms parse as an independent reference says (${RUNS} runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(atonA, fc.constantFrom('', ' ', '\t', '  \n'), (s, pad) => {
        const want = inetAton(s);
        const a = new QHostAddress(pad + s + pad);
        if (want < 0) {
          expect(a.isNull(), s).to.equal(true);
          expect(a.toString()).to.equal('');
        } else {
          expect(a.protocol(), s).to.equal(IPV4);
          expect(a.toIPv4Address(), s).to.equal(want);
        }
        const b = new QHostAddress();
        expect(b.setAddress(s)).to.equal(want >= 0);
      }),
      opts,
    );
  });

  it(`strict literals agree with net.isIP; nothing throws; parsed text round-trips (${4 * RUNS} runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.oneof(ipish, fc.string({ maxLength: 20 }), fc.constantFrom(...ORACLE_PARSE.map((x) => x[0]))), (s) => {
        const a = new QHostAddress(s);
        const t = a.toString();
        const p = a.protocol();
        expect([IPV4, IPV6, UNKNOWN]).to.include(p);
        const b = new QHostAddress();
        expect(b.setAddress(s)).to.equal(p !== UNKNOWN);
        const core = s.trim();
        // Node's strict forms are a subset of Qt's: anything Node accepts, Qt reads the same way
        if (net.isIPv4(core)) {
          expect(p, s).to.equal(IPV4);
          expect(t).to.equal(core);
        }
        if (net.isIPv6(core) && !core.includes('%') && !/[^\x20-\x7e]/.test(core)) {
          expect(p, s).to.equal(IPV6);
          expect(whatwg(t)).to.equal(whatwg(core));
        }
        if (p === IPV6) {
          const pct = t.indexOf('%');
          expect(net.isIPv6(pct < 0 ? t : t.slice(0, pct)), `${JSON.stringify(s)} -> ${t}`).to.equal(true);
        }
        if (p === UNKNOWN) {
          expect(t).to.equal('');
          expect(a.isNull()).to.equal(true);
        } else {
          const back = new QHostAddress(t);
          expect(back.toString(), s).to.equal(t);
          expect(back.equals(a)).to.equal(true);
          expect(back.scopeId()).to.equal(a.scopeId());
        }
      }),
      { ...opts, numRuns: 4 * RUNS },
    );
  });

  it('the oracle facts (ha_parse) hold, with any surrounding whitespace', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ORACLE_PARSE), fc.constantFrom('', ' ', '\t'), fc.constantFrom('', ' ', '\n'), ([s, want], pre, post) => {
        expect(new QHostAddress(pre + s + post).toString(), s).to.equal(want);
      }),
      { ...opts, numRuns: 100 },
    );
  });

  it(`comparison is symmetric under every conversion mode and == implies isEqual (${RUNS} runs, seed ${SEED})`, () => {
    const addr = fc.oneof(
      u32.map((n) => new QHostAddress(n)),
      fc.constantFrom(0, 1, 0x7f000001, 0xffffffff).map((n) => new QHostAddress(n)),
      sparse16.map((b) => new QHostAddress(b)),
      fc.constantFrom('Null', 'Any', 'AnyIPv4', 'AnyIPv6', 'LocalHost', 'LocalHostIPv6', 'Broadcast').map((k) => QHostAddress[k as 'Any']),
    );
    fc.assert(
      fc.property(addr, addr, fc.integer({ min: 0, max: 15 }), (a, b, mode) => {
        expect(a.isEqual(b, mode)).to.equal(b.isEqual(a, mode));
        expect(a.equals(b)).to.equal(b.equals(a));
        if (a.equals(b)) expect(a.isEqual(b, mode)).to.equal(true);
        expect(a.equals(new QHostAddress(a))).to.equal(true);
      }),
      opts,
    );
  });

  it(`bad numbers and byte arrays throw RangeError/TypeError and nothing else (${RUNS} runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          fc.integer(),
          fc.array(fc.oneof(fc.integer({ min: -2, max: 300 }), fc.double({ noNaN: false })), { maxLength: 20 }),
          fc.uint8Array({ maxLength: 20 }),
          fc.constantFrom<unknown>(null, true, {}, Symbol('x'), 10n, () => 1),
        ),
        (v) => {
          const okNumber = typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff;
          const okBytes =
            (v instanceof Uint8Array && v.length === 16) ||
            (Array.isArray(v) && v.length === 16 && v.every((x) => Number.isInteger(x) && x >= 0 && x <= 255));
          const target = new QHostAddress('1.2.3.4');
          let thrown: unknown = null;
          try {
            target.setAddress(v as number);
          } catch (e) {
            thrown = e;
          }
          if (okNumber || okBytes) {
            expect(thrown).to.equal(null);
          } else {
            expect(thrown instanceof RangeError || thrown instanceof TypeError, String(thrown)).to.equal(true);
            expect((thrown as Error).message).to.match(/^QHostAddress\.setAddress: /);
            // nothing changed
            expect(target.toString()).to.equal('1.2.3.4');
          }
        },
      ),
      opts,
    );
  });
});
