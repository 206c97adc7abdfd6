import { sql, type Transaction } from 'kysely';
import { type RecordData, recordData } from '../../common/schemas/record.ts';
import type { Database } from '../db/schema.ts';
import {
  type DemoCatalogs,
  type DemoPersonInput,
  type DemoRank,
  generateDemoRecord,
} from '../modules/records/demo-records.ts';
import { indexedColumnsOf } from '../modules/records/record-columns.ts';
import { chunks } from './batch.ts';
import type { SeededRandom } from './random.ts';
import type { DemoSeedContext, SeededPerson } from './seed-context.ts';

// The personnel records of the demo people. Each gets an approved first version, as if imported
// from the former system. Then comes a mix of declarations: approved updates, drafts, submitted
// declarations waiting in the approvers' inboxes, and a few returned with a reason.

const BATCH = 500;
const HOME_PROVINCE = '44';
const RETURN_REASONS = [
  'Thiếu quá trình đào tạo, bồi dưỡng; hãy bổ sung rồi nộp lại.',
  'Hệ số lương chưa khớp quyết định nâng bậc gần nhất.',
  'Chưa kê khai quan hệ gia đình bên vợ hoặc chồng.',
  'Ngày vào Đảng chưa khớp lý lịch đảng viên; hãy kiểm tra lại.',
];
const SERVICE_SECTORS = [
  'lưu trữ (nội vụ)',
  'tài nguyên và môi trường',
  'nông nghiệp - trồng trọt',
  'văn hóa cơ sở',
  'thư viện',
  'khoa học và công nghệ',
  'xây dựng',
];

type Attributes = Record<string, unknown>;
// Entry-level titles (rank III) are drawn three times as often; rank I titles are not given.
const TITLE_COPIES_BY_RANK: Record<string, number> = { III: 3, I: 0 };

function titleFamilyOf(sector: string): keyof DemoCatalogs['titles'] | null {
  if (/^giáo dục - (mầm non|tiểu học|THCS|THPT)$/.test(sector)) return 'school';
  if (sector === 'y tế') return 'health';
  return SERVICE_SECTORS.includes(sector) ? 'service' : null;
}
type VersionRow = {
  person_id: number;
  version_no: number;
  data: string;
  source: 'import' | 'declaration';
  declaration_id: number | null;
  approved_by_account_id: number | null;
};

/** Reads the catalog values the generator needs. */
async function loadCatalogs(db: Transaction<Database>): Promise<DemoCatalogs> {
  const rows = await db
    .selectFrom('catalog_entries')
    .select(['catalog', 'code', 'name', 'attributes'])
    .where('catalog', 'in', [
      'grades',
      'professional_titles',
      'salary_coefficients',
      'salary_step_rules',
      'leadership_allowances',
      'communes',
    ])
    .where('valid_to', 'is', null)
    .execute();

  const catalogs: DemoCatalogs = {
    grades: new Map(),
    titles: { school: [], health: [], service: [] },
    coefficients: new Map(),
    stepCounts: new Map(),
    stepIntervals: new Map(),
    positions: new Map(),
    homeCommunes: [],
  };
  for (const row of rows) {
    const attributes = row.attributes as Attributes;
    if (row.catalog === 'grades') {
      catalogs.grades.set(row.code, {
        kind: 'grade',
        code: row.code,
        name: row.name,
        salaryTable: String(attributes.salaryTable),
        salaryGroup: String(attributes.salaryGroup),
      });
    } else if (row.catalog === 'professional_titles' && attributes.salaryGroup) {
      const rank: DemoRank = {
        kind: 'professional_title',
        code: row.code,
        name: row.name,
        salaryTable: String(attributes.salaryTable),
        salaryGroup: String(attributes.salaryGroup),
      };
      const sector = String(attributes.sector ?? '');
      const copies = TITLE_COPIES_BY_RANK[String(attributes.rank)] ?? 1;
      const family = titleFamilyOf(sector);
      if (family) for (let copy = 0; copy < copies; copy++) catalogs.titles[family].push(rank);
    } else if (row.catalog === 'salary_coefficients') {
      catalogs.coefficients.set(
        `${attributes.salaryTable}/${attributes.salaryGroup}/${attributes.step}`,
        Number(attributes.coefficient),
      );
      catalogs.stepCounts.set(
        `${attributes.salaryTable}/${attributes.salaryGroup}`,
        Number(attributes.stepCount),
      );
    } else if (row.catalog === 'salary_step_rules') {
      catalogs.stepIntervals.set(row.code, Number(attributes.intervalMonths));
    } else if (row.catalog === 'leadership_allowances' && attributes.area === 'các tỉnh, thành phố còn lại') {
      catalogs.positions.set(String(attributes.position), {
        code: row.code,
        coefficient: Number(attributes.coefficient),
      });
    } else if (row.catalog === 'communes' && attributes.provinceCode === HOME_PROVINCE) {
      catalogs.homeCommunes.push(row.code);
    }
  }
  catalogs.homeCommunes.sort();
  return catalogs;
}

function inputsOf(people: SeededPerson[], agencyNames: Map<number, string>): DemoPersonInput[] {
  const seenInDivision = new Map<number, number>();
  return people.map((person) => {
    const rankInDivision = seenInDivision.get(person.divisionId) ?? 0;
    seenInDivision.set(person.divisionId, rankInDivision + 1);
    return {
      fullName: person.generated.fullName,
      gender: person.generated.gender,
      birthDate: person.generated.birthDate,
      personalIdNumber: person.generated.personalIdNumber,
      serviceStartDate: person.generated.serviceStartDate,
      membershipFrom: person.membershipFrom,
      agencyId: person.agencyId,
      agencyName: agencyNames.get(person.agencyId) ?? '',
      agencyLevel: person.agencyLevel,
      divisionId: person.divisionId,
      divisionCategory: person.divisionCategory,
      rankInDivision,
    };
  });
}

type Plan = 'none' | 'approved_update' | 'draft' | 'submitted' | 'returned';
const STATUS_OF_PLAN = {
  approved_update: 'approved',
  draft: 'draft',
  submitted: 'submitted',
  returned: 'returned',
} as const;

function planOf(random: SeededRandom): Plan {
  const draw = random.next();
  if (draw < 0.2) return 'approved_update';
  if (draw < 0.28) return 'draft';
  if (draw < 0.34) return 'submitted';
  if (draw < 0.36) return 'returned';
  return 'none';
}

/** Copies the record with a new phone number and, for some people, a new current residence. */
function updatedData(data: RecordData, random: SeededRandom): RecordData {
  const next = structuredClone(data);
  next.identity.phone = `09${String(random.int(10_000_000, 99_999_999))}`;
  if (random.chance(0.5))
    next.places.currentResidence = {
      provinceCode: HOME_PROVINCE,
      communeCode: null,
      detail: `Số ${random.int(1, 300)}, đường Hai Bà Trưng`,
    };
  return next;
}

/** Approver accounts by agency id, to decide the demo declarations. */
async function approversByAgency(
  db: Transaction<Database>,
): Promise<Map<number, Array<{ accountId: number; personId: number | null }>>> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select(['g.unit_id as unitId', 'a.id as accountId', 'a.person_id as personId'])
    .where('g.role', '=', 'approver')
    .where('g.revoked_at', 'is', null)
    .execute();
  const byAgency = new Map<number, Array<{ accountId: number; personId: number | null }>>();
  for (const row of rows)
    byAgency.set(row.unitId, [
      ...(byAgency.get(row.unitId) ?? []),
      { accountId: row.accountId, personId: row.personId },
    ]);
  return byAgency;
}

/** Writes the demo records and declarations; runs after the people, accounts and role grants. */
export async function seedRecords(context: DemoSeedContext): Promise<Record<string, number>> {
  const { db } = context;
  const random = context.random('records');
  const plans = context.random('records-declarations');
  const catalogs = await loadCatalogs(db);
  const agencies = await db.selectFrom('units').select(['id', 'name']).where('kind', '=', 'agency').execute();
  const agencyNames = new Map(agencies.map((agency) => [agency.id, agency.name]));
  const approvers = await approversByAgency(db);

  const inputs = inputsOf(context.people, agencyNames);
  const counts = { records: 0, versions: 0, declarations: 0 };

  for (const [batchIndex, batch] of [...chunks(context.people, BATCH)].entries()) {
    const firstVersions = batch.map((person, index) => ({
      person,
      data: recordData.parse(generateDemoRecord(inputs[batchIndex * BATCH + index]!, catalogs, random)),
      plan: planOf(plans),
    }));

    // Declarations first, so that the second versions can name the declaration they came from.
    const declarations = firstVersions
      .filter((item) => item.plan !== 'none')
      .map((item) => {
        const data = updatedData(item.data, plans);
        const decider = (approvers.get(item.person.agencyId) ?? []).find(
          (approver) => approver.personId !== item.person.id,
        );
        const decided = item.plan === 'approved_update' || item.plan === 'returned';
        const author = context.accountIds.get(item.person.id) ?? null;
        return {
          item,
          data,
          row: {
            person_id: item.person.id,
            status: STATUS_OF_PLAN[item.plan as Exclude<Plan, 'none'>],
            data: JSON.stringify(data),
            base_version_no: 1,
            target_agency_id: item.plan === 'draft' ? null : item.person.agencyId,
            target_division_id: item.plan === 'draft' ? null : item.person.divisionId,
            route: item.plan === 'draft' ? null : ('agency' as const),
            created_by_account_id: author,
            last_edited_by_account_id: author,
            submitted_at: item.plan === 'draft' ? null : sql<Date>`now() - interval '3 days'`,
            submitted_by_account_id: item.plan === 'draft' ? null : author,
            decided_at: decided ? sql<Date>`now() - interval '1 day'` : null,
            decided_by_account_id: decided ? (decider?.accountId ?? null) : null,
            return_reason: item.plan === 'returned' ? plans.pick(RETURN_REASONS) : null,
          },
        };
      });
    const inserted = declarations.length
      ? await db
          .insertInto('declarations')
          .values(declarations.map((declaration) => declaration.row))
          .returning(['id', 'person_id'])
          .execute()
      : [];
    const declarationIds = new Map(inserted.map((row) => [row.person_id, row.id]));

    const versionRows: VersionRow[] = firstVersions.map((item) => ({
      person_id: item.person.id,
      version_no: 1,
      data: JSON.stringify(item.data),
      source: 'import',
      declaration_id: null,
      approved_by_account_id: null,
    }));
    const finalData = new Map(firstVersions.map((item) => [item.person.id, item.data]));
    for (const declaration of declarations) {
      if (declaration.item.plan !== 'approved_update') continue;
      versionRows.push({
        person_id: declaration.item.person.id,
        version_no: 2,
        data: JSON.stringify(declaration.data),
        source: 'declaration',
        declaration_id: declarationIds.get(declaration.item.person.id) ?? null,
        approved_by_account_id: declaration.row.decided_by_account_id,
      });
      finalData.set(declaration.item.person.id, declaration.data);
    }
    const versions = await db
      .insertInto('record_versions')
      .values(versionRows)
      .returning(['id', 'person_id', 'version_no', 'approved_at'])
      .execute();

    const current = new Map<number, (typeof versions)[number]>();
    for (const version of versions)
      if ((current.get(version.person_id)?.version_no ?? 0) < version.version_no)
        current.set(version.person_id, version);
    await db
      .insertInto('person_records')
      .values(
        [...current.values()].map((version) => ({
          person_id: version.person_id,
          current_version_id: version.id,
          version_no: version.version_no,
          approved_at: version.approved_at,
          ...indexedColumnsOf(finalData.get(version.person_id)!),
        })),
      )
      .execute();

    const events = declarations.flatMap((declaration) => {
      const id = declarationIds.get(declaration.item.person.id)!;
      const author = declaration.row.created_by_account_id;
      const list: Array<{
        declaration_id: number;
        event: 'created' | 'submitted' | 'returned' | 'approved';
        actor_account_id: number | null;
        reason: string | null;
      }> = [{ declaration_id: id, event: 'created', actor_account_id: author, reason: null }];
      if (declaration.item.plan !== 'draft')
        list.push({ declaration_id: id, event: 'submitted', actor_account_id: author, reason: null });
      if (declaration.item.plan === 'approved_update')
        list.push({
          declaration_id: id,
          event: 'approved',
          actor_account_id: declaration.row.decided_by_account_id,
          reason: null,
        });
      if (declaration.item.plan === 'returned')
        list.push({
          declaration_id: id,
          event: 'returned',
          actor_account_id: declaration.row.decided_by_account_id,
          reason: declaration.row.return_reason,
        });
      return list;
    });
    for (const slice of chunks(events)) await db.insertInto('declaration_events').values(slice).execute();

    counts.records += current.size;
    counts.versions += versions.length;
    counts.declarations += declarations.length;
  }

  await sql`
    update declarations d set approved_version_id = v.id
    from record_versions v
    where v.declaration_id = d.id and d.status = 'approved' and d.approved_version_id is null
  `.execute(db);
  return counts;
}
