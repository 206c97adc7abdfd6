import type { Role } from '../../common/roles.ts';

/**
 * Who may call a route. Every route declares one in `config.policy`; the app refuses to start
 * with a route that has none. The policy is the first gate only: services then check that the
 * unit, person or account touched lies within the caller's scope.
 *
 * - public: anyone, signed in or not (health, sign-in, the OpenAPI document);
 * - second_factor: any session, even one still owing its TOTP code (session info, sign-out, the
 *   TOTP routes themselves);
 * - signed_in: any signed-in account whose default password has been changed;
 * - password_change: any signed-in account, even one that must still change its password;
 * - roles: a signed-in account holding at least one of the roles on some unit.
 */
export type RoutePolicy =
  | { access: 'public' }
  | { access: 'second_factor' }
  | { access: 'signed_in' }
  | { access: 'password_change' }
  | { access: 'roles'; roles: readonly Role[] };

export interface Grant {
  role: 'approver' | 'unit_admin' | 'province_admin';
  unitId: number;
}

/** The signed-in account behind a request. */
export interface Actor {
  accountId: number;
  email: string;
  displayName: string;
  personId: number | null;
  homeUnitId: number;
  mustChangePassword: boolean;
  /** The TOTP step the session still owes: 'enrol' or 'verify', or null when none is pending. */
  secondFactor?: 'verify' | 'enrol' | null;
  grants: Grant[];
  sessionId: string;
  csrfToken: string;
}

export function holdsRole(actor: Actor, role: Role): boolean {
  if (role === 'person') return actor.personId !== null;
  return actor.grants.some((grant) => grant.role === role);
}

/**
 * What an id in a route's request names: a unit (agency level), a division, a person, an account,
 * or a kind that another module registers in server/test/matrix-resources.ts. 'unscoped' marks an
 * id that does not limit what the caller reaches (a catalog entry, a unit picked from the tree).
 */
export type MatrixResource = 'unit' | 'division' | 'person' | 'account' | 'unscoped' | (string & {});

/**
 * Where a resource lies as seen from the caller: the caller's own person or account, the caller's
 * agency, another agency of the province, or the province level (the province root and the
 * holding groups, which only the province admin reaches).
 */
export const matrixTargets = ['self', 'ownAgency', 'otherAgency', 'provinceLevel'] as const;
export type MatrixTarget = (typeof matrixTargets)[number];

/**
 * How the authorization matrix test (server/test/authorization-matrix.test.ts) reaches a route
 * that takes ids. The test fills each named id with a resource of each target and expects the
 * targets a role reaches to pass the scope check and every other target to get 403 or 404.
 * Without `reach`, a person reaches 'self', an approver or unit admin 'self' and 'ownAgency', and
 * the province admin every target.
 */
export interface RouteMatrix {
  /** What each path parameter names. Every path parameter must be listed. */
  params?: Record<string, MatrixResource>;
  /** Query fields that carry ids and limit what the route touches. */
  query?: Record<string, MatrixResource>;
  /** Body fields that carry ids and limit what the route touches. */
  body?: Record<string, MatrixResource>;
  /** A body that passes validation, so that denied requests reach the scope check; fields named in `body` are replaced per target. */
  sampleBody?: Record<string, unknown>;
  /** Query fields added to every request of the matrix, e.g. a required date. */
  sampleQuery?: Record<string, string>;
  /** Targets a role reaches on this route, where they differ from the default. */
  reach?: Partial<Record<Role, readonly MatrixTarget[]>>;
}

/** A route as registered, with its policy: the list that the authorization matrix test walks. */
export interface DeclaredRoute {
  method: string;
  url: string;
  policy: RoutePolicy;
  matrix: RouteMatrix | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with a policy, in registration order (filled by installAuthentication). */
    declaredRoutes: DeclaredRoute[];
  }
  interface FastifyContextConfig {
    policy?: RoutePolicy;
    /** Hints for the authorization matrix test; see RouteMatrix. */
    matrix?: RouteMatrix;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}
