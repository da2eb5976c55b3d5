/**
 * The README's example must run as written: this test takes the first TypeScript block of
 * README.md, points its `tsqt` import at the sources, runs it in a fresh Node process and checks
 * what it printed.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..', '..');

describe('README', function () {
  this.timeout(30000);

  it('has a first program that runs as written and prints the datagram it received', async function () {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const match = /```ts\n([\s\S]*?)```/.exec(readme);
    expect(match, 'a ```ts block in README.md').to.not.equal(null);
    const source = match![1]!;
    expect(source).to.match(/from 'tsqt'/);
    const entry = pathToFileURL(join(root, 'src', 'index.ts')).href;
    const dir = mkdtempSync(join(tmpdir(), 'tsqt-readme-'));
    try {
      const file = join(dir, 'example.mts');
      writeFileSync(file, source.replace(/from 'tsqt'/g, `from '${entry}'`));
      const { stdout } = await run(process.execPath, ['--import', 'tsx', file], { cwd: root, timeout: 20000 });
      expect(stdout).to.match(/^hello, Qt from 127\.0\.0\.1:\d+\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
