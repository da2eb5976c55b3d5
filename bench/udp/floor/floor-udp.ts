// The floor of a UDP program inside Node's event loop (bench/udp/floor/floor.c): echo and client
// modes of the peers' UDP program protocol, with every datagram received and answered in C.
//
//   npm run bench:build-floor        (once: node-gyp builds bench/udp/floor/build/, git-ignored)
//   node --import tsx bench/udp/floor/floor-udp.ts [--hop c|js|immediate] MODE PORT COUNT SIZE PARAM
//
// --hop c: no JavaScript per wake-up; js: the poll callback enters JavaScript, which drains;
// immediate: that JavaScript schedules the drain with setImmediate, as tsqt's dispatcher does.
// Only `echo` and `client` are implemented (the round-trip scenarios). A 120 s cap ends it.
import { createRequire } from 'node:module';

interface Floor {
  start(client: number, port: number, count: number, window: number, size: number, hop: number,
    onReady: () => void, onDone: (r: Record<string, number>) => void): number;
  drain(): void;
  stop(): void;
}

const argv = process.argv.slice(2);
const hopAt = argv.indexOf('--hop');
const hopName = hopAt >= 0 ? argv.splice(hopAt, 2)[1] : 'c';
const hop = ['c', 'js', 'immediate'].indexOf(hopName ?? '');
const [mode, portS, countS, sizeS, paramS] = argv.filter((x) => !x.startsWith('--'));
if (hop < 0 || (mode !== 'echo' && mode !== 'client')) {
  process.stderr.write('usage: floor-udp.ts [--hop c|js|immediate] echo|client PORT COUNT SIZE PARAM\n');
  process.exit(1);
}
let floor: Floor;
try {
  floor = createRequire(import.meta.url)('./build/Release/floor.node') as Floor;
} catch {
  process.stderr.write('bench/udp/floor is not built: run `npm run bench:build-floor`\n');
  process.exit(1);
}
setTimeout(() => { process.stderr.write('hard cap reached\n'); process.exit(3); }, 120_000).unref();

const drain = hop === 2 ? (): void => { setImmediate(floor.drain); } : floor.drain;
const onDone = (r: Record<string, number>): void => {
  process.stdout.write(JSON.stringify({ mode: 'client', ...r }) + '\n');
  process.exit(0);
};
const port = floor.start(mode === 'client' ? 1 : 0, Number(portS), Number(countS), Math.max(1, Number(paramS)),
  Number(sizeS), hop, drain, onDone);
if (port < 0) {
  process.stderr.write(`bind failed: errno ${-port}\n`);
  process.exit(1);
}
if (mode === 'echo') {
  process.stdout.write(`PORT ${port}\n`);
  process.on('SIGTERM', () => { floor.stop(); process.exit(0); });
  setTimeout(() => { floor.stop(); }, 60_000).unref();
}
