// `npm run test:e2e`: builds the web client, then for each browser spec in e2e/ starts the real
// server on 127.0.0.1 with a small demo province in a fresh database, runs that spec and stops
// the server. A fresh province per spec keeps the specs independent: each one may change the demo
// accounts' default passwords, or stop the server to read its embedded database.
// Arguments name spec files to run (default: every e2e/*.spec.ts).
//
// Database: a new temporary PGlite folder, or, when DATABASE_URL is set, a new database created
// on that PostgreSQL server for this run and dropped afterwards (the database named in the URL is
// used only to connect). Variables: E2E_DEMO_PEOPLE (default 1500), CHROMIUM_PATH (default
// /usr/bin/chromium), E2E_KEEP_DATA=true keeps the data folder or database for inspection.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const root = resolve(import.meta.dirname, '..');
const resultsDir = join(root, 'test-results');
let serverLogPath = join(resultsDir, 'e2e-server.log');
const HEALTH_TIMEOUT_MS = 5 * 60_000;
const STOP_TIMEOUT_MS = 20_000;

function log(message: string): void {
  console.log(`[test-e2e] ${message}`);
}

const BUILD_ATTEMPTS = 10;

/**
 * Builds the client into its own folder, so that another build of web/dist during the run cannot
 * remove the chunks the browser is about to load. Vite lets one build run per project at a time,
 * so a build that finds another one running is retried.
 */
async function buildClient(outDir: string): Promise<void> {
  log(`building the web client into ${outDir}`);
  for (let attempt = 1; attempt <= BUILD_ATTEMPTS; attempt++) {
    const build = spawnSync('npm', ['run', 'build', '--', '--outDir', outDir, '--emptyOutDir'], {
      cwd: root,
      encoding: 'utf8',
    });
    const output = `${build.stdout}${build.stderr}`;
    if (build.status === 0) return;
    if (!output.includes('Found another Vite build process') || attempt === BUILD_ATTEMPTS) {
      process.stderr.write(output);
      throw new Error(`npm run build failed with exit code ${build.status}.`);
    }
    log(`another Vite build is running; retrying in 3 s (attempt ${attempt} of ${BUILD_ATTEMPTS})`);
    await new Promise((done) => setTimeout(done, 3_000));
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

interface TestDatabase {
  /** Environment for the server and the tests: DATA_DIR or DATABASE_URL. */
  env: Record<string, string>;
  description: string;
  dispose(): Promise<void>;
}

function databaseUrlWithName(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createTestDatabase(keep: boolean): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'hoso-e2e-data-'));
    return {
      env: { DATA_DIR: dataDir },
      description: `PGlite in ${dataDir}`,
      async dispose() {
        if (keep) log(`kept the data folder ${dataDir}`);
        else rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  const name = `hoso_e2e_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const databaseUrl = databaseUrlWithName(serverUrl, name);
  return {
    env: { DATABASE_URL: databaseUrl },
    description: `PostgreSQL database ${name}`,
    async dispose() {
      if (keep) {
        log(`kept the database ${name}`);
        return;
      }
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

function startServer(port: number, webDist: string, databaseEnv: Record<string, string>): ChildProcess {
  mkdirSync(resultsDir, { recursive: true });
  const logStream = createWriteStream(serverLogPath);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DEMO: 'true',
    DEMO_PEOPLE: process.env.E2E_DEMO_PEOPLE ?? '1500',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    WEB_DIST: webDist,
    ...databaseEnv,
  };
  if (!databaseEnv.DATABASE_URL) delete env.DATABASE_URL;

  const server = spawn(process.execPath, ['server/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.pipe(logStream);
  server.stderr?.pipe(logStream);
  return server;
}

function serverLogTail(): string {
  try {
    return readFileSync(serverLogPath, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(
        `The server exited with code ${server.exitCode} before it was ready. Log tail:\n${serverLogTail()}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet: the first start migrates and builds the demo province.
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(
    `The server did not respond to ${baseUrl}/api/health with 200 within ${HEALTH_TIMEOUT_MS / 1000} s. Log tail:\n${serverLogTail()}`,
  );
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => {
    log(`the server did not stop within ${STOP_TIMEOUT_MS / 1000} s; sending SIGKILL`);
    server.kill('SIGKILL');
  }, STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function runSpec(spec: string, env: NodeJS.ProcessEnv): Promise<number> {
  const vitest = join(root, 'node_modules/vitest/vitest.mjs');
  const child = spawn(process.execPath, [vitest, 'run', '--config', 'e2e/vitest.config.ts', spec], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  return new Promise((done) => child.once('exit', (code) => done(code ?? 1)));
}

function specFiles(): string[] {
  const named = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  if (named.length > 0) return named;
  return readdirSync(join(root, 'e2e'))
    .filter((name) => name.endsWith('.spec.ts'))
    .sort()
    .map((name) => `e2e/${name}`);
}

/** Runs one spec against its own server and database; returns the spec's exit code. */
async function runSpecOnFreshServer(spec: string, webDist: string, keep: boolean): Promise<number> {
  const database = await createTestDatabase(keep);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  serverLogPath = join(resultsDir, `e2e-server-${spec.replace(/^.*\//, '').replace(/\.spec\.ts$/, '')}.log`);
  log(`${spec}: starting the server at ${baseUrl} on ${database.description} (log: ${serverLogPath})`);
  const server = startServer(port, webDist, database.env);
  const interrupt = () => {
    void stopServer(server).then(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  try {
    const started = Date.now();
    await waitForHealth(baseUrl, server);
    log(`${spec}: server ready after ${Math.round((Date.now() - started) / 1000)} s`);
    return await runSpec(spec, {
      ...process.env,
      E2E_BASE_URL: baseUrl,
      E2E_SERVER_PID: String(server.pid),
      // Specs that need a server with other settings start their own from the same build.
      E2E_WEB_DIST: webDist,
      E2E_DATA_DIR: database.env.DATA_DIR ?? '',
      E2E_DATABASE_URL: database.env.DATABASE_URL ?? '',
    });
  } catch (error) {
    console.error(error);
    return 1;
  } finally {
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
    await stopServer(server);
    await database.dispose();
  }
}

const keep = process.env.E2E_KEEP_DATA === 'true';
const webDist = mkdtempSync(join(tmpdir(), 'hoso-e2e-web-'));
const failed: string[] = [];
try {
  await buildClient(webDist);
  for (const spec of specFiles()) {
    const exitCode = await runSpecOnFreshServer(spec, webDist, keep);
    if (exitCode !== 0) failed.push(spec);
  }
} finally {
  rmSync(webDist, { recursive: true, force: true });
}
if (failed.length > 0) log(`failed: ${failed.join(', ')}`);
process.exit(failed.length > 0 ? 1 : 0);
