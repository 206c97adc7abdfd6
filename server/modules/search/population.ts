import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PeopleScope } from './people-scope.ts';

/**
 * The people of a scope as one query: people `p`, their membership valid on the scope's date
 * `m`, its agency `a` and division `d` (current names), and the approved record's indexed
 * columns `r` (absent for a person never approved). Search, statistics, drill-downs and exports
 * all start here, so a count and the list behind it can never disagree.
 */
// NOTE: agency and division names are the current ones, also in lists for a past date.
export function populationQuery(db: Kysely<Database>, scope: PeopleScope) {
  const asOf = scope.asOf;
  const base = db.selectFrom('people as p');
  const joined =
    scope.kind === 'everyone'
      ? base.leftJoin('memberships as m', (join) =>
          join
            .onRef('m.person_id', '=', 'p.id')
            .on('m.valid_from', '<=', asOf)
            .on((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>', asOf)])),
        )
      : base
          .innerJoin('memberships as m', 'm.person_id', 'p.id')
          .where('m.valid_from', '<=', asOf)
          .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>', asOf)]))
          .where(
            sql<boolean>`(m.agency_id = any(${scope.agencyUnitIds}::bigint[]) or m.division_id = any(${scope.divisionUnitIds}::bigint[]))`,
          );

  return joined
    .leftJoin('units as a', 'a.id', 'm.agency_id')
    .leftJoin('units as d', 'd.id', 'm.division_id')
    .leftJoin('person_records as r', 'r.person_id', 'p.id');
}

export type PopulationQuery = ReturnType<typeof populationQuery>;

/**
 * The name of a grade or professional title, from the catalogs, for the record's rank code; the
 * entry valid on the date comes first, then the latest one.
 */
export function rankNameSql(asOf: string) {
  return sql<string | null>`(
    select ce.name from catalog_entries ce
    where ce.code = r.rank_code
      and ce.catalog = case when r.rank_kind = 'professional_title' then 'professional_titles' else 'grades' end
    order by (coalesce(ce.valid_from, date '0001-01-01') <= ${asOf} and (ce.valid_to is null or ce.valid_to > ${asOf})) desc,
      ce.valid_from desc nulls last
    limit 1
  )`;
}
