import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { MatrixTarget } from '../http/policy.ts';
import { accountMatrixResources } from '../modules/accounts/accounts.matrix.ts';
import { catalogMatrixResources } from '../modules/catalogs/catalogs.matrix.ts';
import { declarationMatrixResources } from '../modules/declarations/declarations.matrix.ts';
import { requestMatrixResources } from '../modules/requests/requests.matrix.ts';
import { importMatrixResources } from '../modules/import/import.matrix.ts';
import { makeAccount, makePerson } from './factories.ts';
import type { MatrixActor, MatrixWorld } from './matrix-world.ts';

export interface ResolveContext {
  db: Kysely<Database>;
  world: MatrixWorld;
  actor: MatrixActor;
  target: MatrixTarget;
  /** Ids already resolved for this request, by field name, e.g. the account that a grant id must belong to. */
  resolved: Record<string, string | number>;
}

/**
 * Returns the id of a resource of one kind that lies at the target as seen from the actor, or
 * undefined when the kind has no such target (a unit is never the caller's 'self'). Resolvers may
 * create a fresh resource on every call, so that a request that deletes one does not disturb the
 * next request.
 */
export type MatrixResolver = (context: ResolveContext) => Promise<string | number | undefined>;

let serial = 0;
function nextSerial(): number {
  serial += 1;
  return serial;
}

async function freshPerson(
  context: ResolveContext,
  agencyId: number,
  divisionId: number | null,
): Promise<number> {
  const person = await makePerson(context.db, {
    fullName: `Người Ma Trận ${nextSerial()}`,
    agencyId,
    divisionId,
  });
  return person.id;
}

async function freshAccount(context: ResolveContext, homeUnitId: number): Promise<number> {
  const account = await makeAccount(context.db, { email: `ma.tran.${nextSerial()}@test.gov.vn`, homeUnitId });
  return account.id;
}

/**
 * Resource kinds that route `matrix` hints may name. A module whose routes take ids of its own
 * kind (a declaration, a request) adds a resolver here that creates or finds one such resource
 * per target.
 */
export const matrixResources: Record<string, MatrixResolver> = {
  unit: async ({ world, target }) => {
    if (target === 'ownAgency') return world.ownAgency.id;
    if (target === 'otherAgency') return world.otherAgency.id;
    if (target === 'provinceLevel') return world.province.id;
    return undefined;
  },
  division: async ({ world, target }) => {
    if (target === 'ownAgency') return world.ownDivision.id;
    if (target === 'otherAgency') return world.otherDivision.id;
    if (target === 'provinceLevel') return world.holdingGroup.id;
    return undefined;
  },
  person: async (context) => {
    const { world, target, actor } = context;
    if (target === 'self') return actor.personId ?? undefined;
    if (target === 'ownAgency') return freshPerson(context, world.ownAgency.id, world.ownDivision.id);
    if (target === 'otherAgency') return freshPerson(context, world.otherAgency.id, world.otherDivision.id);
    return freshPerson(context, world.holdingRoot.id, world.holdingGroup.id);
  },
  /** A role grant on a unit of the target, held by the account resolved earlier in the request or a fresh one. */
  grant: async (context) => {
    const { db, world, target, actor, resolved } = context;
    const unitId = {
      self: world.ownAgency.id,
      ownAgency: world.ownAgency.id,
      otherAgency: world.otherAgency.id,
      provinceLevel: world.holdingGroup.id,
    }[target];
    const accountId = Number(
      resolved.id ??
        resolved.accountId ??
        (target === 'self' ? actor.accountId : await freshAccount(context, unitId)),
    );
    const grant = await db
      .insertInto('role_grants')
      .values({ account_id: accountId, role: 'approver', unit_id: unitId })
      .returning('id')
      .executeTakeFirstOrThrow();
    return grant.id;
  },
  account: async (context) => {
    const { world, target, actor } = context;
    if (target === 'self') return actor.accountId;
    if (target === 'ownAgency') return freshAccount(context, world.ownAgency.id);
    if (target === 'otherAgency') return freshAccount(context, world.otherAgency.id);
    return freshAccount(context, world.holdingGroup.id);
  },
  ...catalogMatrixResources,
  ...declarationMatrixResources,
  ...accountMatrixResources,
  ...requestMatrixResources,
  ...importMatrixResources,
};
