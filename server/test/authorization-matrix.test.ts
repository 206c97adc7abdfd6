import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { DeclaredRoute } from '../http/policy.ts';
import { startTestApp, type TestClient } from './harness.ts';
import { checkRoute, type MatrixContext, type MatrixParty } from './matrix-runner.ts';
import { buildMatrixWorld } from './matrix-world.ts';
import { type OpenApiDocument, openApiPath } from './openapi-samples.ts';

// Every route of the app, taken from the route table at run time, is called by an anonymous
// client and by one account per role on resources of the caller's own agency, another agency
// and the province level. What each call must return follows from the route's policy and its
// `config.matrix` hints (server/http/policy.ts); a route whose expected response cannot be derived fails.

const testApp = await startTestApp();
const world = await buildMatrixWorld(testApp.database.db);
const parties: MatrixParty[] = [];
for (const actor of world.actors) parties.push({ actor, client: await testApp.signIn(actor.email) });
const doc = (await testApp.anonymous().get('/api/openapi.json')).json() as OpenApiDocument;

const context: MatrixContext = {
  db: testApp.database.db,
  world,
  doc,
  anonymous: testApp.anonymous(),
  parties,
};
const routes = testApp.app.declaredRoutes.filter(
  (route) => route.method !== 'HEAD' && route.url.startsWith('/api/'),
);

afterAll(async () => {
  await testApp.close();
});

// Routes such as sign-out end the caller's session; the next route needs it back.
afterEach(async () => {
  for (const party of parties) {
    const probe = await party.client.get('/api/auth/session');
    if (probe.statusCode === 401) party.client = await testApp.signIn(party.actor.email);
  }
});

describe('route table', () => {
  it('holds every operation of the OpenAPI document', () => {
    const declared = new Set(routes.map((route) => `${route.method} ${openApiPath(route.url)}`));
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.length).toBeGreaterThan(5);
    expect(documented.filter((operation) => !declared.has(operation))).toEqual([]);
  });

  it('includes the sign-in and unit routes', () => {
    const names = routes.map((route) => `${route.method} ${route.url}`);
    expect(names).toContain('POST /api/auth/sign-in');
    expect(names).toContain('GET /api/units/:id');
  });
});

describe('authorization matrix', () => {
  for (const route of routes) {
    it(`${route.method} ${route.url}`, async () => {
      expect(await checkRoute(context, route)).toEqual([]);
    });
  }
});

describe('matrix self-check', () => {
  // A second app on the same database with deliberately wrong routes, to show that the matrix
  // reports them instead of passing.
  const staff = { access: 'roles', roles: ['unit_admin', 'approver', 'province_admin'] } as const;

  async function probeApp() {
    const app = await buildApp({
      db: testApp.database.db,
      config: { ...loadConfig({}), webDist: '/nonexistent', demo: false },
      logger: false,
    });
    app.get(
      '/api/matrix-probe/leaky/:id',
      { config: { policy: staff, matrix: { params: { id: 'unit' } } } },
      async () => ({ ok: true }),
    );
    app.get('/api/matrix-probe/unhinted/:id', { config: { policy: staff } }, async () => ({ ok: true }));
    app.get('/api/matrix-probe/open', { config: { policy: { access: 'signed_in' } } }, async () => ({
      ok: true,
    }));
    await app.ready();
    return app;
  }

  function routeOf(routes: DeclaredRoute[], url: string): DeclaredRoute {
    const route = routes.find((item) => item.url === url && item.method === 'GET');
    if (!route) throw new Error(`Probe route ${url} was not collected.`);
    return route;
  }

  it('reports a route that skips the scope check', async () => {
    const app = await probeApp();
    const probeContext = {
      ...context,
      parties: parties.map((party) => ({ ...party, client: rebind(party.client, app) })),
      anonymous: rebind(context.anonymous, app),
    };
    const problems = await checkRoute(
      probeContext,
      routeOf(app.declaredRoutes, '/api/matrix-probe/leaky/:id'),
    );
    await app.close();
    expect(problems.some((problem) => problem.startsWith('unit_admin → otherAgency'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('approver → provinceLevel'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('person'))).toBe(false);
  });

  it('reports a route whose ids have no hint', async () => {
    const app = await probeApp();
    const problems = await checkRoute(context, routeOf(app.declaredRoutes, '/api/matrix-probe/unhinted/:id'));
    await app.close();
    expect(problems).toEqual([
      'expectation cannot be derived: path parameter :id has no hint; add config.matrix.params.id',
    ]);
  });

  it('passes a signed-in route that every role may call', async () => {
    const app = await probeApp();
    const probeContext = {
      ...context,
      parties: parties.map((party) => ({ ...party, client: rebind(party.client, app) })),
      anonymous: rebind(context.anonymous, app),
    };
    const problems = await checkRoute(probeContext, routeOf(app.declaredRoutes, '/api/matrix-probe/open'));
    await app.close();
    expect(problems).toEqual([]);
  });
});

/** The same session cookie and CSRF token, sent to another app instance. */
function rebind(client: TestClient, app: Awaited<ReturnType<typeof buildApp>>) {
  const headers = {
    ...(client.cookie ? { cookie: `hoso_session=${client.cookie}` } : {}),
    ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
  };
  const request: typeof client.request = (options) =>
    app.inject({ ...options, headers: { ...headers, ...(options.headers ?? {}) } });
  return { ...client, request };
}
