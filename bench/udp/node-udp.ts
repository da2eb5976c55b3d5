// Loopback UDP with Node's dgram, the peer of tsqt-udp.ts: receive with
// socket.on('message'), send with socket.send(buf, port, '127.0.0.1'), yield
// to the event loop with setImmediate after each burst.
//
//   node --import tsx bench/udp/node-udp.ts MODE PORT COUNT SIZE PARAM [--connected]
//
// The protocol (modes, datagram layout, JSON lines) is the peers' harness's
// (../shared/bench-anchors/README.md, "UDP program protocol"): bytes 0-7 the
// send time (int64 LE, CLOCK_MONOTONIC ns), bytes 8-15 a sequence number.
// --connected: the sender connect()s and sends without an address.
// Every loop is bounded; a 120 s hard cap ends the process.
import { Buffer } from 'node:buffer';
import dgram from 'node:dgram';
import process from 'node:process';

const argv = process.argv.slice(2);
const connected = argv.includes('--connected');
const [mode, portS, countS, sizeS, paramS] = argv.filter((x) => !x.startsWith('--'));
const port = Number(portS), count = Number(countS), size = Math.max(16, Number(sizeS)), param = Number(paramS);
const LO = '127.0.0.1';
const now = (): bigint => process.hrtime.bigint();
setTimeout(() => { process.stderr.write('hard cap reached\n'); process.exit(3); }, 120_000).unref();

let seq = 0n;
const stamp = (b: Buffer): Buffer => { b.writeBigInt64LE(now(), 0); b.writeBigInt64LE(seq++, 8); return b; };
const out = (o: Record<string, unknown>): void => {
  process.stdout.write(JSON.stringify(o, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)) + '\n');
};
type Send = (b: Buffer) => void;
function sender(s: dgram.Socket, dst: number, ready: (send: Send) => void): void {
  if (connected) s.connect(dst, LO, () => ready((b) => s.send(b)));
  else setImmediate(() => ready((b) => s.send(b, dst, LO)));
}

if (mode === 'recv') {
  const rs = dgram.createSocket('udp4');
  let got = 0, bytes = 0, first = 0n, last = 0n;
  const t0 = now();
  const finish = (): void => { clearInterval(idle); rs.close(); out({ mode: 'recv', received: got, bytes, t_first: first, t_last: last }); };
  rs.on('message', (m) => {
    const t = now();
    if (!got) first = t;
    last = t; got++; bytes += m.length;
    if (got >= count) finish();
  });
  const idle = setInterval(() => {
    const t = now();
    if ((got > 0 && t - last > 500_000_000n) || (got === 0 && t - t0 > 20_000_000_000n)) finish();
  }, 50);
  rs.bind(port, LO, () => process.stdout.write(`PORT ${rs.address().port}\n`));
} else if (mode === 'send') {
  const ss = dgram.createSocket('udp4');
  const burst = param > 0 ? param : 64;
  // one buffer per datagram of a burst: an unconnected send keeps its buffer until the lookup tick
  const bufs = Array.from({ length: burst }, () => Buffer.alloc(size, 'x'));
  let sent = 0, first = 0n;
  ss.bind(0, LO, () => sender(ss, port, (send) => {
    first = now();
    const pump = (): void => {
      const k = Math.min(burst, count - sent);
      for (let i = 0; i < k; i++) send(stamp(bufs[i]!));
      sent += k;
      if (sent < count) setImmediate(pump);
      else process.nextTick(() => { const last = now(); setImmediate(() => { ss.close(); out({ mode: 'send', sent, t_first: first, t_last: last }); }); });
    };
    pump();
  }));
} else if (mode === 'flood1p') {
  const rs = dgram.createSocket('udp4');
  const ss = dgram.createSocket('udp4');
  const burst = param > 0 ? param : 64;
  const bufs = Array.from({ length: burst }, () => Buffer.alloc(size, 'x'));
  let sent = 0, got = 0, bytes = 0, first = 0n, sentLast = 0n, last = 0n;
  let idle: NodeJS.Timeout | undefined;
  const finish = (): void => {
    clearInterval(idle); rs.close(); ss.close();
    out({ mode: 'flood1p', sent, received: got, bytes, t_first: first, t_sent_last: sentLast, t_last: last });
  };
  rs.on('message', (m) => { got++; bytes += m.length; last = now(); if (got >= count) finish(); });
  rs.bind(0, LO, () => ss.bind(0, LO, () => sender(ss, rs.address().port, (send) => {
    first = sentLast = last = now();
    const pump = (): void => {
      const k = Math.min(burst, count - sent);
      for (let i = 0; i < k; i++) send(stamp(bufs[i]!));
      sent += k;
      if (sent < count) setImmediate(pump);
      else process.nextTick(() => { sentLast = now(); });
    };
    idle = setInterval(() => {
      const l = last > sentLast ? last : sentLast;
      if (sent >= count && sentLast > 0n && now() - l > 200_000_000n) finish();
    }, 50);
    pump();
  })));
} else if (mode === 'echo') {
  const es = dgram.createSocket('udp4');
  let lastrx = now(), echoed = 0;
  const stop = (): void => { clearInterval(idle); es.close(); process.stderr.write(`echo: ${echoed} echoed\n`); };
  es.on('message', (m, r) => { es.send(m, r.port, r.address); echoed++; lastrx = now(); });
  const idle = setInterval(() => { if (now() - lastrx > 10_000_000_000n) stop(); }, 100);
  process.on('SIGTERM', stop);
  es.bind(port, LO, () => process.stdout.write(`PORT ${es.address().port}\n`));
} else if (mode === 'client') {
  const cs = dgram.createSocket('udp4');
  const window = param > 0 ? param : 1;
  const rtt = new Float64Array(count);
  const bufs = Array.from({ length: window + 1 }, () => Buffer.alloc(size, 'x'));
  let sent = 0, got = 0, t0 = 0n, lastrx = 0n, idle: NodeJS.Timeout | undefined, send: Send = () => {};
  const sendOne = (): void => { send(stamp(bufs[sent % bufs.length]!)); sent++; };
  const finish = (): void => {
    clearInterval(idle); cs.close();
    const t1 = now();
    const r = rtt.subarray(0, got).sort();
    let mean = 0; for (let i = 0; i < got; i++) mean += r[i]!;
    out({ mode: 'client', sent, received: got, t_first: t0, t_last: t1, rtt_p50: got ? r[got >> 1] : 0,
      rtt_p99: got ? r[Math.floor(got * 0.99)] : 0, rtt_mean: got ? Math.round(mean / got) : 0, rtt_min: got ? r[0] : 0 });
  };
  cs.on('message', (m) => {
    const t = now();
    rtt[got++] = Number(t - m.readBigInt64LE(0));
    lastrx = t;
    if (got >= count) { finish(); return; }
    if (sent < count) sendOne();
  });
  cs.bind(0, LO, () => sender(cs, port, (s) => {
    send = s;
    t0 = lastrx = now();
    idle = setInterval(() => { if (now() - lastrx > 1_000_000_000n) finish(); }, 100);
    for (let i = 0; i < window && sent < count; i++) sendOne();
  }));
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(1);
}
