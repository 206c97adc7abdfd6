import type { Kysely, Transaction } from 'kysely';
import type { Placement } from '../../../common/schemas/reorganisation.ts';
import type { Database } from '../../db/schema.ts';
import { pathOf } from '../org/org.repository.ts';
import { lineageFrom, type UnitRef } from './reorganisation.repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

// A unit can be merged, and its successor merged again; the lineage is followed this many steps.
const MAX_LINEAGE_STEPS = 16;

/** Returns the agency of a unit: the nearest agency or holding group at or above it. */
export async function agencyOfUnit(db: Db, unitId: number): Promise<UnitRef | null> {
  const path = await pathOf(db, unitId);
  for (let index = path.length - 1; index >= 0; index--) {
    const unit = path[index]!;
    if (unit.kind === 'agency' || unit.kind === 'holding_group') return unit;
  }
  return null;
}

/** Returns the placement that an active unit offers: the unit as agency, or as division of its agency. */
export async function placementOf(db: Db, unit: UnitRef): Promise<Placement | null> {
  if (unit.kind === 'agency' || unit.kind === 'holding_group') return { agency: unit, division: null };
  if (unit.kind !== 'division') return null;
  const agency = await agencyOfUnit(db, unit.id);
  return agency ? { agency, division: unit } : null;
}

/**
 * Finds the active units that an ended unit became, following the lineage through later changes.
 * A dissolved unit, or an active one, has none.
 */
export async function activeSuccessors(db: Db, unitId: number): Promise<UnitRef[]> {
  const visited = new Set<number>([unitId]);
  const found = new Map<number, UnitRef>();
  let frontier = [unitId];

  for (let step = 0; step < MAX_LINEAGE_STEPS && frontier.length > 0; step++) {
    const links = await lineageFrom(db, frontier);
    const nextIds = links
      .map((link) => link.toUnitId)
      .filter((id): id is number => id !== null && !visited.has(id));
    for (const id of nextIds) visited.add(id);
    if (nextIds.length === 0) break;

    const units = await db
      .selectFrom('units')
      .select(['id', 'code', 'name', 'kind', 'status'])
      .where('id', 'in', nextIds)
      .orderBy('sort_order')
      .orderBy('code')
      .execute();
    frontier = [];
    for (const unit of units) {
      if (unit.status === 'active')
        found.set(unit.id, { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind });
      else frontier.push(unit.id);
    }
  }
  return [...found.values()];
}

/** Lists the placements suggested to the people of an ended unit, one per active successor. */
export async function suggestedPlacements(db: Db, unitId: number): Promise<Placement[]> {
  const placements: Placement[] = [];
  for (const successor of await activeSuccessors(db, unitId)) {
    const placement = await placementOf(db, successor);
    if (placement) placements.push(placement);
  }
  return placements;
}

/**
 * Suggests where a person declares next: when the division (or, without one, the
 * agency) of the person's open membership has ended, the placements its successors offer.
 * Exported for the declarations module, which pre-fills the agency and division with it.
 */
export async function placementSuggestionForPerson(db: Db, personId: number, asOf: string) {
  const membership = await db
    .selectFrom('memberships as m')
    .innerJoin('units as a', 'a.id', 'm.agency_id')
    .leftJoin('units as d', 'd.id', 'm.division_id')
    .select([
      'a.id as agencyId',
      'a.code as agencyCode',
      'a.name as agencyName',
      'a.kind as agencyKind',
      'a.valid_to as agencyValidTo',
      'd.id as divisionId',
      'd.code as divisionCode',
      'd.name as divisionName',
      'd.kind as divisionKind',
      'd.valid_to as divisionValidTo',
    ])
    .where('m.person_id', '=', personId)
    .where('m.valid_from', '<=', asOf)
    .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>', asOf)]))
    .executeTakeFirst();
  if (!membership) return { current: null, mustRedeclare: false, suggestions: [] };

  const agency: UnitRef = {
    id: membership.agencyId,
    code: membership.agencyCode,
    name: membership.agencyName,
    kind: membership.agencyKind,
  };
  const division: UnitRef | null =
    membership.divisionId === null
      ? null
      : {
          id: membership.divisionId,
          code: membership.divisionCode!,
          name: membership.divisionName!,
          kind: membership.divisionKind!,
        };
  const hasEnded = (validTo: string | null) => validTo !== null && validTo <= asOf;
  const divisionEnded = division !== null && hasEnded(membership.divisionValidTo);
  const agencyEnded = hasEnded(membership.agencyValidTo);

  let suggestions: Placement[] = [];
  if (divisionEnded) suggestions = await suggestedPlacements(db, division.id);
  if (suggestions.length === 0 && agencyEnded) suggestions = await suggestedPlacements(db, agency.id);
  return { current: { agency, division }, mustRedeclare: divisionEnded || agencyEnded, suggestions };
}
