import { summarize } from '../harness/latency.ts';
import { type BenchClient, type LoadResult, type RequestSpec, runLoad } from '../harness/load-driver.ts';
import { type CapturedRequest, SqlReplayer } from '../harness/sql-capture.ts';
import { type BenchContext, failed, missingRoute, ratioOf, type ScenarioResult } from './context.ts';

// A read measured twice: through the running server's HTTP API, and as the same SQL sent
// directly (captured from an in-process run of each distinct request). With one client the two
// alternate request by request, so that both see the same load on the machine.

export interface ReadScenario {
  id: string;
  title: string;
  /** [method, path with :params] the scenario needs from the server. */
  routes: Array<[string, string]>;
  /** The distinct requests, sent round-robin. */
  specs: RequestSpec[];
  /** Clients at once; only a single client is compared with the raw SQL. */
  concurrency?: number;
  /** Request budget; the duration bounds the run too. */
  maxRequests?: number;
}

/** Distinct requests captured and replayed, at most this many. */
const CAPTURED_SPECS = 50;
const WARMUP_ROUNDS = 3;

async function alternate(
  context: BenchContext,
  client: BenchClient,
  captured: CapturedRequest[],
  maxRequests: number,
) {
  const replayer = await SqlReplayer.connect(context.databaseUrl);
  try {
    for (let index = 0; index < WARMUP_ROUNDS; index++) {
      const request = captured[index % captured.length]!;
      await client.send(request.spec);
      await replayer.replay(request);
    }

    const apiMs: number[] = [];
    const rawMs: number[] = [];
    const statusCounts: Record<string, number> = {};
    const errorSamples: string[] = [];
    let errors = 0;
    const began = performance.now();
    const deadline = began + context.durationSeconds * 1000;
    for (let index = 0; apiMs.length < maxRequests && performance.now() < deadline; index++) {
      const request = captured[index % captured.length]!;
      const sent = performance.now();
      const response = await client.send(request.spec);
      apiMs.push(performance.now() - sent);
      statusCounts[response.status] = (statusCounts[response.status] ?? 0) + 1;
      if (response.status < 200 || response.status >= 300) {
        errors += 1;
        if (errorSamples.length < 5)
          errorSamples.push(
            `${request.spec.method} ${request.spec.path}: ${response.status} ${response.body.toString('utf8', 0, 300)}`,
          );
      }
      rawMs.push(await replayer.replay(request));
    }

    // Wall time covers both halves, so throughput is left out here: it would count the replays too.
    const seconds = (performance.now() - began) / 1000;
    const http: LoadResult = {
      concurrency: 1,
      requests: apiMs.length,
      errors,
      statusCounts,
      errorSamples,
      seconds: Math.round(seconds * 100) / 100,
      throughput: Number.NaN,
      latency: summarize(apiMs),
    };
    const statements =
      captured.reduce((sum, request) => sum + request.statements.length, 0) / captured.length;
    return { http, raw: { ...summarize(rawMs), statementsPerRequest: Math.round(statements * 10) / 10 } };
  } finally {
    await replayer.close();
  }
}

export async function measureRead(context: BenchContext, scenario: ReadScenario): Promise<ScenarioResult> {
  const { id, title } = scenario;
  const unavailable = missingRoute(context, id, title, scenario.routes);
  if (unavailable) return unavailable;
  if (scenario.specs.length === 0)
    return {
      id,
      title,
      status: 'not_available',
      reason: 'the dataset has nothing to request for this scenario',
    };

  try {
    const concurrency = scenario.concurrency ?? 1;
    const maxRequests = scenario.maxRequests ?? 100_000;
    if (concurrency > 1) {
      const http = await runLoad(context.client, {
        concurrency,
        durationMs: context.durationSeconds * 1000,
        maxRequests,
        warmupRequests: concurrency,
        next: (_worker, sequence) => scenario.specs[sequence % scenario.specs.length]!,
      });
      const reason =
        http.errors > 0
          ? { reason: `${http.errors} of ${http.requests} requests failed: ${http.errorSamples[0] ?? ''}` }
          : {};
      return { id, title, status: http.errors > 0 ? 'failed' : 'measured', http, ...reason };
    }

    const captured: CapturedRequest[] = [];
    for (const spec of scenario.specs.slice(0, CAPTURED_SPECS)) {
      const request = await context.capture.capture(spec);
      if (request.status < 200 || request.status >= 300)
        return {
          id,
          title,
          status: 'failed',
          reason: `${spec.method} ${spec.path} returned ${request.status} in the in-process check`,
        };
      captured.push(request);
    }
    const { http, raw } = await alternate(context, context.client, captured, maxRequests);
    const result: ScenarioResult = {
      id,
      title,
      status: http.errors > 0 ? 'failed' : 'measured',
      http,
      raw,
      ratio: { p50: ratioOf(http.latency.p50, raw.p50), p95: ratioOf(http.latency.p95, raw.p95) },
    };
    if (http.errors > 0)
      result.reason = `${http.errors} of ${http.requests} requests failed: ${http.errorSamples[0] ?? ''}`;
    return result;
  } catch (error) {
    return failed(id, title, error);
  }
}
