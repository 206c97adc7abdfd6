import type pg from 'pg';
import { foldForSearch } from '../../common/vietnamese.ts';
import { BENCH_PROVINCE_CODE } from '../dataset/sizes.ts';

// What the scenarios work on, chosen from the loaded database in a fixed order (md5 of the id),
// so that two runs on the same dataset measure the same units, people and words.

export interface BenchAgency {
  id: number;
  code: string;
  name: string;
  headcount: number;
  unitAdminAccountId: number;
  approverAccountIds: number[];
}

export interface Declarant {
  personId: number;
  accountId: number;
  agencyId: number;
}

export interface BenchFixtures {
  province: { id: number; code: string; name: string; headcount: number };
  nationalRootId: number | null;
  provinceAdminAccountId: number;
  nationalAdminAccountId: number | null;
  /** The largest agencies of the province, then a spread of the others. */
  agencies: BenchAgency[];
  /** Approver accounts of every agency, by agency id. */
  approversByAgency: Map<number, number[]>;
  /** People of the province with an approved record. */
  recordPersonIds: number[];
  /** Accounts of people (no staff role) of the province, for /api/me/record. */
  readerAccountIds: number[];
  /** People who can declare and be approved by their agency: no open declaration, active division, two approvers. */
  declarants: Declarant[];
  /** Name searches as users type them: without tone marks, whole or in part. */
  searchTerms: string[];
  /** The unit whose people list is closest to 30,000 rows, for the export. */
  exportUnit: { id: number; name: string; rows: number };
}

async function rows<T extends pg.QueryResultRow>(
  client: pg.ClientBase,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  return (await client.query<T>(text, values)).rows;
}

function searchTermsOf(names: string[]): string[] {
  const terms: string[] = [];
  names.forEach((name, index) => {
    const words = foldForSearch(name).split(' ').filter(Boolean);
    const given = words.at(-1) ?? '';
    // Whole names, "middle given", "family given" and a given name alone, as people type them.
    const variants = [words.join(' '), words.slice(-2).join(' '), `${words[0]} ${given}`, given];
    terms.push(variants[index % variants.length]!);
  });
  return terms;
}

export async function chooseFixtures(
  client: pg.ClientBase,
  options: { declarants: number },
): Promise<BenchFixtures> {
  const provinces = await rows<{
    id: number;
    code: string;
    name: string;
    parent_id: number | null;
    headcount: number;
  }>(
    client,
    `select p.id, p.code, p.name, p.parent_id,
       (select count(*)::int from memberships m join units a on a.id = m.agency_id where m.valid_to is null and a.parent_id = p.id) as headcount
     from units p where p.kind = 'province' and p.status = 'active' and exists (select 1 from units c where c.parent_id = p.id and c.kind = 'agency')
     order by p.code`,
  );
  const province = provinces.find((row) => row.code === BENCH_PROVINCE_CODE) ?? provinces[0];
  if (!province) throw new Error('The benchmark database has no province: load it first (drop --skip-load).');
  const nationalRootId = province.parent_id;

  const grants = await rows<{ account_id: number; role: string; unit_id: number }>(
    client,
    `select account_id, role, unit_id from role_grants where revoked_at is null order by id`,
  );
  const provinceAdmin = grants.find(
    (grant) => grant.role === 'province_admin' && grant.unit_id === province.id,
  );
  if (!provinceAdmin) throw new Error(`Province ${province.code} has no province admin grant.`);
  const nationalAdmin =
    nationalRootId === null
      ? undefined
      : grants.find((grant) => grant.role === 'province_admin' && grant.unit_id === nationalRootId);

  const agencyRows = await rows<{ id: number; code: string; name: string; headcount: number }>(
    client,
    `select u.id, u.code, u.name, count(m.id)::int as headcount from units u
     join memberships m on m.agency_id = u.id and m.valid_to is null
     where u.parent_id = $1 and u.kind = 'agency' and u.status = 'active'
     group by u.id order by headcount desc, u.id`,
    [province.id],
  );
  const spread = agencyRows
    .slice(5)
    .filter((_, index, list) => index % Math.max(1, Math.floor(list.length / 15)) === 0);
  const agencies: BenchAgency[] = [...agencyRows.slice(0, 5), ...spread.slice(0, 15)].flatMap((agency) => {
    const unitAdmin = grants.find((grant) => grant.role === 'unit_admin' && grant.unit_id === agency.id);
    const approvers = grants
      .filter((grant) => grant.role === 'approver' && grant.unit_id === agency.id)
      .map((grant) => grant.account_id);
    return unitAdmin
      ? [{ ...agency, unitAdminAccountId: unitAdmin.account_id, approverAccountIds: approvers }]
      : [];
  });

  const approversByAgency = new Map<number, number[]>();
  for (const grant of grants.filter((item) => item.role === 'approver')) {
    approversByAgency.set(grant.unit_id, [...(approversByAgency.get(grant.unit_id) ?? []), grant.account_id]);
  }

  const recordPersonIds = (
    await rows<{ person_id: number }>(
      client,
      `select r.person_id from person_records r
       join memberships m on m.person_id = r.person_id and m.valid_to is null
       join units a on a.id = m.agency_id
       where a.parent_id = $1 order by md5(r.person_id::text) limit 500`,
      [province.id],
    )
  ).map((row) => row.person_id);

  const readerAccountIds = (
    await rows<{ id: number }>(
      client,
      `select ac.id from accounts ac
       join memberships m on m.person_id = ac.person_id and m.valid_to is null
       join units a on a.id = m.agency_id
       where a.parent_id = $1 and exists (select 1 from person_records r where r.person_id = ac.person_id)
         and not exists (select 1 from role_grants g where g.account_id = ac.id)
       order by md5(ac.id::text) limit 256`,
      [province.id],
    )
  ).map((row) => row.id);

  const declarants = (
    await rows<{ person_id: number; account_id: number; agency_id: number }>(
      client,
      `select ac.person_id, ac.id as account_id, m.agency_id from accounts ac
       join memberships m on m.person_id = ac.person_id and m.valid_to is null
       join units a on a.id = m.agency_id and a.kind = 'agency' and a.parent_id = $1
       join units d on d.id = m.division_id and d.status = 'active'
       join person_records r on r.person_id = ac.person_id and r.agency_id = m.agency_id and r.division_id = m.division_id
       where not exists (select 1 from role_grants g where g.account_id = ac.id)
         and not exists (select 1 from declarations x where x.person_id = ac.person_id and x.status in ('draft', 'submitted', 'returned'))
         and (select count(*) from role_grants g where g.unit_id = m.agency_id and g.role = 'approver' and g.revoked_at is null) >= 2
       order by md5(ac.person_id::text) limit $2`,
      [province.id, options.declarants],
    )
  ).map((row) => ({ personId: row.person_id, accountId: row.account_id, agencyId: row.agency_id }));

  const names = await rows<{ full_name: string }>(
    client,
    `select p.full_name from people p join memberships m on m.person_id = p.id and m.valid_to is null
     join units a on a.id = m.agency_id where a.parent_id = $1 order by md5(p.id::text) limit 200`,
    [province.id],
  );

  // The export lists a unit's people; in the national dataset the province nearest 30,000 people.
  const exportProvince = provinces.reduce(
    (best, row) => (Math.abs(row.headcount - 30_000) < Math.abs(best.headcount - 30_000) ? row : best),
    province,
  );

  return {
    province: { id: province.id, code: province.code, name: province.name, headcount: province.headcount },
    nationalRootId,
    provinceAdminAccountId: provinceAdmin.account_id,
    nationalAdminAccountId: nationalAdmin?.account_id ?? null,
    agencies,
    approversByAgency,
    recordPersonIds,
    readerAccountIds,
    declarants,
    searchTerms: searchTermsOf(names.map((row) => row.full_name)),
    exportUnit: { id: exportProvince.id, name: exportProvince.name, rows: exportProvince.headcount },
  };
}
