import type { RequestSpec } from '../harness/load-driver.ts';
import { runLoad } from '../harness/load-driver.ts';
import { replayCaptured } from '../harness/sql-capture.ts';
import { type BenchContext, failed, missingRoute, ratioOf, type ScenarioResult } from './context.ts';

// A read measured twice: through the running server's HTTP API, and as the same SQL sent
// directly (captured from an in-process run of each distinct request).

export interface ReadScenario {
  id: string;
  title: string;
  /** [method, path with :params] the scenario needs from the server. */
  routes: Array<[string, string]>;
  /** The distinct requests, sent round-robin. */
  specs: RequestSpec[];
  concurrency?: number;
  /** Request budget for the HTTP run; the duration bounds it too. */
  maxRequests?: number;
  /** Compare with the raw SQL; off for reads whose SQL would write (none so far). */
  compareRaw?: boolean;
}

/** Distinct requests captured for the raw SQL replay, at most this many. */
const CAPTURED_SPECS = 20;

export async function measureRead(context: BenchContext, scenario: ReadScenario): Promise<ScenarioResult> {
  const unavailable = missingRoute(context, scenario.id, scenario.title, scenario.routes);
  if (unavailable) return unavailable;
  if (scenario.specs.length === 0)
    return {
      id: scenario.id,
      title: scenario.title,
      status: 'not_available',
      reason: 'the dataset has nothing to request for this scenario',
    };

  try {
    const captured = [];
    for (const spec of scenario.specs.slice(0, CAPTURED_SPECS)) {
      const request = await context.capture.capture(spec);
      if (request.status < 200 || request.status >= 300) {
        return {
          id: scenario.id,
          title: scenario.title,
          status: 'failed',
          reason: `${spec.method} ${spec.path} answered ${request.status} in the in-process check`,
        };
      }
      captured.push(request);
    }

    const durationMs = context.durationSeconds * 1000;
    const concurrency = scenario.concurrency ?? 1;
    const http = await runLoad(context.client, {
      concurrency,
      durationMs,
      maxRequests: scenario.maxRequests ?? 100_000,
      warmupRequests: Math.min(5, scenario.specs.length),
      next: (_worker, sequence) => scenario.specs[sequence % scenario.specs.length]!,
    });

    const result: ScenarioResult = {
      id: scenario.id,
      title: scenario.title,
      status: http.errors > 0 ? 'failed' : 'measured',
      http,
    };
    if (http.errors > 0)
      result.reason = `${http.errors} of ${http.requests} requests failed: ${http.errorSamples[0] ?? ''}`;
    if (scenario.compareRaw !== false) {
      result.raw = await replayCaptured(context.databaseUrl, captured, {
        durationMs,
        maxIterations: Math.max(http.latency.count, 3),
      });
      result.ratio = {
        p50: ratioOf(http.latency.p50, result.raw.p50),
        p95: ratioOf(http.latency.p95, result.raw.p95),
      };
    }
    return result;
  } catch (error) {
    return failed(scenario.id, scenario.title, error);
  }
}
