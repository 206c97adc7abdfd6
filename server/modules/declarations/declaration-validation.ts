import { type Kysely, sql } from 'kysely';
import type { FieldError } from '../../../common/error-codes.ts';
import { type RecordData, recordData } from '../../../common/schemas/record.ts';
import type { Database } from '../../db/schema.ts';
import { recordFieldErrors } from '../records/record-data.ts';
import { checkCatalogCodes, checkSalary } from './declaration-catalog-rules.ts';
import { formatDate, type Path, Problems } from './validation-problems.ts';

// The rules a declaration must meet when it is submitted and again when it is approved: the
// checks that depend on today's date, the catalogs and the organisation tree. Every broken rule
// yields one Vietnamese message naming its field.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/** Walks every leaf of the record; dates and months must not lie after today. */
function checkNotFuture(
  value: unknown,
  path: Array<string | number>,
  today: string,
  problems: Problems,
): void {
  if (typeof value === 'string') {
    if (DATE.test(value) && value > today)
      problems.add(path, `Ngày ${formatDate(value)} ở tương lai; hãy nhập ngày không sau hôm nay.`);
    if (MONTH.test(value) && value > today.slice(0, 7))
      problems.add(
        path,
        `Tháng ${value.slice(5)}/${value.slice(0, 4)} ở tương lai; hãy nhập tháng không sau tháng này.`,
      );
    return;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) checkNotFuture(item, [...path, index], today, problems);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) checkNotFuture(item, [...path, key], today, problems);
  }
}

function checkRequired(data: RecordData, problems: Problems): void {
  const required: Array<[Path, unknown, string]> = [
    [['identity', 'gender'], data.identity.gender, 'Hãy chọn giới tính.'],
    [['identity', 'birthDate'], data.identity.birthDate, 'Hãy nhập ngày, tháng, năm sinh.'],
    [
      ['identity', 'personalIdNumber'],
      data.identity.personalIdNumber,
      'Hãy nhập số định danh cá nhân (12 chữ số).',
    ],
    [['identity', 'ethnicityCode'], data.identity.ethnicityCode, 'Hãy chọn dân tộc.'],
    [
      ['employment', 'employmentType'],
      data.employment.employmentType,
      'Hãy chọn cán bộ, công chức hoặc viên chức.',
    ],
    [['employment', 'agencyId'], data.employment.agencyId, 'Hãy chọn cơ quan, đơn vị công tác.'],
  ];
  for (const [path, value, message] of required)
    if (value === null || value === undefined) problems.add(path, message);
}

function checkOrder(
  problems: Problems,
  path: Path,
  earlier: string | null | undefined,
  later: string | null | undefined,
  message: string,
): void {
  if (earlier && later && later < earlier) problems.add(path, message);
}

function checkChronology(data: RecordData, problems: Problems): void {
  const birth = data.identity.birthDate;
  if (birth && birth < '1900-01-01') problems.add(['identity', 'birthDate'], 'Ngày sinh phải từ năm 1900.');
  checkOrder(
    problems,
    ['identity', 'idIssueDate'],
    birth,
    data.identity.idIssueDate,
    'Ngày cấp căn cước phải sau ngày sinh.',
  );
  checkOrder(
    problems,
    ['employment', 'firstRecruitmentDate'],
    birth,
    data.employment.firstRecruitmentDate,
    'Ngày tuyển dụng phải sau ngày sinh.',
  );
  checkOrder(
    problems,
    ['party', 'partyOfficialDate'],
    data.party.partyJoinDate,
    data.party.partyOfficialDate,
    'Ngày chính thức phải sau ngày vào Đảng.',
  );
  checkOrder(
    problems,
    ['military', 'dischargeDate'],
    data.military.enlistmentDate,
    data.military.dischargeDate,
    'Ngày xuất ngũ phải sau ngày nhập ngũ.',
  );

  const periodTables = [
    ['workHistory', data.workHistory],
    ['salaryHistory', data.salaryHistory],
    ['allowanceHistory', data.allowanceHistory],
    ['disciplines', data.disciplines],
    ...Object.entries(data.training).map(([key, rows]) => [`training.${key}`, rows] as const),
  ] as const;
  for (const [table, rows] of periodTables) {
    rows.forEach((row, index) => {
      const { from, to } = row as { from?: string | null; to?: string | null };
      checkOrder(
        problems,
        [...table.split('.'), index, 'to'],
        from,
        to,
        'Tháng, năm kết thúc phải không trước tháng, năm bắt đầu.',
      );
    });
  }
}

/** Reads a unit and its ancestors with their kinds in one query, the unit first and the root last. */
async function unitChainWithKinds(
  db: Kysely<Database>,
  unitId: number,
): Promise<Array<{ id: number; kind: string }>> {
  const result = await sql<{ id: number; kind: string }>`
    with recursive chain (id, parent_id, kind, depth) as (
      select id, parent_id, kind, 0 from units where id = ${unitId}
      union all
      select u.id, u.parent_id, u.kind, c.depth + 1 from units u join chain c on u.id = c.parent_id where c.depth < 64
    )
    select id, kind from chain order by depth
  `.execute(db);
  return result.rows;
}

async function checkOrganisation(
  db: Kysely<Database>,
  data: RecordData,
  today: string,
  problems: Problems,
): Promise<void> {
  const { agencyId, divisionId } = data.employment;
  if (!agencyId) return;
  // The agency and the division in one statement: submit and approval run this on every declaration.
  const units = await db
    .selectFrom('units')
    .selectAll()
    .where('id', 'in', divisionId ? [agencyId, divisionId] : [agencyId])
    .execute();
  const agency = units.find((unit) => unit.id === agencyId);
  const agencyActive = agency && agency.status === 'active' && agency.valid_from <= today;
  if (!agency || !['agency', 'holding_group'].includes(agency.kind)) {
    problems.add(
      ['employment', 'agencyId'],
      'Cơ quan, đơn vị đã chọn không có trong tổ chức bộ máy; hãy chọn lại.',
    );
    return;
  }
  if (!agencyActive) {
    problems.add(
      ['employment', 'agencyId'],
      `Cơ quan ${agency.code} ${agency.name} đã kết thúc hoạt động (sáp nhập, giải thể); hãy chọn cơ quan mới.`,
    );
    return;
  }

  if (!divisionId) {
    const activeDivision = await db
      .selectFrom('units')
      .select('id')
      .where('parent_id', '=', agencyId)
      .where('kind', '=', 'division')
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (activeDivision)
      problems.add(['employment', 'divisionId'], `Hãy chọn bộ phận, phòng thuộc ${agency.name}.`);
    return;
  }

  const division = units.find((unit) => unit.id === divisionId);
  if (division?.kind !== 'division') {
    problems.add(
      ['employment', 'divisionId'],
      'Bộ phận, phòng đã chọn không có trong tổ chức bộ máy; hãy chọn lại.',
    );
    return;
  }
  if (division.status !== 'active' || division.valid_from > today) {
    problems.add(
      ['employment', 'divisionId'],
      `Bộ phận ${division.code} đã kết thúc hoạt động (sáp nhập, giải thể); hãy chọn bộ phận mới.`,
    );
    return;
  }
  // The division belongs to the agency when the agency is the nearest employing unit above it.
  const chain = await unitChainWithKinds(db, divisionId);
  const owner = chain.find((unit) => ['agency', 'holding_group'].includes(unit.kind))?.id;
  if (owner !== agencyId)
    problems.add(
      ['employment', 'divisionId'],
      `Bộ phận ${division.code} ${division.name} không thuộc ${agency.name}; hãy chọn bộ phận của cơ quan đã chọn.`,
    );
}

async function checkPersonalId(
  db: Kysely<Database>,
  data: RecordData,
  personId: number,
  problems: Problems,
): Promise<void> {
  const number = data.identity.personalIdNumber;
  if (!number) return;
  const other = await db
    .selectFrom('people')
    .select('id')
    .where('personal_id_number', '=', number)
    .where('id', '<>', personId)
    .executeTakeFirst();
  if (other)
    problems.add(
      ['identity', 'personalIdNumber'],
      'Số định danh cá nhân này đã thuộc hồ sơ của người khác; hãy kiểm tra lại.',
    );
}

/**
 * Organisation problems by agency, division and day, for a caller that checks many records of the
 * same units in one go (an Excel import). Units do not change within one batch of rows.
 */
export type OrganisationMemo = Map<string, readonly FieldError[]>;

async function checkOrganisationOnce(
  db: Kysely<Database>,
  data: RecordData,
  today: string,
  problems: Problems,
  memo: OrganisationMemo | undefined,
): Promise<void> {
  if (!memo) return checkOrganisation(db, data, today, problems);
  const key = `${data.employment.agencyId}:${data.employment.divisionId}:${today}`;
  let found = memo.get(key);
  if (!found) {
    const own = new Problems();
    await checkOrganisation(db, data, today, own);
    found = own.list;
    memo.set(key, found);
  }
  problems.addFound(found);
}

export interface ProblemContext {
  personId: number;
  today: string;
  organisationMemo?: OrganisationMemo;
  /** Set when the caller has just found that no person has the record's ID number. */
  personalIdFree?: boolean;
}

/**
 * Returns every rule the declaration breaks on `today`; an empty list means it may be submitted
 * or approved. Structural errors (types, lengths) come first, from the shared schema.
 */
export async function findDeclarationProblems(
  db: Kysely<Database>,
  data: unknown,
  context: ProblemContext,
): Promise<FieldError[]> {
  const parsed = recordData.safeParse(data);
  if (!parsed.success) return recordFieldErrors(parsed.error.issues);

  const problems = new Problems();
  const record = parsed.data;
  checkRequired(record, problems);
  checkNotFuture(record, [], context.today, problems);
  checkChronology(record, problems);
  await checkOrganisationOnce(db, record, context.today, problems, context.organisationMemo);
  await checkCatalogCodes(db, record, context.today, problems);
  await checkSalary(db, record, context.today, problems);
  if (!context.personalIdFree) await checkPersonalId(db, record, context.personId, problems);
  return problems.list;
}
