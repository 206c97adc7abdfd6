import { type Kysely, sql } from 'kysely';
import type { ProgressStatus } from '../../../common/schemas/declarations.ts';
import type { Database } from '../../db/schema.ts';

/** An agency (or holding group), optionally narrowed to one division. */
export interface UnitScope {
  agencyId: number;
  divisionId: number | null;
}

export interface MemberStatus {
  personId: number;
  fullName: string;
  divisionId: number | null;
  divisionCode: string | null;
  divisionName: string | null;
  divisionStatus: 'active' | 'ended' | null;
  agencyCode: string;
  agencyStatus: 'active' | 'ended';
  status: ProgressStatus;
  declarationId: number | null;
  updatedAt: Date | null;
  rankCode: string | null;
  rankValid: boolean;
}

/**
 * The people who work in the unit now, each with their declaration progress: the open
 * declaration's status, else approved when one was ever approved, else never declared. Also
 * whether their recorded grade or title is still in force today.
 */
export async function memberStatuses(db: Kysely<Database>, scope: UnitScope): Promise<MemberStatus[]> {
  const result = await sql<MemberStatus>`
    select m.person_id as "personId", p.full_name as "fullName", m.division_id as "divisionId",
      d.code as "divisionCode", d.name as "divisionName", d.status as "divisionStatus",
      a.code as "agencyCode", a.status as "agencyStatus",
      coalesce(o.status, case when ap.id is not null then 'approved' else 'never_declared' end) as status,
      coalesce(o.id, ap.id) as "declarationId", coalesce(o.updated_at, ap.updated_at) as "updatedAt",
      r.rank_code as "rankCode",
      (r.rank_code is null or exists (
        select 1 from catalog_entries c
        where c.catalog = case when r.rank_kind = 'professional_title' then 'professional_titles' else 'grades' end
          and c.code = r.rank_code
          and (c.valid_from is null or c.valid_from <= current_date)
          and (c.valid_to is null or c.valid_to > current_date)
      )) as "rankValid"
    from memberships m
    join people p on p.id = m.person_id
    join units a on a.id = m.agency_id
    left join units d on d.id = m.division_id
    left join person_records r on r.person_id = m.person_id
    left join declarations o on o.person_id = m.person_id and o.status in ('draft', 'submitted', 'returned')
    left join lateral (
      select id, updated_at from declarations x where x.person_id = m.person_id and x.status = 'approved'
      order by x.decided_at desc limit 1
    ) ap on true
    where m.agency_id = ${scope.agencyId} and m.valid_to is null
      ${scope.divisionId === null ? sql`` : sql`and m.division_id = ${scope.divisionId}`}
    order by p.name_sort_key, p.id
  `.execute(db);
  return result.rows;
}
