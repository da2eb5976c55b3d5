// SPDX-License-Identifier: MIT
// The package as users get it: `npm pack` (which builds dist/ through `prepare`), install the
// tarball into an empty folder (which builds the native addon through `install`), then run the
// demo there with plain `node` against the installed dist/. Catches a file missing from `files`,
// a broken `exports` map, and an addon that only loads from the source tree.
// Slow (a TypeScript build and a native build): about a minute.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { describeExit, killAll, root, startProcess } from './runExample.js';

const execFileAsync = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

interface PackResult {
  filename: string;
  files: { path: string }[];
}

describe('the packed package', function () {
  this.timeout(300000);
  let dir = '';
  let app = '';
  let packed: PackResult;

  before(async function () {
    dir = mkdtempSync(join(tmpdir(), 'tsqt-pack-'));
    const { stdout } = await execFileAsync(npm, ['pack', '--json', '--pack-destination', dir], { cwd: root, env, timeout: 180000, maxBuffer: 1 << 24 });
    packed = (JSON.parse(stdout) as PackResult[])[0]!;
    app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'tsqt-pack-test', version: '1.0.0', private: true, type: 'module' }));
    // Offline: tsqt has no runtime dependencies, so nothing needs the registry.
    await execFileAsync(npm, ['install', '--offline', '--no-fund', '--no-audit', join(dir, packed.filename)], { cwd: app, env, timeout: 180000, maxBuffer: 1 << 24 });
  });

  after(function () {
    killAll();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('ships dist/, the native sources and binding.gyp, and no TypeScript sources or tests', function () {
    const files = packed.files.map((f) => f.path);
    for (const f of ['package.json', 'binding.gyp', 'native/engine.c', 'native/tsqt.c', 'dist/index.js', 'dist/index.d.ts']) {
      expect(files, f).to.include(f);
    }
    for (const entry of ['core', 'network', 'testlib']) expect(files).to.include(`dist/${entry}/index.js`);
    expect(files.filter((f) => /^(src|test|examples|bench)\//.test(f))).to.deep.equal([]);
  });

  it('installs with the native addon built', function () {
    expect(existsSync(join(app, 'node_modules', 'tsqt', 'build', 'Release', 'tsqt.node'))).to.equal(true);
  });

  it('runs the demo with plain node from the installed package', async function () {
    // demo.ts, with its import pointed at the package name, compiled to JavaScript.
    const source = readFileSync(join(root, 'examples', 'demo.ts'), 'utf8');
    expect(source).to.include("from '../src/index.js'");
    const js = ts.transpileModule(source.replace("from '../src/index.js'", "from 'tsqt'"), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(join(app, 'demo.mjs'), js);
    const out = await startProcess(process.execPath, ['demo.mjs', '--count', '3', '--interval', '50'], app, 30000).exited;
    expect(out.code, describeExit(out)).to.equal(0);
    const received = out.lines.filter((l) => / receiver: "/.test(l)).map((l) => /"(.*)"/.exec(l)![1]);
    expect(received).to.deep.equal(['Message 1', 'Message 2', 'Message 3']);
  });

  it('type-checks the examples against the installed declarations, with no internal member in them', function () {
    // Every example with its imports pointed at the package, compiled strictly against
    // node_modules/tsqt/dist/*.d.ts with skipLibCheck off: the published types hold together.
    const dts = join(app, 'node_modules', 'tsqt', 'dist');
    const files: string[] = [];
    for (const name of ['demo', 'application', 'broadcastreceiver', 'broadcastsender', 'echoclient', 'echoserver', 'multicastreceiver', 'multicastsender', 'udpclient', 'udpserver']) {
      const source = readFileSync(join(root, 'examples', `${name}.ts`), 'utf8').replaceAll("from '../src/index.js'", "from 'tsqt'");
      writeFileSync(join(app, `${name}.ts`), source);
      files.push(join(app, `${name}.ts`));
    }
    writeFileSync(join(app, 'cli.ts'), readFileSync(join(root, 'examples', 'cli.ts'), 'utf8').replaceAll("from '../src/index.js'", "from 'tsqt'"));
    const program = ts.createProgram(files, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts'],
      types: ['node'],
      typeRoots: [join(root, 'node_modules', '@types')],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
    });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors).to.deep.equal([]);
    expect(program.getSourceFiles().some((f) => f.fileName.startsWith(dts)), 'resolved to the installed package').to.equal(true);
    // @internal members (the `_` methods shared between the library's modules) are stripped
    const signal = readFileSync(join(dts, 'core', 'Signal.d.ts'), 'utf8');
    expect(signal).to.include('emit(');
    expect(signal).to.not.match(/\b_[a-zA-Z]+\(/);
  });

  it('exports exactly the documented entry points', async function () {
    const script = `
      const out = {};
      for (const name of ['tsqt', 'tsqt/core', 'tsqt/network', 'tsqt/testlib', 'tsqt/package.json', 'tsqt/dist/index.js', 'tsqt/src/index.ts']) {
        try {
          const m = name.endsWith('.json') ? await import(name, { with: { type: 'json' } }) : await import(name);
          out[name] = Object.keys(m).sort();
        } catch (e) {
          out[name] = e.code;
        }
      }
      console.log(JSON.stringify(out));`;
    const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, timeout: 30000 });
    const out = JSON.parse(stdout) as Record<string, string[] | string>;
    expect(out['tsqt']).to.include.members(['QObject', 'QCoreApplication', 'QTimer', 'QUdpSocket', 'QHostAddress', 'QSignalSpy', 'Signal']);
    expect(out['tsqt/core']).to.include.members(['QObject', 'Signal', 'QTimer']).and.not.include('QUdpSocket');
    expect(out['tsqt/network']).to.include.members(['QUdpSocket', 'QHostAddress']).and.not.include('QObject');
    expect(out['tsqt/testlib']).to.include('QSignalSpy');
    expect(out['tsqt/package.json']).to.include('default');
    expect(out['tsqt/dist/index.js']).to.equal('ERR_PACKAGE_PATH_NOT_EXPORTED');
    expect(out['tsqt/src/index.ts']).to.equal('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });
});
