import type { Kysely } from 'kysely';
import type { Role } from '../../common/roles.ts';
import type { Database } from '../db/schema.ts';
import { type DeclaredRoute, type MatrixTarget, matrixTargets } from '../http/policy.ts';
import type { TestClient } from './harness.ts';
import { matrixResources } from './matrix-resources.ts';
import type { MatrixActor, MatrixWorld } from './matrix-world.ts';
import {
  bodySchemaOf,
  idLikeFields,
  type OpenApiDocument,
  operationOf,
  queryParameters,
  sampleFromSchema,
} from './openapi-samples.ts';

// The kind that marks an id which does not limit what a route touches (a catalog entry).
export const UNSCOPED = 'unscoped';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Targets each role reaches when a route gives no `reach` of its own. */
const DEFAULT_REACH: Record<Role, readonly MatrixTarget[]> = {
  person: ['self'],
  approver: ['self', 'ownAgency'],
  unit_admin: ['self', 'ownAgency'],
  province_admin: matrixTargets,
};

export interface MatrixParty {
  actor: MatrixActor;
  client: TestClient;
}

export interface MatrixContext {
  db: Kysely<Database>;
  world: MatrixWorld;
  doc: OpenApiDocument;
  anonymous: TestClient;
  parties: MatrixParty[];
}

type Expectation = 'allowed' | 'allowed_any' | 'unauthenticated' | 'forbidden' | 'csrf' | 'out_of_scope';

interface Cell {
  who: string;
  target: MatrixTarget | 'none';
  client: TestClient;
  expectation: Expectation;
  headers?: Record<string, string>;
  ids: Record<string, string | number>;
}

function pathParameters(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);
}

/**
 * Lists what keeps the matrix from knowing what a route should answer: a path parameter without
 * a hint, an unknown resource kind, or an id-like field of a route that roles with a limited
 * scope may call.
 */
export function underivedExpectations(route: DeclaredRoute, doc: OpenApiDocument): string[] {
  const problems: string[] = [];
  const hint = route.matrix ?? {};
  const operation = operationOf(doc, route.method, route.url);

  if (route.url.includes('*'))
    problems.push('wildcard URLs cannot be filled with ids; give the route named parameters');
  for (const name of pathParameters(route.url)) {
    if (!hint.params?.[name])
      problems.push(`path parameter :${name} has no hint; add config.matrix.params.${name}`);
  }
  for (const [where, fields] of [
    ['params', hint.params],
    ['query', hint.query],
    ['body', hint.body],
  ] as const) {
    for (const [name, kind] of Object.entries(fields ?? {})) {
      if (kind !== UNSCOPED && !matrixResources[kind]) {
        problems.push(
          `config.matrix.${where}.${name} names the resource kind "${kind}", which server/test/matrix-resources.ts does not resolve`,
        );
      }
    }
  }

  const admitsLimitedScope =
    route.policy.access !== 'public' &&
    (route.policy.access !== 'roles' || route.policy.roles.some((role) => role !== 'province_admin'));
  if (!admitsLimitedScope) return problems;

  const queryNames = queryParameters(operation).map((parameter) => parameter.name);
  for (const name of idLikeFields(queryNames)) {
    if (!hint.query?.[name])
      problems.push(
        `query field ${name} looks like an id; add config.matrix.query.${name} (or "${UNSCOPED}")`,
      );
  }
  const bodyNames = Object.keys(bodySchemaOf(doc, operation)?.properties ?? {});
  for (const name of idLikeFields(bodyNames)) {
    if (!hint.body?.[name])
      problems.push(`body field ${name} looks like an id; add config.matrix.body.${name} (or "${UNSCOPED}")`);
  }
  return problems;
}

function isHinted(route: DeclaredRoute): boolean {
  const hint = route.matrix ?? {};
  const scoped = (fields: Record<string, string> | undefined) =>
    Object.values(fields ?? {}).some((kind) => kind !== UNSCOPED);
  return scoped(hint.params) || scoped(hint.query) || scoped(hint.body);
}

function admitsRole(route: DeclaredRoute, role: Role): boolean {
  return route.policy.access !== 'roles' || route.policy.roles.includes(role);
}

async function resolveIds(
  context: MatrixContext,
  route: DeclaredRoute,
  actor: MatrixActor,
  target: MatrixTarget,
) {
  const ids: Record<string, string | number> = {};
  const hint = route.matrix ?? {};
  for (const fields of [hint.params, hint.query, hint.body]) {
    for (const [name, kind] of Object.entries(fields ?? {})) {
      if (kind === UNSCOPED) continue;
      const id = await matrixResources[kind]!({
        db: context.db,
        world: context.world,
        actor,
        target,
        resolved: ids,
      });
      if (id === undefined) return undefined;
      ids[name] = id;
    }
  }
  return ids;
}

function baseBody(context: MatrixContext, route: DeclaredRoute): Record<string, unknown> | undefined {
  if (!UNSAFE_METHODS.has(route.method)) return undefined;
  if (route.matrix?.sampleBody) return route.matrix.sampleBody;
  const schema = bodySchemaOf(context.doc, operationOf(context.doc, route.method, route.url));
  if (!schema) return undefined;
  return sampleFromSchema(context.doc, schema) as Record<string, unknown>;
}

function baseQuery(context: MatrixContext, route: DeclaredRoute): Record<string, string> {
  if (route.matrix?.sampleQuery) return { ...route.matrix.sampleQuery };
  const query: Record<string, string> = {};
  for (const parameter of queryParameters(operationOf(context.doc, route.method, route.url))) {
    if (parameter.required) query[parameter.name] = String(sampleFromSchema(context.doc, parameter.schema));
  }
  return query;
}

function requestFor(context: MatrixContext, route: DeclaredRoute, ids: Record<string, string | number>) {
  const hint = route.matrix ?? {};
  let url = route.url;
  for (const name of Object.keys(hint.params ?? {}))
    url = url.replace(`:${name}`, encodeURIComponent(String(ids[name] ?? '')));

  const query = baseQuery(context, route);
  for (const name of Object.keys(hint.query ?? {}))
    if (ids[name] !== undefined) query[name] = String(ids[name]);
  const search = new URLSearchParams(query).toString();

  const base = baseBody(context, route);
  let payload: Record<string, unknown> | undefined = base ? { ...base } : undefined;
  for (const name of Object.keys(hint.body ?? {})) {
    if (ids[name] === undefined) continue;
    payload ??= {};
    payload[name] = ids[name];
  }
  if (UNSAFE_METHODS.has(route.method)) payload ??= {};
  return { url: search ? `${url}?${search}` : url, payload };
}

function describeResponse(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { code?: string; message?: string };
    return `${status} ${parsed.code ?? ''} ${parsed.message ?? ''}`.trim();
  } catch {
    return `${status}`;
  }
}

// Codes with which the policy gate (authentication.ts) turns a request away.
const GATE_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_INVALID', 'PASSWORD_CHANGE_REQUIRED']);

function judge(cell: Cell, status: number, body: string): string | null {
  let code: string | undefined;
  try {
    code = (JSON.parse(body) as { code?: string }).code;
  } catch {
    code = undefined;
  }
  const got = describeResponse(status, body);
  const where = `${cell.who} → ${cell.target}`;
  if (status >= 500) return `${where}: expected no server error, got ${got}`;

  switch (cell.expectation) {
    case 'unauthenticated':
      return status === 401 && code === 'UNAUTHENTICATED'
        ? null
        : `${where}: expected 401 UNAUTHENTICATED, got ${got}`;
    case 'forbidden':
      return status === 403 && code === 'FORBIDDEN'
        ? null
        : `${where}: expected 403 FORBIDDEN (role not in the policy), got ${got}`;
    case 'csrf':
      return status === 403 && code === 'CSRF_INVALID'
        ? null
        : `${where}: expected 403 CSRF_INVALID without the token, got ${got}`;
    case 'out_of_scope':
      if (status === 403 || status === 404) return null;
      if (code === 'VALIDATION_FAILED') {
        return `${where}: the request failed validation before the scope check (${got}); give config.matrix.sampleBody or sampleQuery that passes validation`;
      }
      return `${where}: expected 403 or 404 outside the caller's scope, got ${got}`;
    case 'allowed':
      if (GATE_CODES.has(code ?? '') || status === 403 || status === 404)
        return `${where}: expected access within the caller's scope, got ${got}`;
      return null;
    case 'allowed_any':
      return GATE_CODES.has(code ?? '')
        ? `${where}: expected the policy to let the caller in, got ${got}`
        : null;
  }
}

/**
 * Runs one route through every caller and target and returns what did not match the policy and
 * hints. An empty list means the route behaves as declared.
 */
export async function checkRoute(context: MatrixContext, route: DeclaredRoute): Promise<string[]> {
  const underived = underivedExpectations(route, context.doc);
  if (underived.length > 0) return underived.map((problem) => `expectation cannot be derived: ${problem}`);

  try {
    baseBody(context, route);
    baseQuery(context, route);
  } catch (error) {
    return [
      `expectation cannot be derived: no valid sample request (${(error as Error).message}); give config.matrix.sampleBody or sampleQuery`,
    ];
  }

  const hinted = isHinted(route);
  const targets: Array<MatrixTarget | 'none'> = hinted ? [...matrixTargets] : ['none'];
  const provinceAdmin = context.parties.find((party) => party.actor.role === 'province_admin')!;
  const cells: Cell[] = [];

  const anonymousIds = hinted ? await resolveIds(context, route, provinceAdmin.actor, 'ownAgency') : {};
  if (anonymousIds) {
    const isPublic = route.policy.access === 'public';
    cells.push({
      who: 'anonymous',
      target: 'none',
      client: context.anonymous,
      expectation: isPublic ? 'allowed_any' : 'unauthenticated',
      ids: anonymousIds,
    });
    if (!isPublic && UNSAFE_METHODS.has(route.method)) {
      cells.push({
        who: 'province_admin without CSRF token',
        target: 'none',
        client: provinceAdmin.client,
        expectation: 'csrf',
        headers: { 'x-csrf-token': 'forged-token' },
        ids: anonymousIds,
      });
    }
  }

  const allowedCells: Cell[] = [];
  for (const party of context.parties) {
    const role = party.actor.role;
    for (const target of targets) {
      const ids = target === 'none' ? {} : await resolveIds(context, route, party.actor, target);
      if (!ids) continue;
      const cell: Cell = { who: role, target, client: party.client, expectation: 'allowed_any', ids };
      if (route.policy.access === 'public') {
        cell.expectation = 'allowed_any';
      } else if (!admitsRole(route, role)) {
        cell.expectation = 'forbidden';
      } else if (target === 'none') {
        cell.expectation = 'allowed_any';
      } else {
        const reach = route.matrix?.reach?.[role] ?? DEFAULT_REACH[role];
        cell.expectation = reach.includes(target) ? 'allowed' : 'out_of_scope';
      }
      // Requests that may change data run last, so that denied requests see the data unchanged.
      if (cell.expectation === 'allowed' || cell.expectation === 'allowed_any') allowedCells.push(cell);
      else cells.push(cell);
    }
  }

  const problems: string[] = [];
  for (const cell of [...cells, ...allowedCells]) {
    const { url, payload } = requestFor(context, route, cell.ids);
    const response = await cell.client.request({
      method: route.method as 'GET',
      url,
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
      ...(cell.headers ? { headers: cell.headers } : {}),
    });
    const problem = judge(cell, response.statusCode, response.body);
    if (problem) problems.push(problem);
  }
  return problems;
}
