/**
 * The documentation site in a real browser: builds it with TypeDoc (`npm run docs`), serves
 * docs-site/ from 127.0.0.1 (port 0), and drives Debian's headless Chromium with playwright-core.
 *
 * Run with `npm run test:browser` (or TSQT_BROWSER_TEST=1 mocha test/browser/site.test.ts); under
 * any other runner, such as `npm test`'s glob, it skips and says why. TSQT_DOCS_BUILT=1 reuses an
 * existing docs-site/ instead of building it. Chromium is installed with apt-get when missing
 * (root on Debian); playwright-core is a devDependency. A screenshot of each page visited goes to
 * test-output/.
 */
import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFile, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const site = join(root, 'docs-site');
const shots = join(root, 'test-output');
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = (): boolean => spawnSync('apt-get', ['install', '-y', 'chromium'], { env, stdio: 'inherit' }).status === 0;
  if (!install()) {
    spawnSync('apt-get', ['update'], { env, stdio: 'inherit' });
    if (!install()) throw new Error('could not install chromium with apt-get');
  }
}

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    });
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

describe('documentation site (headless Chromium)', function () {
  this.timeout(300000);
  let server: Server;
  let base: string;
  let userDataDir: string;
  // playwright-core is loaded at run time (through a variable specifier, so that type-checking the
  // project does not need it installed); its objects are used untyped here.
  let context: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const consoleErrors: string[] = [];

  before(async function () {
    if (process.env['npm_lifecycle_event'] !== 'test:browser' && process.env['TSQT_BROWSER_TEST'] !== '1') {
      console.log('    skipped: the browser test runs with `npm run test:browser` (or TSQT_BROWSER_TEST=1)');
      this.skip();
    }
    if (process.env['TSQT_DOCS_BUILT'] !== '1') execFileSync('npm', ['run', 'docs'], { cwd: root, stdio: 'inherit' });
    expect(existsSync(join(site, 'index.html')), 'docs-site/index.html').to.equal(true);
    ensureChromium();
    mkdirSync(shots, { recursive: true });
    server = await serve(site);
    const addr = server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    userDataDir = mkdtempSync(join(tmpdir(), 'tsqt-chromium-'));
    const pw = process.env['TSQT_PLAYWRIGHT_CORE'] ?? 'playwright-core'; // a path, for trials without the devDependency
    const { chromium } = await import(pw);
    // launchPersistentContext passes --user-data-dir=<userDataDir> itself (launch() refuses it in args).
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1280, height: 900 },
    });
    context.on('console', (m: any) => {
      if (m.type() === 'error') consoleErrors.push(`${m.location().url}: ${m.text()}`);
    });
    context.on('weberror', (e: any) => consoleErrors.push(String(e.error())));
  });

  after(async function () {
    await context?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('loads the index without console errors', async function () {
    const page = await context.newPage();
    consoleErrors.length = 0;
    const failed: string[] = [];
    page.on('requestfailed', (r: any) => failed.push(r.url()));
    page.on('response', (r: any) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${base}/index.html`, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    expect(await page.locator('h1, h2').first().textContent()).to.match(/tsqt/);
    // The sidebar lists the guides.
    await page.waitForSelector('.tsd-navigation a');
    const nav = (await page.locator('nav.tsd-navigation:not(#tsd-sidebar-links)').textContent()) ?? '';
    for (const g of ['Getting started', 'Porting from PyQt and Qt C++', 'Signals and slots', 'The event loop on Node', 'UDP networking']) {
      expect(nav, 'sidebar').to.include(g);
    }
    await page.screenshot({ path: join(shots, 'site-index.png') });
    expect(failed, 'failed requests').to.deep.equal([]);
    expect(consoleErrors, 'console errors').to.deep.equal([]);
    await page.close();
  });

  it('finds QUdpSocket with the search box', async function () {
    const page = await context.newPage();
    await page.goto(`${base}/index.html`, { waitUntil: 'load' });
    await page.click('#tsd-search-trigger');
    await page.fill('#tsd-search-input', 'QUdpSocket');
    const first = page.locator('#tsd-search-results li a').first();
    await first.waitFor({ timeout: 20000 });
    expect(await first.innerText()).to.include('QUdpSocket');
    await page.screenshot({ path: join(shots, 'site-search.png') });
    await Promise.all([page.waitForURL(/QUdpSocket\.html/), first.click()]);
    expect(page.url()).to.match(/network\.QUdpSocket\.html/);
    await page.close();
  });

  it('shows QUdpSocket with readyRead, writeDatagram, their docs, the Signals group and the Qt link', async function () {
    const page = await context.newPage();
    consoleErrors.length = 0;
    await page.goto(`${base}/classes/network.QUdpSocket.html`, { waitUntil: 'load' });
    const qtLink = page.locator('a[href="https://doc.qt.io/qt-6/qudpsocket.html"]');
    expect(await qtLink.count(), 'link to the Qt 6 page').to.be.greaterThan(0);
    const readyRead = page.locator('section.tsd-member:has(h3:has-text("readyRead"))').first();
    expect(await readyRead.innerText()).to.match(/Emitted/);
    const writeDatagram = page.locator('section.tsd-member:has(h3:has-text("writeDatagram"))').first();
    const wd = await writeDatagram.innerText();
    expect(wd).to.match(/bytes/i);
    expect(wd).to.include('writeDatagram');
    const groups: string[] = await page.locator('section.tsd-member-group > h2, details.tsd-member-group summary h2').allInnerTexts();
    expect(groups.map((g) => g.trim())).to.include.members(['Signals', 'Methods']);
    expect(await page.locator('text=Differences from Qt').count()).to.be.greaterThan(0);
    await page.screenshot({ path: join(shots, 'site-qudpsocket.png'), fullPage: false });
    expect(consoleErrors, 'console errors').to.deep.equal([]);
    await page.close();
  });

  it('renders the state-machine diagram in the UDP guide', async function () {
    const page = await context.newPage();
    await page.goto(`${base}/documents/UDP_networking.html`, { waitUntil: 'load' });
    const img = page.locator('img[src*="socket-states"]');
    await img.scrollIntoViewIfNeeded();
    const size = await img.evaluate((el: { complete: boolean; naturalWidth: number }) => (el.complete ? el.naturalWidth : 0));
    expect(size, 'natural width of socket-states.svg').to.be.greaterThan(100);
    await page.screenshot({ path: join(shots, 'site-udp-guide.png'), fullPage: true });
    await page.close();
  });
});
