import type { FastifyInstance } from 'fastify';
import { Kysely, type LogEvent, PostgresDialect } from 'kysely';
import pg from 'pg';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/schema.ts';
import { installTypeParsers } from '../../server/db/type-parsers.ts';
import type { RequestSpec } from './load-driver.ts';

// "The same SQL directly": every statement that the application sends for a request is recorded
// through Kysely's query log while the request runs in-process (app.inject), and then replayed
// on one plain pg connection, in order, with the same parameters. The replay time is the database
// work of the request without HTTP, authentication code, validation or serialization.

export interface CapturedStatement {
  sql: string;
  parameters: readonly unknown[];
}

export interface CapturedRequest {
  spec: RequestSpec;
  status: number;
  statements: CapturedStatement[];
}

export class SqlCapture {
  readonly #app: FastifyInstance;
  readonly #db: Kysely<Database>;
  readonly #recording: CapturedStatement[][] = [];

  private constructor(app: FastifyInstance, db: Kysely<Database>, recording: CapturedStatement[][]) {
    this.#app = app;
    this.#db = db;
    this.#recording = recording;
  }

  /** Builds the application in this process on a pool whose queries are logged. */
  static async start(databaseUrl: string): Promise<SqlCapture> {
    installTypeParsers();
    const recording: CapturedStatement[][] = [];
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      log(event: LogEvent) {
        if (event.level === 'query')
          recording.at(-1)?.push({ sql: event.query.sql, parameters: event.query.parameters });
      },
    });
    const config = {
      ...loadConfig({}),
      databaseUrl,
      demo: false,
      webDist: '/nonexistent',
      logLevel: 'silent',
    };
    const app = await buildApp({ db, config, logger: false });
    await app.ready();
    return new SqlCapture(app, db, recording);
  }

  /** Runs the request once in-process and returns the statements it sent, in order. */
  async capture(spec: RequestSpec): Promise<CapturedRequest> {
    const statements: CapturedStatement[] = [];
    this.#recording.push(statements);
    try {
      const response = await this.#app.inject({
        method: spec.method,
        url: spec.path,
        headers: {
          ...spec.headers,
          ...(spec.json !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(spec.json !== undefined ? { payload: JSON.stringify(spec.json) } : {}),
      });
      return { spec, status: response.statusCode, statements };
    } finally {
      this.#recording.pop();
    }
  }

  async close(): Promise<void> {
    await this.#app.close();
    await this.#db.destroy();
  }
}

/** One connection that replays captured requests, statement by statement, as the server sent them. */
export class SqlReplayer {
  readonly #client: pg.Client;

  private constructor(client: pg.Client) {
    this.#client = client;
  }

  static async connect(databaseUrl: string): Promise<SqlReplayer> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return new SqlReplayer(client);
  }

  /** Sends the request's statements in order and returns the milliseconds they took. */
  async replay(request: CapturedRequest): Promise<number> {
    const started = performance.now();
    for (const statement of request.statements)
      await this.#client.query(statement.sql, statement.parameters as unknown[]);
    return performance.now() - started;
  }

  async close(): Promise<void> {
    await this.#client.end();
  }
}
