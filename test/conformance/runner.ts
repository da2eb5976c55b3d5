/**
 * Runs one conformance twin in this (fresh) process and prints its trace.
 *
 * Usage: `node --import tsx test/conformance/runner.ts <scenario>`
 *
 * Imports `twins/<scenario>.ts`, awaits its default export and prints `JSON.stringify(trace)` as the LAST
 * line of stdout. The process must then exit by itself (every timer stopped, every socket closed, the
 * QCoreApplication disposed): if it is still alive {@link EXIT_GRACE_MS} after the twin returned, the
 * runner reports a leak on stderr and exits with code 3. A twin that takes longer than
 * {@link ALARM_MS} (the oracle's 10 s alarm) is killed with code 4, after printing the partial trace on
 * stderr. A twin that throws exits with code 2; one whose promise never settles because nothing keeps the
 * process alive exits with code 5 (Node's own code for that is 13).
 */
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How long the process may stay alive after the twin returned. */
export const EXIT_GRACE_MS = 3000;
/** The oracle's safety net: no scenario may take longer. */
export const ALARM_MS = 10000;

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const scenario = process.argv[2] ?? '';
  if (!/^[a-z0-9_]+$/.test(scenario)) {
    process.stderr.write(`runner: bad scenario name ${JSON.stringify(scenario)}\n`);
    process.exit(64);
  }
  const file = join(here, 'twins', `${scenario}.ts`);
  if (!existsSync(file)) {
    process.stderr.write(`runner: no twin for ${scenario} (${file})\n`);
    process.exit(65);
  }

  const alarm = setTimeout(() => {
    void import('./trace.js')
      .then((t) => process.stderr.write(`runner: partial trace ${JSON.stringify(t.TRACE)}\n`))
      .catch(() => undefined)
      .finally(() => {
        process.stderr.write(`runner: ${scenario} did not finish within ${ALARM_MS} ms\n`);
        process.exit(4);
      });
  }, ALARM_MS);
  alarm.unref();

  let finished = false;
  let partial: { TRACE: unknown[] } | null = null;
  process.on('exit', (code) => {
    if (finished || (code !== 0 && code !== 13)) return;
    // Node ran out of work while the twin was still awaiting (e.g. exec() or a wait that holds nothing alive).
    process.stderr.write(
      `runner: ${scenario}: the process ran out of work before the twin returned ` +
        `(a promise that nothing keeps alive never settled)\n`,
    );
    if (partial !== null) process.stderr.write(`runner: partial trace ${JSON.stringify(partial.TRACE)}\n`);
    process.exitCode = 5;
  });

  let trace: unknown;
  try {
    const mod = (await import(pathToFileURL(file).href)) as { default?: () => Promise<unknown> };
    partial = (await import('./trace.js')) as { TRACE: unknown[] };
    if (typeof mod.default !== 'function') throw new Error(`twins/${scenario}.ts has no default export function`);
    trace = await mod.default();
  } catch (e) {
    process.stderr.write(`runner: ${scenario} threw: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exit(2);
  }
  finished = true;
  clearTimeout(alarm);
  process.stdout.write('\n' + JSON.stringify(trace) + '\n');

  const grace = setTimeout(() => {
    // The grace timer itself is one of the resources listed.
    const names = process.getActiveResourcesInfo();
    process.stderr.write(
      `runner: ${scenario} returned but the process is still alive ${EXIT_GRACE_MS} ms later ` +
        `(leaked timer/socket/exec/app?); active resources: ${names.join(', ')}\n`,
    );
    process.exit(3);
  }, EXIT_GRACE_MS);
  grace.unref();
}

await main();
