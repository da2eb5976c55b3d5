// Exercises the addon (path in argv[2]) for an AddressSanitizer run: native/test/asan.sh --addon
const b = require(process.argv[2]);
const st = new Int32Array(b.state);
let pending = 0;
for (let round = 0; round < 200; round++) {
  const fam = round % 3 === 0 ? 4 : 6;
  const a = b.socket(round % 3), c = b.socket(fam === 4 ? 0 : 1);
  const lo6 = new Uint8Array(16); lo6[15] = 1;
  if (fam === 4) b.bind(a, 4, 0x7f000001, null, 0, 0); else b.bind(a, 6, 0, new Uint8Array(16), 0, 0);
  b.setOption(a, 103, round % 3, 1); b.setOption(a, 104, round % 3, 1);
  b.sockName(a); const port = st[1];
  if (fam === 4) b.sendMsg(c, Buffer.alloc(round * 50), 4, 0x7f000001, null, port, 0, 5, 0, 4, 0x7f000001, null);
  else b.sendMsg(c, Buffer.alloc(round * 50), 6, 0, lo6, port, 0, 5, 1, 6, 0, lo6);
  b.pollFd(a, 1, 1000);
  const r = b.recv(a, round * 7, 2);
  if (typeof r === 'number') throw new Error('recv ' + r);
  b.pendingSize(a); b.hasPending(a); b.bytesAvailable(a);
  const h = b.pollOpen(a, () => {}); b.pollStart(h, 3); b.pollStop(h); if (round % 2) b.pollClose(h);
  b.interfaces(); b.nameToIndex('lo'); b.indexToName(1); b.strerror(98);
  try { b.bind(a, 6, 0, new Uint8Array(3), 0, 0); } catch {}
  b.close(a); b.close(c);
}
global.gc && global.gc();
setTimeout(() => { global.gc && global.gc(); console.log('asan smoke ok'); }, 50);
