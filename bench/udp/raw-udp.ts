// The least JavaScript a UDP program can run per datagram on tsqt's native engine: echo and client
// modes of the peers' UDP program protocol written directly on the binding (src/private/native.ts),
// with no QUdpSocket, no QObject and no dispatcher. Each wake-up makes the calls a Qt-style drain
// needs and nothing else: the poll callback schedules one setImmediate, which loops
// pendingSize (peek) -> recv -> sendTo4 until the peek finds nothing. It is the rung between the
// C floor (bench/udp/floor) and tsqt in bench/RESULTS.md: what crossing into C per call costs.
//
//   node --import tsx bench/udp/raw-udp.ts MODE PORT COUNT SIZE PARAM     (echo, client)
//
// A 120 s cap ends the process.
import { Family, StateIndex, Want, loadNative, nativeState } from '../../src/private/native.js';

const [mode, portS, countS, sizeS, paramS] = process.argv.slice(2).filter((x) => !x.startsWith('--'));
if (mode !== 'echo' && mode !== 'client') {
  process.stderr.write('usage: raw-udp.ts echo|client PORT COUNT SIZE PARAM\n');
  process.exit(1);
}
setTimeout(() => { process.stderr.write('hard cap reached\n'); process.exit(3); }, 120_000).unref();

const b = loadNative();
const info = nativeState().info;
const LOCALHOST = 0x7f000001;
const count = Number(countS), size = Math.max(16, Number(sizeS)), window = Math.max(1, Number(paramS));
const fd = b.socket(0);
if (fd < 0 || b.bind(fd, Family.V4, LOCALHOST, null, mode === 'echo' ? Number(portS) : 0, 0) !== 0 || b.sockName(fd) !== 0) {
  process.stderr.write('bind failed\n');
  process.exit(1);
}
const myPort = info[StateIndex.SenderPort]!;
const keepAlive = setInterval(() => {}, 1 << 30);
let scheduled = false;
let onReadable: () => void = () => {};
const pass = (): void => { scheduled = false; onReadable(); };
const poll = b.pollOpen(fd, () => { if (!scheduled) { scheduled = true; setImmediate(pass); } });
b.pollStart(poll, 1);

if (mode === 'echo') {
  process.stdout.write(`PORT ${myPort}\n`);
  onReadable = (): void => {
    for (;;) {
      const n = b.pendingSize(fd);
      if (n < 0) return;
      const d = b.recv(fd, n, Want.Sender);
      if (typeof d === 'number') return;
      b.sendTo4(fd, d, Family.V4, info[StateIndex.SenderIp4]!, info[StateIndex.SenderPort]!);
    }
  };
  process.on('SIGTERM', () => { b.pollClose(poll); clearInterval(keepAlive); process.exit(0); });
} else {
  const dst = Number(portS);
  const payload = Buffer.alloc(size, 'x');
  const rtt = new Float64Array(count);
  const t0 = process.hrtime.bigint();
  let sent = 0, got = 0;
  const send = (): void => {
    payload.writeBigInt64LE(process.hrtime.bigint(), 0);
    payload.writeBigInt64LE(BigInt(sent), 8);
    if (b.sendTo4(fd, payload, Family.V4, LOCALHOST, dst) === size) sent++;
  };
  onReadable = (): void => {
    for (;;) {
      const n = b.pendingSize(fd);
      if (n < 0) return;
      const d = b.recv(fd, n, Want.Sender);
      if (typeof d === 'number') return;
      if (d.length < 16) continue;
      rtt[got++] = Number(process.hrtime.bigint() - d.readBigInt64LE(0));
      if (got >= count) {
        const r = rtt.sort();
        let mean = 0;
        for (let i = 0; i < got; i++) mean += r[i]!;
        process.stdout.write(JSON.stringify({ mode: 'client', sent, received: got, t_first: Number(t0),
          t_last: Number(process.hrtime.bigint()), rtt_p50: r[got >> 1], rtt_p99: r[Math.floor(got * 0.99)],
          rtt_mean: Math.round(mean / got), rtt_min: r[0] }) + '\n');
        process.exit(0);
      }
      if (sent < count) send();
    }
  };
  for (let i = 0; i < window && sent < count; i++) send();
}
