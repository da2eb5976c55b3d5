// SPDX-License-Identifier: MIT
// The UDP programs of bench/udp speak the peers' harness protocol (MODE PORT COUNT SIZE PARAM,
// `PORT n` from an echo, one JSON line from a client): a short round of each, on 127.0.0.1, so
// that they cannot rot between benchmark runs. Figures are not checked here (bench/ measures).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const program = (p: string): string => join(root, 'bench', 'udp', p);
const children: ChildProcess[] = [];

interface Run { code: number | null; out: string; err: string }

/** Starts `node --import tsx file args...`; resolves the first match of `pattern` on stdout. */
function start(file: string, args: string[], pattern?: RegExp): { child: ChildProcess; match: Promise<RegExpMatchArray>; done: Promise<Run> } {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '', err = '';
  let resolveMatch: (m: RegExpMatchArray) => void = () => {};
  const match = new Promise<RegExpMatchArray>((res) => { resolveMatch = res; });
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    const m = pattern?.exec(out);
    if (m) resolveMatch(m);
  });
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  const done = new Promise<Run>((res) => child.on('exit', (code) => res({ code, out, err })));
  return { child, match, done };
}

/** The last JSON line a client printed. */
function result(r: Run): Record<string, number> {
  const line = r.out.trim().split('\n').pop() ?? '';
  expect(r.code, `exit ${r.code}, stderr: ${r.err}`).to.equal(0);
  return JSON.parse(line) as Record<string, number>;
}

async function roundTrips(echoFile: string, echoArgs: string[], clientFile: string, clientArgs: string[]): Promise<Record<string, number>> {
  const echo = start(echoFile, [...echoArgs, 'echo', '0', '0', '64', '0'], /PORT (\d+)/);
  const port = (await echo.match)[1]!;
  const client = start(clientFile, [...clientArgs, 'client', port, '300', '64', '4']);
  const r = result(await client.done);
  echo.child.kill('SIGTERM');
  await echo.done;
  return r;
}

describe('bench/udp programs (harness protocol)', function () {
  this.timeout(60000);
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });

  it('tsqt-udp.ts: echo and client complete 300 round trips with 4 in flight', async function () {
    const r = await roundTrips(program('tsqt-udp.ts'), [], program('tsqt-udp.ts'), []);
    expect(r.mode).to.equal('client');
    expect(r.received).to.equal(300);
    expect(r.sent).to.equal(300);
    expect(r.rtt_p50).to.be.greaterThan(0);
    expect(r.t_last).to.be.greaterThan(r.t_first!);
  });

  it('tsqt-udp.ts flood1p: every datagram sent is counted, none invented', async function () {
    const f = start(program('tsqt-udp.ts'), ['flood1p', '0', '2000', '64', '16']);
    const r = result(await f.done);
    expect(r.sent).to.equal(2000);
    expect(r.received).to.be.within(1, 2000);
    expect(r.bytes).to.equal(r.received! * 64);
  });

  it('raw-udp.ts answers a tsqt client, and its client completes against a tsqt echo', async function () {
    const a = await roundTrips(program('raw-udp.ts'), [], program('tsqt-udp.ts'), []);
    expect(a.received).to.equal(300);
    const b = await roundTrips(program('tsqt-udp.ts'), [], program('raw-udp.ts'), []);
    expect(b.received).to.equal(300);
    expect(b.rtt_p50).to.be.greaterThan(0);
  });

  it('floor/floor-udp.ts, every hop, against a tsqt echo (needs npm run bench:build-floor)', async function () {
    if (!existsSync(program(join('floor', 'build', 'Release', 'floor.node')))) {
      console.log('      (skipped: bench/udp/floor is not built; `npm run bench:build-floor` builds it)');
      this.skip();
    }
    for (const hop of ['c', 'js', 'immediate']) {
      const r = await roundTrips(program('tsqt-udp.ts'), [], program(join('floor', 'floor-udp.ts')), ['--hop', hop]);
      expect(r.received, `--hop ${hop}`).to.equal(300);
      const e = await roundTrips(program(join('floor', 'floor-udp.ts')), ['--hop', hop], program('tsqt-udp.ts'), []);
      expect(e.received, `echo --hop ${hop}`).to.equal(300);
    }
  });
});
