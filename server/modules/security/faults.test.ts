import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { DataDirVersionError, openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { Database } from '../../db/schema.ts';
import { makeSmallProvince, TEST_PASSWORD } from '../../test/factories.ts';
import { freePort } from '../../test/local-slapd.ts';
import { serverUrlFor } from '../../test/test-database.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const folder = mkdtempSync(join(tmpdir(), 'hoso-faults-test-'));
const serverUrl = process.env.TEST_DATABASE_URL;
const createdDatabases: string[] = [];

afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  if (!serverUrl) return;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  for (const name of createdDatabases) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

async function createDatabase(): Promise<string> {
  const name = `hoso_faults_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('postgresTemplateDb')}`);
  await admin.end();
  createdDatabases.push(name);
  return serverUrlFor(serverUrl!, name);
}

/** A TCP proxy on 127.0.0.1 in front of the PostgreSQL server, which the test can cut and restore. */
async function startProxy(upstream: URL) {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | null = null;

  const listen = () =>
    new Promise<void>((resolveListen) => {
      server = createServer((client) => {
        const target = createConnection({ host: upstream.hostname, port: Number(upstream.port || 5432) });
        for (const socket of [client, target]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(target);
        target.pipe(client);
      });
      server.listen(port, '127.0.0.1', resolveListen);
    });

  await listen();
  return {
    port,
    async cut() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolveClose) =>
        server ? server.close(() => resolveClose()) : resolveClose(),
      );
      server = null;
    },
    restore: listen,
  };
}

describe.skipIf(serverUrl === undefined)('PostgreSQL unreachable', () => {
  it('answers 503 and recovers without a restart', async () => {
    const directUrl = new URL(await createDatabase());
    const proxy = await startProxy(directUrl);
    const proxiedUrl = new URL(directUrl);
    proxiedUrl.port = String(proxy.port);

    const handle = await openDatabase({ databaseUrl: proxiedUrl.href, poolSize: 4 });
    await makeSmallProvince(handle.db);
    const app = await buildApp({
      db: handle.db,
      config: { ...loadConfig({}), webDist: '/nonexistent', demo: false },
      logger: false,
    });
    await app.ready();
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'snv.admin@test.gov.vn', password: TEST_PASSWORD },
    });
    const cookie = `hoso_session=${signIn.cookies.find((item) => item.name === 'hoso_session')?.value}`;

    try {
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);

      await proxy.cut();
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      const tree = await app.inject({ method: 'GET', url: '/api/units/tree', headers: { cookie } });
      for (const response of [health, tree]) {
        expect(response.statusCode).toBe(503);
        expect(response.json().code).toBe('DATABASE_UNAVAILABLE');
        expect(response.json().message).toContain('không kết nối được cơ sở dữ liệu');
        expect(response.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|\.ts:\d+/);
      }

      await proxy.restore();
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      const after = await app.inject({ method: 'GET', url: '/api/units/tree', headers: { cookie } });
      expect(after.statusCode).toBe(200);
    } finally {
      await app.close();
      await handle.close();
    }
  });
});

describe('data folder of another PGlite version', () => {
  const dataDir = join(folder, 'pglite-cu');

  it('fails with the folder version and the upgrade path', async () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'PG_VERSION'), '17\n');
    const error = await openDatabase({ dataDir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataDirVersionError);
    expect((error as Error).message).toContain('PostgreSQL 17');
    expect((error as Error).message).toContain('npm run backup');
    expect((error as Error).message).toContain('npm run restore');
  });

  it('stops the server start with that message', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        PORT: '0',
        DEMO: 'false',
        LOG_LEVEL: 'warn',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const code = await new Promise<number | null>((resolveExit) => child.on('exit', resolveExit));
    expect(code).toBe(1);
    expect(output).toContain('được tạo bởi PostgreSQL 17');
    expect(output).not.toMatch(/\n\s+at /);
  });
});

describe('kill -9 during a long write transaction', () => {
  async function killMidTransaction(args: string[]): Promise<void> {
    const child = spawn(process.execPath, [join(import.meta.dirname, 'fault-writer.ts'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    await new Promise<void>((resolveReady, rejectReady) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolveReady();
      });
      child.on('exit', (code) =>
        rejectReady(new Error(`The writer exited with ${code} before it was ready: ${errors}`)),
      );
    });
    const exited = new Promise((resolveExit) => child.on('exit', resolveExit));
    child.kill('SIGKILL');
    await exited;
  }

  async function countMarked(db: Kysely<Database>) {
    const result = await sql<{ action: string; rows: number }>`
      select action, count(*)::int as rows from audit_log where entity_type = 'fault' group by action order by action
    `.execute(db);
    return Object.fromEntries(result.rows.map((row) => [row.action, row.rows]));
  }

  it.skipIf(serverUrl !== undefined)('leaves no partial rows in a PGlite folder', async () => {
    const dataDir = join(folder, 'pglite-kill');
    const setup = await openDatabase({ dataDir });
    await migrateToLatest(setup.db);
    await setup.close();

    await killMidTransaction(['--data-dir', dataDir]);

    const reopened = await openDatabase({ dataDir });
    try {
      expect(await countMarked(reopened.db)).toEqual({ 'fault.committed': 1 });
      // The folder still takes writes after recovery.
      await sql`insert into audit_log (action, entity_type) values ('fault.after', 'fault')`.execute(
        reopened.db,
      );
      expect((await countMarked(reopened.db))['fault.after']).toBe(1);
    } finally {
      await reopened.close();
    }
  });

  it.skipIf(serverUrl === undefined)('leaves no partial rows in PostgreSQL', async () => {
    const url = await createDatabase();
    await killMidTransaction(['--database-url', url]);
    const handle = await openDatabase({ databaseUrl: url });
    try {
      expect(await countMarked(handle.db)).toEqual({ 'fault.committed': 1 });
    } finally {
      await handle.close();
    }
  });
});
