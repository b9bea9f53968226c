/**
 * Running the built CLI from the Node tests (cli.test.ts, cli-faults.test.ts): dist/cli/otel-calendar.js,
 * or OTEL_CALENDAR_CLI (e.g. src/cli/otel-calendar.ts, run through tsx), spawned with
 * `process.execPath` in a pinned process zone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built CLI; OTEL_CALENDAR_CLI points elsewhere. */
export const CLI = resolve(ROOT, process.env['OTEL_CALENDAR_CLI'] ?? join('dist', 'cli', 'otel-calendar.js'));
/** Every child's process zone (as scripts/run-node-tests.js pins the test process's). */
export const PROCESS_ZONE = 'America/New_York';
/**
 * A child still running after this long is killed and the test fails. Nothing here needs 1 s on
 * an idle machine, but the suite runs many children at once, on machines that may be busy.
 */
const CHILD_TIMEOUT = 60_000;

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: PROCESS_ZONE, ...extra };
  // The test runner's own markers must not leak into the program under test.
  delete env['NODE_TEST_CONTEXT'];
  delete env['NODE_OPTIONS'];
  return env;
}

/** Starts the CLI with `args` (stdout and stderr piped). */
export function startCli(args: readonly string[], env?: NodeJS.ProcessEnv): ChildProcess {
  if (!existsSync(CLI))
    throw new Error(`${CLI} is missing: run \`npm run build\` before the Node tests (\`npm test\` does both)`);
  const program = CLI.endsWith('.ts') ? ['--import', 'tsx', CLI] : [CLI];
  return spawn(process.execPath, [...program, ...args], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The child's exit and output; rejects (after killing it) when it runs too long. */
export function collect(child: ChildProcess): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CLI did not exit within ${CHILD_TIMEOUT} ms (stderr so far: ${stderr})`));
    }, CHILD_TIMEOUT);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
}

/** Runs the CLI to its end. */
export function run(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<RunResult> {
  return collect(startCli(args, env));
}
