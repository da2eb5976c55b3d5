/**
 * Every code example in the documentation compiles against the package, and the runnable ones run:
 *
 * - every `@example` block and every fenced `ts` block of a TSDoc comment under src/;
 * - every fenced `ts` block of the guides (docs/guides/*.md).
 *
 * The blocks are written to test-output/doc-examples/ (inside the project, so that they see its
 * node_modules and types), with their `tsqt` imports pointed at src/index.ts. A block without
 * imports gets one for the package names it uses (class-level snippets such as `class X extends
 * QObject { ... }`). All of them are type-checked with one `tsc` run. The `@example` blocks and
 * the guides' blocks are then run, each in a fresh Node process: they must exit by themselves
 * (every socket closed, every timer stopped) with status 0.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import * as tsqt from '../../src/index.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..', '..');
const outDir = join(root, 'test-output', 'doc-examples');

/** One code block found in the docs. */
interface Block {
  /** Where it comes from, for messages: `src/core/QTimer.ts:120 (@example)`. */
  where: string;
  code: string;
  /** Whether the test runs it (besides type-checking it). */
  runs: boolean;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out.sort();
}

const FENCE = /^```(ts|typescript)\s*\n([\s\S]*?)^```\s*$/gm;

/** The fenced ts blocks of the TSDoc comments of one source file. */
export function blocksOfSource(file: string, text: string): Block[] {
  const blocks: Block[] = [];
  const rel = relative(root, file);
  for (const m of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const startLine = text.slice(0, m.index).split('\n').length;
    const body = m[1]!
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, ''))
      .join('\n');
    // The @example sections: from the tag to the next block tag.
    const exampleRanges: [number, number][] = [];
    for (const t of body.matchAll(/^@example\b/gm)) {
      const rest = body.slice(t.index + 8);
      const next = /^@[a-zA-Z]+/m.exec(rest.replace(/^```[\s\S]*?^```/gm, (s) => ' '.repeat(s.length)));
      exampleRanges.push([t.index, t.index + 8 + (next ? next.index : rest.length)]);
    }
    for (const f of body.matchAll(FENCE)) {
      const inExample = exampleRanges.some(([a, b]) => f.index >= a && f.index < b);
      const line = startLine + body.slice(0, f.index).split('\n').length - 1;
      blocks.push({ where: `${rel}:${line}${inExample ? ' (@example)' : ''}`, code: f[2]!, runs: inExample });
    }
  }
  return blocks;
}

function collect(): Block[] {
  const blocks: Block[] = [];
  for (const file of walk(join(root, 'src'))) {
    if (file.includes(`${join('src', 'private')}`) || /[/\\]private[/\\]/.test(relative(root, file))) continue;
    blocks.push(...blocksOfSource(file, readFileSync(file, 'utf8')));
  }
  const guides = join(root, 'docs', 'guides');
  for (const name of readdirSync(guides).filter((n) => n.endsWith('.md')).sort()) {
    const text = readFileSync(join(guides, name), 'utf8');
    for (const f of text.matchAll(FENCE)) {
      const line = text.slice(0, f.index).split('\n').length + 1;
      blocks.push({ where: `docs/guides/${name}:${line}`, code: f[2]!, runs: true });
    }
  }
  return blocks;
}

const exported = Object.keys(tsqt);

/** The block as a module of its own whose `tsqt` imports point at the sources. */
function toModule(code: string, fileDir: string): string {
  const entry = relative(fileDir, join(root, 'src', 'index.js')).replace(/\\/g, '/');
  let src = code.replace(/from\s+'tsqt(\/(core|network|testlib))?'/g, `from '${entry.startsWith('.') ? entry : `./${entry}`}'`);
  if (!/^\s*import\s/m.test(code)) {
    const declared = new Set([...code.matchAll(/\b(?:class|const|let|function)\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!));
    const used = exported.filter((n) => !declared.has(n) && new RegExp(`\\b${n.replace(/\$/g, '\\$')}\\b`).test(code));
    if (used.length > 0) src = `import { ${used.join(', ')} } from '${entry}';\n${src}`;
  }
  return `${src}\nexport {};\n`;
}

describe('documentation examples', function () {
  this.timeout(240000);
  const blocks = collect();
  const files: { block: Block; file: string }[] = [];

  before(function () {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    blocks.forEach((block, i) => {
      const slug = block.where.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
      const file = join(outDir, `${String(i).padStart(3, '0')}_${slug}.ts`);
      writeFileSync(file, `// from ${block.where}\n${toModule(block.code, outDir)}`);
      files.push({ block, file });
    });
    writeFileSync(
      join(outDir, 'tsconfig.json'),
      JSON.stringify(
        {
          extends: '../../tsconfig.json',
          compilerOptions: { noEmit: true, rootDir: '../..', noUnusedLocals: false },
          include: ['*.ts'],
        },
        null,
        2,
      ),
    );
  });

  it('finds the examples: TSDoc blocks, @example blocks and the guides', function () {
    expect(blocks.filter((b) => b.where.startsWith('src/')).length).to.be.greaterThan(5);
    expect(blocks.filter((b) => b.where.includes('(@example)')).length).to.be.greaterThan(5);
    expect(blocks.filter((b) => b.where.startsWith('docs/guides/')).length).to.be.greaterThan(5);
  });

  it('type-checks every example against src/index.ts', async function () {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    let output = '';
    try {
      await run(process.execPath, [tsc, '-p', join(outDir, 'tsconfig.json'), '--pretty', 'false'], { cwd: root, maxBuffer: 1 << 24 });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      output = `${err.stdout ?? ''}${err.stderr ?? ''}`;
    }
    // Point each error at the documentation line it comes from.
    const lines = output
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const f = files.find(({ file }) => l.startsWith(relative(root, file)));
        return f ? `${f.block.where}: ${l}` : l;
      });
    expect(lines, 'type errors in documentation examples').to.deep.equal([]);
  });

  it('runs every @example and guide example to completion (exit status 0, no open handles)', async function () {
    const failures: string[] = [];
    const runnable = files.filter(({ block }) => block.runs);
    expect(runnable.length).to.be.greaterThan(5);
    // Two at a time: the machine has two cores.
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < runnable.length) {
        const { block, file } = runnable[next++]!;
        try {
          await run(process.execPath, ['--import', 'tsx', file], { cwd: root, timeout: 30000, maxBuffer: 1 << 24 });
        } catch (e) {
          const err = e as { code?: unknown; signal?: unknown; stderr?: string; killed?: boolean };
          const why = err.killed ? 'did not exit within 30 s (an open socket or timer?)' : `exit ${String(err.code ?? err.signal)}`;
          failures.push(`${block.where}: ${why}\n${(err.stderr ?? '').split('\n').slice(0, 8).join('\n')}`);
        }
      }
    };
    await Promise.all([worker(), worker()]);
    expect(failures, failures.join('\n\n')).to.deep.equal([]);
  });
});
