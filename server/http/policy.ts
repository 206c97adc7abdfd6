import type { Role } from '../../common/roles.ts';

/**
 * Who may call a route. Every route declares one in `config.policy`; the app refuses to start
 * with a route that has none. The policy is the first gate only: services then check that the
 * unit, person or account touched lies within the caller's scope.
 *
 * - public: anyone, signed in or not (health, sign-in, the OpenAPI document);
 * - signed_in: any signed-in account whose default password has been changed;
 * - password_change: any signed-in account, even one that must still change its password;
 * - roles: a signed-in account holding at least one of the roles on some unit.
 */
export type RoutePolicy =
  | { access: 'public' }
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
  grants: Grant[];
  sessionId: string;
  csrfToken: string;
}

export function holdsRole(actor: Actor, role: Role): boolean {
  if (role === 'person') return actor.personId !== null;
  return actor.grants.some((grant) => grant.role === role);
}

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}
