// SPDX-License-Identifier: MIT
// The native engine under AddressSanitizer/UBSan and valgrind (issue 5; DESIGN "Quality bars"):
// native/test/asan.sh drives the engine core in C (ASan+UBSan, then valgrind --leak-check=full),
// then the whole addon built with ASan runs the smoke script and the argument fuzzer in Node.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, hasCommand } from '../faults/helpers.js';

const ASAN = join(ROOT, 'native/test/asan.sh');

function libasan(): string | null {
  const r = spawnSync('cc', ['-print-file-name=libasan.so'], { encoding: 'utf8' });
  const p = r.stdout.trim();
  return r.status === 0 && p.startsWith('/') ? p : null;
}

/** Missing libasan: install it through apt-get when allowed, else null (the test skips). */
function ensureLibasan(): string | null {
  if (libasan() !== null || !hasCommand('apt-get')) return libasan();
  const gcc = spawnSync('sh', ['-c', "cc -dumpversion | cut -d. -f1"], { encoding: 'utf8' }).stdout.trim();
  spawnSync('apt-get', ['install', '-y', '--no-install-recommends', `libasan${gcc === '12' ? '8' : ''}`], { stdio: 'ignore', timeout: 120000 });
  return libasan();
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; signal: string | null; out: string } {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 240000 });
  return { status: r.status, signal: r.signal, out: `${r.stdout}${r.stderr}` };
}

describe('stress: native engine under sanitizers', function () {
  it('the engine core passes its C driver under ASan + UBSan (native/test/asan.sh)', function () {
    if (!hasCommand('cc')) {
      console.log('      skipped: no C compiler');
      this.skip();
    }
    if (ensureLibasan() === null) {
      console.log('      skipped: libasan is not installed and could not be installed');
      this.skip();
    }
    const t0 = Date.now();
    const r = run('bash', [ASAN, '50']);
    console.log(`      asan.sh 50 rounds: exit ${r.status} in ${Date.now() - t0} ms: ${r.out.trim().split('\n').pop()}`);
    expect(r.out).to.not.match(/ERROR: AddressSanitizer|runtime error:|LeakSanitizer/);
    expect(r.status, r.out).to.equal(0);
  });

  it('the engine core runs clean under valgrind --leak-check=full (no error, no leak, no descriptor left)', function () {
    if (!hasCommand('valgrind')) {
      console.log('      skipped: valgrind is not installed (apt-get install valgrind)');
      this.skip();
    }
    const t0 = Date.now();
    const r = run('bash', [ASAN, '--valgrind', '5']);
    // descriptors valgrind reports beyond stdio must all be inherited from this process
    const opened = r.out.split('\n').filter((l) => /Open (file descriptor|AF_INET)/.test(l));
    const inheritedBlocks = (r.out.match(/<inherited from parent>/g) ?? []).length;
    console.log(`      valgrind 5 rounds: exit ${r.status} in ${Date.now() - t0} ms; ${opened.length} extra descriptors, ${inheritedBlocks} inherited`);
    expect(r.status, r.out).to.equal(0);
    expect(r.out).to.match(/rounds passed/);
    expect(opened.length, r.out).to.equal(inheritedBlocks);
  });

  it('the addon built with ASan + UBSan runs the smoke script and the argument fuzzer in Node without a report', function () {
    const asan = ensureLibasan();
    if (asan === null || !hasCommand('cc')) {
      console.log('      skipped: libasan or a C compiler is missing');
      this.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), 'tsqt-asan-'));
    try {
      const addon = join(dir, 'tsqt-asan.node');
      const inc = join(dirname(dirname(process.execPath)), 'include', 'node');
      const build = run('cc', [
        '-std=gnu11', '-g', '-O1', '-fno-omit-frame-pointer', '-fsanitize=address,undefined', '-fno-sanitize-recover=undefined',
        '-fPIC', '-shared', '-DNAPI_VERSION=8', `-I${inc}`, join(ROOT, 'native/engine.c'), join(ROOT, 'native/tsqt.c'), '-o', addon,
      ]);
      expect(build.status, build.out).to.equal(0);
      const env = { LD_PRELOAD: asan!, ASAN_OPTIONS: 'detect_leaks=0' }; // Node's own allocations are not ours
      const smoke = run(process.execPath, ['--expose-gc', join(ROOT, 'native/test/addon_smoke.cjs'), addon], env);
      expect(smoke.out).to.not.match(/ERROR: AddressSanitizer|runtime error:/);
      expect(smoke.status, smoke.out).to.equal(0);
      const fuzz = fileURLToPath(new URL('../faults/fixtures/nativeFuzz.cjs', import.meta.url));
      const t0 = Date.now();
      const f = run(process.execPath, ['--expose-gc', fuzz, addon, '2'], env);
      console.log(`      ASan addon: smoke "${smoke.out.trim().split('\n').pop()}"; fuzz exit ${f.status} in ${Date.now() - t0} ms: ${f.out.trim().split('\n').pop()}`);
      expect(f.out).to.not.match(/ERROR: AddressSanitizer|runtime error:/);
      expect(f.signal, f.out).to.equal(null);
      expect(f.status, f.out).to.equal(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
