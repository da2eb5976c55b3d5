// SPDX-License-Identifier: MIT
// The host name cache behind connectToHost() (Qt's QHostInfoCache: 60 s, 128 names, LRU).
import { expect } from 'chai';
import sinon from 'sinon';
import { performance } from 'node:perf_hooks';
import { QHostAddress } from '../../../src/network/QHostAddress.js';
import { cacheHost, cachedHost, clearHostCache, lookupAddresses } from '../../../src/network/private/hostCache.js';

describe('hostCache (Qt QHostInfoCache)', function () {
  let now = 1000;
  beforeEach(function () {
    clearHostCache();
    now = 1000;
    sinon.stub(performance, 'now').callsFake(() => now);
  });
  afterEach(function () {
    sinon.restore();
    clearHostCache();
  });

  it('keeps a successful lookup for 60 s, as copies, and no failed one', function () {
    cacheHost('a', [new QHostAddress('127.0.0.1'), new QHostAddress('::1')]);
    cacheHost('b', []);
    const got = cachedHost('a')!;
    expect(got.map((x) => x.toString())).to.deep.equal(['127.0.0.1', '::1']);
    got[0]!.setAddress('10.0.0.1');
    expect(cachedHost('a')!.map((x) => x.toString())).to.deep.equal(['127.0.0.1', '::1']);
    expect(cachedHost('b')).to.equal(null);
    now += 59_999;
    expect(cachedHost('a')).to.not.equal(null);
    now += 1;
    expect(cachedHost('a')).to.equal(null);
  });

  it('holds 128 names and drops the least recently used first', function () {
    for (let i = 0; i < 128; i++) cacheHost(`h${i}`, [new QHostAddress('127.0.0.1')]);
    expect(cachedHost('h0')).to.not.equal(null); // h0 is now the most recently used
    cacheHost('h128', [new QHostAddress('127.0.0.1')]);
    expect(cachedHost('h1')).to.equal(null);
    expect(cachedHost('h0')).to.not.equal(null);
    expect(cachedHost('h128')).to.not.equal(null);
  });

  // PyQt5 5.15 with /etc/hosts listing 127.0.0.1 and ::1 twice each for localhost: QHostInfo gives
  // [::1, 127.0.0.1]; Node's dns.lookup({ all: true }) gives [::1, ::1, 127.0.0.1, 127.0.0.1]
  it('a lookup\'s answer keeps each address once, in order, as Qt\'s QHostInfo does', function () {
    const got = lookupAddresses(['::1', '::1', '127.0.0.1', 'not an address', '127.0.0.1', 'fe80::1%lo', 'fe80::1%lo']);
    expect(got.map((a) => a.toString())).to.deep.equal(['::1', '127.0.0.1', 'fe80::1%lo']);
  });
});
