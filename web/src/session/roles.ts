import type { Role } from '../../../common/roles.ts';
import type { SessionInfo } from '../../../common/schemas/auth.ts';

export type Grant = SessionInfo['grants'][number];

/** Whether the account holds the role: `person` through its linked record, the others by grant. */
export function holdsRole(session: SessionInfo, role: Role): boolean {
  if (role === 'person') return session.personId !== null;
  return session.grants.some((grant) => grant.role === role);
}

export function holdsAnyRole(session: SessionInfo, roles: readonly Role[] | undefined): boolean {
  if (!roles) return true;
  return roles.some((role) => holdsRole(session, role));
}

/** Every role the account holds, in the order of common/roles.ts. */
export function rolesOf(session: SessionInfo): Role[] {
  const held: Role[] = [];
  if (session.personId !== null) held.push('person');
  for (const grant of session.grants) if (!held.includes(grant.role)) held.push(grant.role);
  return held;
}

export const STAFF_ROLES = ['unit_admin', 'approver', 'province_admin'] as const satisfies readonly Role[];

/** Grants that open a headcount table, one per unit (a unit admin who is also approver counts once). */
export function staffUnits(session: SessionInfo): Grant[] {
  const seen = new Set<number>();
  const units: Grant[] = [];
  for (const grant of session.grants) {
    if (seen.has(grant.unitId)) continue;
    seen.add(grant.unitId);
    units.push(grant);
  }
  return units;
}
