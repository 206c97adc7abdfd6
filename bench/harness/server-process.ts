import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

// The real server as users run it: `node server/main.ts` in a child process of its own, against
// the benchmark database, listening on a free port of 127.0.0.1. Its resident memory is read from
// /proc while the scenarios run.

const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface MemorySample {
  /** Milliseconds since the server started. */
  atMs: number;
  rssBytes: number;
}

export interface RunningServer {
  origin: string;
  pid: number;
  /** Memory samples taken every `sampleMs` since start. */
  samples: MemorySample[];
  /** The last lines the server wrote to stdout and stderr, for error reports. */
  output(): string;
  /** Resident memory right now, in bytes. */
  rssBytes(): number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function readRssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function waitForHealth(
  origin: string,
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The server exited with code ${child.exitCode} before it responded:\n${output()}`);
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(
    `The server did not respond at ${origin}/api/health within ${timeoutMs / 1000} s:\n${output()}`,
  );
}

/** Starts server/main.ts with DATABASE_URL and DEMO=false and waits until /api/health responds. */
export async function startServer(options: {
  databaseUrl: string;
  sampleMs?: number;
  env?: Record<string, string>;
  /** Node.js options for the server process, before the script name. */
  nodeOptions?: string[];
}): Promise<RunningServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(options.nodeOptions ?? []), 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      DEMO: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => lines.slice(-40).join('\n');

  const started = Date.now();
  const samples: MemorySample[] = [];
  const pid = child.pid ?? 0;
  const timer = setInterval(
    () => samples.push({ atMs: Date.now() - started, rssBytes: readRssBytes(pid) }),
    options.sampleMs ?? 250,
  );
  timer.unref();

  try {
    await waitForHealth(origin, child, 60_000, output);
  } catch (error) {
    clearInterval(timer);
    child.kill('SIGKILL');
    throw error;
  }

  return {
    origin,
    pid,
    samples,
    output,
    rssBytes: () => readRssBytes(pid),
    async stop() {
      clearInterval(timer);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
      child.kill('SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!stopped) child.kill('SIGKILL');
    },
  };
}
