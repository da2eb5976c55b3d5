// Small helpers shared by the benchmark drivers: statistics, formatting,
// machine description, fresh-process spawning, results files. Nothing here is
// part of the tsqt package.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's `bench/` folder. */
export const benchRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The project root. */
export const projectRoot = path.resolve(benchRoot, '..');

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface Stat { med: number; min: number; max: number; n: number }
export function stat(xs: readonly number[]): Stat {
  return { med: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}

/** 1234567 -> "1.23 M" */
export function fmtRate(x: number): string {
  if (!Number.isFinite(x)) return '-';
  if (x >= 1e9) return (x / 1e9).toFixed(2) + ' G';
  if (x >= 1e6) return (x / 1e6).toFixed(x >= 1e8 ? 0 : x >= 1e7 ? 1 : 2) + ' M';
  if (x >= 1e3) return (x / 1e3).toFixed(x >= 1e5 ? 0 : 1) + ' k';
  return x.toFixed(0);
}
/** ns per op from ops/s, 3 significant digits. */
export function fmtNs(opsPerSec: number): string {
  const ns = 1e9 / opsPerSec;
  return ns < 10 ? ns.toFixed(2) : ns < 100 ? ns.toFixed(1) : ns.toFixed(0);
}
export function fmtMs(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0);
}
export function pad(s: unknown, n: number, left = false): string {
  return left ? String(s).padEnd(n) : String(s).padStart(n);
}
export function pct(x: number): string {
  return (x * 100).toFixed(1) + '%';
}

/** Machine, Node, load: printed at the head of every report. */
export function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus[0]?.model ?? '?',
    cpus: cpus.length,
    kernel: os.release(),
    loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
    memGB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
  };
}
export function machineLine(): string {
  const m = machine();
  return `${m.date}  node ${m.node}  ${m.cpu} x${m.cpus}  kernel ${m.kernel}  load ${(m.loadavg as number[]).join(' ')}`;
}

/** Warn when the machine is busy: figures from a loaded machine are worthless. */
export function loadWarning(): string | null {
  const l1 = os.loadavg()[0]!;
  const n = os.cpus().length;
  return l1 > 0.5 * n ? `WARNING: 1-min load average ${l1.toFixed(2)} on ${n} CPUs before this run: figures may be skewed` : null;
}

/** Arguments for a fresh Node process that runs a TypeScript file through tsx. */
export function nodeTs(file: string, extra: string[] = []): string[] {
  return ['--expose-gc', '--import', 'tsx', ...extra, file];
}

export interface WorkerResult { error?: string; [k: string]: unknown }

/** Runs one fresh Node process and parses the last JSON line of its stdout. */
export function runWorker(args: string[], timeoutMs = 120_000, cwd = projectRoot): WorkerResult {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const line = (r.stdout || '').trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (line) {
    try { return JSON.parse(line) as WorkerResult; } catch { /* fall through */ }
  }
  const why = r.error ? String(r.error.message) : `status ${r.status} signal ${r.signal}`;
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') return { error: `killed after ${(timeoutMs / 1000).toFixed(0)} s`, timedOut: true, timeoutMs };
  return { error: `worker failed (${why}): ${(r.stderr || '').trim().split('\n').slice(-4).join(' | ')}` };
}

/** Writes `results/<name>-<time>.json` and returns its path relative to the project. */
export function writeResults(name: string, data: unknown, explicit?: string | null): string {
  const file = explicit ? path.resolve(explicit) : path.join(benchRoot, 'results', `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(data, null, 1));
  return path.relative(process.cwd(), file);
}

/** Simple `--name value` / `--flag` parser. */
export function parseArgs(argv: string[], flags: readonly string[] = []): Map<string, string> {
  const m = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) { m.set('_' + m.size, a); continue; }
    const eq = a.indexOf('=');
    if (eq > 0) { m.set(a.slice(2, eq), a.slice(eq + 1)); continue; }
    const k = a.slice(2);
    if (flags.includes(k) || i + 1 >= argv.length || argv[i + 1]!.startsWith('--')) m.set(k, 'true');
    else m.set(k, argv[++i]!);
  }
  return m;
}

/** A markdown table from a header and rows. */
export function mdTable(head: string[], rows: string[][]): string {
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
