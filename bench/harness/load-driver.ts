import { Pool } from 'undici';
import { type LatencySummary, summarize } from './latency.ts';

// A small closed-loop HTTP load driver: `concurrency` workers each send one request, wait for the
// whole response, and send the next, until the duration or the request budget runs out. It only
// talks to the benchmark's own server on 127.0.0.1 (checked when the pool is made).

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  /** JSON body; sent with content-type application/json. */
  json?: unknown;
}

export interface DriverResponse {
  status: number;
  body: Buffer;
}

export interface LoadOptions {
  concurrency: number;
  /** Stop starting requests after this many milliseconds. */
  durationMs: number;
  /** Stop after this many requests in all (warm-up excluded). */
  maxRequests: number;
  /** Requests sent and discarded before measuring, spread over the workers. */
  warmupRequests?: number;
  /** The next request for a worker; null ends that worker early (a finite work list). */
  next(worker: number, sequence: number): RequestSpec | null;
  /** Called with each measured response; returns false to count the response as an error. */
  check?(response: DriverResponse, spec: RequestSpec): boolean;
}

export interface LoadResult {
  concurrency: number;
  requests: number;
  errors: number;
  statusCounts: Record<string, number>;
  /** The first few error responses, status and body start, for the report. */
  errorSamples: string[];
  seconds: number;
  throughput: number;
  latency: LatencySummary;
}

export class BenchClient {
  readonly origin: string;
  readonly #pool: Pool;

  constructor(origin: string, connections: number) {
    const host = new URL(origin).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost')
      throw new Error(`The benchmark only drives a server on 127.0.0.1, not ${origin}.`);
    this.origin = origin;
    this.#pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
  }

  async send(spec: RequestSpec): Promise<DriverResponse> {
    const headers: Record<string, string> = { ...spec.headers };
    let body: string | undefined;
    if (spec.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(spec.json);
    }
    const response = await this.#pool.request({ method: spec.method, path: spec.path, headers, body });
    const chunks: Buffer[] = [];
    for await (const chunk of response.body) chunks.push(chunk as Buffer);
    return { status: response.statusCode, body: Buffer.concat(chunks) };
  }

  async close(): Promise<void> {
    await this.#pool.close();
  }
}

/** Runs the closed loop and returns latency percentiles and throughput of the measured requests. */
export async function runLoad(client: BenchClient, options: LoadOptions): Promise<LoadResult> {
  let sequence = 0;
  for (let index = 0; index < (options.warmupRequests ?? 0); index++) {
    const spec = options.next(index % options.concurrency, sequence++);
    if (spec) await client.send(spec).catch(() => undefined);
  }

  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  const errorSamples: string[] = [];
  let errors = 0;
  let started = 0;
  const begin = performance.now();
  const deadline = begin + options.durationMs;

  const worker = async (id: number) => {
    while (performance.now() < deadline && started < options.maxRequests) {
      const spec = options.next(id, sequence++);
      if (!spec) return;
      started += 1;
      const sent = performance.now();
      let response: DriverResponse;
      try {
        response = await client.send(spec);
      } catch (error) {
        errors += 1;
        statusCounts.network = (statusCounts.network ?? 0) + 1;
        if (errorSamples.length < 5)
          errorSamples.push(`${spec.method} ${spec.path}: ${(error as Error).message}`);
        continue;
      }
      latencies.push(performance.now() - sent);
      statusCounts[response.status] = (statusCounts[response.status] ?? 0) + 1;
      const ok = options.check
        ? options.check(response, spec)
        : response.status >= 200 && response.status < 300;
      if (!ok) {
        errors += 1;
        if (errorSamples.length < 5)
          errorSamples.push(
            `${spec.method} ${spec.path}: ${response.status} ${response.body.toString('utf8', 0, 300)}`,
          );
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, id) => worker(id)));

  const seconds = (performance.now() - begin) / 1000;
  return {
    concurrency: options.concurrency,
    requests: latencies.length + (statusCounts.network ?? 0),
    errors,
    statusCounts,
    errorSamples,
    seconds: Math.round(seconds * 100) / 100,
    throughput: Math.round((latencies.length / seconds) * 10) / 10,
    latency: summarize(latencies),
  };
}
