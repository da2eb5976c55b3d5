// Running programs of the peers' UDP program protocol (MODE PORT COUNT SIZE PARAM appended to a
// command; an echo or receiver prints `PORT n`, a client or sender prints one JSON line last).
// Shared by the drivers run.ts and pairs.ts; not a driver itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from '../lib/stats.js';

/** A started program: its process, what it printed so far, and how it ended. */
export interface Proc {
  p: ChildProcess;
  out: string;
  err: string;
  exited: { code: number | null; sig: string | null } | null;
  done: Promise<Proc>;
}

/**
 * Starts `cmd` with `args` appended, behind `prefix` (taskset, perf stat, ...), from the project's
 * root; the process is killed after 90 s.
 */
export function startProgram(cmd: readonly string[], args: readonly (string | number)[], prefix: readonly string[] = []): Proc {
  const argv = [...prefix, ...cmd, ...args.map(String)];
  const p = spawn(argv[0]!, argv.slice(1), { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const st = { p, out: '', err: '', exited: null } as unknown as Proc;
  p.stdout!.on('data', (d: Buffer) => { st.out += d; });
  p.stderr!.on('data', (d: Buffer) => { st.err += d; });
  st.done = new Promise((res) => p.on('close', (code, sig) => { st.exited = { code, sig }; res(st); }));
  const killer = setTimeout(() => p.kill('SIGKILL'), 90_000);
  void st.done.then(() => clearTimeout(killer));
  return st;
}

/** The port an echo or receiver printed (`PORT n`); kills it and throws if it prints none in 15 s. */
export async function portOf(st: Proc): Promise<number> {
  for (let i = 0; i < 1500; i++) {
    const m = /^PORT (\d+)$/m.exec(st.out);
    if (m) return Number(m[1]);
    if (st.exited) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  st.p.kill('SIGKILL');
  throw new Error(`no PORT line (stderr: ${st.err.trim().slice(-300)})`);
}

/** The last JSON line a program printed; throws with its stderr when there is none. */
export function jsonOf(st: Proc): Record<string, number> {
  const line = st.out.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (!line) throw new Error(`no JSON result (exit ${JSON.stringify(st.exited)}; stderr: ${st.err.trim().slice(-300)})`);
  return JSON.parse(line) as Record<string, number>;
}
