// SPDX-License-Identifier: MIT
// Where the native addon failed to build (DESIGN, "Why a native engine"): constructing a socket
// throws an Error that says to run `npm rebuild`, a refused socket does not join its parent, and
// src/core stays usable. Simulated with a copy of src/ that has no build/ beside it.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

describe('without the native addon', function () {
  this.timeout(60000);
  let dir = '';

  before(function () {
    dir = mkdtempSync(join(tmpdir(), 'tsqt-noaddon-'));
    cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(
      join(dir, 'probe.ts'),
      `import { QCoreApplication, QObject, QTimer, QUdpSocket, QHostAddress } from './src/index.js';
const out: Record<string, unknown> = {};
const parent = new QObject();
try {
  new QUdpSocket(parent);
  out.constructed = true;
} catch (e) {
  out.error = e instanceof Error ? [e.constructor.name, e.message] : String(e);
}
out.children = parent.children().length;
out.address = new QHostAddress('127.0.0.1').toString();
const app = new QCoreApplication([]);
QTimer.singleShot(1, () => QCoreApplication.exit(7));
out.exec = await QCoreApplication.exec();
app.dispose();
console.log(JSON.stringify(out));
`,
    );
  });

  after(function () {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to construct a socket with an error naming `npm rebuild`; the core still works', function () {
    // tsx is resolved from the project (cwd); the copy's relative path to build/ finds nothing
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, 'probe.ts')], { cwd: ROOT, encoding: 'utf8', timeout: 50000 });
    expect(r.status, r.stderr).to.equal(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { constructed?: boolean; error: [string, string]; children: number; address: string; exec: number };
    expect(out.constructed).to.equal(undefined);
    expect(out.error[0]).to.equal('Error');
    expect(out.error[1]).to.match(/native engine .* is not built: run `npm rebuild`/);
    expect(out.children, 'the refused socket did not join its parent').to.equal(0);
    expect(out.address).to.equal('127.0.0.1');
    expect(out.exec).to.equal(7);
  });
});
