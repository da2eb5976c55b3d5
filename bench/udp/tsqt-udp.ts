// Loopback UDP with tsqt's QUdpSocket, written the way a Qt program is:
// readyRead -> while (hasPendingDatagrams()) readDatagram(pendingDatagramSize()),
// writeDatagram(data, QHostAddress.LocalHost, port), one QCoreApplication event
// loop, and a zero-interval QTimer as the sender's "yield to the event loop"
// after each burst (as the Qt C++ and PyQt5 peers do).
//
//   node --import tsx bench/udp/tsqt-udp.ts MODE PORT COUNT SIZE PARAM
//
// Speaks the peers' UDP program protocol (../shared/bench-anchors/README.md):
// modes recv, send, flood1p, echo, client; bytes 0-7 of a datagram carry the
// send time (int64 LE, CLOCK_MONOTONIC ns), bytes 8-15 a sequence number.
// Also usable as a candidate of the peers' harness:
//   --candidate "tsqt=node --import tsx /work/main/bench/udp/tsqt-udp.ts"
// Every loop is bounded; a 120 s hard cap ends the process.
// Buffer and process from their modules: the globals are accessors, a getter call per use.
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { QCoreApplication, QHostAddress, QTimer, QUdpSocket } from '../../src/index.js';

const [mode, portS, countS, sizeS, paramS] = process.argv.slice(2).filter((x) => !x.startsWith('--'));
const port = Number(portS), count = Number(countS), size = Math.max(16, Number(sizeS)), param = Number(paramS);
const now = (): bigint => process.hrtime.bigint();
setTimeout(() => { process.stderr.write('hard cap reached\n'); process.exit(3); }, 120_000).unref();

const app = new QCoreApplication(process.argv);
const payload = Buffer.alloc(size, 'x');
let seq = 0n;
const stamp = (): Buffer => { payload.writeBigInt64LE(now(), 0); payload.writeBigInt64LE(seq++, 8); return payload; };
const out = (o: Record<string, unknown>): void => {
  process.stdout.write(JSON.stringify(o, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)) + '\n');
};
function bindOrDie(s: QUdpSocket, p: number): void {
  if (!s.bind(QHostAddress.LocalHost, p)) { process.stderr.write(`bind failed: ${s.errorString()}\n`); process.exit(1); }
}
function timer(ms: number, slot: () => void): QTimer {
  const t = new QTimer();
  t.setInterval(ms);
  t.timeout.connect(slot);
  t.start();
  return t;
}
async function run(): Promise<Record<string, unknown> | null> {
  if (mode === 'recv') {
    const rs = new QUdpSocket();
    bindOrDie(rs, port);
    process.stdout.write(`PORT ${rs.localPort()}\n`);
    let got = 0, bytes = 0, first = 0n, last = 0n;
    const t0 = now();
    rs.readyRead.connect(() => {
      while (rs.hasPendingDatagrams()) {
        const [data] = rs.readDatagram(rs.pendingDatagramSize());
        if (data === null) break;
        const t = now();
        if (!got) first = t;
        last = t; got++; bytes += data.length;
        if (got >= count) { QCoreApplication.quit(); return; }
      }
    });
    const idle = timer(50, () => {
      const t = now();
      if ((got > 0 && t - last > 500_000_000n) || (got === 0 && t - t0 > 20_000_000_000n)) QCoreApplication.quit();
    });
    await QCoreApplication.exec();
    idle.stop(); rs.close();
    return { mode: 'recv', received: got, bytes, t_first: first, t_last: last };
  }
  if (mode === 'send') {
    const ss = new QUdpSocket();
    bindOrDie(ss, 0);
    const burst = param > 0 ? param : 64;
    let sent = 0;
    const first = now();
    let last = first;
    const pump = timer(0, () => {
      for (let i = 0; i < burst && sent < count; i++) {
        if (ss.writeDatagram(stamp(), QHostAddress.LocalHost, port) === size) sent++;
      }
      if (sent >= count) { last = now(); pump.stop(); QCoreApplication.quit(); }
    });
    await QCoreApplication.exec();
    ss.close();
    return { mode: 'send', sent, t_first: first, t_last: last };
  }
  if (mode === 'flood1p') {
    const rs = new QUdpSocket(), ss = new QUdpSocket();
    bindOrDie(rs, 0);
    bindOrDie(ss, 0);
    const rport = rs.localPort();
    const burst = param > 0 ? param : 64;
    let sent = 0, got = 0, bytes = 0;
    const first = now();
    let sentLast = first, last = first;
    rs.readyRead.connect(() => {
      while (rs.hasPendingDatagrams()) {
        const [data] = rs.readDatagram(rs.pendingDatagramSize());
        if (data === null) break;
        got++; bytes += data.length; last = now();
        if (got >= count) { QCoreApplication.quit(); return; }
      }
    });
    const pump = timer(0, () => {
      for (let i = 0; i < burst && sent < count; i++) {
        if (ss.writeDatagram(stamp(), QHostAddress.LocalHost, rport) === size) sent++;
      }
      if (sent >= count) { sentLast = now(); pump.stop(); }
    });
    const idle = timer(50, () => {
      if (sent >= count && now() - (last > sentLast ? last : sentLast) > 200_000_000n) QCoreApplication.quit();
    });
    await QCoreApplication.exec();
    pump.stop(); idle.stop(); rs.close(); ss.close();
    return { mode: 'flood1p', sent, received: got, bytes, t_first: first, t_sent_last: sentLast, t_last: last };
  }
  if (mode === 'echo') {
    const es = new QUdpSocket();
    bindOrDie(es, port);
    process.stdout.write(`PORT ${es.localPort()}\n`);
    let lastrx = now(), echoed = 0;
    es.readyRead.connect(() => {
      while (es.hasPendingDatagrams()) {
        const [data, from, fromPort] = es.readDatagram(es.pendingDatagramSize());
        if (data === null) break;
        es.writeDatagram(data, from, fromPort);
        echoed++;
      }
      lastrx = now();
    });
    const idle = timer(100, () => { if (now() - lastrx > 10_000_000_000n) QCoreApplication.quit(); });
    process.on('SIGTERM', () => QCoreApplication.quit());
    await QCoreApplication.exec();
    idle.stop(); es.close();
    process.stderr.write(`echo: ${echoed} echoed\n`);
    return null;
  }
  if (mode === 'client') {
    const cs = new QUdpSocket();
    bindOrDie(cs, 0);
    const window = param > 0 ? param : 1;
    const rtt = new Float64Array(count);
    let sent = 0, got = 0;
    const t0 = now();
    let lastrx = t0;
    cs.readyRead.connect(() => {
      while (cs.hasPendingDatagrams()) {
        const [data] = cs.readDatagram(cs.pendingDatagramSize());
        if (data === null || data.length < 16) break;
        const t = now();
        rtt[got++] = Number(t - data.readBigInt64LE(0));
        lastrx = t;
        if (got >= count) { QCoreApplication.quit(); return; }
        if (sent < count && cs.writeDatagram(stamp(), QHostAddress.LocalHost, port) === size) sent++;
      }
    });
    const idle = timer(100, () => { if (now() - lastrx > 1_000_000_000n) QCoreApplication.quit(); });
    for (let i = 0; i < window && sent < count; i++) if (cs.writeDatagram(stamp(), QHostAddress.LocalHost, port) === size) sent++;
    await QCoreApplication.exec();
    const t1 = now();
    idle.stop(); cs.close();
    const r = rtt.subarray(0, got).sort();
    let mean = 0; for (let i = 0; i < got; i++) mean += r[i]!;
    return { mode: 'client', sent, received: got, t_first: t0, t_last: t1, rtt_p50: got ? r[got >> 1] : 0,
      rtt_p99: got ? r[Math.floor(got * 0.99)] : 0, rtt_mean: got ? Math.round(mean / got) : 0, rtt_min: got ? r[0] : 0 };
  }
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(1);
}

const result = await run();
if (result) out(result);
app.dispose();
process.exit(0);
