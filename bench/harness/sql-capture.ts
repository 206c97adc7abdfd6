import type { FastifyInstance } from 'fastify';
import { Kysely, type LogEvent, PostgresDialect } from 'kysely';
import pg from 'pg';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/schema.ts';
import { installTypeParsers } from '../../server/db/type-parsers.ts';
import { type LatencySummary, summarize } from './latency.ts';
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

/**
 * Replays captured requests round-robin on one connection until the duration or the iteration
 * budget runs out, and returns the latency of one request's statements.
 */
export async function replayCaptured(
  databaseUrl: string,
  requests: readonly CapturedRequest[],
  options: { durationMs: number; maxIterations: number; warmup?: number },
): Promise<LatencySummary & { statementsPerRequest: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const runOne = async (request: CapturedRequest) => {
      for (const statement of request.statements)
        await client.query(statement.sql, statement.parameters as unknown[]);
    };
    for (let index = 0; index < (options.warmup ?? Math.min(requests.length, 5)); index++)
      await runOne(requests[index % requests.length]!);

    const samples: number[] = [];
    const deadline = performance.now() + options.durationMs;
    for (let index = 0; samples.length < options.maxIterations && performance.now() < deadline; index++) {
      const started = performance.now();
      await runOne(requests[index % requests.length]!);
      samples.push(performance.now() - started);
    }
    const statements =
      requests.reduce((sum, request) => sum + request.statements.length, 0) / Math.max(1, requests.length);
    return { ...summarize(samples), statementsPerRequest: Math.round(statements * 10) / 10 };
  } finally {
    await client.end();
  }
}
