import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema.ts';
import type { LoadReport } from '../dataset/load-dataset.ts';
import type { DatasetProfile } from '../dataset/sizes.ts';
import type { BenchFixtures } from '../harness/fixtures.ts';
import type { LatencySummary } from '../harness/latency.ts';
import type { BenchClient, LoadResult } from '../harness/load-driver.ts';
import type { RunningServer } from '../harness/server-process.ts';
import type { BenchSession } from '../harness/sessions.ts';
import type { SqlCapture } from '../harness/sql-capture.ts';

// What every scenario gets, and what it returns.

export interface BenchContext {
  databaseUrl: string;
  /** Seconds each timed scenario runs for. */
  durationSeconds: number;
  profile: DatasetProfile;
  load: LoadReport;
  server: RunningServer;
  client: BenchClient;
  db: Kysely<Database>;
  capture: SqlCapture;
  fixtures: BenchFixtures;
  /** "METHOD /path/{param}" of every route in /api/openapi.json. */
  routes: Set<string>;
  session(accountId: number): Promise<BenchSession>;
  log(line: string): void;
}

export type ScenarioStatus = 'measured' | 'not_available' | 'failed';

export interface ScenarioResult {
  id: string;
  title: string;
  status: ScenarioStatus;
  /** Why the scenario was not measured, or what failed. */
  reason?: string;
  /** The API as clients see it. */
  http?: LoadResult;
  /** The same SQL sent directly (reads only). */
  raw?: LatencySummary & { statementsPerRequest: number };
  /** API latency divided by raw SQL latency, at the median and the 95th percentile. */
  ratio?: { p50: number; p95: number };
  /** Scenario-specific numbers (rows, seconds, bytes, checks). */
  metrics?: Record<string, number | string | boolean | null>;
  notes?: string[];
}

/** Returns the route key as /api/openapi.json lists it: "GET /api/units/{id}/agency-table". */
export function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
}

/** A not-available result when a route is missing from the running server's OpenAPI document. */
export function missingRoute(
  context: BenchContext,
  id: string,
  title: string,
  routes: Array<[string, string]>,
): ScenarioResult | undefined {
  const missing = routes
    .map(([method, path]) => routeKey(method, path))
    .filter((key) => !context.routes.has(key));
  if (missing.length === 0) return undefined;
  return {
    id,
    title,
    status: 'not_available',
    reason: `route ${missing.join(', ')} is not in /api/openapi.json of the running server`,
  };
}

export function failed(id: string, title: string, error: unknown): ScenarioResult {
  return { id, title, status: 'failed', reason: error instanceof Error ? error.message : String(error) };
}

export function ratioOf(api: number, raw: number): number {
  return raw > 0 ? Math.round((api / raw) * 100) / 100 : Number.NaN;
}
