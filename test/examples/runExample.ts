// SPDX-License-Identifier: MIT
// Runs an example of examples/ as a child process (node --import tsx), for the example tests
// (not a test file itself).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** The project's root folder. */
export const root = resolve(import.meta.dirname, '..', '..');

/** How a child process ended, and everything it printed. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout split into lines, without the empty last one. */
  lines: string[];
}

/** A running example. */
export interface Running {
  child: ChildProcess;
  /** Resolves with the first stdout line matching `re` (its match); rejects if the child ends first. */
  waitForLine(re: RegExp): Promise<RegExpMatchArray>;
  /** Resolves when the child ended. */
  exited: Promise<Exit>;
}

const running = new Set<ChildProcess>();

/** Starts `examples/<name>.ts` with `args`; the child is killed after `timeoutMs`. */
export function startExample(name: string, args: string[] = [], timeoutMs = 30000): Running {
  return startProcess(process.execPath, ['--import', 'tsx', resolve(root, 'examples', `${name}.ts`), ...args], root, timeoutMs);
}

/** Starts any command (used for plain `node` runs too); the child is killed after `timeoutMs`. */
export function startProcess(command: string, args: string[], cwd: string, timeoutMs = 30000, env: NodeJS.ProcessEnv = process.env): Running {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  const waiters: { re: RegExp; resolve: (m: RegExpMatchArray) => void; reject: (e: Error) => void }[] = [];
  const check = (): void => {
    const lines = stdout.split('\n').slice(0, -1); // complete lines only
    for (const w of waiters.slice()) {
      for (const line of lines) {
        const m = w.re.exec(line);
        if (m !== null) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m);
          break;
        }
      }
    }
  };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    check();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exited = new Promise<Exit>((resolveExit) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      const exit: Exit = { code, signal, stdout, stderr, lines: stdout.split('\n').slice(0, -1) };
      for (const w of waiters.splice(0)) {
        w.reject(new Error(`${args.join(' ')} ended (code ${code}, signal ${signal}) without printing ${w.re}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
      }
      resolveExit(exit);
    });
  });
  return {
    child,
    exited,
    waitForLine(re: RegExp): Promise<RegExpMatchArray> {
      return new Promise((res, rej) => {
        waiters.push({ re, resolve: res, reject: rej });
        check();
      });
    },
  };
}

/** Runs an example to its end. */
export function runExample(name: string, args: string[] = [], timeoutMs = 30000): Promise<Exit> {
  return startExample(name, args, timeoutMs).exited;
}

/** Kills every child still running (use in afterEach, so that a failed test leaves nothing behind). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** A description of an exit for assertion messages. */
export function describeExit(e: Exit): string {
  return `exit code ${e.code} (signal ${e.signal})\nstdout:\n${e.stdout}\nstderr:\n${e.stderr}`;
}
