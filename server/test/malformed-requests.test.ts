import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalog } from '../../common/error-codes.ts';
import { snapshotTables } from './db-snapshot.ts';
import { startTestApp, type TestApp, type TestClient } from './harness.ts';
import { type MalformedRequest, malformedRequests } from './malformed-inputs.ts';
import { buildMatrixWorld, type MatrixWorld } from './matrix-world.ts';
import type { OpenApiDocument } from './openapi-samples.ts';

// At least 10,000 malformed requests, generated from the OpenAPI document, go to every route as
// the province admin and as an anonymous client. None may get a 5xx, leak internals, or change
// the database.

const MIN_REQUESTS = 10_000;

// Strings that only an internal error would put in a response: stack frames, source paths and
// messages of PostgreSQL, PGlite or the query builder.
const LEAK_PATTERNS = [
  /\bat [\w.<>]+ \(.*:\d+:\d+\)/,
  /node_modules/,
  /\.ts:\d+/,
  /syntax error at or near/i,
  /relation "[^"]+"/i,
  /violates [\w ]+ constraint/i,
  /duplicate key value/i,
  /invalid input syntax/i,
  /invalid byte sequence/i,
  /\b(PGlite|PostgreSQL error|kysely)\b/i,
];

let testApp: TestApp;
let world: MatrixWorld;
let admin: TestClient;
let doc: OpenApiDocument;

beforeAll(async () => {
  testApp = await startTestApp();
  world = await buildMatrixWorld(testApp.database.db);
  admin = await testApp.signIn('snv.admin@test.gov.vn');
  doc = (await testApp.anonymous().get('/api/openapi.json')).json() as OpenApiDocument;
});

afterAll(async () => {
  await testApp?.close();
});

// Sessions change on every request (last seen), and sign-in attempts and record reads are
// audited by design; every other row must stay as it was.
const snapshotOptions = {
  skipTables: ['sessions'],
  rowFilters: { audit_log: "action not like 'auth.%' and action not like '%.read'" },
};

interface Outcome {
  request: MalformedRequest;
  who: string;
  status: number;
  body: string;
}

function problemOf(outcome: Outcome): string | null {
  const where = `${outcome.who} ${outcome.request.method} ${outcome.request.url.slice(0, 120)} [${outcome.request.fault}]`;
  if (outcome.status >= 500) return `${where}: got ${outcome.status} ${outcome.body.slice(0, 200)}`;
  const leak = LEAK_PATTERNS.find((pattern) => pattern.test(outcome.body));
  if (leak) return `${where}: response leaks internals (${leak}): ${outcome.body.slice(0, 200)}`;
  if (outcome.status >= 400) {
    let parsed: { code?: string; message?: string };
    try {
      parsed = JSON.parse(outcome.body);
    } catch {
      return `${where}: error response is not JSON: ${outcome.body.slice(0, 200)}`;
    }
    if (!parsed.code || !(parsed.code in errorCatalog))
      return `${where}: error code ${parsed.code} is not in the catalog`;
    if (!parsed.message) return `${where}: error response has no message`;
  }
  return null;
}

describe('malformed requests', () => {
  it('get no 5xx and change nothing', async () => {
    const routes = testApp.app.declaredRoutes.filter(
      (route) => route.method !== 'HEAD' && route.url.startsWith('/api/'),
    );
    // Sign-out ends the admin's session, so it runs last.
    routes.sort((a, b) => Number(a.url === '/api/auth/sign-out') - Number(b.url === '/api/auth/sign-out'));
    const perRoute = Math.ceil(MIN_REQUESTS / routes.length / 2);
    const validIds = [
      world.ownAgency.id,
      world.otherAgency.id,
      world.province.id,
      world.ownDivision.id,
      world.small.justicePeople[0]!.id,
    ];
    const before = await snapshotTables(testApp.database.db, snapshotOptions);

    const outcomes: Outcome[] = [];
    let address = 0;
    for (const [routeIndex, route] of routes.entries()) {
      for (const [who, client] of [
        ['province_admin', admin],
        ['anonymous', testApp.anonymous()],
      ] as const) {
        const requests = malformedRequests(
          doc,
          route,
          perRoute,
          routeIndex * 2 + (who === 'anonymous' ? 1 : 0) + 1,
          validIds,
        );
        for (const request of requests) {
          // Spread the requests over loopback addresses so that rate limits per address leave
          // most of them to validation.
          address += 1;
          const response = await client.request({
            method: request.method as 'GET',
            url: request.url,
            headers: request.headers,
            ...(request.payload === undefined ? {} : { payload: request.payload }),
            remoteAddress: `127.0.${(address >> 8) & 255}.${address & 255}`,
          });
          outcomes.push({ request, who, status: response.statusCode, body: response.body });
        }
      }
    }

    const after = await snapshotTables(testApp.database.db, snapshotOptions);
    const problems = outcomes.map(problemOf).filter((problem) => problem !== null);

    expect(outcomes.length).toBeGreaterThanOrEqual(MIN_REQUESTS);
    expect(problems.slice(0, 20)).toEqual([]);
    const acceptedWrites = outcomes
      .filter((outcome) => outcome.request.method !== 'GET' && outcome.status < 400)
      .map(
        (outcome) =>
          `${outcome.who} ${outcome.request.method} ${outcome.request.url.slice(0, 120)} [${outcome.request.fault}]: ${outcome.status}`,
      );
    expect(acceptedWrites.slice(0, 20)).toEqual([]);
    expect(after).toEqual(before);
    // Most requests must have been turned away by validation, not by a missing session.
    const rejectedAsInvalid = outcomes.filter(
      (outcome) => outcome.who === 'province_admin' && outcome.status === 400,
    ).length;
    expect(rejectedAsInvalid).toBeGreaterThan(outcomes.length / 4);
    // About a minute alone on two cores; the margin covers a second test file running beside it.
  }, 180_000);
});
