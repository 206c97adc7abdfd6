import { recordData } from '../../../common/schemas/record.ts';
import type { MatrixTarget } from '../../http/policy.ts';
import { makePerson } from '../../test/factories.ts';
import type { MatrixResolver, ResolveContext } from '../../test/matrix-resources.ts';
import { writeApprovedVersion } from '../records/records.repository.ts';

// Resolvers for the authorization matrix test: people with an approved record, declarations and
// notifications at each target. Each call creates a fresh resource (or reuses the caller's own),
// so that a request that changes one leaves the next request unaffected.

let serial = 0;

/** The agency and division of a fresh person at the target; holding-group people sit in the group. */
function placeOf(
  context: ResolveContext,
  target: MatrixTarget,
): { agencyId: number; divisionId: number | null } {
  const { world } = context;
  if (target === 'otherAgency') return { agencyId: world.otherAgency.id, divisionId: world.otherDivision.id };
  if (target === 'provinceLevel') return { agencyId: world.holdingGroup.id, divisionId: null };
  return { agencyId: world.ownAgency.id, divisionId: world.ownDivision.id };
}

/** Letters for a number (1 → A, 27 → AA), because a person's name contains no digits. */
function letters(value: number): string {
  let rest = value;
  let text = '';
  while (rest > 0) {
    text = String.fromCharCode(65 + ((rest - 1) % 26)) + text;
    rest = Math.floor((rest - 1) / 26);
  }
  return text;
}

async function personAt(context: ResolveContext): Promise<number | undefined> {
  if (context.target === 'self') return context.actor.personId ?? undefined;
  serial += 1;
  const person = await makePerson(context.db, {
    fullName: `Người Phiếu Ma Trận ${letters(serial)}`,
    ...placeOf(context, context.target),
  });
  return person.id;
}

async function ensureVersion(context: ResolveContext, personId: number): Promise<void> {
  const existing = await context.db
    .selectFrom('record_versions')
    .select('id')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (existing) return;
  const person = await context.db
    .selectFrom('people')
    .select('full_name')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  const data = recordData.parse({ identity: { fullName: person.full_name } });
  await context.db.transaction().execute((trx) =>
    writeApprovedVersion(trx, {
      personId,
      data,
      source: 'import',
      declarationId: null,
      approvedBy: null,
    }).then(() => undefined),
  );
}

export const declarationMatrixResources: Record<string, MatrixResolver> = {
  person_with_record: async (context) => {
    const personId = await personAt(context);
    if (personId !== undefined) await ensureVersion(context, personId);
    return personId;
  },
  record_version_no: async (context) => {
    const personId = Number(context.resolved.id);
    if (!personId) return undefined;
    await ensureVersion(context, personId);
    return 1;
  },
  own_record_version_no: async (context) => {
    if (context.target !== 'self' || context.actor.personId === null) return undefined;
    await ensureVersion(context, context.actor.personId);
    return 1;
  },
  /** A submitted declaration of a person at the target (the caller's own open one for 'self'). */
  declaration: async (context) => {
    const personId = await personAt(context);
    if (personId === undefined) return undefined;
    const open = await context.db
      .selectFrom('declarations')
      .select('id')
      .where('person_id', '=', personId)
      .where('status', 'in', ['draft', 'submitted', 'returned'])
      .executeTakeFirst();
    if (open) return open.id;

    const person = await context.db
      .selectFrom('people')
      .select('full_name')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    const membership = await context.db
      .selectFrom('memberships')
      .selectAll()
      .where('person_id', '=', personId)
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    const data = recordData.parse({
      identity: { fullName: person.full_name },
      employment: { agencyId: membership.agency_id, divisionId: membership.division_id },
    });
    const row = await context.db
      .insertInto('declarations')
      .values({
        person_id: personId,
        status: 'submitted',
        data: JSON.stringify(data),
        base_version_no: null,
        target_agency_id: membership.agency_id,
        target_division_id: membership.division_id,
        route: context.target === 'provinceLevel' ? 'province' : 'agency',
        submitted_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
  notification: async (context) => {
    const personId = await personAt(context);
    if (personId === undefined) return undefined;
    const row = await context.db
      .insertInto('person_notifications')
      .values({
        person_id: personId,
        kind: 'declaration_reminder',
        message: 'Nhắc kê khai (kiểm tra quyền).',
        declaration_id: null,
        created_by_account_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
};
