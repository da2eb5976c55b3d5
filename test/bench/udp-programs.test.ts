// SPDX-License-Identifier: MIT
// The UDP programs of bench/udp speak the peers' harness protocol (MODE PORT COUNT SIZE PARAM,
// `PORT n` from an echo, one JSON line from a client): a short round of each, on 127.0.0.1, so
// that they cannot rot between benchmark runs. Figures are not checked here (bench/ measures).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'chai';
import { describeExit, killAll, root, startProcess } from '../examples/runExample.js';
import type { Exit } from '../examples/runExample.js';

const program = (p: string): string => resolve(root, 'bench', 'udp', p);

/** Starts `node --import tsx <program> ...args` from the project's root. */
function start(file: string, args: string[]): ReturnType<typeof startProcess> {
  return startProcess(process.execPath, ['--import', 'tsx', program(file), ...args], root);
}

/** The JSON line a client printed last, after checking that it exited cleanly. */
function result(e: Exit): Record<string, number> {
  expect(e.code, describeExit(e)).to.equal(0);
  return JSON.parse(e.lines[e.lines.length - 1] ?? '') as Record<string, number>;
}

/** 300 round trips, 4 in flight, between an echo and a client (each: program file + options). */
async function roundTrips(echo: [string, string[]], client: [string, string[]]): Promise<Record<string, number>> {
  const e = start(echo[0], [...echo[1], 'echo', '0', '0', '64', '0']);
  const port = (await e.waitForLine(/^PORT (\d+)$/))[1]!;
  const r = result(await start(client[0], [...client[1], 'client', port, '300', '64', '4']).exited);
  e.child.kill('SIGTERM');
  await e.exited;
  return r;
}

const TSQT: [string, string[]] = ['tsqt-udp.ts', []];
const RAW: [string, string[]] = ['raw-udp.ts', []];
const floor = (hop: string): [string, string[]] => ['floor/floor-udp.ts', ['--hop', hop]];

describe('bench/udp programs (harness protocol)', function () {
  this.timeout(60000);
  afterEach(killAll);

  it('tsqt-udp.ts: echo and client complete 300 round trips with 4 in flight', async function () {
    const r = await roundTrips(TSQT, TSQT);
    expect(r.mode).to.equal('client');
    expect(r.received).to.equal(300);
    expect(r.sent).to.equal(300);
    expect(r.rtt_p50).to.be.greaterThan(0);
    expect(r.t_last).to.be.greaterThan(r.t_first!);
  });

  it('tsqt-udp.ts flood1p: every datagram sent is counted, none invented', async function () {
    const r = result(await start('tsqt-udp.ts', ['flood1p', '0', '2000', '64', '16']).exited);
    expect(r.sent).to.equal(2000);
    expect(r.received).to.be.within(1, 2000);
    expect(r.bytes).to.equal(r.received! * 64);
  });

  it('raw-udp.ts answers a tsqt client, and its client completes against a tsqt echo', async function () {
    expect((await roundTrips(RAW, TSQT)).received).to.equal(300);
    const b = await roundTrips(TSQT, RAW);
    expect(b.received).to.equal(300);
    expect(b.rtt_p50).to.be.greaterThan(0);
  });

  it('pairs.ts runs interleaved A/B round trips and gives its verdict; a bad option fails with a message', async function () {
    const prog = `${process.execPath} --import tsx ${program('tsqt-udp.ts')}`;
    const pairs = (args: string[]): ReturnType<typeof startProcess> =>
      startProcess(process.execPath, ['--import', 'tsx', program('pairs.ts'), ...args], root);
    const e = await pairs(['--a', prog, '--b', prog, '--pairs', '2', '--count', '300', '--window', '4']).exited;
    expect(e.code, describeExit(e)).to.equal(0);
    expect(e.lines.filter((l) => /^pair \d: A \d+ {2}B \d+ rt\/s {2}B\/A \d\.\d{3}$/.test(l))).to.have.length(2);
    expect(e.lines[e.lines.length - 1]).to.match(/^median A \d+, B \d+ rt\/s; median B\/A \d\.\d{3}; B faster in [0-2] of 2 pairs$/);
    const bad = await pairs(['--a', prog, '--pairs', '2']).exited;
    expect(bad.code).to.equal(1);
  });

  it('floor/floor-udp.ts, every hop, against a tsqt echo and client (needs npm run bench:build-floor)', async function () {
    if (!existsSync(program('floor/build/Release/floor.node'))) {
      console.log('      (skipped: bench/udp/floor is not built; `npm run bench:build-floor` builds it)');
      this.skip();
    }
    for (const hop of ['c', 'js', 'immediate']) {
      expect((await roundTrips(TSQT, floor(hop))).received, `client --hop ${hop}`).to.equal(300);
      expect((await roundTrips(floor(hop), TSQT)).received, `echo --hop ${hop}`).to.equal(300);
    }
  });
});
